/// <reference types="vite/client" />

/**
 * Joins a base path (`/`, `/portal`, `/portal/`) and a site path (`catalog/`, `/catalog/`) into one
 * root-relative URL. Pure, so it can be tested without Astro.
 */
export function joinBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A site path as an href under the configured base (`import.meta.env.BASE_URL`). Every internal
 * link and asset goes through here, so the site works as a GitHub Pages project site too. Outside
 * Vite (`cairn mcp` shapes its answers with these views) there is no `import.meta.env`: the base is `/`.
 */
export function withBase(path: string): string {
  return joinBase(import.meta.env?.BASE_URL ?? '/', path);
}

/** A site path as an absolute URL when the portal's URL (`site`) is known, else under the base. */
export function publicUrl(path: string, site: URL | undefined): string {
  return site ? new URL(withBase(path), site).href : withBase(path);
}
