import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CheckDefinition, Outcome } from '../../../collectors/checks/check.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { evaluatePortal, evaluateScorecard } from '../../../collectors/scorecards/evaluate.ts';
import type { Exemption } from '../../../collectors/scorecards/exemptions.ts';
import { component, NOW, scorecard, stubCheck } from './fixtures.ts';

const entity = component('payments-service');
const catalog = { get: () => undefined };

/** Evaluates bronze [a], silver [b], gold [c] with the given outcomes (and weights). */
function threeLevels(outcomes: [Outcome, Outcome, Outcome], weights: [number, number, number] = [1, 1, 1], exemptions: Exemption[] = []) {
  const checks = new Map((['a', 'b', 'c'] as const).map((id, index) => [id, stubCheck(id, outcomes[index]!)]));
  const card = scorecard('readiness', {
    bronze: [{ id: 'a', weight: weights[0] }],
    silver: [{ id: 'b', weight: weights[1] }],
    gold: [{ id: 'c', weight: weights[2] }],
  });
  return evaluateScorecard({ scorecard: card, entity, facts: undefined, catalog, checks, exemptions, now: NOW });
}

describe('evaluateScorecard: level and score', () => {
  it.each([
    { outcomes: ['pass', 'pass', 'pass'], level: 'gold', score: 1 },
    { outcomes: ['pass', 'pass', 'fail'], level: 'silver', score: 2 / 3 },
    { outcomes: ['pass', 'fail', 'pass'], level: 'bronze', score: 2 / 3, why: 'a gold pass above a silver failure is bronze' },
    { outcomes: ['fail', 'pass', 'pass'], level: null, score: 2 / 3 },
    { outcomes: ['pass', 'notApplicable', 'pass'], level: 'gold', score: 1, why: 'a level of only not-applicable checks passes' },
    { outcomes: ['pass', 'notApplicable', 'fail'], level: 'silver', score: 1 / 2, why: 'not applicable counts on neither side' },
    { outcomes: ['notApplicable', 'notApplicable', 'notApplicable'], level: 'gold', score: 1, why: 'nothing applies: top level, score 1' },
    { outcomes: ['pass', 'error', 'pass'], level: 'bronze', score: 2 / 3, why: 'error is not a pass' },
    { outcomes: ['error', 'error', 'error'], level: null, score: 0 },
  ] as Array<{ outcomes: [Outcome, Outcome, Outcome]; level: string | null; score: number }>)(
    '$outcomes → $level, $score',
    ({ outcomes, level, score }) => {
      const result = threeLevels(outcomes);
      expect(result.level).toBe(level);
      expect(result.score).toBeCloseTo(score, 10);
    },
  );

  it.each([
    { outcomes: ['pass', 'fail', 'fail'], weights: [3, 1, 0.5], score: 3 / 4.5 },
    { outcomes: ['fail', 'pass', 'pass'], weights: [3, 1, 1], score: 2 / 5 },
    { outcomes: ['pass', 'notApplicable', 'fail'], weights: [1, 10, 3], score: 1 / 4 },
  ] as Array<{ outcomes: [Outcome, Outcome, Outcome]; weights: [number, number, number]; score: number }>)(
    'weights $weights with $outcomes → $score',
    ({ outcomes, weights, score }) => {
      expect(threeLevels(outcomes, weights).score).toBeCloseTo(score, 10);
    },
  );

  it('keeps every check with its level, weight and outcome, in scorecard order', () => {
    expect(threeLevels(['pass', 'fail', 'notApplicable'], [2, 1, 1]).checks).toEqual([
      { checkId: 'a', level: 'bronze', weight: 2, outcome: 'pass', effective: 'pass', message: 'a says pass', evidence: [] },
      { checkId: 'b', level: 'silver', weight: 1, outcome: 'fail', effective: 'fail', message: 'b says fail', evidence: [] },
      {
        checkId: 'c',
        level: 'gold',
        weight: 1,
        outcome: 'notApplicable',
        effective: 'notApplicable',
        message: 'c says notApplicable',
        evidence: [],
      },
    ]);
  });
});

