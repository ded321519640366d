import { ConfigError } from '../../../collectors/config/config-error.ts';
import { levelRank, type ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';
import type { Comparison } from './compare.ts';
import { levelTitle } from './model.ts';

/**
 * What makes `cairn check` exit 1: `regression` (the change makes something worse than on the
 * base), `level` (an entity is below `--min-level`), or `never`.
 */
export const GATES = ['regression', 'level', 'never'] as const;
export type Gate = (typeof GATES)[number];

/** `--fail-on`, checked against the options it needs; `level` with --min-level by default, else `never`. */
export function gateOf(values: { 'fail-on'?: string | undefined; 'min-level'?: string | undefined; compare?: string | undefined }): Gate {
  const value = values['fail-on'];
  if (value !== undefined && !(GATES as readonly string[]).includes(value))
    throw new ConfigError(`cairn check: --fail-on ${value}: expected regression, level or never.`);
  const gate = (value as Gate | undefined) ?? (values['min-level'] !== undefined ? 'level' : 'never');
  if (gate === 'regression' && !values.compare)
    throw new ConfigError(
      'cairn check: --fail-on regression compares the change with a base: pass --compare <git-ref> (e.g. origin/main).',
    );
  if (gate === 'level' && values['min-level'] === undefined)
    throw new ConfigError('cairn check: --fail-on level needs the level to reach: pass --min-level <level>.');
  return gate;
}

/** Why the gate fails, one line each; empty when it passes. */
export function gateFailures(
  gate: Gate,
  input: {
    results: readonly ScorecardResult[];
    scorecards: readonly ScorecardDefinition[];
    minLevel?: string | undefined;
    comparison?: Comparison | undefined;
  },
): string[] {
  switch (gate) {
    case 'never':
      return [];
    case 'level':
      return belowLevel(input.results, input.scorecards, input.minLevel!);
    case 'regression':
      return regressions(input.comparison!, input.scorecards);
  }
}

/**
 * Against the base: a level that drops, an entity that was scored there and is not now, and checks
 * that passed there and fail now. A check that was not applicable, or an entity that is new, is not
 * a regression.
 */
function regressions(comparison: Comparison, scorecards: readonly ScorecardDefinition[]): string[] {
  const lines: string[] = [];
  for (const change of comparison.changes) {
    const scorecard = scorecards.find((definition) => definition.id === change.scorecard);
    const name = `${change.entityRef} on ${scorecard?.title ?? change.scorecard}`;
    if (change.before && change.after && change.direction < 0)
      lines.push(
        `${name}: ${levelTitle(scorecard, change.before.level)} → ${levelTitle(scorecard, change.after.level)} against ${comparison.ref}.`,
      );
    // Gone from the scorecard: its descriptor was removed, or the entity renamed or changed so the scorecard no longer applies.
    if (change.before && !change.after)
      lines.push(
        `${name}: scored ${levelTitle(scorecard, change.before.level)} on ${comparison.ref}, no longer scored (its descriptor was removed, or the entity renamed or changed so the scorecard does not apply).`,
      );
    if (change.regressed.length > 0)
      lines.push(
        `${name}: ${change.regressed.join(', ')} passed on ${comparison.ref} and fail${change.regressed.length === 1 ? 's' : ''} now.`,
      );
  }
  return lines;
}

/** Every result on a scorecard that defines `minimum` must reach it. */
function belowLevel(results: readonly ScorecardResult[], scorecards: readonly ScorecardDefinition[], minimum: string): string[] {
  const defining = definingScorecards(scorecards, minimum);
  return results.flatMap((result) => {
    const scorecard = defining.find((candidate) => candidate.id === result.scorecard);
    if (!scorecard) return [];
    return levelRank(scorecard, result.level) < levelRank(scorecard, minimum)
      ? [
          `${result.entityRef} is below ${levelTitle(scorecard, minimum)} on ${scorecard.title} (at ${levelTitle(scorecard, result.level)}).`,
        ]
      : [];
  });
}

/** The scorecards that have level `minimum`; none is a usage error, not a silent pass. */
export function definingScorecards(scorecards: readonly ScorecardDefinition[], minimum: string): ScorecardDefinition[] {
  const defining = scorecards.filter((scorecard) => scorecard.levels.some((level) => level.id === minimum));
  if (defining.length === 0)
    throw new ConfigError(
      `cairn check: --min-level ${minimum}: no scorecard has that level. Levels: ${[...new Set(scorecards.flatMap((scorecard) => scorecard.levels.map((level) => level.id)))].join(', ')}.`,
    );
  return defining;
}

/** The problems of the working tree that the base does not have: same severity, file and message (lines may move). */
export function newProblems<T extends Problem>(problems: readonly T[], base: readonly Problem[]): T[] {
  const key = (problem: Problem) => JSON.stringify([problem.severity, problem.file ?? '', problem.message]);
  const before = new Set(base.map(key));
  return problems.filter((problem) => !before.has(key(problem)));
}
