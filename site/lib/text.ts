/** A count with its noun, singular or plural: `1 entity`, `3 entities`. */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** An ISO timestamp in UTC (`2026-11-25T03:00:00.000Z`) as `2026-11-25 03:00 UTC`, the same on every machine. */
export function formatTimestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A mean rating to one decimal: `4` as `4.0`, `3.95` as `4.0`. */
export function formatMean(mean: number): string {
  return (Math.round(mean * 10) / 10).toFixed(1);
}
