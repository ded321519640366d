import { levelRank, sourceLinks } from '../../collectors/contract/helpers.ts';
import type {
  CatalogEntity,
  CheckMetadata,
  Evidence,
  Guide,
  RepoSnapshot,
  ScorecardDefinition,
  ScorecardResult,
  ScoredCheck,
  Snapshot,
} from '../../collectors/contract/snapshot.ts';
import { compareText, groupBy, type IndexedCatalog } from './catalog.ts';
import { withBase } from './urls.ts';
import { checkPath, scorecardPath } from './paths.ts';

/** The checks, scorecards and results of the snapshot, indexed for the views. */
export interface IndexedStandards {
  /** Every check, sorted by title. */
  checks: readonly CheckMetadata[];
  checksById: ReadonlyMap<string, CheckMetadata>;
  /** Every scorecard, sorted by title. */
  scorecards: readonly ScorecardDefinition[];
  scorecardsById: ReadonlyMap<string, ScorecardDefinition>;
  /** Results of the known scorecards, by entity ref, then in scorecard order. */
  results: readonly ScorecardResult[];
  resultsByEntity: ReadonlyMap<string, readonly ScorecardResult[]>;
  resultsByScorecard: ReadonlyMap<string, readonly ScorecardResult[]>;
  /** Every evaluation of a check, across all scorecards, with the result it belongs to. */
  evaluationsByCheck: ReadonlyMap<string, readonly CheckEvaluation[]>;
  /** The guides, by id: a check's "how to fix" links to the one that teaches it. */
  guidesById: ReadonlyMap<string, Guide>;
}

/** One check evaluated on one entity for one scorecard. */
export interface CheckEvaluation {
  result: ScorecardResult;
  check: ScoredCheck;
}

/** Indexes the standards part of a snapshot. Results of a scorecard the snapshot does not define are left out. */
export function indexStandards(
  snapshot: Pick<Snapshot, 'checks' | 'scorecards' | 'results'> & Partial<Pick<Snapshot, 'guides'>>,
): IndexedStandards {
  const checks = [...snapshot.checks].sort((a, b) => compareText(a.title, b.title) || compareText(a.id, b.id));
  const scorecards = [...snapshot.scorecards].sort((a, b) => compareText(a.title, b.title) || compareText(a.id, b.id));
  const scorecardsById = new Map(scorecards.map((scorecard) => [scorecard.id, scorecard]));
  const order = new Map(scorecards.map((scorecard, index) => [scorecard.id, index]));
  const results = snapshot.results
    .filter((result) => scorecardsById.has(result.scorecard))
    .sort((a, b) => compareText(a.entityRef, b.entityRef) || order.get(a.scorecard)! - order.get(b.scorecard)!);
  return {
    checks,
    checksById: new Map(checks.map((check) => [check.id, check])),
    scorecards,
    scorecardsById,
    results,
    resultsByEntity: groupBy(results, (result) => result.entityRef),
    resultsByScorecard: groupBy(results, (result) => result.scorecard),
    evaluationsByCheck: groupBy(
      results.flatMap((result) => result.checks.map((check) => ({ result, check }))),
      (evaluation) => evaluation.check.checkId,
    ),
    guidesById: new Map((snapshot.guides ?? []).map((guide) => [guide.id, guide])),
  };
}

/**
 * What a reader sees for a check on an entity: the check's own outcome, or the exemption that
 * changed it — `exempt` when an unexpired exemption turned a failure into a pass, `expiredExemption`
 * when an expired one no longer does.
 */
export type CheckStatus = ScoredCheck['outcome'] | 'exempt' | 'expiredExemption';

/**
 * The word of each status, so a status never rests on colour alone. The stylesheet draws its symbol
 * beside it (`.outcome-<status>::before` in cairn.css), which keeps a symbol's markup out of the
 * tens of thousands of labels a large portal shows.
 */
export const STATUS_LABELS: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  notApplicable: 'Not applicable',
  error: 'Error',
  exempt: 'Exempt',
  expiredExemption: 'Exemption expired',
};

/** The status shown for a scored check (see {@link CheckStatus}). */
export function checkStatus(check: ScoredCheck): CheckStatus {
  if (check.exemption?.expired && check.effective === 'fail') return 'expiredExemption';
  if (check.exemption && !check.exemption.expired && check.effective === 'pass' && check.outcome !== 'pass') return 'exempt';
  return check.outcome;
}

/** Statuses that ask the owner to do something. */
export function needsWork(status: CheckStatus): boolean {
  return status === 'fail' || status === 'error' || status === 'expiredExemption' || status === 'exempt';
}

export type Effort = CheckMetadata['effort'];

/** Efforts as numbers, to sort work by. */
export const EFFORT_RANK: Record<Effort, number> = { low: 1, medium: 2, high: 3 };

