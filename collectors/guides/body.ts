import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { createRequire } from 'node:module';
import { visit } from 'unist-util-visit';
import { ConfigError } from '../config/config-error.ts';
import { undefinedNames, type EstreeNode } from './expression-names.ts';
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

/** The components guides may use (site/pages/guides/[...id].astro provides them), and what they take. */
const COMPONENTS: Record<string, (node: MdxJsxFlowElement | MdxJsxTextElement) => string | undefined> = {
  Adoption: () => undefined,
  CheckList: () => undefined,
  Steps: () => undefined,
  Examples: (node) => {
    const limit = attribute(node, 'limit')?.value;
    const text = typeof limit === 'object' && limit !== null ? limit.value.trim() : limit;
    return text === undefined || text === null || /^[1-9]\d*$/.test(text) ? undefined : 'limit: expected a whole number, e.g. limit={3}';
  },
  Callout: (node) => {
    const type = attribute(node, 'type')?.value;
    return type === undefined || (typeof type === 'string' && ['note', 'tip', 'warning'].includes(type))
      ? undefined
      : 'type: expected "note", "tip" or "warning"';
  },
};

const require = createRequire(import.meta.url);
let mdxParser: { parse(body: string): Root } | undefined;

/**
 * MDX's parser, loaded on the first guide parsed (a portal's guides; `cairn check` reads none),
 * synchronously, as parsing is.
 */
function loadMdxParser(): { parse(body: string): Root } {
  const { unified } = require('unified') as typeof import('unified');
  const { default: remarkParse } = require('remark-parse') as typeof import('remark-parse');
  const { default: remarkMdx } = require('remark-mdx') as typeof import('remark-mdx');
  return unified().use(remarkParse).use(remarkMdx).freeze();
}

/**
 * Parses an MDX body without compiling or running it. `lineOffset` is the number of file lines
 * before the body (the frontmatter), so every line reported is the file's. A syntax error is a
 * ConfigError naming the file and line.
 */
export function parseGuideBody(body: string, file: string, lineOffset: number): GuideBody {
  const parser = (mdxParser ??= loadMdxParser());
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch (error) {
    const { line, place, reason } = error as { line?: number; place?: { start?: { line: number } }; reason?: string };
    const text = reason ?? (error as Error).message;
    // Some micromark errors carry their body-relative position only in the text, as "(3:1-3:10)".
    const at = line ?? place?.start?.line ?? Number(/\((\d+):\d+/.exec(text)?.[1] ?? 0);
    const why = text.replace(/ \(\d+:\d+(-\d+:\d+)?\)/g, '');
    throw new ConfigError(`${file}${at ? `:${at + lineOffset}` : ''}: invalid MDX: ${why}`);
  }
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + lineOffset;
  const slugger = new GithubSlugger();
  const headings: GuideBody['headings'] = [];
  const links: GuideLink[] = [];
  const checkMentions: GuideBody['checkMentions'] = [];
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') {
      throw new ConfigError(
        `${file}:${lineOf(node)}: import and export are not supported in guides; the components <Adoption>, <CheckList>, <Examples>, <Steps> and <Callout> need no import`,
      );
    }
    if (node.type === 'heading') {
      const text = toString(node);
      headings.push({ depth: node.depth, slug: slugger.slug(text), text, line: lineOf(node) });
    } else if (node.type === 'link' || node.type === 'definition') {
      links.push({ href: node.url, line: lineOf(node) });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (/^[A-Z]/.test(name)) {
        const check = COMPONENTS[name];
        if (!check)
          throw new ConfigError(
            `${file}:${lineOf(node)}: <${name}>: unknown component; guides can use ${Object.keys(COMPONENTS)
              .map((known) => `<${known}>`)
              .join(', ')}`,
          );
        const fault = check(node);
        if (fault) throw new ConfigError(`${file}:${lineOf(node)}: <${name}> ${fault}`);
      }
      const href = name === 'a' ? literalAttribute(node, 'href') : undefined;
      if (href?.startsWith('/') && !href.startsWith('//')) {
        // MDX hands written <a> elements to the page as they are, so the base path would be missing.
        throw new ConfigError(
          `${file}:${lineOf(node)}: <a href="${href}">: write site links as Markdown, [text](${href}), so the portal's base path is added`,
        );
      }
      if (href !== undefined) links.push({ href, line: lineOf(node) });
      if (node.name === 'CheckList') {
        for (const checkId of stringArrayAttribute(node, 'checks', file, lineOf(node))) checkMentions.push({ checkId, line: lineOf(node) });
      }
    }
    for (const program of expressionsOf(node)) {
      const unknown = undefinedNames(program);
      if (unknown.length > 0)
        throw new ConfigError(
          `${file}:${lineOf(node)}: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not defined: guides have no variables, and an {expression} may hold literals and JavaScript's built-ins (write a literal { as \\{)`,
        );
    }
  });
  return { headings, links, checkMentions };
}

/** The JavaScript of a node: an `{expression}`, or a JSX element's attribute expressions. */
function expressionsOf(node: Nodes): EstreeNode[] {
  const programs =
    node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression'
      ? [node.data?.estree]
      : node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
        ? node.attributes.map((attribute) =>
            attribute.type === 'mdxJsxExpressionAttribute'
              ? attribute.data?.estree
              : typeof attribute.value === 'object'
                ? attribute.value?.data?.estree
                : undefined,
          )
        : [];
  return programs.filter((program) => program !== undefined && program !== null) as unknown as EstreeNode[];
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
    throw new ConfigError(
      `${file}:${line}: <${node.name}> ${name}: expected an array of check ids, e.g. ${name}={["ci-configured", "actions-pinned"]}`,
    );
  }
  return parsed;
}
