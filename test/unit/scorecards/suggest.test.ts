import { describe, expect, it } from 'vitest';
import { closestMatches, didYouMean } from '../../../collectors/scorecards/suggest.ts';

const ids = ['readme-present', 'readme-sections', 'changelog-present', 'license-present', 'ci-configured', 'recent-commit'];

describe('closestMatches', () => {
  it.each([
    { value: 'readme-presnt', expected: ['readme-present'] },
    { value: 'README-PRESENT', expected: ['readme-present'] },
    { value: 'licence-present', expected: ['license-present'] },
    { value: 'ci-configure', expected: ['ci-configured'] },
    { value: 'dockerfile-digest-pinned', expected: [] },
    { value: 'x', expected: [] },
  ])('$value → $expected', ({ value, expected }) => {
    expect(closestMatches(value, ids)).toEqual(expected);
  });

  it('offers at most three', () => {
    expect(closestMatches('aaaa', ['aaab', 'aaac', 'aaad', 'aaae'])).toEqual(['aaab', 'aaac', 'aaad']);
  });
});

describe('didYouMean', () => {
  it.each([
    { value: 'readme-presnt', expected: '; did you mean "readme-present"?' },
    { value: 'aaaa', candidates: ['aaab', 'aaac'], expected: '; did you mean "aaab" or "aaac"?' },
    { value: 'nothing-like-it', expected: '' },
  ])('$value', ({ value, candidates, expected }) => {
    expect(didYouMean(value, candidates ?? ids)).toBe(expected);
  });
});
