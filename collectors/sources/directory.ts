import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { DirectorySource } from '../config.ts';
import type { SourceListing } from './source.ts';

/**
 * Lists the git work trees matching a directory source's glob. A match that is not a git work tree
 * is reported and skipped; the others go on.
 */
export async function listDirectorySource(source: DirectorySource, baseDir: string): Promise<SourceListing> {
  const matches = await glob(source.repos, { cwd: baseDir, onlyDirectories: true, absolute: true, expandDirectories: false, followSymbolicLinks: false });
  const listing: SourceListing = { repos: [], problems: [] };
  if (matches.length === 0) {
    listing.problems.push({ severity: 'warning', message: `No folder matches "${source.repos}" (relative to ${relative(process.cwd(), baseDir) || '.'}): no repository was scanned from this source.` });
  }
  for (const match of matches.map((dir) => resolve(dir)).sort()) {
    const name = basename(match);
    if (!(await isGitWorkTree(match))) {
      // Paths relative to the config's folder: the published problems page must not reveal (or depend on) where the build ran.
      listing.problems.push({ severity: 'warning', repo: name, message: `${relative(baseDir, match)} matches "${source.repos}" but is not a git work tree (no .git); it was skipped.` });
      continue;
    }
    listing.repos.push({ name, dir: match, source: 'directory', ...(source.webUrl ? { webUrl: source.webUrl.replaceAll('{name}', name) } : {}) });
  }
  return listing;
}

/** A work tree has `.git`: a folder, or a file pointing elsewhere (worktrees, submodules). */
export async function isGitWorkTree(dir: string): Promise<boolean> {
  try {
    await stat(join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}
