import { closeSync, lstatSync, openSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError } from '../config/config-error.ts';
import type { DirectorySource } from '../config/schema.ts';
import type { SourceListing } from './source.ts';
import { compareCodeUnits } from '../support/order.ts';
import { resolveGitdir } from '../support/gitdir.ts';

/**
 * Lists the git work trees matching a directory source's glob. A glob that matches nothing is a
 * configuration error. A match that is not a git work tree is reported and skipped (its data in the
 * previous snapshot, if any, stands in for it, marked stale); a symbolic link
 * to a work tree is scanned under the link's name, and a link that leads nowhere is reported.
 */
export async function listDirectorySource(source: DirectorySource, baseDir: string, cwd: string = process.cwd()): Promise<SourceListing> {
  const matches = await matchEntries(source.repos, baseDir);
  const listing: Required<Pick<SourceListing, 'repos' | 'problems' | 'unreachable'>> = {
    repos: [],
    problems: [],
    unreachable: { repos: [], sources: [] },
  };
  const candidates: string[] = [];
  for (const { path: match, entry } of matches) {
    if (entry.isDirectory()) candidates.push(match);
    else if (entry.isSymbolicLink()) {
      const target = await stat(match).catch(() => undefined);
      // Paths relative to the config's folder: the published problems page must not reveal (or depend on) where the build ran.
      if (target?.isDirectory()) candidates.push(match);
      else
        listing.problems.push({
          severity: 'warning',
          repo: basename(match),
          message: `${shownFolder(baseDir, match)} matches "${source.repos}" but is a symbolic link to ${target ? 'a file' : 'nothing that exists'}; it was skipped.`,
        });
    }
  }
  // A relative glob says where it was read from.
  const glob = `"${source.repos}"${isAbsolute(source.repos) ? '' : ` (relative to ${relative(cwd, baseDir) || 'the current folder'})`}`;
  if (candidates.length === 0 && listing.problems.length === 0) {
    throw new ConfigError(
      `No folder matches ${glob}: expected git work trees there. Check the glob (--repos, or the directory source in portal.yaml).`,
      { field: ['repos'] },
    );
  }
  for (const match of candidates) {
    const name = basename(match);
    const fault = workTreeFault(match);
    if (fault) {
      listing.problems.push({
        severity: 'warning',
        repo: name,
        message: `${shownFolder(baseDir, match)} matches "${source.repos}" but ${fault}; it was skipped.`,
      });
      // A clone broken for a night keeps the previous snapshot's data, marked stale, instead of
      // leaving the catalog and coming back as new; a folder that was never a repository has none.
      listing.unreachable.repos.push({
        name,
        source: 'directory',
        ...(source.webUrl ? { webUrl: source.webUrl.replaceAll('{name}', name) } : {}),
        ...(source.forge ? { forge: source.forge } : {}),
        reason: `${shownFolder(baseDir, match)} is not a git work tree`,
      });
      continue;
    }
    listing.repos.push({
      name,
      dir: match,
      source: 'directory',
      ...(source.webUrl ? { webUrl: source.webUrl.replaceAll('{name}', name) } : {}),
      ...(source.forge ? { forge: source.forge } : {}),
    });
  }
  if (listing.repos.length === 0 && candidates.length > 0) {
    const folders = candidates.length === 1 ? 'a folder' : `${candidates.length} folders`;
    const shown = `${candidates
      .slice(0, 3)
      .map((candidate) => shownFolder(baseDir, candidate))
      .join(', ')}${candidates.length > 3 ? ', …' : ''}`;
    throw new ConfigError(
      `${glob} matches ${folders} but no git work tree (none has .git): ${shown}. Point the glob at clones of the repositories (--repos, or the directory source in portal.yaml).`,
      { field: ['repos'] },
    );
  }
  return listing;
}

/** A folder as messages show it: relative to the config's folder (`.` for that folder itself), never where the build ran. */
export function shownFolder(baseDir: string, folder: string): string {
  return relative(baseDir, folder) || '.';
}

