import { describe, expect, it } from 'vitest';
import { suggestedFiles, type SuggestInput } from '../../../collectors/fixes/index.ts';
import type { ScorecardResult, ScoredCheck } from '../../../collectors/scorecards/result.ts';
import { entity, repoFacts } from '../../helpers/check-context.ts';

/** Which checks get a file: those whose effective outcome fails, unless the file is there in any letter case. */

const SERVICE = entity({ inferred: true, spec: { type: 'service', lifecycle: 'unknown', owner: 'group:default/unknown' } });

function scored(checkId: string, outcome: ScoredCheck['outcome'], effective: ScoredCheck['effective'] = outcome): ScoredCheck {
  return { checkId, outcome, effective, level: 'one', weight: 1, message: '', evidence: [] };
}

function input(checks: ScoredCheck[], files: string[] = []): SuggestInput {
  const result: ScorecardResult = { scorecard: 'all', entityRef: SERVICE.ref, level: null, score: 0, checks };
  return { entities: [SERVICE], results: [result], facts: repoFacts({ files, workflows: [] }), files, knownRefs: new Set() };
}

const paths = (suggestInput: SuggestInput) => suggestedFiles(suggestInput).map((suggestion) => suggestion.path);

describe('suggestedFiles selection', () => {
  it.each([
    ['failing', scored('security-policy', 'fail'), ['SECURITY.md']],
    ['passing', scored('security-policy', 'pass'), []],
    ['not applicable', scored('security-policy', 'notApplicable'), []],
    ['in error', scored('security-policy', 'error'), []],
    ['failing but exempt', scored('security-policy', 'fail', 'pass'), []],
    ['under an expired exemption', scored('security-policy', 'pass', 'fail'), ['SECURITY.md']],
  ])('a check %s', (_, check, expected) => {
    expect(paths(input([check]))).toEqual(expected);
  });

  it('a check without a fix gets no file', () => {
    expect(paths(input([scored('readme-present', 'fail'), scored('tests-present', 'fail')]))).toEqual([]);
  });

  it.each([['catalog-info.yaml'], ['CATALOG-INFO.YAML']])('never a file that is tracked, as %s', (tracked) => {
    expect(paths(input([scored('descriptor-valid', 'fail')], [tracked]))).toEqual([]);
  });

  it('lists the checks each file answers among those failing, once per file', () => {
    const suggestions = suggestedFiles(
      input([scored('codeowners-catch-all', 'fail'), scored('codeowners-present', 'fail'), scored('descriptor-valid', 'fail')]),
    );
    expect(suggestions.map(({ path, checkIds }) => ({ path, checkIds }))).toEqual([
      { path: 'catalog-info.yaml', checkIds: ['descriptor-valid'] },
      { path: '.github/CODEOWNERS', checkIds: ['codeowners-present', 'codeowners-catch-all'] },
    ]);
  });

  it('a descriptor only for the entity descriptor-valid fails for, when Cairn inferred it', () => {
    const declared = { ...SERVICE, inferred: false, source: { repo: 'payments', file: 'catalog-info.yaml', line: 1 } };
    const result: ScorecardResult = {
      scorecard: 'all',
      entityRef: SERVICE.ref,
      level: null,
      score: 0,
      checks: [scored('descriptor-valid', 'fail')],
    };
    expect(suggestedFiles({ entities: [declared], results: [result], facts: repoFacts(), files: [], knownRefs: new Set() })).toEqual([]);
  });
});
