import pLimit from 'p-limit';
import { z } from 'zod';
import type { CheckDefinition } from '../../../collectors/checks/check.ts';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import type { GuideSource } from '../../../collectors/guides/load.ts';
import { blockingChecks } from '../../../collectors/scorecards/evaluate.ts';
import { scoredCheckSchema } from '../../../collectors/scorecards/result.ts';
import {
  guideSchema,
  standardsFileSchema,
  type Guide,
  type ScorecardDefinition,
  type ScorecardResult,
  type ScoredCheck,
} from '../../../collectors/contract/snapshot.ts';
import { teachingGuides } from '../../../collectors/standards.ts';
import { EXPORT_PATHS } from '../../../site/lib/exports.ts';
import { judgeOfPublished } from '../judge.ts';
import { catalogFileSchema } from '../published-catalog.ts';
import { standardsOf } from '../published-standards.ts';
import { indexPortal, type McpPortal } from './portal.ts';

/*
 * The one place that knows how a published portal lays out what `cairn mcp --portal` reads: its
 * catalog.json, scorecards.json, standards.json (site/lib/exports.ts, standards-export.ts) and,
 * for the guides, llms-full.txt. When an export changes shape (scorecards.json split into an index
 * and a file per entity, say), this module follows and the rest of the server does not notice.
 */

// A check's `effective` outcome is written only where an exemption changes it, its evidence only when
// there is some; a result names its entity only in scorecards.json before the split (an entity's file names it once).
const exportedCheckSchema = scoredCheckSchema.omit({ checkId: true, weight: true }).extend({
  check: z.string(),
  effective: scoredCheckSchema.shape.effective.optional(),
  evidence: scoredCheckSchema.shape.evidence.default([]),
});
const exportedResultSchema = z.object({
  scorecard: z.string(),
  level: z.string().nullable(),
  score: z.number(),
  checks: z.array(exportedCheckSchema),
});
const entityResultSchema = exportedResultSchema.extend({ entity: z.string() });
/** scorecards.json: an index of every entity's levels, each with the URL of its results file; portals built before the split held every result. */
const scorecardsFileSchema = z.union([
  z.object({ generatedAt: z.string(), entities: z.array(z.object({ entity: z.string(), url: z.string() })) }),
  z.object({ generatedAt: z.string(), results: z.array(entityResultSchema) }),
]);
const entityResultsFileSchema = z.object({ generatedAt: z.string(), entity: z.string(), results: z.array(exportedResultSchema) });

type ExportedResult = z.infer<typeof entityResultSchema>;

/** Entity results files fetched at once: enough to hide a server's latency, few enough not to flood it. */
const RESULT_FETCHES = 8;

/** What each file is, for the message when it is not that. */
const EXPECTED = {
  catalog: "a Cairn portal's catalog.json",
  scorecards: "a Cairn portal's scorecards.json",
  entityResults: "an entity's results file, as a Cairn portal's scorecards.json lists them",
  standards: "a Cairn portal's standards.json",
} as const;

/** Where a portal publishes each entity's results (site/lib/paths.ts). */
const ENTITY_RESULTS_FOLDER = 'scorecards/entities/';

/** Fetches a document; the portal's URL and what was expected are in every error. */
export type Fetcher = (url: string) => Promise<Response>;

const defaultFetcher: Fetcher = (url) => fetch(url, { signal: AbortSignal.timeout(30_000) });

/**
 * The portal published at `location` (its root, or any file at its root), fetched once: the
 * catalog, every result (each entity's file that scorecards.json lists), the standards, and the
 * guides when it publishes llms-full.txt.
 */
