import type { CatalogEntity, ScorecardResult } from '../../collectors/contract/snapshot.ts';
import { compareText, linkToRef, relatedLinks, type IndexedCatalog, type EntityLink } from './catalog.ts';
import {
  allLevels,
  checkLink,
  checkStatus,
  EFFORT_RANK,
  levelRef,
  scorecardLink,
  type CheckLink,
  type CheckStatus,
  type LevelRef,
  type ScorecardLink,
  type IndexedStandards,
} from './standards.ts';
import { entityRouteParams } from './entity-ref.ts';
import { ownedBelow } from './group.ts';
import { scorecardTeamPath } from './paths.ts';
import { withBase } from './urls.ts';

/** A team's entities on one scorecard, by level (lowest first, "No level" first of all). */
export interface TeamScorecard {
  scorecard: ScorecardLink;
  /** Each level's entities: how many, and the first {@link NAMED_PER_LEVEL} of them by name. */
  levels: Array<{ level: LevelRef; count: number; entities: EntityLink[] }>;
  /** The team's entities × checks on this scorecard, every entity. */
  heatmapHref: string;
}

/**
 * Entities named per level in the roll-up, and items on the to-do list: a team owning hundreds of
 * entities gets a page of the same size as a small one; the heatmap pages list them all.
 */
export const NAMED_PER_LEVEL = 20;
export const TODO_ITEMS = 25;

/** A check on the to-do list, with what it said about the entity. */
export interface TodoCheck extends CheckLink {
  status?: CheckStatus;
  message?: string;
}

/** What stands between one entity and its next level on one scorecard. */
export interface TodoItem {
  entity: EntityLink;
  scorecard: ScorecardLink;
  nextLevel: LevelRef;
  checks: TodoCheck[];
  /** Sum of the checks' efforts (low 1, medium 2, high 3; unknown counts as high). */
  effort: number;
}

/** A scorecard's entities by level, counted over a group's and the groups' below it. */
export interface RollUp {
  scorecard: ScorecardLink;
  entities: number;
  levels: Array<{ level: LevelRef; count: number }>;
}

/** The scorecards section of a Group's page. */
export interface TeamStandingView {
  scorecards: TeamScorecard[];
  /**
   * With the teams below it: what the group and the groups below it, at any depth, own, by level,
   * per scorecard (a department's view). Empty when no group below owns anything.
   */
  withTeams: RollUp[];
  /** The first {@link TODO_ITEMS} of the to-do list. */
  todo: TodoItem[];
  /** How many items the whole to-do list has. */
  todoItems: number;
}

/**
 * The scorecards roll-up of the entities a group owns, and its to-do list: each owned entity's way to
 * its next level, the ones closest to a level first — fewest checks, then least effort. Undefined
 * for an entity that is not a Group.
 */
export function teamStanding(catalog: IndexedCatalog, standards: IndexedStandards, group: CatalogEntity): TeamStandingView | undefined {
  if (group.kind.toLowerCase() !== 'group') return undefined;
  const owned = relatedLinks(catalog, group, 'ownerOf');
  const below = ownedBelow(catalog, group);
  const results = owned.flatMap((link) => standards.resultsByEntity.get(link.ref) ?? []);
  const linkOf = new Map(owned.map((link) => [link.ref, link]));
  const todo = results.flatMap((result) => todoItem(catalog, standards, result)).sort(compareTodo);
  return {
    scorecards: standards.scorecards
      .map((scorecard) => ({ scorecard, ofScorecard: results.filter((result) => result.scorecard === scorecard.id) }))
      .filter(({ ofScorecard }) => ofScorecard.length > 0)
      .map(({ scorecard, ofScorecard }) => ({
        scorecard: scorecardLink(scorecard),
        levels: allLevels(scorecard).map((level) => {
          const atLevel = ofScorecard.filter((result) => result.level === level.id);
          return {
            level,
            count: atLevel.length,
            entities: atLevel.slice(0, NAMED_PER_LEVEL).map((result) => linkOf.get(result.entityRef)!),
          };
        }),
        heatmapHref: withBase(scorecardTeamPath(scorecard.id, entityRouteParams(group))),
      })),
    todo: todo.slice(0, TODO_ITEMS),
    todoItems: todo.length,
    withTeams:
      below.length === 0
        ? []
        : rollUp(standards, [...results, ...below.flatMap(({ link }) => standards.resultsByEntity.get(link.ref) ?? [])]),
  };
}

/** Per scorecard with results among `results`, how many entities and how many at each level. */
function rollUp(standards: IndexedStandards, results: readonly ScorecardResult[]): RollUp[] {
  return standards.scorecards.flatMap((scorecard) => {
    const ofScorecard = results.filter((result) => result.scorecard === scorecard.id);
    if (ofScorecard.length === 0) return [];
    return [
      {
        scorecard: scorecardLink(scorecard),
        entities: ofScorecard.length,
        levels: allLevels(scorecard).map((level) => ({ level, count: ofScorecard.filter((result) => result.level === level.id).length })),
      },
    ];
  });
}

/** An entity's way to its next level on one scorecard; none when it is at the top. */
export function todoItem(catalog: IndexedCatalog, standards: IndexedStandards, result: ScorecardResult): TodoItem[] {
  if (!result.next) return [];
  const scorecard = standards.scorecardsById.get(result.scorecard)!;
  const checks = result.next.checks.map((id): TodoCheck => {
    const scored = result.checks.find((check) => check.checkId === id);
    return { ...checkLink(standards, id), ...(scored ? { status: checkStatus(scored), message: scored.message } : {}) };
  });
  return [
    {
      entity: linkToRef(catalog, result.entityRef),
      scorecard: scorecardLink(scorecard),
      nextLevel: levelRef(scorecard, result.next.level),
      checks,
      effort: checks.reduce((sum, check) => sum + EFFORT_RANK[check.effort ?? 'high'], 0),
    },
  ];
}

/** Fewest checks to the next level first, then least effort, then by entity and scorecard. */
export function compareTodo(a: TodoItem, b: TodoItem): number {
  return (
    a.checks.length - b.checks.length ||
    a.effort - b.effort ||
    compareText(a.entity.text, b.entity.text) ||
    compareText(a.scorecard.title, b.scorecard.title)
  );
}
