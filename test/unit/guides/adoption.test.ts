import { describe, expect, it } from 'vitest';
import type { CheckDefinition, CheckResult } from '../../../collectors/checks/check.ts';
import { evaluateGuides } from '../../../collectors/guides/adoption.ts';
import { parseGuide } from '../../../collectors/guides/load.ts';
import { prepareEvaluation } from '../../../collectors/scorecards/evaluate.ts';
import { centralExemptions } from '../../../collectors/scorecards/exemptions.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { component, NOW } from '../scorecards/fixtures.ts';
import { z } from 'zod';

/** A check whose outcome per entity name comes from a table; unlisted entities: notApplicable. */
function tableCheck(id: string, outcomes: Record<string, CheckResult['outcome']>): CheckDefinition {
  return {
    id,
    title: id,
    category: 'custom',
    description: id,
    why: 'Tests.',
    fix: 'Nothing.',
    effort: 'low',
    severity: 'warning',
    needs: [],
    options: z.strictObject({}),
    run: ({ entity }) => ({ outcome: outcomes[entity.metadata.name] ?? 'notApplicable', message: id, evidence: [] }),
  };
}

const CHECKS = [
  tableCheck('ci', { api: 'pass', web: 'pass', batch: 'fail', legacy: 'fail', docs: 'notApplicable' }),
  tableCheck('pinned', { api: 'pass', web: 'error', batch: 'pass', legacy: 'fail', docs: 'notApplicable' }),
  tableCheck('tests', { api: 'pass', web: 'pass', batch: 'notApplicable', legacy: 'fail', docs: 'notApplicable' }),
];

const GROUP: CatalogEntity = { ...component('platform', { kind: 'Group', repo: null }), spec: { type: 'team', children: [] } };
const ENTITIES = [
  component('api'),
  component('web', { spec: { type: 'website', lifecycle: 'production', owner: 'web' } }),
  component('batch'),
  component('legacy'),
  component('docs'),
  GROUP,
];

function guideSource(frontmatter: string[], id = 'build/set-up-ci') {
  const lines = ['title: Set up CI', 'summary: S', 'category: Build', 'status: recommended', ...frontmatter];
  return parseGuide(`---\n${lines.join('\n')}\n---\n# Body\n`, id, `content/guides/${id}.mdx`, new Set(CHECKS.map((check) => check.id)));
}

function evaluate(frontmatter: string[], exemptions: Parameters<typeof prepareEvaluation>[0]['exemptions'] = []) {
  const evaluation = prepareEvaluation({ entities: ENTITIES, factsByRepo: new Map(), checks: CHECKS, exemptions, now: NOW });
  return evaluateGuides({
    guides: [guideSource(frontmatter)],
    evaluate: evaluation.evaluate,
    entities: ENTITIES,
    settings: { staleAfterDays: 180 },
    now: NOW,
  });
}

const BASE = ['owner: group:platform', 'reviewed: 2026-10-01'];

describe('evaluateGuides: adoption', () => {
  it('counts entities a check applies to; follows = every applicable check passes', () => {
    const { guides, problems } = evaluate([...BASE, 'checks: [ci, pinned, tests]']);
    expect(problems).toEqual([]);
    expect(guides[0]!.adoption).toEqual({
      entities: [
        { entityRef: 'component:default/api', follows: true, missing: [] },
        { entityRef: 'component:default/batch', follows: false, missing: ['ci'] },
        { entityRef: 'component:default/legacy', follows: false, missing: ['ci', 'pinned', 'tests'] },
        { entityRef: 'component:default/web', follows: false, missing: ['pinned'] },
      ],
      checks: [
        { id: 'ci', applicable: 4, passing: 2 },
        { id: 'pinned', applicable: 4, passing: 2 },
        { id: 'tests', applicable: 3, passing: 2 },
      ],
    });
  });

  it('applies the filter: only services here', () => {
    const { guides } = evaluate([...BASE, 'checks: [ci]', 'appliesTo:', '  type: website']);
    expect(guides[0]!.adoption.entities).toEqual([{ entityRef: 'component:default/web', follows: true, missing: [] }]);
  });

  it('counts an unexpired exemption as passing', () => {
    const exemptions = centralExemptions(
      { exemptions: [{ entity: 'component:default/batch', check: 'ci', reason: 'Moving to GitHub.', expires: '2027-01-01' }] },
      'content/exemptions.yaml',
      [3],
    ).map((exemption) => exemption);
    const { guides } = evaluate([...BASE, 'checks: [ci]'], exemptions);
    expect(guides[0]!.adoption.entities.find((entity) => entity.entityRef === 'component:default/batch')).toEqual({
      entityRef: 'component:default/batch',
      follows: true,
      missing: [],
    });
  });

  it('has nothing to adopt without checks', () => {
    expect(evaluate(BASE).guides[0]!.adoption).toEqual({ entities: [], checks: [] });
  });
});

describe('evaluateGuides: owner and staleness', () => {
  it.each([
    { reviewed: '2026-05-05', stale: false, why: 'exactly 180 days before now (noon) is within' },
    { reviewed: '2026-05-04', stale: true, why: 'a day more is stale' },
    { reviewed: '2026-11-01', stale: false, why: 'reviewed today' },
  ])('$reviewed → stale $stale ($why)', ({ reviewed, stale }) => {
    expect(evaluate(['owner: platform', `reviewed: ${reviewed}`]).guides[0]!.stale).toBe(stale);
  });

  it('resolves the owner with Backstage defaults', () => {
    expect(evaluate(['owner: platform', 'reviewed: 2026-10-01']).guides[0]!.owner).toBe('group:default/platform');
  });

  it('reports an owner that is not a Group in the catalog at its line', () => {
    expect(evaluate(['owner: group:nobody', 'reviewed: 2026-10-01']).problems).toEqual([
      {
        severity: 'warning',
        file: 'content/guides/build/set-up-ci.mdx',
        line: 6,
        message: 'Guide owner "group:nobody" is not a Group in the catalog.',
      },
    ]);
  });
});

describe('checks shared by scorecards and guides', () => {
  it('run once per entity and options', () => {
    let runs = 0;
    const counted: CheckDefinition = { ...CHECKS[0]!, run: (context) => (runs++, CHECKS[0]!.run(context)) };
    const evaluation = prepareEvaluation({
      entities: ENTITIES,
      factsByRepo: new Map(),
      checks: [counted, ...CHECKS.slice(1)],
      exemptions: [],
      now: NOW,
    });
    const scorecard = {
      id: 'ready',
      title: 'Ready',
      description: '',
      appliesTo: { kind: ['Component'] },
      levels: [{ id: 'bronze', checks: [{ id: 'ci', weight: 1, options: {} }] }],
    };
    evaluation.evaluate(scorecard);
    evaluateGuides({
      guides: [guideSource([...BASE, 'checks: [ci, pinned]'])],
      evaluate: evaluation.evaluate,
      entities: ENTITIES,
      settings: { staleAfterDays: 180 },
      now: NOW,
    });
    expect(runs).toBe(5);
  });
});
