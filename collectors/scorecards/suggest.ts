import { compareCodeUnits } from '../support/order.ts';
import { quotedAlternatives } from '../support/text.ts';

/**
 * Up to `max` of `candidates` closest to a mistyped `value` (Levenshtein distance, ties in
 * alphabetical order), for "did you mean" hints. Only plausible typos are offered: at most a third
 * of the value's length may differ (and at least two edits are allowed).
 */
export function closestMatches(value: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(value.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(value.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || compareCodeUnits(a.candidate, b.candidate))
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/** `; did you mean "a" or "b"?`, or nothing when no candidate is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const matches = closestMatches(value, candidates);
  return matches.length > 0 ? `; did you mean ${quotedAlternatives(matches)}?` : '';
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
