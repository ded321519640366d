import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CheckDefinition } from '../../collectors/checks/check.ts';
import { evaluateInitiatives } from '../../collectors/initiatives/evaluate.ts';
import { initiativeFileSchema } from '../../collectors/initiatives/schema.ts';
import { prepareEvaluation } from '../../collectors/scorecards/evaluate.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { component, NOW, scorecard } from './scorecards/fixtures.ts';

const owned = (name: string, team: string, type = 'service'): CatalogEntity => ({
  ...component(name, { spec: { type, lifecycle: 'production', owner: team } }),
  relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
});
const ENTITIES = [owned('api', 'payments'), owned('web', 'web', 'website'), owned('batch', 'payments')];
const pinned: CheckDefinition = {
  id: 'pinned',
  title: 'Pinned',
  category: 'security',
  description: '',
  why: '',
  fix: '',
  effort: 'low',
  severity: 'warning',
  needs: [],
  options: z.strictObject({}),
  // Fails on batch, does not apply to web (a website, say, with nothing to pin).
  run: ({ entity }) => ({
    outcome: entity.metadata.name === 'batch' ? 'fail' : entity.metadata.name === 'web' ? 'notApplicable' : 'pass',
    message: '',
    evidence: [],
  }),
};
const READY = scorecard('ready', { bronze: ['pinned'], silver: ['pinned'] });

function evaluate(file: Record<string, unknown>) {
  const evaluation = prepareEvaluation({ entities: ENTITIES, factsByRepo: new Map(), checks: [pinned], exemptions: [], now: NOW });
  const results = evaluation.evaluate(READY);
  return evaluateInitiatives({
    initiatives: [
      {
        file: 'content/initiatives/x.yaml',
        spec: initiativeFileSchema.parse({ id: 'x', title: 'X', owner: 'platform', deadline: '2027-01-01', ...file }),
      },
    ],
    entities: ENTITIES,
    factsByRepo: new Map(),
    scorecards: [READY],
    results,
    evaluate: evaluation.evaluate,
  })[0]!;
}

describe('evaluateInitiatives', () => {
  it('judges a scorecard goal by the level reached, for the entities it covers', () => {
    const initiative = evaluate({ goal: { scorecard: 'ready', level: 'silver' }, appliesTo: { type: 'service' } });
    expect(initiative.owner).toBe('group:default/platform');
    expect(initiative.entities).toEqual([
      { entityRef: 'component:default/api', done: true, missing: [], owner: 'group:default/payments' },
      { entityRef: 'component:default/batch', done: false, missing: ['no level'], owner: 'group:default/payments' },
    ]);
  });

  it('judges a checks goal by every check passing, naming those that fail; an entity none of them applies to is not counted', () => {
    expect(evaluate({ goal: { checks: ['pinned'] } }).entities.map((entity) => [entity.entityRef, entity.done, entity.missing])).toEqual([
      ['component:default/api', true, []],
      ['component:default/batch', false, ['pinned']],
    ]);
  });
});