describe('evaluateScorecard: what to fix next', () => {
  it('orders the next level’s blockers by effort, then weight', () => {
    const checks = new Map<string, CheckDefinition>([
      ['base', stubCheck('base', 'pass')],
      ['hard', stubCheck('hard', 'fail', 'high')],
      ['easy-light', stubCheck('easy-light', 'fail', 'low')],
      ['medium', stubCheck('medium', 'error', 'medium')],
      ['easy-heavy', stubCheck('easy-heavy', 'fail', 'low')],
      ['done', stubCheck('done', 'pass', 'low')],
      ['gold-only', stubCheck('gold-only', 'fail', 'low')],
    ]);
    const card = scorecard('readiness', {
      bronze: ['base'],
      silver: ['hard', 'easy-light', { id: 'medium', weight: 2 }, { id: 'easy-heavy', weight: 3 }, 'done'],
      gold: ['gold-only'],
    });
    const result = evaluateScorecard({ scorecard: card, entity, facts: undefined, catalog, checks, exemptions: [], now: NOW });
    expect(result.level).toBe('bronze');
    expect(result.next).toEqual({ level: 'silver', checks: ['easy-heavy', 'easy-light', 'medium', 'hard'] });
  });

  it('names the first level when none is reached', () => {
    expect(threeLevels(['fail', 'fail', 'pass']).next).toEqual({ level: 'bronze', checks: ['a'] });
  });

  it('has no next step at the top level', () => {
    expect(threeLevels(['pass', 'pass', 'pass']).next).toBeUndefined();
  });
});

describe('evaluateScorecard: exemptions', () => {
  const exempt = (checkId: string, expires: string, scorecardId?: string): Exemption => ({
    entityRef: entity.ref,
    checkId,
    reason: 'Being rewritten',
    expires,
    source: 'central',
    ...(scorecardId ? { scorecard: scorecardId } : {}),
  });

  it.each([
    {
      name: 'a valid exemption turns a failure into a pass',
      outcome: 'fail',
      exemptions: [exempt('b', '2026-12-31')],
      effective: 'pass',
      expired: false,
      level: 'gold',
    },
    {
      name: 'an expired exemption leaves the failure, flagged',
      outcome: 'fail',
      exemptions: [exempt('b', '2026-10-01')],
      effective: 'fail',
      expired: true,
      level: 'bronze',
    },
    {
      name: 'a valid exemption covers an error too',
      outcome: 'error',
      exemptions: [exempt('b', '2026-12-31')],
      effective: 'pass',
      expired: false,
      level: 'gold',
    },
    {
      name: 'an expired exemption leaves an error an error',
      outcome: 'error',
      exemptions: [exempt('b', '2026-10-01')],
      effective: 'error',
      expired: true,
      level: 'bronze',
    },
    {
      name: 'a passing check needs no exemption',
      outcome: 'pass',
      exemptions: [exempt('b', '2026-12-31')],
      effective: 'pass',
      expired: undefined,
      level: 'gold',
    },
    {
      name: 'a check that does not apply stays not applicable',
      outcome: 'notApplicable',
      exemptions: [exempt('b', '2026-12-31')],
      effective: 'notApplicable',
      expired: undefined,
      level: 'gold',
    },
    {
      name: 'scoped to this scorecard',
      outcome: 'fail',
      exemptions: [exempt('b', '2026-12-31', 'readiness')],
      effective: 'pass',
      expired: false,
      level: 'gold',
    },
    {
      name: 'scoped to another scorecard',
      outcome: 'fail',
      exemptions: [exempt('b', '2026-12-31', 'security')],
      effective: 'fail',
      expired: undefined,
      level: 'bronze',
    },
  ] as Array<{ name: string; outcome: Outcome; exemptions: Exemption[]; effective: Outcome; expired: boolean | undefined; level: string }>)(
    '$name',
    ({ outcome, exemptions, effective, expired, level }) => {
      const result = threeLevels(['pass', outcome, 'pass'], [1, 1, 1], exemptions);
      const scored = result.checks[1]!;
      expect(scored.outcome).toBe(outcome);
      expect(scored.effective).toBe(effective);
      expect(scored.exemption?.expired).toBe(expired);
      expect(result.level).toBe(level);
    },
  );
});