export async function publishedPortal(location: string, fetcher: Fetcher = defaultFetcher): Promise<McpPortal> {
  const root = portalRootOf(location);
  const read = async <T>(name: keyof typeof EXPECTED, path: string, schema: z.ZodType<T>): Promise<T> => {
    const url = new URL(path, root).href;
    const text = await fetchText(url, fetcher, `${EXPECTED[name]}; is ${root} a Cairn portal?`);
    if (text === undefined) throw new ConfigError(`cairn mcp: --portal ${location}: ${url}: not found; expected ${EXPECTED[name]}.`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`cairn mcp: --portal ${location}: ${url}: not JSON (${(error as Error).message}); expected ${EXPECTED[name]}.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(
        `cairn mcp: --portal ${location}: ${url}: ${issue.path.join('.') || 'root'}: ${issue.message.replace(/^Invalid input: /, '')}; expected ${EXPECTED[name]}.`,
      );
    }
    return parsed.data;
  };
  const standardsUrl = new URL(EXPORT_PATHS.standards, root).href;
  const reads = [
    read('catalog', EXPORT_PATHS.catalog, catalogFileSchema),
    read('scorecards', EXPORT_PATHS.scorecards, scorecardsFileSchema),
    read('standards', EXPORT_PATHS.standards, standardsFileSchema),
    // Portals built before llms-full.txt have no guide texts: the rest still answers.
    fetchText(new URL(EXPORT_PATHS.llmsFull, root).href, fetcher, 'the guides in llms-full.txt'),
  ] as const;
  // Every fetch settles first, so the error told is the first file's, not the first to fail: a portal
  // that cannot be reached is told by its catalog, not by its optional guides.
  await Promise.allSettled(reads);
  const [catalog, scorecards, standardsFile, llmsFull] = await Promise.all(reads);
  const limit = pLimit(RESULT_FETCHES);
  const exportedResults: ExportedResult[] =
    'results' in scorecards
      ? scorecards.results
      : (
          await Promise.all(
            scorecards.entities.map((entry) => {
              const listed = new URL(entry.url, root);
              // A portal built with --site for another address (its custom domain, https, a mirror)
              // lists its files there: each is read where it is under this root. Only files of
              // this portal are read: a listing that points elsewhere is not followed.
              const at = listed.pathname.indexOf(`/${ENTITY_RESULTS_FOLDER}`);
              const url = listed.href.startsWith(root)
                ? listed.href
                : at >= 0
                  ? new URL(listed.pathname.slice(at + 1), root).href
                  : undefined;
              if (!url || !url.startsWith(root))
                throw new ConfigError(
                  `cairn mcp: --portal ${location}: scorecards.json lists ${entry.url} for ${entry.entity}, outside the portal; expected a file under ${root}.`,
                );
              return limit(() => read('entityResults', url, entityResultsFileSchema));
            }),
          )
        ).flatMap((file) => file.results.map((result) => ({ ...result, entity: file.entity })));
  const published = standardsOf(standardsFile, standardsUrl);
  const guides = llmsFull === undefined ? [] : guidesOfLlmsFull(llmsFull, root);
  const teaching = teachingGuides(guides.map(({ guide }) => guideSourceOf(guide)));
  const definitions = new Map(published.standards.checks.map((check) => [check.id, check]));
  const bodies = new Map(guides.map(({ guide, body }) => [guide.id, body]));
  return indexPortal({
    // The portal's title is what llms.txt and llms-full.txt start with.
    title: (llmsFull && /^# (.+)$/m.exec(llmsFull)?.[1]?.trim()) || root,
    generatedAt: catalog.generatedAt,
    origin: `the portal published at ${root}`,
    portalUrl: root,
    entities: catalog.entities,
    repos: [],
    problems: [],
    // A check names its guide itself (custom checks may), or the guide that teaches it does.
    checks: published.standards.metadata.map((check) =>
      check.guide || !teaching.has(check.id) ? check : { ...check, guide: teaching.get(check.id)! },
    ),
    scorecards: published.standards.scorecards,
    results: exportedResults.flatMap((exported) => {
      const definition = published.standards.scorecards.find((scorecard) => scorecard.id === exported.scorecard);
      return definition ? [resultOf(exported, definition, definitions)] : [];
    }),
    guides: guides.map(({ guide }) => guide),
    adoptionKnown: false,
    documented: new Set(),
    guideBody: async (id) => {
      const markdown = bodies.get(id);
      return markdown === undefined ? undefined : { markdown };
    },
    judge: async () => judgeOfPublished(published, standardsUrl),
  });
}

/** The portal's root URL, ending in `/`, from its root or a file at its root (`…/catalog.json`). */
export function portalRootOf(location: string): string {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new ConfigError(
      `cairn mcp: --portal ${location}: expected the http(s) URL of a published portal, e.g. https://acme.github.io/portal/.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`cairn mcp: --portal ${location}: expected an http(s) URL, e.g. https://acme.github.io/portal/.`);
  url.search = '';
  url.hash = '';
  const last = url.pathname.split('/').at(-1) ?? '';
  return last.includes('.') ? new URL('./', url).href : url.pathname.endsWith('/') ? url.href : `${url.href}/`;
}

/** A document's text; undefined when the server has none (404). */
async function fetchText(url: string, fetcher: Fetcher, expected: string): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new ConfigError(`cairn mcp: --portal: ${url}: could not fetch it (${(error as Error).message}); expected ${expected}.`);
  }
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new ConfigError(
      `cairn mcp: --portal: ${url}: the server answered ${response.status} ${response.statusText}; expected ${expected}.`,
    );
  return response.text();
}

