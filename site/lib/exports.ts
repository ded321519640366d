import type {
  AppliedExemption,
  CatalogEntity,
  Evidence,
  Guide,
  Outcome,
  ScorecardDefinition,
  ScorecardResult,
  ScoredCheck,
} from '../../collectors/contract/snapshot.ts';
import { isPlaceholderOwner } from '../../collectors/contract/helpers.ts';
import { byCodeUnit, compareText, type IndexedCatalog } from './catalog.ts';
import { entityDisplayName, humanizeEntityRef, parseEntityRef, refRouteParams, type EntityRefParts } from './entity-ref.ts';
import { guideFacts, literalText, oneLine } from './guide-markdown.ts';
import { descriptionText } from './markdown.ts';
import { entityPath, entityResultsPath, guidePath } from './paths.ts';
import type { History } from './run-history.ts';
import type { IndexedStandards } from './standards.ts';

/**
 * Machine-readable outputs published with the site, for other tools and AI assistants:
 * `/catalog.json`, `/scorecards.json` (an index, with one file of results per entity), `/llms.txt`
 * and `/llms-full.txt`. Keys in a fixed order and lists sorted by code unit, so the same snapshot
 * gives the same bytes.
 */

/** Site paths of the exports, without the base. */
export const EXPORT_PATHS = {
  catalog: 'catalog.json',
  scorecards: 'scorecards.json',
  standards: 'standards.json',
  history: 'history.json',
  llms: 'llms.txt',
  llmsFull: 'llms-full.txt',
} as const;

/**
 * One check in the export: the outcome and why. `effective`, the outcome the level used, is there
 * only when an exemption makes it differ; `evidence` only when there is some (an organisation of
 * ten thousand publishes a file per entity, and these were a sixth of each).
 */
export interface ExportedCheck {
  check: string;
  level: string;
  outcome: Outcome;
  effective?: ScoredCheck['effective'];
  message: string;
  evidence?: Evidence[];
  exemption?: AppliedExemption;
}

/** One entity's standing on one scorecard (the entity is its file's). */
export interface ExportedResult {
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
    .map(([entityRef, results]) => ({
      params: refRouteParams(entityRef, catalog.byRef.get(entityRef)),
      entityRef,
      results: [...results].sort((a, b) => byCodeUnit(a.scorecard, b.scorecard)),
    }));
}

