import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ConfigError } from '../config-error.ts';
import type { GuideHeading } from './schema.ts';

/** A link in a guide, with its line in the guide file. */
export interface GuideLink {
  href: string;
  line: number;
}

/** What the site and the link checks need from a guide's MDX body. */
export interface GuideBody {
  /** Headings with the ids the site gives them (github-slugger, as Astro does), and their lines. */
  headings: Array<GuideHeading & { line: number }>;
  /** Markdown links, link definitions and `<a href>` in JSX. */
  links: GuideLink[];
  /** Check ids named in `<CheckList checks={[…]} />`, each with its line. */
  checkMentions: Array<{ checkId: string; line: number }>;
}

/**
 * Parses an MDX body without compiling or running it. `lineOffset` is the number of file lines
 * before the body (the frontmatter), so every line reported is the file's. A syntax error is a
 * ConfigError naming the file and line.
 */
export function parseGuideBody(body: string, file: string, lineOffset: number): GuideBody {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body);
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    throw new ConfigError(`${file}${line ? `:${line + lineOffset}` : ''}: invalid MDX: ${reason ?? (error as Error).message}`);
  }
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + lineOffset;
  const slugger = new GithubSlugger();
  const headings: GuideBody['headings'] = [];
  const links: GuideLink[] = [];
  const checkMentions: GuideBody['checkMentions'] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const text = toString(node);
      headings.push({ depth: node.depth, slug: slugger.slug(text), text, line: lineOf(node) });
    } else if (node.type === 'link' || node.type === 'definition') {
      links.push({ href: node.url, line: lineOf(node) });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const href = node.name === 'a' ? literalAttribute(node, 'href') : undefined;
      if (href !== undefined) links.push({ href, line: lineOf(node) });
      if (node.name === 'CheckList') {
        for (const checkId of stringArrayAttribute(node, 'checks', file, lineOf(node))) checkMentions.push({ checkId, line: lineOf(node) });
      }
    }
  });
  return { headings, links, checkMentions };
}

function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find((candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
}

function literalAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const value = attribute(node, name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** `checks={["a", "b"]}`: only literal strings, so the ids can be verified before the site is built. */
function stringArrayAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string, file: string, line: number): string[] {
  const found = attribute(node, name);
  if (!found) return [];
  const expression = typeof found.value === 'object' && found.value !== null ? found.value.value : undefined;
  let parsed: unknown;
  try {
    parsed = expression === undefined ? undefined : JSON.parse(expression.replaceAll("'", '"'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new ConfigError(`${file}:${line}: <${node.name}> ${name}: expected an array of check ids, e.g. ${name}={["ci-configured", "actions-pinned"]}`);
  }
  return parsed;
}