/** A result of scorecards.json as the snapshot has it: weights from the definition, and the next level and what blocks it. */
function resultOf(
  exported: ExportedResult,
  definition: ScorecardDefinition,
  checks: ReadonlyMap<string, CheckDefinition>,
): ScorecardResult {
  const weightOf = (level: string, id: string) =>
    definition.levels.find((candidate) => candidate.id === level)?.checks.find((entry) => entry.id === id)?.weight ?? 1;
  const scored = exported.checks.map(({ check, level, effective, ...rest }): ScoredCheck => ({
    checkId: check,
    level,
    weight: weightOf(level, check),
    effective: effective ?? rest.outcome,
    ...rest,
  }));
  const reached = exported.level === null ? -1 : definition.levels.findIndex((level) => level.id === exported.level);
  const next = definition.levels[reached + 1];
  return {
    scorecard: exported.scorecard,
    entityRef: exported.entity,
    level: exported.level,
    score: exported.score,
    checks: scored,
    ...(next ? { next: { level: next.id, checks: blockingChecks(scored, definition, reached + 1, checks) } } : {}),
  };
}

/** A guide of llms-full.txt and its Markdown body, headings back at the depth the guide wrote them. */
export interface PublishedGuide {
  guide: Guide;
  body: string;
}

const FACT = /^- (Category|Status|Owner|Reviewed|Teaches): (.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The guides of llms-full.txt (`llmsFullTxt` in site/lib/exports.ts): under `## Guides`, each a
 * `### [title](url)` heading, its summary, its `- Name: value` facts and its body, whose headings
 * start at H4. Lines inside code fences are never read as structure. A guide whose page is not
 * under `root` or whose facts do not parse is left out.
 */
export function guidesOfLlmsFull(text: string, root: string): PublishedGuide[] {
  const guides: Array<{ title: string; url: string; lines: string[] }> = [];
  let inGuides = false;
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
      fence = undefined;
    else if (fence === undefined) {
      if (line.startsWith('## ')) {
        inGuides = line === '## Guides';
        continue;
      }
      const heading = inGuides ? /^### \[((?:[^\]\\]|\\.)*)\]\((\S+)\)$/.exec(line) : null;
      if (heading) {
        guides.push({ title: heading[1]!.replace(/\\(.)/g, '$1'), url: heading[2]!, lines: [] });
        continue;
      }
    }
    if (inGuides) guides.at(-1)?.lines.push(line);
  }
  return guides.flatMap((entry) => {
    const guide = guideOf(entry, root);
    return guide ? [guide] : [];
  });
}

function guideOf({ title, url, lines }: { title: string; url: string; lines: string[] }, root: string): PublishedGuide | undefined {
  const id = guideIdOf(url, root);
  if (id === undefined) return undefined;
  let at = lines.findIndex((line) => line.trim() !== '');
  const summary = lines[at]?.trim() ?? '';
  const facts = new Map<string, string>();
  for (at = at + 1; at < lines.length && (lines[at]!.trim() === '' ? facts.size === 0 : FACT.test(lines[at]!)); at++) {
    const fact = FACT.exec(lines[at]!);
    if (fact) facts.set(fact[1]!, fact[2]!.trim());
  }
  const status = facts.get('Status') ?? '';
  const parsed = guideSchema.safeParse({
    id,
    file: '',
    title,
    summary,
    category: facts.get('Category'),
    owner: facts.get('Owner'),
    status: status.split(' ')[0],
    reviewed: facts.get('Reviewed'),
    checks: [...(facts.get('Teaches') ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
    stale: status.includes('(not reviewed recently)'),
    headings: [],
    adoption: { entities: [], checks: [] },
  });
  return parsed.success ? { guide: parsed.data, body: promoteHeadings(lines.slice(at)).trim() } : undefined;
}

/**
 * The guide id of a guide page's URL: its path below `guides/` under the portal's root, or, when
 * the portal publishes its links under another URL (its `site` is not the address it was fetched
 * from), below the path's first `/guides/`.
 */
function guideIdOf(url: string, root: string): string | undefined {
  const rootUrl = new URL(root);
  const page = new URL(url, root);
  const below =
    page.origin === rootUrl.origin && page.pathname.startsWith(`${rootUrl.pathname}guides/`)
      ? page.pathname.slice(`${rootUrl.pathname}guides/`.length)
      : /\/guides\/(.+)$/.exec(page.pathname)?.[1];
  return below === undefined ? undefined : decodeURIComponent(below).replace(/\/$/, '');
}

/** llms-full.txt writes a guide's headings two levels down (from H4): back where the guide had them. */
function promoteHeadings(lines: readonly string[]): string {
  let fence: string | undefined;
  return lines
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence === undefined && marker) fence = marker;
      else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      else if (fence === undefined) return line.replace(/^#{4,6}(?= )/, (hashes) => hashes.slice(2));
      return line;
    })
    .join('\n');
}

/** A published guide as the guides loader would have read it, for `teachingGuides`: no links, so no sections. */
function guideSourceOf(guide: Guide): GuideSource {
  const { id, title, summary, category, owner, status, reviewed, checks } = guide;
  return {
    id,
    file: '',
    frontmatter: { title, summary, category, owner, status, reviewed, checks },
    ownerLine: 1,
    headings: [],
    links: [],
    checkMentions: [],
  };
}
