import type { ScorecardDefinition, ScorecardResult } from '../../collectors/contract/snapshot.ts';
import { compareText, groupBy, linkToRef, ownerRefOf, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { completeEntityRef, refRouteParams, type EntityRefParts } from './entity-ref.ts';
import { paginate, paginationView, type PaginationView } from './pagination.ts';
import { scorecardTeamPath } from './paths.ts';
import { withBase } from './urls.ts';
import {
  allLevels,
  checkLink,
  checkStatus,
  formatScore,
  levelRef,
  levelTitle,
  NO_LEVEL,
  scorecardLink,
  type CheckLink,
  type CheckStatus,
  type LevelRef,
  type ScorecardLink,
  type IndexedStandards,
} from './standards.ts';

/** How many entities stand at one level. */
export interface LevelCount {
  level: LevelRef;
  count: number;
  /** Share of the scorecard's entities, as a whole percentage (`40%`). */
  percent: string;
  /** The same share, 0–100, unrounded: the bar's length. */
  share: number;
}

/** Entities per level of a scorecard: "No level" first, then each level from the lowest. */
export function levelCounts(scorecard: ScorecardDefinition, results: readonly ScorecardResult[]): LevelCount[] {
  const counts = new Map<string | null, number>();
  for (const result of results) counts.set(result.level, (counts.get(result.level) ?? 0) + 1);
  return allLevels(scorecard).map((level) => {
    const count = counts.get(level.id) ?? 0;
    const share = results.length === 0 ? 0 : (count / results.length) * 100;
    return { level, count, share, percent: `${Math.round(share)}%` };
  });
}

/** A scorecard on the scorecards index. */
export interface ScorecardSummary {
  scorecard: ScorecardLink;
  description: string;
  owner?: EntityLink;
  entities: number;
  distribution: LevelCount[];
}

function scorecardSummary(catalog: IndexedCatalog, standards: IndexedStandards, scorecard: ScorecardDefinition): ScorecardSummary {
  const results = standards.resultsByScorecard.get(scorecard.id) ?? [];
  return {
    scorecard: scorecardLink(scorecard),
    description: scorecard.description,
    ...(scorecard.owner ? { owner: linkToRef(catalog, completeEntityRef(scorecard.owner, 'group')) } : {}),
    entities: results.length,
    distribution: levelCounts(scorecard, results),
  };
}

/** Every scorecard with its distribution, for the index. */
export function scorecardSummaries(catalog: IndexedCatalog, standards: IndexedStandards): ScorecardSummary[] {
  return standards.scorecards.map((scorecard) => scorecardSummary(catalog, standards, scorecard));
}

/** A scorecard's results of one owner; `owner` is absent for entities without one. */
export interface OwnerResults {
  owner?: EntityLink;
  /** The owner's route parameters, for the paths of its pages on the scorecard. */
  params?: EntityRefParts;
  results: readonly ScorecardResult[];
}

/** Results grouped by their entity's owner: owners by name, the unowned last. */
export function resultsByOwner(catalog: IndexedCatalog, results: readonly ScorecardResult[]): OwnerResults[] {
  const byOwner = groupBy(results, (result) => ownerRefOf(catalog, result.entityRef));
  return [...byOwner]
    .map(([ownerRef, owned]): OwnerResults =>
      ownerRef
        ? { owner: linkToRef(catalog, ownerRef), params: refRouteParams(ownerRef, catalog.byRef.get(ownerRef)), results: owned }
        : { results: owned },
    )
    .sort((a, b) =>
      a.owner && b.owner
        ? compareText(a.owner.text, b.owner.text) || compareText(a.owner.ref, b.owner.ref)
        : a.owner
          ? -1
          : b.owner
            ? 1
            : 0,
    );
}

/** One owner's entities on a scorecard. `owner` is absent for entities without one. */
export interface TeamRow {
  owner?: EntityLink;
  /** Entities at each level, in {@link levelCounts} order. */
  counts: number[];
  entities: number;
  averageScore: string;
  /** The owner's entities × checks on this scorecard. */
  heatmapHref: string;
}

/** Entities per owner and level, owners by name and the unowned last. */
export function teamRows(catalog: IndexedCatalog, scorecard: ScorecardDefinition, results: readonly ScorecardResult[]): TeamRow[] {
  const levels = allLevels(scorecard);
  return resultsByOwner(catalog, results).map(({ owner, params, results: owned }) => ({
    ...(owner ? { owner } : {}),
    counts: levels.map((level) => owned.filter((result) => result.level === level.id).length),
    entities: owned.length,
    averageScore: formatScore(owned.reduce((sum, result) => sum + result.score, 0) / owned.length),
    heatmapHref: withBase(scorecardTeamPath(scorecard.id, params)),
  }));
}

/** A column of the heatmap: one check of one level, with a short label for the header. */
export interface HeatmapColumn {
  check: CheckLink;
  level: LevelRef;
  /** The column's number, 1-based, used as its header's abbreviation. */
  abbreviation: string;
}

/** One entity's row: its statuses in column order (undefined: the check was not evaluated). */
export interface HeatmapRow {
  entity: EntityLink;
  level: LevelRef;
  score: string;
  cells: Array<CheckStatus | undefined>;
}

export interface Heatmap {
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
}

/**
 * Entities × checks of a scorecard: one row per entity (by name), one column per check in level
 * order. Cells hold only a status, so the table stays small for hundreds of entities.
 */
export function heatmap(
  catalog: IndexedCatalog,
  standards: IndexedStandards,
  scorecard: ScorecardDefinition,
  results: readonly ScorecardResult[],
): Heatmap {
  const keys = scorecard.levels.flatMap((level) => level.checks.map((check) => ({ level: level.id, checkId: check.id })));
  const columns = keys.map((key, index) => ({
    check: checkLink(standards, key.checkId),
    level: levelRef(scorecard, key.level),
    abbreviation: String(index + 1),
  }));
  const rows = results.map((result) => {
    const byKey = new Map(result.checks.map((check) => [`${check.level}\u0000${check.checkId}`, check]));
    return {
      entity: linkToRef(catalog, result.entityRef),
      level: levelRef(scorecard, result.level),
      score: formatScore(result.score),
      cells: keys.map((key) => {
        const check = byKey.get(`${key.level}\u0000${key.checkId}`);
        return check && checkStatus(check);
      }),
    };
  });
  return { columns, rows: rows.sort((a, b) => compareText(a.entity.text, b.entity.text) || compareText(a.entity.ref, b.entity.ref)) };
}

/**
 * The check that keeps the most entities below a scorecard's first level. An entity at no level is
 * *held* by each first-level check whose effective outcome is `fail` or `error` (an unexpired
 * exemption counts as a pass); a check is its *sole* blocker when it is the only one, so fixing that
 * check alone lifts the entity to the first level.
 */
export interface FirstLevelBlocker {
  check: CheckLink;
  /** The scorecard's first level. */
  level: LevelRef;
  /** Entities at no level that this check holds, alone or with others. */
  held: number;
  /** Of those, the entities it alone holds. */
  sole: number;
  /** Entities at no level. */
  noLevel: number;
  /** Every entity the scorecard applies to. */
  entities: number;
}

/**
 * The check holding the most entities at no level (ties: the one holding more alone, then the
 * first in the level's order), when it holds more than half of them; otherwise `undefined`, since no
 * single check is what keeps entities from the first level.
 */
export function firstLevelBlocker(
  standards: IndexedStandards,
  scorecard: ScorecardDefinition,
  results: readonly ScorecardResult[],
): FirstLevelBlocker | undefined {
  const first = scorecard.levels[0];
  if (!first) return undefined;
  const order = first.checks.map((check) => check.id);
  const tally = new Map<string, { held: number; sole: number }>();
  const noLevel = results.filter((result) => result.level === null);
  for (const result of noLevel) {
    const blocking = [
      ...new Set(
        result.checks
          .filter((check) => check.level === first.id && (check.effective === 'fail' || check.effective === 'error'))
          .map((check) => check.checkId),
      ),
    ];
    for (const id of blocking) {
      const counts = tally.get(id) ?? { held: 0, sole: 0 };
      tally.set(id, { held: counts.held + 1, sole: counts.sole + (blocking.length === 1 ? 1 : 0) });
    }
  }
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const [top] = [...tally].sort(([a, x], [b, y]) => y.held - x.held || y.sole - x.sole || rank(a) - rank(b) || compareText(a, b));
  if (!top || top[1].held * 2 <= noLevel.length) return undefined;
  const [id, { held, sole }] = top;
  return {
    check: checkLink(standards, id),
    level: levelRef(scorecard, first.id),
    held,
    sole,
    noLevel: noLevel.length,
    entities: results.length,
  };
}

/**
 * The blocker in words, around the check's link: `34 of 44 entities are held at No level by` ‹check›
 * `; for 20 of them it is the only failing Bronze check.`
 */
export function blockerSentence(blocker: FirstLevelBlocker): { before: string; after: string } {
  const { held, sole, entities, level } = blocker;
  const before = `${held} of ${entities} ${entities === 1 ? 'entity' : 'entities'} ${held === 1 ? 'is' : 'are'} held at ${NO_LEVEL.title} by`;
  const only = `it is the only failing ${level.title} check.`;
  const after =
    sole === 0
      ? `; ${held === 1 ? 'it also fails' : 'each of them also fails'} another ${level.title} check.`
      : sole < held
        ? `; for ${sole} of them ${only}`
        : held === 1
          ? `; ${only}`
          : `; for all of them ${only}`;
  return { before, after };
}

/** Everything a scorecard's page shows. */
export interface ScorecardPageView extends ScorecardSummary {
  /** The check that holds most of the entities below the first level, when one does. */
  blocker?: FirstLevelBlocker;
  /** The checks of each level, lowest level first. */
  levels: Array<{ title: string; checks: CheckLink[] }>;
  teams: TeamRow[];
}

export function scorecardPageView(catalog: IndexedCatalog, standards: IndexedStandards, scorecard: ScorecardDefinition): ScorecardPageView {
  const results = standards.resultsByScorecard.get(scorecard.id) ?? [];
  const blocker = firstLevelBlocker(standards, scorecard, results);
  return {
    ...scorecardSummary(catalog, standards, scorecard),
    ...(blocker ? { blocker } : {}),
    levels: scorecard.levels.map((level) => ({
      title: levelTitle(level),
      checks: level.checks.map((check) => checkLink(standards, check.id)),
    })),
    teams: teamRows(catalog, scorecard, results),
  };
}

/** One page of an owner's entities × checks on a scorecard. */
export interface TeamHeatmapView {
  scorecard: ScorecardLink;
  /** Absent: the entities without an owner. */
  owner?: EntityLink;
  entities: number;
  distribution: LevelCount[];
  heatmap: Heatmap;
  pagination: PaginationView;
}

/** A page of an owner's heatmap with its route: the owner's parameters (absent: unowned) and the page number. */
export interface TeamHeatmapPage {
  owner?: EntityRefParts;
  page: number;
  view: TeamHeatmapView;
}

/**
 * Every owner's entities × checks on a scorecard, a page of `PAGE_SIZE` entities at a time: the
 * organisation-wide heatmap would grow with every entity, one owner's page by a page at most.
 */
export function teamHeatmapPages(catalog: IndexedCatalog, standards: IndexedStandards, scorecard: ScorecardDefinition): TeamHeatmapPage[] {
  const results = standards.resultsByScorecard.get(scorecard.id) ?? [];
  return resultsByOwner(catalog, results).flatMap(({ owner, params, results: owned }) => {
    const { columns, rows } = heatmap(catalog, standards, scorecard, owned);
    const path = scorecardTeamPath(scorecard.id, params);
    const distribution = levelCounts(scorecard, owned);
    return paginate(rows).map((page) => ({
      ...(params ? { owner: params } : {}),
      page: page.number,
      view: {
        scorecard: scorecardLink(scorecard),
        ...(owner ? { owner } : {}),
        entities: owned.length,
        distribution,
        heatmap: { columns, rows: page.items },
        pagination: paginationView(path, page),
      },
    }));
  });
}
