import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Markdown to HTML that is safe to inline: Markdown only (never MDX), raw HTML parsed and then
 * sanitized with GitHub's allow-list (no scripts, event handlers or `javascript:` URLs), links
 * limited to http(s), mailto and relative paths.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, {
    ...defaultSchema,
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  })
  .use(rehypeStringify)
  .freeze();

const cache = new Map<string, string>();

/** Renders Markdown to sanitized HTML; the same text is rendered once per build. */
export function renderMarkdown(markdown: string): string {
  let html = cache.get(markdown);
  if (html === undefined) {
    html = String(processor.processSync(markdown));
    cache.set(markdown, html);
  }
  return html;
}

/**
 * Text Markdown reads as itself: letters, digits, spaces and plain punctuation, starting no block
 * (list, quote, heading, indented code) and holding no link GitHub's Markdown would make of a bare
 * `www.` address. Most entity descriptions are such text, and need no renderer.
 */
const PLAIN_TEXT = /^(?![-+*>#\d\s])(?!.*www\.)[\p{L}\p{N}\p{Pi}\p{Pf}\p{Pd} ,.;()'"?/%]*(?<!\s)$/u;

/**
 * An entity's description as Backstage's About card shows it: Markdown, rendered and sanitized
 * (empty when nothing is left). Undefined for plain text, which is shown as it is.
 */
export function descriptionHtml(description: string): string | undefined {
  if (PLAIN_TEXT.test(description)) return undefined;
  return renderMarkdown(description).trim();
}
