import type { AppliedExemption, CatalogEntity, Evidence, Guide, Outcome, ScorecardDefinition, ScorecardResult, ScoredCheck } from '../../collectors/snapshot.ts';
import { byCodeUnit, compareText, type IndexedCatalog } from './catalog.ts';
import { entityDisplayName, refRouteParams, type EntityRefParts } from './entity-ref.ts';
import { entityPath, entityResultsPath, guidePath } from './paths.ts';
import type { History } from './run-history.ts';
import type { IndexedStandards } from './standards.ts';

/**
 * Machine-readable outputs published with the site, for other tools and AI assistants:
 * `/catalog.json`, `/scorecards.json` (an index, with one file of results per entity) and
 * `/llms.txt`. Keys in a fixed order and lists sorted by code unit, so the same snapshot gives the
 * same bytes.
 */

/** Site paths of the exports, without the base. */
export const EXPORT_PATHS = { catalog: 'catalog.json', scorecards: 'scorecards.json', history: 'history.json', llms: 'llms.txt' } as const;


/** One check in the export: the outcome, the one the level used, and why. */
export interface ExportedCheck {
  check: string;
  level: string;
  outcome: Outcome;
  effective: ScoredCheck['effective'];
  message: string;
  evidence: Evidence[];
  exemption?: AppliedExemption;
}

/** One entity's standing on one scorecard. */
export interface ExportedResult {
  entity: string;
  scorecard: string;
  level: string | null;
  score: number;
  checks: ExportedCheck[];
}

/** A scorecard as the exports list it: its id, title and level ids, lowest first. */
export interface ExportedScorecard {
  id: string;
  title: string;
  levels: string[];
}

/**
 * `/scorecards.json`: every scorecard's levels, and per entity its level on each scorecard and the
 * URL of its own file of results, so a reader fetches only the entities it wants.
 */
export interface ScorecardsExport {
  generatedAt: string;
  scorecards: ExportedScorecard[];
  entities: Array<{
    entity: string;
    /** Level per scorecard id (`null`: below the first level). */
    levels: Record<string, string | null>;
    /** Its {@link EntityResultsExport}: absolute when the portal's URL is known, else under the base. */
    url: string;
  }>;
}

/** `scorecards/entities/<namespace>/<kind>/<name>.json`: one entity's results, in scorecard id order. */
export interface EntityResultsExport {
  generatedAt: string;
  entity: string;
  results: ExportedResult[];
}

/** One entity's results with the route of its file. */
export interface EntityResults {
  params: EntityRefParts;
  entityRef: string;
  results: readonly ScorecardResult[];
}

/**
 * Every scored entity with the route parameters of its results file (the catalog's URL shape),
 * sorted by entity ref by code unit; its results by scorecard id.
 */
export function entityResults(catalog: IndexedCatalog, standards: IndexedStandards): EntityResults[] {
  return [...standards.resultsByEntity]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([entityRef, results]) => ({ params: refRouteParams(entityRef, catalog.byRef.get(entityRef)), entityRef, results: [...results].sort((a, b) => byCodeUnit(a.scorecard, b.scorecard)) }));
}

/** The index: scorecards by id, then each entity's levels and the URL of its results (`url` turns a site path into the link). */
export function scorecardsExport(standards: IndexedStandards, entities: readonly EntityResults[], generatedAt: string, url: (path: string) => string): ScorecardsExport {
  return {
    generatedAt,
    scorecards: [...standards.scorecards].sort((a, b) => byCodeUnit(a.id, b.id)).map((scorecard) => ({ id: scorecard.id, title: scorecard.title, levels: scorecard.levels.map((level) => level.id) })),
    entities: entities.map(({ params, entityRef, results }) => ({
      entity: entityRef,
      levels: Object.fromEntries(results.map((result) => [result.scorecard, result.level])),
      url: url(entityResultsPath(params)),
    })),
  };
}

/** One entity's file: its results with keys in a fixed order, so the same snapshot gives the same bytes. */
export function entityResultsExport(entity: EntityResults, generatedAt: string): EntityResultsExport {
  return { generatedAt, entity: entity.entityRef, results: entity.results.map(exportedResult) };
}

function exportedResult(result: ScorecardResult): ExportedResult {
  return {
    entity: result.entityRef,
    scorecard: result.scorecard,
    level: result.level,
    score: result.score,
    checks: result.checks.map((check) => ({
      check: check.checkId,
      level: check.level,
      outcome: check.outcome,
      effective: check.effective,
      message: check.message,
      evidence: check.evidence.map(({ path, line, note }) => ({ path, ...(line === undefined ? {} : { line }), ...(note === undefined ? {} : { note }) })),
      ...(check.exemption ? { exemption: { reason: check.exemption.reason, expires: check.exemption.expires, expired: check.exemption.expired, source: check.exemption.source } } : {}),
    })),
  };
}