/** A level of a scorecard as shown: `rank` is its 1-based position, 0 for "No level". */
export interface LevelRef {
  id: string | null;
  title: string;
  rank: number;
}

/** "No level": the entity does not reach the scorecard's first level. */
export const NO_LEVEL: LevelRef = { id: null, title: 'No level', rank: 0 };

/** A level's title, or its id capitalised (`bronze` → `Bronze`), as the scorecard schema promises. */
export function levelTitle(level: { id: string; title?: string | undefined }): string {
  return level.title ?? level.id.charAt(0).toUpperCase() + level.id.slice(1);
}

/** The level `id` of a scorecard (null: no level). A level the definition does not know is shown by its id, after the known ones. */
export function levelRef(scorecard: ScorecardDefinition, id: string | null): LevelRef {
  if (id === null) return NO_LEVEL;
  const index = levelRank(scorecard, id);
  return index < 0
    ? { id, title: id, rank: scorecard.levels.length + 1 }
    : { id, title: levelTitle(scorecard.levels[index]!), rank: index + 1 };
}

/** "No level" and every level of a scorecard, lowest first. */
export function allLevels(scorecard: ScorecardDefinition): LevelRef[] {
  return [NO_LEVEL, ...scorecard.levels.map((level) => levelRef(scorecard, level.id))];
}

/** A 0–1 score as a whole percentage, rounded down so that anything short of full marks never shows 100%. */
export function formatScore(score: number): string {
  return `${Math.floor(Math.round(score * 10_000) / 100)}%`;
}

/** A check as linked from other pages; `href` is absent when the snapshot has no metadata for it. */
export interface CheckLink {
  id: string;
  title: string;
  href?: string;
  effort?: Effort;
}

/** A link to a check's reference page, with its title and effort. */
export function checkLink(standards: IndexedStandards, id: string): CheckLink {
  const check = standards.checksById.get(id);
  return check ? { id, title: check.title, href: withBase(checkPath(id)), effort: check.effort } : { id, title: id };
}

/** A scorecard as linked from other pages. */
export interface ScorecardLink {
  id: string;
  title: string;
  href: string;
}

export function scorecardLink(scorecard: ScorecardDefinition): ScorecardLink {
  return { id: scorecard.id, title: scorecard.title, href: withBase(scorecardPath(scorecard.id)) };
}

/** A piece of evidence as shown: `path:line`, linked to that line at the scanned commit when the repository's web UI is known. */
export interface EvidenceView {
  location: string;
  href?: string;
  note?: string;
}

/**
 * The repository whose files judge an entity, if it is in the snapshot: where its code is (a central
 * catalog's entity names it), else where it is declared.
 */
export function repoOf(catalog: IndexedCatalog, entity: CatalogEntity | undefined): RepoSnapshot | undefined {
  const name = entity?.codeRepo ?? entity?.source.repo;
  return name === undefined ? undefined : catalog.repos.get(name);
}

/** Where an entity's evidence is: the repository whose files judge it, and the others by name (for a descriptor declared elsewhere). */
export interface EvidenceRepos {
  repo: RepoSnapshot | undefined;
  repos: ReadonlyMap<string, RepoSnapshot>;
}

/** Where an entity's evidence is, in `catalog`. */
export function evidenceRepos(catalog: IndexedCatalog, entity: CatalogEntity | undefined): EvidenceRepos {
  return { repo: repoOf(catalog, entity), repos: catalog.repos };
}

/** Shapes evidence found in `where.repo`, or in the repository the evidence names. */
export function evidenceView(where: EvidenceRepos, evidence: Evidence): EvidenceView {
  const repo = evidence.repo === undefined ? where.repo : where.repos.get(evidence.repo);
  const href = sourceLineHref(repo, evidence.path, evidence.line);
  return {
    location: evidence.line === undefined ? evidence.path : `${evidence.path}:${evidence.line}`,
    ...(href ? { href } : {}),
    ...(evidence.note ? { note: evidence.note } : {}),
  };
}

/**
 * The file at the commit Cairn scanned (`{webUrl}/blob/{commit}/{path}#L{line}` on GitHub), so the
 * line still points at what was found after the branch moves on. Only for http(s) web UIs, a known
 * head commit and a path that stays inside the repository.
 */
export function sourceLineHref(repo: RepoSnapshot | undefined, path: string, line?: number): string | undefined {
  const links = sourceLinks(repo?.webUrl, repo?.forge);
  const commit = repo?.facts.head?.commit;
  if (
    !links ||
    !commit ||
    !/^[0-9a-f]{7,64}$/i.test(commit) ||
    path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
  )
    return undefined;
  return links.file(commit, path, line);
}
