const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The href for an untrusted URL, or `undefined` when it must be shown as plain text: only absolute
 * http:, https: and mailto: URLs become links (never `javascript:`, `data:` or relative paths).
 * Returns the parsed, normalised form, so the browser follows exactly what was checked.
 */
export function safeHref(url: string | undefined, protocols: ReadonlySet<string> = LINK_PROTOCOLS): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return protocols.has(parsed.protocol) ? parsed.href : undefined;
}

/** Like {@link safeHref}, for links into a web UI (source files, repositories): http(s) only. */
export function safeWebHref(url: string | undefined): string | undefined {
  return safeHref(url, WEB_PROTOCOLS);
}
