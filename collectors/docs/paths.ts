import { resolveRepoPath } from '../support/repo-paths.ts';
import { windowsSafeSegment } from '../support/output-names.ts';

export { windowsSafeSegment };

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
  if (scheme !== undefined)
    return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? { kind: 'external', url: trimmed } : { kind: 'invalid' };
  const hash = trimmed.indexOf('#');
  const fragment = hash === -1 ? '' : (decode(trimmed.slice(hash + 1)) ?? '');
  const pathPart = (hash === -1 ? trimmed : trimmed.slice(0, hash)).split('?')[0]!;
  const decoded = decode(pathPart)?.replaceAll('\\', '/');
  if (decoded === undefined || decoded.includes('\0')) return { kind: 'invalid' };
  if (decoded === '') return { kind: 'fragment', fragment };
  const path = resolveRepoPath(sourcePath, decoded);
  if (path === undefined) return { kind: 'invalid' };
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

/** Two sources that would be published at one output folder, and where the second one went instead. */
export interface PathCollision {
  /** The source that has the folder. */
  first: string;
  /** The source moved to `path`. */
  second: string;
  /** The folder the second would be written to. */
  wanted: string;
  /** The folder the first is written to: `wanted`, or a spelling that differs only in case. */
  taken: string;
  /** Where the second is published. */
  path: string;
}

/**
 * Output folders that stay distinct on every disk: unique ignoring case and never a name Windows
 * reserves. Each slash-separated path is placed segment by segment; folders spelled exactly alike
 * are one folder, a folder that differs from a placed one only in case (`GUIDE` beside `guide`) is
 * renamed with a `-2`, `-3`… suffix for everything below it, deterministically in placing order.
 */
export class OutputPaths {
  /** Whether leaves are files: a moved file keeps its extension (`logo-2.png`, not `logo.png-2`). */
  readonly #files: boolean;
  /** A path as asked for → where it is placed. */
  readonly #placed = new Map<string, string>();
  /** Placed folders, lowercased → the source that placed them first, and its spelling. */
  readonly #owners = new Map<string, { source: string; path: string }>();
  /** Placed leaves (pages, files), lowercased: a second leaf at one path moves. */
  readonly #leaves = new Set<string>();
  readonly collisions: PathCollision[] = [];
  /** Sources whose folder name Windows reserves (or would mangle), and the name it is published under. */
  readonly renamed: Array<{ source: string; name: string; as: string }> = [];

  /** Leaves are folders (pages) unless `files` (published images). */
  constructor(options: { files?: boolean } = {}) {
    this.#files = options.files ?? false;
  }

  /** Reserves `path` for `source`; returns the path to publish it at. `''` (the root) is itself. */
  place(path: string, source: string): string {
    if (path === '') return '';
    let asked = '';
    let placed = '';
    const segments = path.split('/');
    for (const [index, segment] of segments.entries()) {
      asked = asked ? `${asked}/${segment}` : segment;
      const known = this.#placed.get(asked);
      if (known !== undefined) {
        placed = known;
        continue;
      }
      const safe = windowsSafeSegment(segment);
      if (safe !== segment) this.renamed.push({ source, name: segment, as: safe });
      placed = this.#claim(placed, safe, source, undefined, this.#files && index === segments.length - 1);
      this.#placed.set(asked, placed);
    }
    if (this.#leaves.has(placed.toLowerCase())) {
      const parent = placed.includes('/') ? placed.slice(0, placed.lastIndexOf('/')) : '';
      placed = this.#claim(parent, placed.slice(parent ? parent.length + 1 : 0), source, placed, this.#files);
    }
    this.#leaves.add(placed.toLowerCase());
    return placed;
  }

  /** A free name `name` (or `name-2`, …; `stem-2.ext` for a file) in `parent`; a taken one is a collision. */
  #claim(parent: string, name: string, source: string, wanted = parent ? `${parent}/${name}` : name, file = false): string {
    const dot = file ? name.lastIndexOf('.') : -1;
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = parent ? `${parent}/${name}` : name;
    for (let n = 2; this.#owners.has(candidate.toLowerCase()); n++) candidate = `${parent ? `${parent}/` : ''}${stem}-${n}${extension}`;
    const wantedOwner = this.#owners.get(wanted.toLowerCase());
    if (candidate !== wanted && wantedOwner !== undefined)
      this.collisions.push({ first: wantedOwner.source, second: source, wanted, taken: wantedOwner.path, path: candidate });
    this.#owners.set(candidate.toLowerCase(), { source, path: candidate });
    return candidate;
  }
}

/**
 * The problems of placing paths: two sources at one output path (or at paths that differ only in
 * case), and names Windows reserves; `kind` says what the leaves are (pages are folders).
 */
export function outputPathProblems(
  paths: OutputPaths,
  kind: 'folder' | 'file',
): Array<{ severity: 'warning'; file: string; message: string }> {
  const shown = (path: string) => (kind === 'folder' ? `${path}/` : path);
  const collisions = paths.collisions.map(({ first, second, wanted, taken, path }) => ({
    severity: 'warning' as const,
    file: second,
    message:
      taken === wanted
        ? `${second} and ${first} would both be published at ${shown(wanted)}, so ${second} is published at ${shown(path)}. Rename one of them.`
        : `${second} would be published ${kind === 'folder' ? 'in' : 'at'} ${shown(wanted)} and ${first} ${kind === 'folder' ? 'in' : 'at'} ${shown(taken)}: ${kind} names that differ only in case are one ${kind} on Windows and macOS disks, so ${second} is published at ${shown(path)}. Rename one of them.`,
  }));
  const renames = paths.renamed.map(({ source, name, as }) => ({
    severity: 'warning' as const,
    file: source,
    message: `${source} would be published ${kind === 'folder' ? 'in a folder' : 'as a file'} named ${name}, which Windows reserves or cannot create, so it is published as ${as}. Rename it.`,
  }));
  return [...collisions, ...renames];
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
