const DAY = 86_400_000;

/** Whole days from `date` (ISO 8601) to `now`; negative for a date in the future. */
export function daysSince(date: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(date)) / DAY);
}

/** `2026-05-01`, the day part of an ISO date. */
export function day(date: string): string {
  return date.slice(0, 10);
}
