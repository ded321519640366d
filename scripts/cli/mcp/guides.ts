import type { Guide } from '../../../collectors/contract/snapshot.ts';
import { guideBodyMarkdown, guideFacts, literalText, oneLine } from '../../../site/lib/guide-markdown.ts';
import { adoptionSummary } from '../../../site/lib/guides.ts';
import { guidePath } from '../../../site/lib/paths.ts';
import { clip, page, type PageArguments } from './bounds.ts';
import { portalLink, type McpPortal } from './portal.ts';

/** The URI of a guide's resource: `cairn://guides/<id>`. */
export function guideUri(guide: Pick<Guide, 'id'>): string {
  return `cairn://guides/${guide.id}`;
}

/** Words too common to tell guides apart. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'do',
  'does',
  'for',
  'how',
  'i',
  'in',
  'is',
  'it',
  'my',
  'of',
  'on',
  'or',
  'our',
  'should',
  'the',
  'to',
  'we',
  'what',
  'when',
  'which',
  'with',
]);

/** The words of a text, lowercase, split at anything but letters and digits. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const STATUS_RANK: Record<Guide['status'], number> = { recommended: 0, draft: 1, deprecated: 2 };

/**
 * Guides for a topic: each word of it is looked for at the start of the words of a guide's title
 * (worth most), summary and the checks it teaches (their ids and titles), then its category and
 * headings. Guides matching more words come first, then the golden path (recommended) before drafts
 * and deprecated guides, then the guides index's order.
 */
export function findGoldenPath(portal: McpPortal, topic: string, paging: PageArguments) {
  const terms = [...new Set(words(topic).filter((word) => !STOP_WORDS.has(word)))];
  if (terms.length === 0) throw new Error(`topic "${topic}" has no word to look for; try e.g. "CI", "docker" or "ownership".`);
  const ranked = portal.guides
    .map((guide, order) => ({ guide, order, ...score(portal, guide, terms) }))
    .filter(({ matched }) => matched > 0)
    .sort(
      (a, b) =>
        b.matched - a.matched || b.weight - a.weight || STATUS_RANK[a.guide.status] - STATUS_RANK[b.guide.status] || a.order - b.order,
    );
  const { items, total, nextCursor } = page(ranked, paging, ({ guide }) => guideSummary(portal, guide));
  return { topic, guides: items, total, ...(nextCursor ? { nextCursor } : {}) };
}

function score(portal: McpPortal, guide: Guide, terms: readonly string[]): { matched: number; weight: number } {
  const checks = guide.checks.flatMap((id) => [id, portal.standards.checksById.get(id)?.title ?? '']);
  const fields: Array<[weight: number, text: string]> = [
    [4, guide.title],
    [2, guide.summary],
    [2, checks.join(' ')],
    [1, guide.category],
    [1, guide.headings.map((heading) => heading.text).join(' ')],
  ];
  const fieldWords = fields.map(([weight, text]) => [weight, words(text)] as const);
  let matched = 0;
  let weight = 0;
  for (const term of terms) {
    const best = Math.max(
      0,
      ...fieldWords.filter(([, list]) => list.some((word) => word.startsWith(term))).map(([fieldWeight]) => fieldWeight),
    );
    if (best > 0) matched++;
    weight += best;
  }
  return { matched, weight };
}

/** A guide in a list: what it is for, what it teaches, how widely it is followed, where to read it. */
export function guideSummary(portal: McpPortal, guide: Guide) {
  const url = portalLink(portal, guidePath(guide.id));
  const adoption = adoptionSummary(guide);
  return {
    id: guide.id,
    title: guide.title,
    summary: clip(guide.summary, 500),
    category: guide.category,
    status: guide.status,
    ...(guide.stale ? { stale: true } : {}),
    owner: guide.owner,
    teaches: guide.checks.map((id) => ({ id, title: portal.standards.checksById.get(id)?.title ?? id })),
    ...(portal.adoptionKnown ? { adoption: { following: adoption.following, applicable: adoption.applicable } } : {}),
    ...(url ? { url } : {}),
    resource: guideUri(guide),
  };
}

/**
 * A guide as Markdown (its resource): title, summary, page and facts, then its text as
 * `llms-full.txt` has it (components as what they show, links to the portal absolute when its URL
 * is known).
 */
export async function guideMarkdown(portal: McpPortal, guide: Guide): Promise<string> {
  const url = (path: string) => portalLink(portal, path) ?? `/${path}`;
  const body = await portal.guideBody(guide.id);
  const text =
    body === undefined
      ? `_The guide's text is not available here (${portal.origin}); read it at ${url(guidePath(guide.id))}._\n`
      : 'mdx' in body
        ? guideBodyMarkdown({ guide, body: body.mdx, catalog: portal.catalog, standards: portal.standards, url, minHeadingDepth: 2 })
        : `${body.markdown.trim()}\n`;
  return [
    `# ${oneLine(guide.title)}`,
    '',
    `> ${oneLine(guide.summary)}`,
    '',
    `- Page: [${literalText(guide.title)}](${url(guidePath(guide.id))})`,
    ...guideFacts(guide),
    '',
    text,
  ].join('\n');
}
