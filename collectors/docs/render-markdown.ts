import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { anchorHeadings } from './headings.ts';
import { highlightCode } from './highlight.ts';
import { rewriteReferences, type ReferenceContext } from './rewrite-references.ts';
import { docsSanitizeSchema } from './sanitize-schema.ts';
import type { DocHeading } from './schema.ts';

/**
 * Untrusted Markdown to a sanitized tree: Markdown only (never MDX, nothing executed), raw HTML
 * parsed so that the sanitizer sees it, then GitHub's allow-list, tightened. Footnote ids are left
 * unprefixed here because the sanitizer prefixes every id once.
 */
const sanitizer = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeSanitize, docsSanitizeSchema)
  .freeze();

const stringifier = unified().use(rehypeStringify).freeze();

export interface RenderedMarkdown {
  html: string;
  headings: DocHeading[];
  /** The text of the first level-1 heading, the page's title when there is one. */
  title?: string;
}

/**
 * Renders one repository page: sanitize first, then Cairn's own trusted steps on the safe tree —
 * heading ids and anchors, links and images rewritten, code highlighted. Same input, same HTML.
 */
export async function renderMarkdown(markdown: string, context: Omit<ReferenceContext, 'headingIds'>): Promise<RenderedMarkdown> {
  const { body, title: metaTitle } = withoutFrontMatter(markdown);
  const tree = (await sanitizer.run(sanitizer.parse(body))) as Root;
  const headings = anchorHeadings(tree);
  rewriteReferences(tree, { ...context, headingIds: new Set(headings.map((heading) => heading.slug)) });
  await highlightCode(tree);
  const title = metaTitle ?? headings.find((heading) => heading.depth === 1)?.text;
  return { html: stringifier.stringify(tree), headings, ...(title ? { title } : {}) };
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * MkDocs reads a YAML block at the top of a page as its metadata, not its text: it is left out,
 * and its `title`, a plain one-line value, names the page.
 */
function withoutFrontMatter(markdown: string): { body: string; title?: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { body: markdown };
  const title = /^title:[ \t]*(.+?)[ \t]*$/m.exec(match[1]!)?.[1]?.replace(/^(['"])(.*)\1$/, '$2').trim();
  return { body: markdown.slice(match[0].length), ...(title ? { title } : {}) };
}
