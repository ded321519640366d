import type { Element, ElementContent, Root } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { scrollableTables, unrenderable } from '../../collectors/contract/helpers.ts';

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
  .use(() => imagesAsLinks)
  .use(() => scrollableByKeyboard)
  .use(rehypeStringify)
  .freeze();

/**
 * A remote image becomes a link to it, titled by its alt text, as in rendered docs: the page's
 * Content-Security-Policy loads no image from elsewhere, and a description must not track readers.
 */
function imagesAsLinks(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const src = typeof node.properties.src === 'string' ? node.properties.src : undefined;
    const alt = typeof node.properties.alt === 'string' && node.properties.alt.trim() ? node.properties.alt : src;
    const replacement: ElementContent[] = src
      ? [{ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: alt ?? '' }] }]
      : alt
        ? [{ type: 'text', value: alt }]
        : [];
    parent.children.splice(index, 1, ...replacement);
    return index + replacement.length;
  });
}

/**
 * Code blocks and tables that may be wider than a phone take keyboard focus, so that the arrow keys
 * scroll them (axe: scrollable-region-focusable), as in rendered docs.
 */
function scrollableByKeyboard(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
  });
  scrollableTables(tree);
}

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

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * An entity's description as plain text, for readers of Markdown that is not rendered (llms.txt):
 * link texts kept, images, raw HTML and markup left out, and what could still read as a link or a
 * tag escaped. The text of a repository, never instructions that change the file's structure.
 */
export function descriptionText(description: string): string {
  const text = readsAsText(description) ? description : textOf(parser.parse(description));
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[[\]<>\\`]/g, '\\$&');
}

/** Plain text, or more than any description a person writes (nested too deep, too many marks): either is shown as the text it is. */
function readsAsText(description: string): boolean {
  return PLAIN_TEXT.test(description) || unrenderable(description) !== undefined;
}

/** Phrasing nodes, whose children run on in one line of text; any other parent's children are blocks, kept apart. */
const PHRASING = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** The words of a Markdown tree: text and code, not raw HTML or images. */
function textOf(node: MdastNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return '';
  return node.children.map((child) => textOf(child)).join(PHRASING.has(node.type) ? '' : ' ');
}

/**
 * An entity's description as Backstage's About card shows it: Markdown, rendered and sanitized
 * (empty when nothing is left). Undefined for plain text, which is shown as it is.
 */
export function descriptionHtml(description: string): string | undefined {
  if (readsAsText(description)) return undefined;
  return renderMarkdown(description).trim();
}
