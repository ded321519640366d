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

/**
 * Plain text cut into its `code spans` and the text around them, for messages and descriptions that
 * quote file names and fields the way Markdown does. Only single-backtick spans on one line count;
 * an unmatched backtick stays text. The parts are text: the page escapes each.
 */
export function codeSpans(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  let at = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > at) parts.push({ code: false, text: text.slice(at, match.index) });
    parts.push({ code: true, text: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ code: false, text: text.slice(at) });
  return parts;
}
