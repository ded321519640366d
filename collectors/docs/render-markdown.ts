import type { Root } from 'hast';
import { unrenderable } from '../support/markdown-nesting.ts';
import { takeAttributeLists } from './attribute-lists.ts';
import { linkEmbeds } from './embeds.ts';
import { anchorHeadings } from './headings.ts';
import { highlightCode } from './highlight.ts';
import { rewriteReferences, type ReferenceContext } from './rewrite-references.ts';
import { docsSanitizeSchema } from './sanitize-schema.ts';
import { scrollableTables } from './tables.ts';
import type { DocHeading } from './schema.ts';

let pipelines: ReturnType<typeof loadPipelines> | undefined;

/**
 * The Markdown pipelines, loaded with their parsers on the first page rendered: a run that renders
 * no docs (`cairn check` on most repositories) never loads them.
 */
async function loadPipelines() {
  const [
    { unified },
    { default: remarkParse },
    { default: remarkGfm },
    { default: remarkRehype },
    { default: rehypeRaw },
    { default: rehypeSanitize },
    { default: rehypeStringify },
  ] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-rehype'),
    import('rehype-raw'),
    import('rehype-sanitize'),
    import('rehype-stringify'),
  ]);
  return {
    /**
     * Untrusted Markdown to a sanitized tree: Markdown only (never MDX, nothing executed), raw HTML
     * parsed so that the sanitizer sees it, embeds made links, then GitHub's allow-list, tightened. Footnote ids are left
     * unprefixed here because the sanitizer prefixes every id once.
     */
    sanitizer: unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
      .use(rehypeRaw)
      .use(linkEmbeds)
      .use(rehypeSanitize, docsSanitizeSchema)
      .freeze(),
    stringifier: unified().use(rehypeStringify).freeze(),
  };
}

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
  const { body, title: metaTitle, linesBefore } = withoutFrontMatter(markdown);
  const refused = unrenderable(body);
  if (refused) throw new Error(`${refused}, more than Cairn renders`);
  const { sanitizer, stringifier } = await (pipelines ??= loadPipelines());
  const tree = (await sanitizer.run(sanitizer.parse(body))) as Root;
  const headings = anchorHeadings(tree, takeAttributeLists(tree));
  const { onOtherPath } = context;
  rewriteReferences(tree, {
    ...context,
    headingIds: new Set(headings.map((heading) => heading.slug)),
    // Lines in the file, front matter included.
    ...(onOtherPath ? { onOtherPath: (other) => onOtherPath(other.line ? { ...other, line: other.line + linesBefore } : other) } : {}),
  });
  await highlightCode(tree);
  scrollableTables(tree);
  const title = metaTitle ?? headings.find((heading) => heading.depth === 1)?.text;
  return { html: stringifier.stringify(tree), headings, ...(title ? { title } : {}) };
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * MkDocs reads a YAML block at the top of a page as its metadata, not its text: it is left out,
 * and its `title`, a plain one-line value, names the page.
 */
function withoutFrontMatter(markdown: string): { body: string; title?: string; linesBefore: number } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { body: markdown, linesBefore: 0 };
  // Found by hand: `^title:[ \t]*(.+?)[ \t]*$` backtracks on a long run of spaces.
  const title = match[1]!
    .split('\n')
    .find((line) => line.startsWith('title:'))
    ?.slice('title:'.length)
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .trim();
  return { body: markdown.slice(match[0].length), ...(title ? { title } : {}), linesBefore: match[0].split('\n').length - 1 };
}