describe('evaluateScorecard: errors stay with their check and entity', () => {
  const throwing: CheckDefinition = {
    ...stubCheck('throws', 'pass'),
    run: () => {
      throw new Error('facts.readme is malformed');
    },
  };
  const garbage: CheckDefinition = { ...stubCheck('garbage', 'pass'), run: () => ({ outcome: 'maybe' }) as never };
  const withOptions: CheckDefinition = {
    ...stubCheck('recent-commit', 'pass'),
    options: z.strictObject({ days: z.number().int().positive().default(90) }),
    run: ({ options }) => ({ outcome: 'pass', message: `within ${(options as { days: number }).days} days`, evidence: [] }),
  };
  const checks = new Map([throwing, garbage, withOptions, stubCheck('fine', 'pass')].map((check) => [check.id, check]));

  it.each([
    { name: 'a check that throws', entry: 'throws', message: 'The check "throws" failed to run: facts.readme is malformed' },
    { name: 'a check that returns no valid result', entry: 'garbage', message: 'The check "garbage" returned no valid result.' },
    { name: 'an unknown check', entry: 'readme-presnt', message: 'Unknown check "readme-presnt".' },
    {
      name: 'options the check rejects',
      entry: { id: 'recent-commit', options: { days: 'ninety' } },
      message: 'Invalid options for check "recent-commit"',
    },
  ])('$name is an error for that check only', ({ entry, message }) => {
    const card = scorecard('readiness', { bronze: ['fine', entry] });
    const result = evaluateScorecard({ scorecard: card, entity, facts: undefined, catalog, checks, exemptions: [], now: NOW });
    expect(result.checks[0]!.outcome).toBe('pass');
    expect(result.checks[1]!.outcome).toBe('error');
    expect(result.checks[1]!.message).toContain(message);
    expect(result.level).toBeNull();
    expect(result.score).toBe(0.5);
  });

  it('answers for a missing repository or fact through the check runner, before the check runs', () => {
    const needsReadme: CheckDefinition = { ...stubCheck('needs-readme', 'pass'), needs: ['readme'] };
    const card = scorecard('readiness', { bronze: ['needs-readme'] });
    const judge = (judged: typeof entity, facts: Facts | undefined) =>
      evaluateScorecard({
        scorecard: card,
        entity: judged,
        facts,
        catalog,
        checks: new Map([[needsReadme.id, needsReadme]]),
        exemptions: [],
        now: NOW,
      }).checks[0]!;
    expect(judge(component('team', { kind: 'Group', repo: null }), undefined)).toMatchObject({
      outcome: 'notApplicable',
      message: expect.stringContaining('outside any scanned repository'),
    });
    expect(judge(entity, {})).toMatchObject({
      outcome: 'error',
      message: expect.stringContaining('The "readme" fact of repository payments-service could not be collected'),
    });
    expect(judge(entity, { readme: null })).toMatchObject({ outcome: 'pass', message: 'needs-readme says pass' });
  });

  it('runs a check with its defaults and with the options a scorecard sets', () => {
    const card = scorecard('readiness', { bronze: ['recent-commit'], silver: [{ id: 'recent-commit', options: { days: 30 } }] });
    const result = evaluateScorecard({ scorecard: card, entity, facts: undefined, catalog, checks, exemptions: [], now: NOW });
    expect(result.checks.map((check) => check.message)).toEqual(['within 90 days', 'within 30 days']);
  });
});

