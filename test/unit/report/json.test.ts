import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../scripts/cli/report/compare.ts';
import { formatJson } from '../../../scripts/cli/report/json.ts';
import { report, result, scorecard, scored } from './report-fixture.ts';

const failing = result(
  [scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'fail')],
  'bronze',
  { next: { level: 'silver', checks: ['changelog-present', 'actions-pinned'] } },
);
const fixed = result([scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'pass')], 'silver', {
  score: 1,
});

describe('formatJson', () => {
  it('puts the verdict first, then the results as the snapshot stores them', () => {
    const json = JSON.parse(formatJson(report([failing])));
    expect(Object.keys(json)).toEqual(['verdict', 'repository', 'standards', 'results', 'problems']);
    expect(json).toMatchObject({ repository: { name: 'orders' }, results: [{ level: 'bronze' }] });
    expect(json.verdict).toEqual({
      line: 'Production readiness: Bronze',
      entities: [
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
            },
          ],
        },
      ],
    });
  });

  it('says after the gate whether the repository’s own problems fail the run', () => {
    const json = JSON.parse(formatJson(report([failing], { problemGate: { failOn: 'error', failing: 2 } })));
    expect(Object.keys(json)).toEqual(['verdict', 'problemGate', 'repository', 'standards', 'results', 'problems']);
    expect(json.problemGate).toEqual({ failOn: 'error', failing: 2, passes: false });
    expect(JSON.parse(formatJson(report([failing], { problemGate: { failOn: 'warning', failing: 0 } }))).problemGate.passes).toBe(true);
  });

  it('summarises what the change does against the ref in the verdict, and keeps the comparison', () => {
    const json = JSON.parse(formatJson(report([fixed], { comparison: compareResults('origin/main', [failing], [fixed], [scorecard]) })));
    expect(json.verdict.line).toBe('▲ Production readiness: Bronze → Silver · 2 checks newly passing against origin/main');
    expect(json.verdict.comparison).toEqual({
      ref: 'origin/main',
      changed: true,
      levelsUp: 1,
      levelsDown: 0,
      newlyFailing: 0,
      newlyApplicableFailing: 0,
      newlyPassing: 2,
    });
    expect(json.verdict.entities[0].scorecards[0]).toMatchObject({
      level: 'silver',
      before: { level: 'bronze', levelTitle: 'Bronze' },
      direction: 1,
    });
    expect(json.comparison.ref).toBe('origin/main');
  });

  it('says right after the verdict whether the gate passes, and why not', () => {
    const json = JSON.parse(
      formatJson(report([failing], { gate: { name: 'level', failures: ['component:default/orders is below silver\u001b[2J.'] } })),
    );
    expect(Object.keys(json).slice(0, 3)).toEqual(['verdict', 'gate', 'repository']);
    expect(json.gate).toEqual({ name: 'level', passes: false, failures: ['component:default/orders is below silver\uFFFD[2J.'] });
    expect(JSON.parse(formatJson(report([failing], { gate: { name: 'regression', failures: [] } }))).gate).toEqual({
      name: 'regression',
      passes: true,
      failures: [],
    });
  });

  it('lists the files Cairn can write when there are any', () => {
    const suggestion = { path: 'catalog-info.yaml', checkIds: ['descriptor-valid'], summary: 'A descriptor.', text: 'kind: Component\n' };
    expect(JSON.parse(formatJson(report([failing], { suggestions: [suggestion] }))).suggestions).toEqual([suggestion]);
  });
});