/** The index: scorecards by id, then each entity's levels and the URL of its results (`url` turns a site path into the link). */
export function scorecardsExport(
  standards: IndexedStandards,
  entities: readonly EntityResults[],
  generatedAt: string,
  url: (path: string) => string,
): ScorecardsExport {
  return {
    generatedAt,
    scorecards: [...standards.scorecards]
      .sort((a, b) => byCodeUnit(a.id, b.id))
      .map((scorecard) => ({ id: scorecard.id, title: scorecard.title, levels: scorecard.levels.map((level) => level.id) })),
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
    scorecard: result.scorecard,
    level: result.level,
    score: result.score,
    checks: result.checks.map((check) => ({
      check: check.checkId,
      level: check.level,
      outcome: check.outcome,
      ...(check.effective === check.outcome ? {} : { effective: check.effective }),
      message: check.message,
      ...(check.evidence.length === 0
        ? {}
        : {
            evidence: check.evidence.map(({ path, repo, line, note }) => ({
              path,
              ...(repo === undefined ? {} : { repo }),
              ...(line === undefined ? {} : { line }),
              ...(note === undefined ? {} : { note }),
            })),
          }),
      ...(check.exemption
        ? {
            exemption: {
              reason: check.exemption.reason,
              expires: check.exemption.expires,
              expired: check.exemption.expired,
              source: check.exemption.source,
            },
          }
        : {}),
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
  entities: Array<
    Pick<CatalogEntity, 'apiVersion' | 'kind' | 'metadata' | 'spec' | 'relations' | 'source' | 'codeRepo' | 'inferred'> & { ref: string }
  >;
}

export function catalogExport(entities: readonly CatalogEntity[], generatedAt: string): CatalogExport {
  return {
    generatedAt,
    entities: [...entities]
      .sort((a, b) => byCodeUnit(a.ref, b.ref))
      .map(({ ref, apiVersion, kind, metadata, spec, relations, source, codeRepo, inferred }) => ({
        ref,
        apiVersion,
        kind,
        metadata,
        ...(spec ? { spec } : {}),
        relations,
        // The lines of single fields point the checks' evidence; the export says where each entity is declared.
        source: declaredAt(source),
        ...(codeRepo === undefined ? {} : { codeRepo }),
        inferred,
      })),
  };
}

function declaredAt({ fields: _, ...source }: CatalogEntity['source']): CatalogEntity['source'] {
  return source;
}

/** Kinds listed in llms.txt: what an assistant asks about. Users and Locations are left to catalog.json. */
const LLMS_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group'];

/** What `llms.txt` and `llms-full.txt` are made from; `url` turns a site path into the link (absolute when the portal's URL is known). */
export interface LlmsInput {
  title: string;
  guides: readonly Guide[];
  entities: readonly CatalogEntity[];
  url: (path: string) => string;
}

/**
 * `/llms.txt` (llmstxt.org): the portal for AI assistants, in Markdown — an H1 title, a `>`
 * summary, then sections of links with one line about each: the golden-path guides, the catalog,
 * and the data files. `llms-full.txt` has every guide in full.
 */
export function llmsTxt(input: LlmsInput): string {
  const { url } = input;
  return [
    ...llmsHead(input),
    `Every guide in full is in [${EXPORT_PATHS.llmsFull}](${url(EXPORT_PATHS.llmsFull)}).`,
    '',
    '## Guides',
    '',
    ...sortedGuides(input.guides)
      .filter((guide) => guide.status !== 'deprecated')
      .map(
        (guide) =>
          `- [${literalText(guide.title)}](${url(guidePath(guide.id))}): ${oneLine(guide.summary)}${guide.status === 'draft' ? ' (draft)' : ''}`,
      ),
    '',
    ...llmsCatalog(input),
    ...llmsData(url),
  ].join('\n');
}

/**
 * `/llms-full.txt`: what `llms.txt` lists, with every guide in full — deprecated ones too, marked
 * so — each under its linked title (H3), its summary, its facts and its text (headings from H4).
 * `markdown` gives a guide's body as Markdown (`guideBodyMarkdown`, headings from H4), or
 * undefined when it has none.
 */
export function llmsFullTxt(input: LlmsInput & { markdown: (guide: Guide) => string | undefined }): string {
  const { url } = input;
  return [
    ...llmsHead(input),
    `The short index is [${EXPORT_PATHS.llms}](${url(EXPORT_PATHS.llms)}).`,
    '',
    '## Guides',
    '',
    ...sortedGuides(input.guides).flatMap((guide) => {
      const body = input.markdown(guide)?.trim();
      return [
        `### [${literalText(guide.title)}](${url(guidePath(guide.id))})`,
        '',
        oneLine(guide.summary),
        '',
        ...guideFacts(guide),
        '',
        ...(body ? [body, ''] : []),
      ];
    }),
    ...llmsCatalog(input),
    ...llmsData(url),
  ].join('\n');
}

function llmsHead({ title }: LlmsInput): string[] {
  return [
    `# ${oneLine(title)}`,
    '',
    "> The organisation's internal developer portal: the golden paths (how we build, ship and run software here), and the software catalog (who owns what, and how it fits together), with where each entity stands on the portal's scorecards.",
    '',
  ];
}

function sortedGuides(guides: readonly Guide[]): Guide[] {
  return [...guides].sort((a, b) => compareText(a.category, b.category) || compareText(a.title, b.title));
}

function llmsCatalog({ entities, url }: LlmsInput): string[] {
  return [
    '## Catalog',
    '',
    ...[...entities]
      .filter((entity) => LLMS_KINDS.includes(entity.kind))
      .sort((a, b) => LLMS_KINDS.indexOf(a.kind) - LLMS_KINDS.indexOf(b.kind) || byCodeUnit(a.ref, b.ref))
      .map((entity) => {
        const spec = entity.spec ?? {};
        // The refs the catalog resolved, not spec's spellings: `Team-JVM` and `group:team-jvm` are one team.
        const related = (type: string, kind: string) =>
          entity.relations.find((relation) => relation.type === type && parseEntityRef(relation.targetRef).kind === kind)?.targetRef;
        const owner = related('ownedBy', 'group') ?? related('ownedBy', 'user');
        const system = related('partOf', 'system');
        const facts = [
          typeof spec['type'] === 'string' ? `${entity.kind} (${spec['type']})` : entity.kind,
          isPlaceholderOwner(entity, typeof spec['owner'] === 'string' ? spec['owner'] : undefined)
            ? 'no owner known'
            : owner && `owned by ${humanizeEntityRef(owner, 'group')}`,
          system === undefined ? undefined : `part of ${humanizeEntityRef(system, 'system')}`,
        ];
        const description = descriptionText(entity.metadata.description ?? '');
        return `- [${literalText(entityDisplayName(entity))}](${url(entityPath(entity))}): ${literalText(facts.filter(Boolean).join(', '))}${description ? `. ${description}` : ''}`;
      }),
    '',
  ];
}

function llmsData(url: (path: string) => string): string[] {
  return [
    '## Data',
    '',
    `- [${EXPORT_PATHS.catalog}](${url(EXPORT_PATHS.catalog)}): every entity as Backstage has it, with its relations and where it is declared`,
    `- [${EXPORT_PATHS.scorecards}](${url(EXPORT_PATHS.scorecards)}): every entity's level on each scorecard, and the link to its file of check results`,
    `- [${EXPORT_PATHS.standards}](${url(EXPORT_PATHS.standards)}): the scorecards, custom checks and exemptions that judge an entity, for \`cairn check --standards\``,
    '',
    '## Optional',
    '',
    `- [${EXPORT_PATHS.history}](${url(EXPORT_PATHS.history)}): each recorded run in a few figures, for trends`,
    '',
  ];
}
