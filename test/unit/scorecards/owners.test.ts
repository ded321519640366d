import { describe, expect, it } from 'vitest';
import { unknownOwnerProblems } from '../../../collectors/scorecards/owners.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

describe('unknownOwnerProblems', () => {
  it.each([
    ['platform', []],
    ['group:platform', []],
    ['group:default/Platform', []],
    ['group:platfrom', ['content/scorecards/x.yaml:4: Scorecard owner "group:platfrom" is not a Group in the catalog.']],
    // A user owns nothing a scorecard is about: the owner of a standard is a team.
    ['user:alice', ['content/scorecards/x.yaml:4: Scorecard owner "user:alice" is not a Group in the catalog.']],
    ['not a ref at all:', ['content/scorecards/x.yaml:4: Scorecard owner "not a ref at all:" is not a Group in the catalog.']],
  ])('%s', (owner, expected) => {
    const problems = unknownOwnerProblems(
      [{ owner, what: 'Scorecard', file: 'content/scorecards/x.yaml', line: 4 }],
      snapshotFixture.entities,
    );
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual(expected);
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
  });
});
