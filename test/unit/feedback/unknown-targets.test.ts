import { describe, expect, it } from 'vitest';
import type { Satisfaction } from '../../../collectors/feedback/satisfaction.ts';
import { unknownFeedbackTargets } from '../../../collectors/feedback/unknown-targets.ts';

function satisfaction(kind: 'guide' | 'check', id: string, ratings: number, url?: string): Satisfaction {
  return {
    target: { kind, id },
    ratings,
    distribution: [0, 0, 0, 0, ratings],
    reactions: { up: 0, down: 0 },
    comments: url ? [{ comment: 'Useful.', createdAt: '2026-11-01T00:00:00Z', url }] : [],
    trend: [],
  };
}

const known = { guides: new Set(['build/set-up-ci']), checks: new Set(['readme-present']) };

describe('feedback on pages the portal does not have', () => {
  it.each([
    {
      name: 'a known guide and check',
      items: [satisfaction('guide', 'build/set-up-ci', 2), satisfaction('check', 'readme-present', 1)],
      expected: [],
    },
    {
      name: 'a guide renamed away, with its newest comment',
      items: [satisfaction('guide', 'does/not-exist', 2, 'https://github.com/acme/feedback/issues/7')],
      expected: [
        'Feedback names the guide "does/not-exist", which the portal does not have (renamed or removed?): its 2 ratings are shown nowhere. Newest: https://github.com/acme/feedback/issues/7',
      ],
    },
    {
      // A guide and a check may share an id: each is looked up among its own kind.
      name: 'a check id that is a guide id',
      items: [satisfaction('check', 'build/set-up-ci', 1)],
      expected: [
        'Feedback names the check "build/set-up-ci", which the portal does not have (renamed or removed?): its rating is shown nowhere.',
      ],
    },
  ])('$name', ({ items, expected }) => {
    const problems = unknownFeedbackTargets({ satisfaction: items }, known);
    expect(problems.map((problem) => problem.message)).toEqual(expected);
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
  });

  it('finds nothing without feedback', () => {
    expect(unknownFeedbackTargets(undefined, known)).toEqual([]);
  });
});
