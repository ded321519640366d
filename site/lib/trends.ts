import type { HistoryRecord } from '../../collectors/contract/history.ts';
import type { ScorecardDefinition } from '../../collectors/contract/snapshot.ts';
import { byCodeUnit } from './catalog.ts';
import type { History, LevelCounts } from './run-history.ts';

/**
 * Trends from the run history, shaped for charts and for "what changed". Pure: history in, series
 * out, oldest first; a scorecard, guide or entity missing from a run has no point there (it did
 * not exist yet, or no longer).
 */

export interface Point {
  date: string;
  value: number;
}

/** How many entities were at each level of a scorecard (and below the first, `null`), run by run. */
export function levelsOverTime(history: History, scorecard: ScorecardDefinition): Array<{ date: string; counts: LevelCounts }> {
  return runsOf(history, history.levels.get(scorecard.id)).map(({ date, value: recorded }) => {
    const counts: LevelCounts = new Map([null, ...scorecard.levels.map((level) => level.id)].map((level) => [level, 0]));
    for (const [level, count] of recorded) counts.set(level, (counts.get(level) ?? 0) + count);
    return { date, counts };
  });
}

/** The share (0–1) of a scorecard's entities at `level` or above, run by run; `owner` narrows it to one team's. */
export function shareAtLevel(history: History, scorecard: ScorecardDefinition, level: string, owner?: string): Point[] {
  const rank = new Map(scorecard.levels.map((candidate, index) => [candidate.id, index]));
  const wanted = rank.get(level) ?? 0;
  const series = owner === undefined ? history.levels.get(scorecard.id) : history.teamLevels.get(scorecard.id)?.get(owner);
  return runsOf(history, series).flatMap(({ date, value: counts }) => {
    let total = 0;
    let reached = 0;
    for (const [reachedLevel, count] of counts) {
      total += count;
      if (reachedLevel !== null && (rank.get(reachedLevel) ?? -1) >= wanted) reached += count;
    }
    return total === 0 ? [] : [{ date, value: reached / total }];
  });
}

/** An entity's score on a scorecard, run by run. */
export function entityScores(history: History, scorecardId: string, entityRef: string): Point[] {
  return runsOf(history, history.scores.get(scorecardId)?.get(entityRef));
}

/** The runs a per-run series has a value for, with their dates. */
function runsOf<T>(history: History, series: ReadonlyArray<T | undefined> | undefined): Array<{ date: string; value: T }> {
  if (!series) return [];
  return history.runs.flatMap((date, run) => (series[run] === undefined ? [] : [{ date, value: series[run] }]));
}

/** What a run changed against the one before it. */
export interface Changes {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  /** Entities that moved a level, by scorecard; `rank` difference positive for up. */
  moved: Array<{ scorecard: string; entityRef: string; from: string | null; to: string | null; up: boolean }>;
  /** Checks an entity fails now and did not fail (or was not judged on) before, by scorecard. */
  newlyFailing: Array<{ scorecard: string; entityRef: string; checks: string[] }>;
}

export function changesBetween(previous: HistoryRecord, current: HistoryRecord, scorecards: readonly ScorecardDefinition[]): Changes {
  const before = new Set(Object.keys(previous.entities));
  const after = new Set(Object.keys(current.entities));
  const moved: Changes['moved'] = [];
  const newlyFailing: Changes['newlyFailing'] = [];
  for (const scorecard of [...scorecards].sort((a, b) => byCodeUnit(a.id, b.id))) {
    const rank = new Map<string | null, number>([
      [null, -1],
      ...scorecard.levels.map((level, index) => [level.id, index] as [string, number]),
    ]);
    const then = previous.scorecards[scorecard.id] ?? {};
    for (const [entityRef, [level, , failing]] of Object.entries(current.scorecards[scorecard.id] ?? {}).sort(([a], [b]) =>
      byCodeUnit(a, b),
    )) {
      const earlier = then[entityRef];
      if (!earlier) continue;
      if (earlier[0] !== level)
        moved.push({
          scorecard: scorecard.id,
          entityRef,
          from: earlier[0],
          to: level,
          up: (rank.get(level) ?? -1) > (rank.get(earlier[0]) ?? -1),
        });
      const fresh = failing.filter((check) => !earlier[2].includes(check));
      if (fresh.length) newlyFailing.push({ scorecard: scorecard.id, entityRef, checks: fresh });
    }
  }
  return {
    from: previous.generatedAt,
    to: current.generatedAt,
    added: [...after].filter((ref) => !before.has(ref)).sort(byCodeUnit),
    removed: [...before].filter((ref) => !after.has(ref)).sort(byCodeUnit),
    moved,
    newlyFailing,
  };
}
