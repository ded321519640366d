/** The bench's arithmetic: medians and ratios of interleaved runs. Pure. */

/** The middle value; the mean of the two middle values when there is an even number of them. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * How many times the floor's time the work takes: the median of each pair's own ratio, so a pair
 * run while the machine was busy (both slow) still compares like with like.
 */
export function pairwiseRatio(work: readonly number[], floor: readonly number[]): number {
  if (work.length !== floor.length)
    throw new Error(`${work.length} work runs but ${floor.length} floor runs: the ratio is taken pair by pair`);
  return median(work.map((time, index) => time / floor[index]!));
}
