import { dirnameOf, joinPath } from '../facts/doc-sources.ts';

/** Where a link or image in a repository page points, once decoded and resolved. */
export type Reference =
  | { kind: 'external'; url: string }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'repo'; path: string; fragment: string }
  /** Leaves the repository, is malformed, or uses a scheme that is never followed. */
  | { kind: 'invalid' };

const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/**
 * Resolves a URL written in the Markdown at `sourcePath` (a repository path). Relative paths are
 * relative to the page, root-absolute ones to the repository root (as GitHub renders them);
 * percent-encoding and backslashes are decoded first, so `%2e%2e/` cannot sneak past the check.
 */
export function resolveReference(sourcePath: string, url: string): Reference {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return { kind: 'fragment', fragment: decode(trimmed.slice(1)) ?? trimmed.slice(1) };
  if (trimmed.startsWith('//')) return { kind: 'external', url: `https:${trimmed}` };
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined) return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? { kind: 'external', url: trimmed } : { kind: 'invalid' };
  const hash = trimmed.indexOf('#');
  const fragment = hash === -1 ? '' : (decode(trimmed.slice(hash + 1)) ?? '');
  const pathPart = (hash === -1 ? trimmed : trimmed.slice(0, hash)).split('?')[0]!;
  const decoded = decode(pathPart)?.replaceAll('\\', '/');
  if (decoded === undefined || decoded.includes('\0')) return { kind: 'invalid' };
  if (decoded === '') return { kind: 'fragment', fragment };
  const path = decoded.startsWith('/') ? joinPath('.', decoded.replace(/^\/+/, '')) : joinPath(dirnameOf(sourcePath), decoded);
  if (path === undefined || path === '..' || path.startsWith('../')) return { kind: 'invalid' };
  return { kind: 'repo', path, fragment };
}

/** URL of the page `toSlug` relative to the page `fromSlug` (pages are folders: `docs/<slug>/`). */
export function pageHref(fromSlug: string, toSlug: string, fragment = ''): string {
  const target = toSlug === '' ? '' : `${toSlug.split('/').map(encodeURIComponent).join('/')}/`;
  const href = `${upFrom(fromSlug)}${target}` || './';
  return fragment ? `${href}#${encodeURIComponent(fragment)}` : href;
}

/** URL of a published asset (`_assets/…`) relative to the page `fromSlug`. */
export function assetHref(fromSlug: string, assetPath: string): string {
  return `${upFrom(fromSlug)}${assetPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The asset path an image of the repository is published at, below the entity's docs URL. */
export function assetPathOf(repoPath: string): string {
  return `_assets/${repoPath}`;
}

function upFrom(slug: string): string {
  return slug === '' ? '' : '../'.repeat(slug.split('/').length);
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
