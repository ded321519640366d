import { describe, expect, it } from 'vitest';
import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';
import { compareResults } from '../../../scripts/cli/report/compare.ts';
import {
  compareFailing,
  entityLabels,
  failingChecks,
  gateOutcome,
  neededForText,
  settledChecks,
  settledSummary,
  verdictOf,
  type FailingCheck,
  type Need,
} from '../../../scripts/cli/report/verdict.ts';
import { checks, report, result, scorecard, scored } from './report-fixture.ts';

const security: ScorecardDefinition = {
  id: 'security',
  title: 'Security',
  description: '',
  appliesTo: { kind: ['Component'] },
  levels: [
    { id: 'bronze', checks: [{ id: 'readme-present', weight: 1, options: {} }] },
    { id: 'silver', checks: [{ id: 'actions-pinned', weight: 1, options: {} }] },
  ],
};
const scorecards = [scorecard, security];

const bronze = result([scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'fail')], 'bronze', {
  next: { level: 'silver', checks: ['changelog-present', 'actions-pinned'] },
});
const silver = result([scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'pass')], 'silver', {
  score: 1,
});
const none = result([scored('readme-present', 'fail')], null, { score: 0 });
const securitySilver = result([scored('readme-present', 'pass'), scored('actions-pinned', 'pass')], 'silver', {
  scorecard: 'security',
  score: 1,
});
const securityBronze = result([scored('readme-present', 'pass'), scored('actions-pinned', 'fail')], 'bronze', { scorecard: 'security' });
/** `standing` moved to another entity. */
const of = (entityRef: string, standing: ScorecardResult): ScorecardResult => ({ ...standing, entityRef });

describe('verdictOf: the verdict line', () => {
  it.each<{ name: string; results: ScorecardResult[]; before?: ScorecardResult[]; line: string }>([
    { name: 'one scorecard', results: [bronze], line: 'Production readiness: Bronze' },
    {
      name: 'two scorecards, in the order the standards define them',
      results: [securitySilver, bronze],
      line: 'Production readiness: Bronze · Security: Silver',
    },
    { name: 'below the first level', results: [none], line: 'Production readiness: no level' },
    { name: 'no scorecard applies', results: [], line: 'No scorecard applies to the entities of this repository.' },
    {
      name: 'a level up',
      results: [silver],
      before: [bronze],
      line: '▲ Production readiness: Bronze → Silver · 2 checks newly passing against origin/main',
    },
    {
      name: 'a level down',
      results: [bronze],
      before: [silver],
      line: '▼ Production readiness: Silver → Bronze · 2 checks newly failing against origin/main',
    },
    {
      name: 'no change',
      results: [silver, securitySilver],
      before: [silver, securitySilver],
      line: 'Production readiness: Silver · Security: Silver · no change against origin/main',
    },
    {
      name: 'one scorecard down and one unchanged, the move first',
      results: [silver, securityBronze],
      before: [silver, securitySilver],
      line: '▼ Security: Silver → Bronze · Production readiness: Silver · 1 check newly failing against origin/main',
    },
    {
      name: 'checks newly failing and newly passing on one level',
      results: [
        result([scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'fail')], 'bronze'),
      ],
      before: [bronze],
      line: 'Production readiness: Bronze · 1 check newly passing against origin/main',
    },
    {
      name: 'one check newly failing in two scorecards counts once',
      results: [bronze, securityBronze],
      before: [silver, securitySilver],
      line: '▼ Production readiness: Silver → Bronze · ▼ Security: Silver → Bronze · 2 checks newly failing against origin/main',
    },
    {
      name: 'a new entity: its failing checks are not newly failing',
      results: [bronze],
      before: [],
      line: '▲ Production readiness: not scored → Bronze · 2 checks newly applicable and failing, 1 newly passing against origin/main',
    },
    {
      name: 'a renamed entity: its failing checks are not newly failing',
      results: [of('component:default/orders-v2', bronze)],
      before: [bronze],
      line: 'orders — ▼ Production readiness: Bronze → not scored; orders-v2 — ▲ Production readiness: not scored → Bronze · 2 checks newly applicable and failing, 1 newly passing against origin/main',
    },
    {
      name: 'a check that did not apply and fails now is not newly failing',
      results: [
        result([scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'pass')], 'bronze'),
      ],
      before: [
        result(
          [scored('readme-present', 'pass'), scored('changelog-present', 'notApplicable'), scored('actions-pinned', 'pass')],
          'silver',
        ),
      ],
      line: '▼ Production readiness: Silver → Bronze · 1 check newly applicable and failing against origin/main',
    },
    {
      name: 'a check that passed and fails now is newly failing, one that did not apply is counted apart',
      results: [
        result([scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'fail')], 'bronze'),
      ],
      before: [
        result(
          [scored('readme-present', 'pass'), scored('changelog-present', 'notApplicable'), scored('actions-pinned', 'pass')],
          'silver',
        ),
      ],
      line: '▼ Production readiness: Silver → Bronze · 1 check newly failing, 1 newly applicable and failing against origin/main',
    },
    {
      name: 'two entities, each named',
      results: [bronze, of('component:default/orders-api', silver)],
      line: 'orders — Production readiness: Bronze; orders-api — Production readiness: Silver',
    },
    {
      name: 'two entities, the one that moved first',
      results: [bronze, of('component:default/orders-api', bronze)],
      before: [bronze, of('component:default/orders-api', silver)],
      line: 'orders-api — ▼ Production readiness: Silver → Bronze; orders — Production readiness: Bronze · 2 checks newly failing against origin/main',
    },
    {
      name: 'an entity gone',
      results: [bronze],
      before: [bronze, of('component:default/orders-api', silver)],
      line: 'orders-api — ▼ Production readiness: Silver → not scored; orders — Production readiness: Bronze · no check changed against origin/main',
    },
    {
      name: 'many entities, counted per level, highest first',
      results: [bronze, of('component:default/b', silver), of('component:default/c', bronze), of('component:default/d', none)],
      line: '4 entities: Production readiness: 1 Silver, 2 Bronze, 1 no level',
    },
    {
      name: 'many entities against a ref',
      results: [bronze, of('component:default/b', bronze), of('component:default/c', silver)],
      before: [bronze, of('component:default/b', silver), of('component:default/c', bronze)],
      line: '3 entities: Production readiness: 1 Silver, 2 Bronze · ▼ 1 level down · ▲ 1 level up · 2 checks newly failing, 2 newly passing against origin/main',
    },
  ])('$name', ({ results, before, line }) => {
    const comparison = before ? compareResults('origin/main', before, results, scorecards) : undefined;
    expect(verdictOf(report(results, { scorecards, ...(comparison ? { comparison } : {}) })).line).toBe(line);
  });
});

