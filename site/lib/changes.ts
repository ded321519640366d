import { linkToRef, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { humanizeEntityRef } from './entity-ref.ts';
import type { History } from './run-history.ts';
import { checkLink, levelRef, scorecardLink, type CheckLink, type ScorecardLink, type IndexedStandards } from './standards.ts';
import { changesBetween } from './trends.ts';

/** The "what changed" page: this run against the one before it. */
export type ChangesView =
  | { state: 'first' | 'unrecorded'; runs: number }
  | {
      state: 'compared';
      from: string;
      to: string;
      up: MovedView[];
      down: MovedView[];
      added: EntityLink[];
      removed: string[];
      newlyFailing: Array<{ entity: EntityLink; scorecard: ScorecardLink; checks: CheckLink[] }>;
      /**
       * What judged the two runs differently besides the repositories: another Cairn (its version
       * and build, each run's) or other standards. Some of the changes may be theirs.
       */
      judgedDifferently?: { cairn?: { from: string; to: string }; standards?: true };
    };

type JudgedDifferently = NonNullable<Extract<ChangesView, { state: 'compared' }>['judgedDifferently']>;

/** Why the changes may not all be the services' own, in a sentence. */
export function judgedDifferentlySentence({ cairn, standards }: JudgedDifferently): string {
  const how = [
    ...(cairn ? [`by different versions of Cairn (${cairn.from}, then ${cairn.to})`] : []),
    ...(standards ? ['with different standards (scorecards, custom checks or exemptions)'] : []),
  ].join(' and ');
  return `The two runs were judged ${how}: some of the changes below may come from how the services are judged, not from the services themselves.`;
}

export interface MovedView {
  entity: EntityLink;
  scorecard: ScorecardLink;
  from: string;
  to: string;
}

export function changesView(history: History, generatedAt: string, catalog: IndexedCatalog, standards: IndexedStandards): ChangesView {
  const current = history.latest.at(-1);
  const previous = history.latest.at(-2);
  if (!current || current.generatedAt !== generatedAt) return { state: 'unrecorded', runs: history.runs.length };
  if (!previous) return { state: 'first', runs: history.runs.length };
  const changes = changesBetween(previous, current, standards.scorecards);
  const moved = changes.moved.flatMap((move) => {
    const scorecard = standards.scorecardsById.get(move.scorecard);
    if (!scorecard) return [];
    return [
      {
        up: move.up,
        view: {
          entity: linkToRef(catalog, move.entityRef),
          scorecard: scorecardLink(scorecard),
          from: levelRef(scorecard, move.from).title,
          to: levelRef(scorecard, move.to).title,
        },
      },
    ];
  });
  const judgedDifferently = {
    ...(previous.cairn && current.cairn && previous.cairn !== current.cairn ? { cairn: { from: previous.cairn, to: current.cairn } } : {}),
    ...(previous.standards && current.standards && previous.standards !== current.standards ? { standards: true as const } : {}),
  };
  return {
    state: 'compared',
    ...(Object.keys(judgedDifferently).length > 0 ? { judgedDifferently } : {}),
    from: changes.from,
    to: changes.to,
    up: moved.filter((move) => move.up).map((move) => move.view),
    down: moved.filter((move) => !move.up).map((move) => move.view),
    added: changes.added.map((ref) => linkToRef(catalog, ref)),
    removed: changes.removed.map((ref) => humanizeEntityRef(ref)),
    newlyFailing: changes.newlyFailing.flatMap((entry) => {
      const scorecard = standards.scorecardsById.get(entry.scorecard);
      return scorecard
        ? [
            {
              entity: linkToRef(catalog, entry.entityRef),
              scorecard: scorecardLink(scorecard),
              checks: entry.checks.map((id) => checkLink(standards, id)),
            },
          ]
        : [];
    }),
  };
}
