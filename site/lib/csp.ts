import { createHash } from 'node:crypto';

/**
 * The portal's Content-Security-Policy. Astro writes it into every page as a `<meta http-equiv>`
 * (`security.csp` in astro.config.mjs), with the hashes of the scripts and styles it emits; this
 * module holds the fixed part of the policy and the post-build steps: the policy moved to the top
 * of `<head>`, and one policy for the whole site in `_headers`, for hosts that read that file.
 *
 * Repository text reaches pages (names, descriptions, README and docs Markdown), and escaping is
 * the first defence; the policy is the second, should escaping ever miss: no inline script runs
 * unless Cairn built it, no plugin loads, no `<base>` re-points links, no form posts elsewhere.
 */

/** Directives besides `script-src` and `style-src`, which Astro writes with its hashes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  // The favicon is the empty `data:,` (no request for /favicon.ico).
  "img-src 'self' data:",
];

/**
 * `script-src` sources; Astro adds the hashes of its inline scripts. Pagefind compiles its
 * WebAssembly search engine in the browser, which needs `'wasm-unsafe-eval'` (it allows
 * WebAssembly compilation only, not JavaScript `eval`).
 */
export const CSP_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * `style-src-attr` sources. Bar widths are `style="width: …"`, and Shiki keeps a diff's `+` and `-`
 * out of a selection with `style="user-select:none"` (highlighted code is otherwise coloured by
 * classes; repository docs lose their own style attributes to the sanitizer). A style attribute
 * cannot run script, and `img-src`/`default-src` keep CSS from loading anything from elsewhere;
 * `<style>` elements and stylesheets stay limited to Cairn's own (`style-src 'self'` plus hashes).
 */
export const CSP_STYLE_ATTRIBUTE_RESOURCES = ["'unsafe-inline'"];

/**
 * Directives a `<meta>` policy ignores, so they are only in `_headers`: `frame-ancestors` keeps
 * other sites from framing the portal (clickjacking).
 */
export const CSP_HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

const META_POLICY = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;
const META_CHARSET = /<meta\s+charset="[^"]*"\s*\/?>/i;

/** A policy's directives in order, each with its sources (`{ "script-src": ["'self'", …] }`). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const directive = name.toLowerCase();
    // As browsers do, the first occurrence of a directive wins.
    if (!directives.has(directive)) directives.set(directive, sources);
  }
  return directives;
}

/** A policy's text from its directives, in their order. */
export function formatPolicy(directives: ReadonlyMap<string, readonly string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows what any of `policies` allows, directive by directive: the site-wide
 * policy for `_headers`, where one rule covers every page. Directives and sources keep the order
 * they are first seen in, so the same pages give the same file.
 */
export function mergePolicies(policies: Iterable<string>): string {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const into = merged.get(name) ?? [];
      for (const source of sources) if (!into.includes(source)) into.push(source);
      merged.set(name, into);
    }
  }
  return formatPolicy(merged);
}

/** The policy of a built page's `<meta http-equiv>`, or `undefined` when it has none. */
export function pagePolicy(html: string): string | undefined {
  const match = META_POLICY.exec(html);
  return match ? decodeAttribute(match[1]!) : undefined;
}

/**
 * The page with its policy moved to just after `<meta charset>`. Astro writes it at the end of
 * `<head>`, and a `<meta>` policy governs only what comes after it in the document.
 */
export function placePolicyFirst(html: string): string {
  const policy = META_POLICY.exec(html);
  if (!policy) return html;
  const withoutPolicy = html.slice(0, policy.index) + html.slice(policy.index + policy[0].length);
  const charset = META_CHARSET.exec(withoutPolicy);
  if (!charset) return html;
  const at = charset.index + charset[0].length;
  return withoutPolicy.slice(0, at) + policy[0] + withoutPolicy.slice(at);
}

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
/** A hash source in a policy attribute, quoted as Astro writes it or as an entity; with the space before it. */
const HASH_SOURCE = /\s+(?:'|&#39;)(sha256|sha384|sha512)-([A-Za-z0-9+/=]+)(?:'|&#39;)/g;

/**
 * The page with a policy that allows only its own inline scripts and styles. Astro lists the hashes
 * of every inline script and style of the site on every page; a page keeps those of the ones it
 * has (most have none), so its policy is the least it needs, and some 600 bytes shorter.
 */
export function keepOwnHashes(html: string): string {
  const policy = META_POLICY.exec(html);
  if (!policy) return html;
  // Hashed as a browser hashes them: after its parser has made every line end a line feed.
  const bodies = [...html.matchAll(INLINE_SCRIPT), ...html.matchAll(INLINE_STYLE)].map(([, body]) => body!.replace(/\r\n?/g, '\n'));
  const content = policy[1]!.replace(HASH_SOURCE, (source, algorithm: string, hash: string) =>
    bodies.some((body) => createHash(algorithm).update(body).digest('base64') === hash) ? source : '',
  );
  const start = policy.index + policy[0].indexOf(policy[1]!);
  return html.slice(0, start) + content + html.slice(start + policy[1]!.length);
}

/**
 * A `_headers` file (Netlify and Cloudflare Pages format) that sends `policy` with every response,
 * with the directives only a header can carry.
 */
export function headersFile(policy: string): string {
  const full = mergePolicies([policy, CSP_HEADER_ONLY_DIRECTIVES.join('; ')]);
  return `/*\n  Content-Security-Policy: ${full}\n`;
}

function decodeAttribute(value: string): string {
  return value.replace(/&(quot|#34|#39|apos|lt|gt|amp);/g, (_, entity: string) => ENTITIES[entity]!);
}

const ENTITIES: Record<string, string> = { quot: '"', '#34': '"', '#39': "'", apos: "'", lt: '<', gt: '>', amp: '&' };
