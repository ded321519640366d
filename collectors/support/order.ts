/**
 * Sorting Cairn's output is ordered by: UTF-16 code units, the same on every machine and locale
 * (unlike `localeCompare`), so the same input gives the same snapshot and site everywhere.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
