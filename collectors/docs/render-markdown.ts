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
  const tree = (await sanitizer.run(sanitizer.parse(markdown))) as Root;
  const headings = anchorHeadings(tree);
  rewriteReferences(tree, { ...context, headingIds: new Set(headings.map((heading) => heading.slug)) });
  await highlightCode(tree);
  const title = headings.find((heading) => heading.depth === 1)?.text;
  return { html: stringifier.stringify(tree), headings, ...(title ? { title } : {}) };
}
