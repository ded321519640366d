import { levelRank, type ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';

/** How one entity's standing on one scorecard changed between the base ref and the working tree. */
export interface ResultChange {
  entityRef: string;
  scorecard: string;
  /** `undefined` when the entity or the scorecard's applicability is new/gone on that side. */
  before?: { level: string | null; score: number };
  after?: { level: string | null; score: number };
  /** -1, 0 or 1: the level went down, stayed, or went up. */
  direction: -1 | 0 | 1;
  newlyPassing: string[];
  newlyFailing: string[];
  /** Checks that passed on the base and fail now: what `--fail-on regression` blocks. */
  regressed: string[];
}

export interface Comparison {
  ref: string;
  changes: ResultChange[];
}

/**
 * What the working tree changes against a base: per entity and scorecard, the level before and
 * after and the checks that flipped. Pure, so the pull-request comment is table-tested.
 */
export function compareResults(
  ref: string,
  before: ScorecardResult[],
  after: ScorecardResult[],
  scorecards: ScorecardDefinition[],
): Comparison {
  const key = (result: ScorecardResult) => `${result.entityRef}\u0000${result.scorecard}`;
  const beforeByKey = new Map(before.map((result) => [key(result), result]));
  const afterByKey = new Map(after.map((result) => [key(result), result]));
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])].sort();
  const changes = keys.map((entry): ResultChange => {
    const old = beforeByKey.get(entry);
    const now = afterByKey.get(entry);
    const [entityRef, scorecard] = entry.split('\u0000') as [string, string];
    const passing = (result: ScorecardResult | undefined) =>
      new Set(result?.checks.filter((check) => check.effective === 'pass').map((check) => check.checkId));
    const failing = (result: ScorecardResult | undefined) =>
      new Set(result?.checks.filter((check) => check.effective === 'fail' || check.effective === 'error').map((check) => check.checkId));
    const definition = scorecards.find((candidate) => candidate.id === scorecard);
    const levelBefore = old ? levelRank(definition, old.level) : -1;
    const levelAfter = now ? levelRank(definition, now.level) : -1;
    return {
      entityRef,
      scorecard,
      ...(old ? { before: { level: old.level, score: old.score } } : {}),
      ...(now ? { after: { level: now.level, score: now.score } } : {}),
      direction: Math.sign(levelAfter - levelBefore) as -1 | 0 | 1,
      newlyPassing: [...passing(now)].filter((id) => !passing(old).has(id)).sort(),
      newlyFailing: [...failing(now)].filter((id) => !failing(old).has(id)).sort(),
      regressed: [...failing(now)].filter((id) => passing(old).has(id)).sort(),
    };
  });
  return { ref, changes };
}

/** Whether anything changed worth telling a pull-request author. */
export function hasChanges(comparison: Comparison): boolean {
  return comparison.changes.some(
    (change) =>
      change.direction !== 0 || change.newlyPassing.length > 0 || change.newlyFailing.length > 0 || !change.before || !change.after,
  );
}