/** `/history.json`: each recorded run in a few figures, oldest first. */
export interface HistoryExport {
  runs: Array<{
    generatedAt: string;
    entities: number;
    /** Per scorecard, how many entities are at each level (`none`: below the first). */
    scorecards: Record<string, Record<string, number>>;
    /** Per guide, `[following, applicable]`. */
    guides: Record<string, [number, number]>;
    /** Per check, `[passing, applicable]` entities. */
    checks: Record<string, [number, number]>;
  }>;
}

export function historyExport(history: History, scorecards: readonly ScorecardDefinition[]): HistoryExport {
  const known = [...scorecards].sort((a, b) => byCodeUnit(a.id, b.id));
  return {
    runs: history.runs.map((generatedAt, run) => ({
      generatedAt,
      entities: history.figures[run]!.entities,
      scorecards: Object.fromEntries(
        known.flatMap((scorecard) => {
          const recorded = history.levels.get(scorecard.id)?.[run];
          if (!recorded) return [];
          const counts: Record<string, number> = Object.fromEntries([['none', 0], ...scorecard.levels.map((level) => [level.id, 0])]);
          for (const [level, count] of recorded) counts[level ?? 'none'] = (counts[level ?? 'none'] ?? 0) + count;
          return [[scorecard.id, counts]];
        }),
      ),
      guides: history.figures[run]!.guides,
      checks: history.figures[run]!.checks,
    })),
  };
}

/** `/catalog.json`: every entity as Backstage has it, with its relations and where it was declared. */
export interface CatalogExport {
  generatedAt: string;
  entities: Array<Pick<CatalogEntity, 'apiVersion' | 'kind' | 'metadata' | 'spec' | 'relations' | 'source' | 'inferred'> & { ref: string }>;
}

export function catalogExport(entities: readonly CatalogEntity[], generatedAt: string): CatalogExport {
  return {
    generatedAt,
    entities: [...entities]
      .sort((a, b) => byCodeUnit(a.ref, b.ref))
      .map(({ ref, apiVersion, kind, metadata, spec, relations, source, inferred }) => ({ ref, apiVersion, kind, metadata, ...(spec ? { spec } : {}), relations, source, inferred })),
  };
}

/** Kinds listed in llms.txt: what an assistant asks about. Users and Locations are left to catalog.json. */
const LLMS_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group'];

/**
 * `/llms.txt` (llmstxt.org): the portal for AI assistants, in Markdown — the golden-path guides and
 * the catalog, each entry a link with one line about it. `url` turns a site path into the link
 * (absolute when the portal's URL is known).
 */
export function llmsTxt(input: { title: string; guides: readonly Guide[]; entities: readonly CatalogEntity[]; url: (path: string) => string }): string {
  const { title, url } = input;
  const line = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  // Repository text must not end a link's text early.
  const linkText = (text: string) => line(text).replace(/[[\]\\]/g, '\\$&');
  const lines = [
    `# ${line(title)}`,
    '',
    `> The organisation's internal developer portal: the golden paths (how we build, ship and run software here), and the software catalog (who owns what, and how it fits together). The full catalog is ${url(EXPORT_PATHS.catalog)}; every entity's scorecard levels are ${url(EXPORT_PATHS.scorecards)}, which links each entity's results.`,
    '',
    '## Guides',
    '',
    ...[...input.guides]
      .filter((guide) => guide.status !== 'deprecated')
      .sort((a, b) => compareText(a.category, b.category) || compareText(a.title, b.title))
      .map((guide) => `- [${linkText(guide.title)}](${url(guidePath(guide.id))}): ${line(guide.summary)}${guide.status === 'draft' ? ' (draft)' : ''}`),
    '',
    '## Catalog',
    '',
    ...[...input.entities]
      .filter((entity) => LLMS_KINDS.includes(entity.kind))
      .sort((a, b) => LLMS_KINDS.indexOf(a.kind) - LLMS_KINDS.indexOf(b.kind) || byCodeUnit(a.ref, b.ref))
      .map((entity) => {
        const spec = entity.spec ?? {};
        const facts = [typeof spec['type'] === 'string' ? `${entity.kind} (${spec['type']})` : entity.kind, typeof spec['owner'] === 'string' ? `owned by ${spec['owner']}` : undefined, typeof spec['system'] === 'string' ? `part of ${spec['system']}` : undefined];
        const description = line(entity.metadata.description);
        return `- [${linkText(entityDisplayName(entity))}](${url(entityPath(entity))}): ${facts.filter(Boolean).join(', ')}${description ? `. ${description}` : ''}`;
      }),
    '',
  ];
  return lines.join('\n');
}
