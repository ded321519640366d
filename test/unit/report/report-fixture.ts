import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult, ScoredCheck } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import type { CheckReport } from '../../../scripts/cli/report/model.ts';

export const scorecard: ScorecardDefinition = {
  id: 'production-readiness',
  title: 'Production readiness',
  description: '',
  appliesTo: { kind: ['Component'] },
  levels: [
    { id: 'bronze', checks: [{ id: 'readme-present', weight: 1, options: {} }] },
    {
      id: 'silver',
      title: 'Silver',
      checks: [
        { id: 'changelog-present', weight: 1, options: {} },
        { id: 'actions-pinned', weight: 2, options: {} },
      ],
    },
  ],
};

const metadata = (id: string, title: string): CheckMetadata => ({
  id,
  title,
  category: 'docs',
  description: `Checks ${title}.`,
  why: 'Because.',
  fix: `Add the thing for ${title}.\n\nMore detail.`,
  effort: 'low',
  severity: 'warning',
  source: 'builtin',
  options: {},
});

export const checks = new Map([
  ['readme-present', metadata('readme-present', 'README present')],
  ['changelog-present', metadata('changelog-present', 'CHANGELOG present')],
  ['actions-pinned', metadata('actions-pinned', 'Actions pinned to commit SHAs')],
]);

export function scored(checkId: string, outcome: ScoredCheck['outcome'], extra: Partial<ScoredCheck> = {}): ScoredCheck {
  const level = checkId === 'readme-present' ? 'bronze' : 'silver';
  return { checkId, level, weight: 1, outcome, effective: outcome, message: `${checkId} is ${outcome}`, evidence: [], ...extra };
}

export function result(checksOf: ScoredCheck[], level: string | null, extra: Partial<ScorecardResult> = {}): ScorecardResult {
  return { scorecard: 'production-readiness', entityRef: 'component:default/orders', level, score: 0.5, checks: checksOf, ...extra };
}

export const entity: CatalogEntity = {
  ref: 'component:default/orders',
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments', lifecycle: 'production' },
  relations: [],
  source: { repo: 'orders', file: 'catalog-info.yaml', line: 1 },
  inferred: false,
};

export function report(results: ScorecardResult[], extra: Partial<CheckReport> = {}): CheckReport {
  return {
    repo: { name: 'orders', commit: 'abc123' },
    standards: "the portal's standards from portal.yaml",
    entities: [entity],
    scorecards: [scorecard],
    checks,
    results,
    problems: [],
    suggestions: [],
    ...extra,
  };
}

/** A result at bronze with two silver checks failing, one with evidence. */
export const failingResult = result(
  [
    scored('readme-present', 'pass'),
    scored('changelog-present', 'fail'),
    scored('actions-pinned', 'fail', { evidence: [{ path: '.github/workflows/ci.yml', line: 12, note: 'uses: actions/checkout@v4' }] }),
  ],
  'bronze',
  { next: { level: 'silver', checks: ['changelog-present', 'actions-pinned'] } },
);

/** The same entity with every check passing, at silver. */
export const fixedResult = result(
  [scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'pass')],
  'silver',
  { score: 1 },
);
