import type { Definition, Heading, Link, Nodes, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Guide } from '../../collectors/contract/snapshot.ts';
import type { EntityLink, IndexedCatalog } from './catalog.ts';
import { adoptionView, guideChecks } from './guides.ts';
import { checkPath, entityPath } from './paths.ts';
import type { IndexedStandards } from './standards.ts';

/**
 * A guide as plain Markdown, for readers that are not browsers: `llms-full.txt` and `cairn mcp`.
 * The MDX body keeps its own text byte for byte; only what Markdown cannot say changes: the
 * components become the Markdown of what they show on the guide's page, links to the portal's
 * pages become links a reader outside the portal can follow, and headings can move down a level
 * or two to nest under the file's own.
 */
export interface GuideMarkdownInput {
  guide: Guide;
  /** The guide's MDX body, without its frontmatter. */
  body: string;
  catalog: IndexedCatalog;
  standards: IndexedStandards;
  /** A site path (`checks/x/`, `guides/y/#s`) as the link to write: absolute when the portal's URL is known. */
  url: (path: string) => string;
  /** Headings at least this deep (default 1): the guide's `##` becomes `####` with 4. */
  minHeadingDepth?: number;
  /** Levels every heading moves down (default 0). */
  headingShift?: number;
}

/** The guide's body as Markdown (see {@link GuideMarkdownInput}). */
export function guideBodyMarkdown(input: GuideMarkdownInput): string {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(input.body) as Root;
  return `${renderChildren(tree.children, 0, input.body.length, { ...input, source: input.body }).trim()}\n`;
}

/**
 * What the guide's page says about it besides its body, one `- Name: value` line each: category,
 * status, owner, the day it was reviewed and the checks it teaches.
 */
export function guideFacts(guide: Guide): string[] {
  return [
    `- Category: ${oneLine(guide.category)}`,
    `- Status: ${guide.status}${guide.stale ? ' (not reviewed recently)' : ''}`,
    `- Owner: ${guide.owner}`,
    `- Reviewed: ${guide.reviewed}`,
    ...(guide.checks.length > 0 ? [`- Teaches: ${guide.checks.map((id) => `\`${id}\``).join(', ')}`] : []),
  ];
}

/** Text on one line, whitespace runs as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface RenderContext extends GuideMarkdownInput {
  source: string;
}

const startOf = (node: Nodes) => node.position!.start.offset!;
const endOf = (node: Nodes) => node.position!.end.offset!;

/** The source from `from` to `to` with each child rendered in its place. */
function renderChildren(children: readonly RootContent[], from: number, to: number, context: RenderContext): string {
  let out = '';
  let at = from;
  for (const child of children) {
    if (!child.position) continue;
    const rendered = renderNode(child, context);
    out += context.source.slice(at, startOf(child)) + rendered;
    at = endOf(child);
    // A block that shows nothing here takes the blank lines after it along.
    if (rendered === '' && (child.type === 'mdxJsxFlowElement' || child.type === 'mdxFlowExpression'))
      at += /^(?:[ \t]*\n)*/.exec(context.source.slice(at))![0].length;
  }
  return out + context.source.slice(at, to);
}

function renderNode(node: RootContent, context: RenderContext): string {
  switch (node.type) {
    case 'heading':
      return renderHeading(node, context);
    case 'link':
      return renderLink(node, context);
    case 'definition':
      return renderDefinition(node, context);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return renderComponent(node, context);
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'mdxjsEsm':
      // `{/* a comment */}` and expressions: nothing a Markdown reader could evaluate.
      return '';
    default:
      return renderSpan(node, context);
  }
}

/** The node's source with its children rendered. */
function renderSpan(node: RootContent, context: RenderContext): string {
  const children = 'children' in node ? (node.children as RootContent[]) : [];
  return renderChildren(children, startOf(node), endOf(node), context);
}

/** The content of a node: from its first child's start to its last child's end. */
function renderContent(node: { children: RootContent[] }, context: RenderContext): string {
  const placed = node.children.filter((child) => child.position);
  if (placed.length === 0) return '';
  return renderChildren(placed, startOf(placed[0]!), endOf(placed.at(-1)!), context);
}

function renderHeading(node: Heading, context: RenderContext): string {
  const depth = Math.min(6, Math.max(context.minHeadingDepth ?? 1, node.depth + (context.headingShift ?? 0)));
  return `${'#'.repeat(depth)} ${oneLine(renderContent(node, context))}`;
}

/** A root-absolute site path (`/checks/x/`) as the reader's link; any other link as written. */
function siteLink(href: string, context: RenderContext): string {
  return href.startsWith('/') && !href.startsWith('//') ? context.url(href.slice(1)) : href;
}

function destination(url: string, title: string | null | undefined): string {
  const target = /[\s()<>]/.test(url) ? `<${url}>` : url;
  return title ? `${target} "${title.replace(/"/g, '\\"')}"` : target;
}