describe('verdictOf: the structure', () => {
  it('gives per entity and scorecard the level, the next level and, against a ref, the standing before', () => {
    const verdict = verdictOf(report([bronze], { scorecards, comparison: compareResults('main', [silver], [bronze], scorecards) }));
    expect(verdict.entities).toEqual([
      {
        entityRef: 'component:default/orders',
        label: 'orders',
        scorecards: [
          {
            scorecard: 'production-readiness',
            title: 'Production readiness',
            level: 'bronze',
            levelTitle: 'Bronze',
            score: 0.5,
            next: { level: 'silver', levelTitle: 'Silver', checks: ['changelog-present', 'actions-pinned'] },
            before: { level: 'silver', levelTitle: 'Silver' },
            direction: -1,
          },
        ],
      },
    ]);
    expect(verdict.comparison).toEqual({
      ref: 'main',
      changed: true,
      levelsUp: 0,
      levelsDown: 1,
      newlyFailing: 2,
      newlyApplicableFailing: 0,
      newlyPassing: 0,
    });
  });

  it('has no comparison fields without a comparison', () => {
    const verdict = verdictOf(report([bronze]));
    expect(verdict.comparison).toBeUndefined();
    expect(verdict.entities[0]!.scorecards[0]).not.toHaveProperty('direction');
  });
});

describe('entityLabels', () => {
  it.each([
    { refs: ['component:default/orders', 'api:default/orders-api'], labels: ['orders', 'orders-api'] },
    { refs: ['component:default/orders', 'api:default/orders'], labels: ['component:orders', 'api:orders'] },
    { refs: ['component:team-a/orders', 'component:team-b/orders'], labels: ['component:team-a/orders', 'component:team-b/orders'] },
  ])('$refs', ({ refs, labels }) => {
    expect([...entityLabels(refs).values()]).toEqual(labels);
  });
});

const metadata = (id: string, title: string, effort: CheckMetadata['effort'], severity: CheckMetadata['severity']): CheckMetadata => ({
  id,
  title,
  category: 'docs',
  description: title,
  why: 'Because.',
  fix: `Fix ${id}.`,
  effort,
  severity,
  source: 'builtin',
  options: {},
});