/** How deep a `**` glob looks for repository folders. */
const MAX_GLOB_DEPTH = 8;

/**
 * Folders and symbolic links matching a glob, sorted, each with what it is (links not followed).
 * Written here because glob libraries leave symbolic links out, and a folder of links to checkouts
 * is a common way to gather an organisation's repositories.
 */
async function matchEntries(pattern: string, baseDir: string): Promise<Array<{ path: string; entry: Dirent }>> {
  const { base, glob: rest, isGlob } = picomatch.scan(pattern);
  const root = resolve(baseDir, base);
  if (!isGlob) {
    const entry = await lstat(root).catch(() => undefined);
    return entry && (entry.isDirectory() || entry.isSymbolicLink()) ? [{ path: root, entry: direntOf(root, entry) }] : [];
  }
  const isMatch = picomatch(rest.replace(/\/+$/, ''), { dot: false });
  const depth = rest.includes('**') ? MAX_GLOB_DEPTH : rest.replace(/\/+$/, '').split('/').length;
  const found: Array<{ path: string; entry: Dirent }> = [];
  async function walk(dir: string, relativeDir: string, level: number): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name === '.git' || (!entry.isDirectory() && !entry.isSymbolicLink())) continue;
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (isMatch(path)) found.push({ path: join(dir, entry.name), entry });
      if (entry.isDirectory() && level < depth) await walk(join(dir, entry.name), path, level + 1);
    }
  }
  await walk(root, '', 1);
  return found.sort((a, b) => compareCodeUnits(a.path, b.path));
}

function direntOf(path: string, stats: Stats): Dirent {
  return Object.assign(Object.create(null), {
    name: basename(path),
    isDirectory: () => stats.isDirectory(),
    isSymbolicLink: () => stats.isSymbolicLink(),
  }) as Dirent;
}

/**
 * A work tree has `.git`: a folder, or a file pointing at a git folder elsewhere (worktrees,
 * submodules) that is there. Asked synchronously: a listing asks it of every folder in turn, and a
 * thread pool's round trip for each cost an organisation of 1,000 repositories 40 ms of waiting.
 */
export function isGitWorkTree(dir: string): boolean {
  return workTreeFault(dir) === undefined;
}

/** Why `dir` is no git work tree Cairn can read, as a phrase after its name; undefined when it is one. */
export function workTreeFault(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  const found = statSync(dotGit, { throwIfNoEntry: false });
  if (found?.isDirectory()) return undefined;
  if (!found) {
    if (lstatSync(dotGit, { throwIfNoEntry: false })?.isSymbolicLink()) return 'has a .git that is a symbolic link to nothing that exists';
    return isBareRepository(dir)
      ? 'is a bare repository, with no work tree to read: clone it, or list its URL in a git source'
      : 'is not a git work tree (no .git)';
  }
  if (!found.isFile()) return 'is not a git work tree (its .git is neither a folder nor a file)';
  // `gitdir: <path>`, resolved as git resolves it (resolveGitdir).
  const gitdir = /^gitdir:\s*(.+?)\s*$/m.exec(headOf(dotGit, 4096))?.[1];
  if (gitdir === undefined) return 'has a .git file that names no git folder (`gitdir: <path>`)';
  const gitDir = resolveGitdir(dir, gitdir);
  if (gitDir !== undefined && statSync(gitDir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  return `has a .git file pointing at ${gitdir}, which does not exist (the worktree's or submodule's repository moved or was deleted)`;
}

/** A bare repository: git's own folder, with HEAD, objects/ and refs/, and no work tree. */
function isBareRepository(dir: string): boolean {
  return (
    statSync(join(dir, 'HEAD'), { throwIfNoEntry: false })?.isFile() === true &&
    statSync(join(dir, 'objects'), { throwIfNoEntry: false })?.isDirectory() === true &&
    statSync(join(dir, 'refs'), { throwIfNoEntry: false })?.isDirectory() === true
  );
}

/** The first `bytes` of a file as text; empty when it cannot be read. */
function headOf(path: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
