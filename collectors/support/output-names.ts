/**
 * Names of output folders and files that every disk can hold: the site is checked out on Windows and
 * macOS too, where some names are reserved and case does not tell folders apart.
 */

/** Device names Windows reserves in every folder, with or without an extension (`CON`, `nul.txt`, `Com1.md`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A path segment that Windows can create: a reserved device name gets `_` after its stem
 * (`CON` → `CON_`, `aux.tar.gz` → `aux_.tar.gz`), and trailing dots or spaces, which Windows drops
 * (so `a.` would be `a`), become `-`. Other segments are unchanged.
 */
export function windowsSafeSegment(segment: string): string {
  const dot = segment.indexOf('.');
  const stem = dot === -1 ? segment : segment.slice(0, dot);
  const renamed = WINDOWS_RESERVED.test(stem.trimEnd()) ? `${stem}_${segment.slice(stem.length)}` : segment;
  return renamed.replace(/[. ]+$/, (tail) => (tail.length === renamed.length ? tail : '-'));
}