describe('what fails, cheapest fix first', () => {
  const ordered = new Map([
    ['hard-error', metadata('hard-error', 'Hard error', 'high', 'error')],
    ['easy-note', metadata('easy-note', 'Easy note', 'low', 'note')],
    ['easy-error-c', metadata('easy-error-c', 'Charlie', 'low', 'error')],
    ['easy-error-a', metadata('easy-error-a', 'Alpha', 'low', 'error')],
    ['medium-warning', metadata('medium-warning', 'Medium warning', 'medium', 'warning')],
    ['easy-warning', metadata('easy-warning', 'Easy warning', 'low', 'warning')],
  ]);
  const ids = [...ordered.keys(), 'unknown-check'];
  const failingAll = (level: string | null) =>
    result(
      ids.map((id) => scored(id, 'fail', { level: 'bronze' })),
      level,
    );

  it('orders by effort, then severity, then title; a check without metadata last', () => {
    expect(failingChecks(report([failingAll(null)], { checks: ordered })).map((check) => check.checkId)).toEqual([
      'easy-error-a',
      'easy-error-c',
      'easy-warning',
      'easy-note',
      'medium-warning',
      'hard-error',
      'unknown-check',
    ]);
  });

  it('puts first, marked, the checks that passed against the ref and fail now, then those that did not apply there', () => {
    const before = result(
      ids.map((id) =>
        scored(id, id === 'hard-error' || id === 'easy-note' ? 'pass' : id === 'easy-error-a' ? 'notApplicable' : 'fail', {
          level: 'bronze',
        }),
      ),
      null,
    );
    const failing = failingChecks(
      report([failingAll(null)], { checks: ordered, comparison: compareResults('main', [before], [failingAll(null)], [scorecard]) }),
    );
    expect(failing.map((check) => [check.checkId, check.newlyFailing])).toEqual([
      ['easy-note', true],
      ['hard-error', true],
      ['easy-error-a', true],
      ['easy-error-c', false],
      ['easy-warning', false],
      ['medium-warning', false],
      ['unknown-check', false],
    ]);
  });

  it.each<{ name: string; a: Partial<FailingCheck>; b: Partial<FailingCheck>; first: 'a' | 'b' }>([
    { name: 'newly failing before cheaper', a: { effort: 'high', newlyFailing: true }, b: { effort: 'low' }, first: 'a' },
    {
      name: 'a regression before what newly applies',
      a: { effort: 'low', newlyFailing: true },
      b: { effort: 'high', newlyFailing: true, regressed: true },
      first: 'b',
    },
    { name: 'low effort before medium', a: { effort: 'medium', severity: 'error' }, b: { effort: 'low', severity: 'note' }, first: 'b' },
    {
      name: 'error before warning at one effort',
      a: { effort: 'low', severity: 'warning' },
      b: { effort: 'low', severity: 'error' },
      first: 'b',
    },
    {
      name: 'by title last',
      a: { effort: 'low', severity: 'note', title: 'B' },
      b: { effort: 'low', severity: 'note', title: 'A' },
      first: 'b',
    },
  ])('compareFailing: $name', ({ a, b, first }) => {
    const check = (extra: Partial<FailingCheck>, id: string): FailingCheck => ({
      checkId: id,
      title: id,
      newlyFailing: false,
      findings: [],
      ...extra,
    });
    const sorted = [check(a, 'a'), check(b, 'b')].sort(compareFailing).map((entry) => entry.checkId);
    expect(sorted[0]).toBe(first);
  });

  it('makes one finding of a check that fails alike in two scorecards, naming both levels', () => {
    const [check] = failingChecks(
      report(
        [
          result([scored('actions-pinned', 'fail')], 'bronze'),
          result([scored('actions-pinned', 'fail', { level: 'bronze' })], null, { scorecard: 'security' }),
        ],
        { scorecards },
      ),
    );
    expect(check!.findings).toHaveLength(1);
    expect(check!.findings[0]!.neededFor).toEqual([
      { scorecard: 'production-readiness', level: 'silver' },
      { scorecard: 'security', level: 'bronze' },
    ]);
  });

  it('marks no finding of an entity that is new against the ref', () => {
    const failing = failingChecks(report([bronze], { comparison: compareResults('main', [], [bronze], [scorecard]) }));
    expect(failing.flatMap((check) => check.findings.map((finding) => finding.newlyFailing))).toEqual([false, false]);
  });

  it('groups findings by check, one per entity, and keeps the fix', () => {
    const failing = failingChecks(report([bronze, of('component:default/orders-api', bronze)]));
    expect(failing.map((check) => [check.checkId, check.findings.map((finding) => finding.entityRef)])).toEqual([
      ['actions-pinned', ['component:default/orders', 'component:default/orders-api']],
      ['changelog-present', ['component:default/orders', 'component:default/orders-api']],
    ]);
    expect(failing[0]!.fix).toBe(checks.get('actions-pinned')!.fix);
  });
});