function renderLink(node: Link, context: RenderContext): string {
  const href = siteLink(node.url, context);
  if (href === node.url) return renderSpan(node, context);
  return `[${renderContent(node, context)}](${destination(href, node.title)})`;
}

function renderDefinition(node: Definition, context: RenderContext): string {
  const href = siteLink(node.url, context);
  if (href === node.url) return renderSpan(node, context);
  return `[${node.label ?? node.identifier}]: ${destination(href, node.title)}`;
}

const CALLOUT_LABELS: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** A guide component as the Markdown of what it shows on the page; HTML elements stay as written. */
function renderComponent(node: MdxJsxFlowElement | MdxJsxTextElement, context: RenderContext): string {
  const { guide, catalog, standards } = context;
  switch (node.name) {
    case 'Adoption': {
      if (guide.checks.length === 0) return 'This guide teaches no checks, so its adoption is not measured.';
      const view = adoptionView(guide, catalog, standards);
      if (view.applicable === 0) return 'No service in the catalog is in scope for this guide yet.';
      return `**${view.following} of ${view.applicable}** applicable services follow this path (${view.percent}%).`;
    }
    case 'CheckList': {
      const only = attributeText(node, 'checks');
      const rows = guideChecks(
        guide,
        standards,
        only === undefined ? undefined : [...only.matchAll(/["']([^"']+)["']/g)].map((match) => match[1]!),
      );
      if (rows.length === 0) return 'This guide teaches no checks.';
      return rows
        .map(({ check, percent, passing, applicable }) => {
          const title = check.href ? `[${literalText(check.title)}](${context.url(checkPath(check.id))})` : literalText(check.title);
          return `- ${title} \`${check.id}\`: ${percent === undefined ? 'applies to none yet' : `${percent}% pass (${passing} of ${applicable})`}`;
        })
        .join('\n');
    }
    case 'Examples': {
      if (guide.checks.length === 0) return '';
      const limit = Number(attributeText(node, 'limit') ?? 5);
      const shown = adoptionView(guide, catalog, standards).followers.slice(0, Number.isInteger(limit) && limit > 0 ? limit : 5);
      if (shown.length === 0) return 'No service follows this path completely yet: yours could be the first example.';
      return ['Services that follow this path, to copy from:', '', ...shown.map((link) => `- ${entityMarkdownLink(link, context)}`)].join(
        '\n',
      );
    }
    case 'Steps':
      return renderContent(node, context);
    case 'Callout': {
      const type = attributeText(node, 'type') ?? 'note';
      const label = CALLOUT_LABELS[type] ?? 'Note';
      const title = attributeText(node, 'title');
      const content = renderContent(node, context);
      const quoted = content.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
      return [`> **${title ? `${label}: ${oneLine(title)}` : label}**`, ...(quoted.length > 0 ? ['>', ...quoted] : [])].join('\n');
    }
    default:
      return renderSpan(node, context);
  }
}

/** An attribute's value as written: a string, or the source of an expression (`{3}` → `3`). */
function attributeText(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const attribute = node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  const value = attribute?.type === 'mdxJsxAttribute' ? attribute.value : undefined;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : value.value.trim();
}

/** Text that cannot end a link's text early. */
/**
 * Text on one line of Markdown that is not rendered (llms.txt), read as the text it is: what could
 * end a link's text or read as a tag or code (`[`, `]`, `<`, `>`, `` ` ``, `\`) escaped.
 */
export function literalText(text: string): string {
  return oneLine(text).replace(/[[\]<>\\`]/g, '\\$&');
}

function entityMarkdownLink(link: EntityLink, context: RenderContext): string {
  const entity = context.catalog.byRef.get(link.ref);
  return entity ? `[${literalText(link.text)}](${context.url(entityPath(entity))})` : literalText(link.text);
}
