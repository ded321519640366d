import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import { compareResults } from '../../../scripts/cli/report/compare.ts';
import { gateFailures, gateOf, newProblems } from '../../../scripts/cli/report/gate.ts';
import { problemGateText } from '../../../scripts/cli/report/verdict.ts';
import { result, scorecard, scored } from './report-fixture.ts';

const bronze = result([scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'pass')], 'bronze');
const silver = result([scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'pass')], 'silver');
const silverNotApplicable = result(
  [scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'notApplicable')],
  'silver',
);
const silverPinnedFails = result(
  [scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'fail')],
  'silver',
);
const noLevel = result([scored('readme-present', 'fail'), scored('changelog-present', 'fail'), scored('actions-pinned', 'fail')], null);

describe('gateOf', () => {
  it.each([
    [{}, 'never'],
    [{ 'min-level': 'silver' }, 'level'],
    [{ compare: 'origin/main' }, 'never'],
    [{ 'fail-on': 'regression', compare: 'origin/main' }, 'regression'],
    [{ 'fail-on': 'never', 'min-level': 'silver' }, 'never'],
    [{ 'fail-on': 'level', 'min-level': 'silver', compare: 'main' }, 'level'],
  ] as const)('%j → %s', (values, gate) => {
    expect(gateOf(values)).toBe(gate);
  });

  it.each([
    [{ 'fail-on': 'worse' }, 'cairn check: --fail-on worse: expected regression, level or never.'],
    [
      { 'fail-on': 'regression', compare: '' },
      'cairn check: --fail-on regression compares the change with a base: pass --compare <git-ref> (e.g. origin/main).',
    ],
    [
      { 'fail-on': 'regression' },
      'cairn check: --fail-on regression compares the change with a base: pass --compare <git-ref> (e.g. origin/main).',
    ],
    [{ 'fail-on': 'level' }, 'cairn check: --fail-on level needs the level to reach: pass --min-level <level>.'],
  ] as const)('refuses %j', (values, message) => {
    expect(() => gateOf(values)).toThrow(new ConfigError(message));
  });
});

describe('gateFailures', () => {
  const regression = (before: (typeof bronze)[], after: (typeof bronze)[]) =>
    gateFailures('regression', {
      results: after,
      scorecards: [scorecard],
      comparison: compareResults('origin/main', before, after, [scorecard]),
    });

  it.each([
    { name: 'a check fixed, level up', before: [bronze], after: [silver], failures: [] },
    { name: 'nothing changed, even below every level', before: [noLevel], after: [noLevel], failures: [] },
    { name: 'a new entity that fails everything', before: [], after: [noLevel], failures: [] },
    { name: 'a check not applicable before that fails now', before: [silverNotApplicable], after: [silverPinnedFails], failures: [] },
    {
      name: 'a check that passed now fails and the level drops',
      before: [silver],
      after: [bronze],
      failures: [
        'component:default/orders on Production readiness: Silver → Bronze against origin/main.',
        'component:default/orders on Production readiness: changelog-present passed on origin/main and fails now.',
      ],
    },
    {
      name: 'a check that passed now fails, level kept',
      before: [silver],
      after: [silverPinnedFails],
      failures: ['component:default/orders on Production readiness: actions-pinned passed on origin/main and fails now.'],
    },
    {
      name: 'an entity scored on the base and gone now',
      before: [silver],
      after: [],
      failures: [
        'component:default/orders on Production readiness: scored Silver on origin/main, no longer scored (its descriptor was removed, or the entity renamed or changed so the scorecard does not apply).',
      ],
    },
  ])('regression: $name', ({ before, after, failures }) => {
    expect(regression(before, after)).toEqual(failures);
  });

  it('level: lists every entity below the level, and refuses a level no scorecard has', () => {
    expect(gateFailures('level', { results: [bronze], scorecards: [scorecard], minLevel: 'silver' })).toEqual([
      'component:default/orders is below Silver on Production readiness (at Bronze).',
    ]);
    expect(gateFailures('level', { results: [silver], scorecards: [scorecard], minLevel: 'silver' })).toEqual([]);
    expect(gateFailures('level', { results: [noLevel], scorecards: [scorecard], minLevel: 'bronze' })).toEqual([
      'component:default/orders is below Bronze on Production readiness (at no level).',
    ]);
    expect(() => gateFailures('level', { results: [silver], scorecards: [scorecard], minLevel: 'gold' })).toThrow(
      /--min-level gold: no scorecard has that level\. Levels: bronze, silver\./,
    );
  });

  it('never: nothing fails', () => {
    expect(gateFailures('never', { results: [noLevel], scorecards: [scorecard] })).toEqual([]);
  });
});

describe('newProblems', () => {
  const problem = (severity: 'error' | 'warning', file: string | undefined, message: string, line?: number) => ({
    severity,
    repo: 'orders',
    message,
    ...(file ? { file } : {}),
    ...(line ? { line } : {}),
  });
  it.each([
    ['the same problem, moved to another line', [problem('error', 'a.yaml', 'Bad', 9)], [problem('error', 'a.yaml', 'Bad', 3)], 0],
    ['another message', [problem('error', 'a.yaml', 'Worse')], [problem('error', 'a.yaml', 'Bad')], 1],
    ['another file', [problem('error', 'b.yaml', 'Bad')], [problem('error', 'a.yaml', 'Bad')], 1],
    ['a warning become an error', [problem('error', 'a.yaml', 'Bad')], [problem('warning', 'a.yaml', 'Bad')], 1],
    ['no file on either side', [problem('warning', undefined, 'No owner')], [problem('warning', undefined, 'No owner')], 0],
  ])('%s', (_case, now, base, count) => {
    expect(newProblems(now, base)).toHaveLength(count);
  });
});

describe('problemGateText', () => {
  it.each([
    [
      { failOn: 'error' as const, failing: 2 },
      '2 errors fail the run (--fail-on-problems error; pass --fail-on-problems never to report them without failing).',
    ],
    [
      { failOn: 'warning' as const, failing: 1, since: 'origin/main', onBase: 2 },
      '1 problem new since origin/main fails the run (--fail-on-problems warning; pass --fail-on-problems never to report them without failing).',
    ],
    [
      { failOn: 'error' as const, failing: 0, since: 'origin/main', onBase: 3 },
      'No error new since origin/main: the 3 errors origin/main has too do not fail the run (--fail-on regression).',
    ],
    [
      { failOn: 'error' as const, failing: 0, since: 'origin/main', onBase: 1 },
      'No error new since origin/main: the 1 error origin/main has too does not fail the run (--fail-on regression).',
    ],
    [{ failOn: 'error' as const, failing: 0, since: 'origin/main', onBase: 0 }, ''],
    [{ failOn: 'error' as const, failing: 0 }, ''],
  ])('%j', (gate, text) => {
    expect(problemGateText(gate)).toBe(text);
  });
});