describe('folding what does not fail', () => {
  const exemption = { reason: 'Vendored', expires: '2099-01-01', expired: false, source: 'central' as const };
  const results = [
    result([scored('readme-present', 'pass'), scored('changelog-present', 'notApplicable'), scored('actions-pinned', 'fail')], 'bronze'),
    // The same checks in another scorecard: a pass wins over not applicable; a failure anywhere is with what fails.
    result(
      [scored('changelog-present', 'pass', { effective: 'pass', outcome: 'fail', exemption }), scored('actions-pinned', 'pass')],
      'bronze',
      { scorecard: 'security' },
    ),
  ];

  it('keeps one entry per entity and check, a pass over not applicable, and none for a check failing anywhere', () => {
    const settled = settledChecks(report(results, { scorecards }));
    expect(settled.passing.map((check) => [check.checkId, Boolean(check.exemption)])).toEqual([
      ['changelog-present', true],
      ['readme-present', false],
    ]);
    expect(settled.notApplicable).toEqual([]);
  });

  it('puts the checks newly passing against the ref first, marked', () => {
    const before = result(
      [scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'pass')],
      'bronze',
    );
    const after = result(
      [scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'pass')],
      'silver',
    );
    const settled = settledChecks(report([after], { comparison: compareResults('main', [before], [after], [scorecard]) }));
    expect(settled.passing.map((check) => [check.checkId, check.newlyPassing])).toEqual([
      ['changelog-present', true],
      ['actions-pinned', false],
      ['readme-present', false],
    ]);
  });

  it.each([
    { passing: 1, exempt: 0, notApplicable: 0, text: '1 check passes' },
    { passing: 12, exempt: 0, notApplicable: 0, text: '12 checks pass' },
    { passing: 0, exempt: 0, notApplicable: 1, text: '1 check does not apply' },
    { passing: 2, exempt: 1, notApplicable: 3, text: '2 checks pass (1 by exemption), 3 do not apply' },
    { passing: 0, exempt: 0, notApplicable: 0, text: '' },
  ])('settledSummary: $text', ({ passing, exempt, notApplicable, text }) => {
    const entry = (index: number, outcome: 'pass' | 'notApplicable') => ({
      entityRef: 'e',
      checkId: `c${index}`,
      title: 't',
      outcome,
      message: '',
      newlyPassing: false,
      ...(index < exempt ? { exemption } : {}),
    });
    expect(
      settledSummary({
        passing: Array.from({ length: passing }, (_, index) => entry(index, 'pass')),
        notApplicable: Array.from({ length: notApplicable }, (_, index) => entry(index, 'notApplicable')),
      }),
    ).toBe(text);
  });
});

describe('neededForText', () => {
  it.each<[string, Need[], boolean, string]>([
    ['one level', [{ scorecard: 'production-readiness', level: 'silver' }], false, 'Silver'],
    [
      'each scorecard and level once',
      [
        { scorecard: 'security', level: 'bronze' },
        { scorecard: 'production-readiness', level: 'silver' },
        { scorecard: 'security', level: 'bronze' },
      ],
      true,
      'Production readiness Silver, Security Bronze',
    ],
    [
      'levels of one scorecard in its order',
      [
        { scorecard: 'security', level: 'silver' },
        { scorecard: 'security', level: 'bronze' },
      ],
      true,
      'Security Bronze, Security Silver',
    ],
    [
      'an unknown scorecard last, by its id',
      [
        { scorecard: 'zzz', level: 'gold' },
        { scorecard: 'security', level: 'bronze' },
      ],
      true,
      'Security Bronze, zzz Gold',
    ],
    ['nothing', [], true, ''],
  ])('%s', (_case, needs, many, text) => {
    expect(neededForText(needs, scorecards, many)).toBe(text);
  });
});

describe('gateOutcome', () => {
  it.each([
    [
      { name: 'regression' as const, failures: [] },
      { name: 'regression', passes: true, failures: [] },
    ],
    [
      { name: 'level' as const, failures: ['x is below silver.'] },
      { name: 'level', passes: false, failures: ['x is below silver.'] },
    ],
  ])('%j', (gate, outcome) => {
    expect(gateOutcome(gate)).toEqual(outcome);
  });
});