describe('evaluatePortal', () => {
  const seen: Array<{ entity: string; facts: unknown; owner: unknown }> = [];
  const probe: CheckDefinition = {
    ...stubCheck('probe', 'pass'),
    run: ({ entity: probed, facts, catalog: lookup }) => {
      seen.push({ entity: probed.ref, facts, owner: lookup.get('group:default/payments')?.ref });
      return { outcome: 'pass', message: 'ok', evidence: [] };
    },
  };
  const goFacts = { languages: [{ name: 'Go', bytes: 10, share: 1 }] } as Facts;
  const entities = [
    component('web-shop', { spec: { type: 'website', owner: 'web' }, annotations: { 'cairn.dev/exempt.probe': 'tomorrow: oops' } }),
    component('payments-service'),
    component('payments', { kind: 'Group', spec: { type: 'team' }, repo: null }),
  ];

  function run() {
    seen.length = 0;
    return evaluatePortal({
      scorecards: [
        scorecard('security', { baseline: ['probe'] }),
        scorecard('readiness', { bronze: ['probe'] }, { kind: 'Component', type: 'service' }),
      ],
      entities,
      factsByRepo: new Map([['payments-service', goFacts]]),
      checks: [probe],
      exemptions: [
        {
          entityRef: 'component:default/gone',
          checkId: 'probe',
          reason: 'r',
          expires: '2027-01-01',
          source: 'central',
          declaredAt: { file: 'content/exemptions.yaml', line: 4 },
        },
        {
          entityRef: 'component:default/web-shop',
          checkId: 'probee',
          reason: 'r',
          expires: '2027-01-01',
          source: 'central',
          declaredAt: { file: 'content/exemptions.yaml', line: 9 },
        },
      ],
      now: NOW,
    });
  }

  it('applies each scorecard to the entities it selects, ordered by scorecard then entity', () => {
    expect(run().results.map((result) => `${result.scorecard} ${result.entityRef}`)).toEqual([
      'readiness component:default/payments-service',
      'security component:default/payments-service',
      'security component:default/web-shop',
    ]);
  });

  it("gives checks the entity's repository facts and the whole catalog", () => {
    run();
    expect(seen).toContainEqual({ entity: 'component:default/payments-service', facts: goFacts, owner: 'group:default/payments' });
    expect(seen).toContainEqual({ entity: 'component:default/web-shop', facts: undefined, owner: 'group:default/payments' });
  });

  it('reports bad exemptions once each, with where they were declared', () => {
    expect(run().problems).toEqual([
      {
        severity: 'error',
        repo: 'web-shop',
        file: 'catalog-info.yaml',
        line: 2,
        entityRef: 'component:default/web-shop',
        message: expect.stringContaining('Annotation cairn.dev/exempt.probe is ignored'),
      },
      {
        severity: 'warning',
        file: 'content/exemptions.yaml',
        line: 4,
        message: 'Exemption for component:default/gone, which is not in the catalog.',
      },
      {
        severity: 'warning',
        file: 'content/exemptions.yaml',
        line: 9,
        entityRef: 'component:default/web-shop',
        message: 'Exemption for unknown check "probee"; did you mean "probe"?',
      },
    ]);
  });

  it('lets checks look up known entities that were not scanned, without scoring them', () => {
    seen.length = 0;
    const known = component('platform', { kind: 'Group', spec: {}, repo: null });
    const lookup: CheckDefinition = {
      ...probe,
      run: ({ catalog: c }) => ({ outcome: c.get('Group:default/platform') ? 'pass' : 'fail', message: '', evidence: [] }),
    };
    const { results } = evaluatePortal({
      scorecards: [scorecard('any', { bronze: ['probe'] }, { kind: ['Component', 'Group'] })],
      entities: [entities[1]!],
      knownEntities: [known],
      factsByRepo: new Map(),
      checks: [lookup],
      exemptions: [],
      now: NOW,
    });
    expect(results.map((result) => [result.entityRef, result.level])).toEqual([['component:default/payments-service', 'bronze']]);
  });
});
