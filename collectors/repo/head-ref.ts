import { lstatSync, readdirSync, readFileSync, type BigIntStats, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { resolveGitdir } from '../support/gitdir.ts';

/**
 * The commit HEAD points at, read from git's own files (`.git/HEAD`, the loose ref, `packed-refs`)
 * so that a warm run, where every fact comes from the cache, starts no git process per repository.
 * `undefined` means "ask git": anything this reader does not know for certain (a reftable store,
 * a symlink, an odd HEAD) is left to `git rev-parse`, which stays the reference.
 */
export function readHeadFromRefs(dir: string): string | undefined {
  const gitDir = gitDirOf(dir);
  if (!gitDir) return undefined;
  const head = readSmallFile(join(gitDir, 'HEAD'));
  if (head === undefined) return undefined;
  if (COMMIT.test(head)) return head;
  const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
  if (!ref || ref.split('/').some((segment) => segment === '..' || segment === '.' || segment === '') || ref.endsWith('.lock'))
    return undefined;
  const commonDir = fileRefStore(gitDir);
  if (!commonDir) return undefined;
  const loose = readSmallFile(join(commonDir, ref));
  if (loose !== undefined) return COMMIT.test(loose) ? loose : undefined;
  const packed = readSmallFile(join(commonDir, 'packed-refs'), 64 * 1024 * 1024);
  for (const line of packed?.split('\n') ?? []) {
    const [commit, name] = line.split(' ');
    if (name === ref && commit && COMMIT.test(commit)) return commit;
  }
  return undefined;
}

/**
 * The ref a symbolic ref of the shared store names (`refs/remotes/origin/HEAD` →
 * `refs/remotes/origin/main`), read from git's files as `git symbolic-ref` would: `null` when there
 * is no such symbolic ref (git never packs one), `undefined` when only git can tell (a reftable
 * store, a symlink, a file it cannot read or does not recognise).
 */
export function readSymbolicRefFromFiles(dir: string, ref: string): string | null | undefined {
  const gitDir = gitDirOf(dir);
  const commonDir = gitDir && fileRefStore(gitDir);
  if (!commonDir) return undefined;
  const path = join(commonDir, ref);
  let stat: Stats | undefined;
  try {
    stat = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (stat === undefined) return null;
  const text = readSmallFile(path);
  if (text === undefined) return undefined;
  if (COMMIT.test(text)) return null;
  return /^ref: (refs\/\S+)$/.exec(text)?.[1];
}

/**
 * A fingerprint of the repository's tags from git's files, without reading them: the size and
 * modification time of `packed-refs`, and the modification time of `refs/tags/` and of each folder
 * below it. Git writes a tag as a new file renamed into place, and deletes or packs one by removing
 * its file, so every change of a tag changes one of these. `undefined` when only git can tell (a
 * reftable store, a symlink where a folder or `packed-refs` should be).
 */
export function tagsFingerprint(dir: string): string | undefined {
  const gitDir = gitDirOf(dir);
  const commonDir = gitDir && fileRefStore(gitDir);
  if (!commonDir) return undefined;
  const packed = statOf(join(commonDir, 'packed-refs'));
  if (packed === null) return undefined;
  const parts = [packed ? `packed-refs ${packed.size} ${packed.mtimeNs}` : 'packed-refs none'];
  const folders = [join(commonDir, 'refs', 'tags')];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const stat = statOf(folder);
    if (stat === null || stat?.isFile()) return undefined;
    if (!stat) continue;
    parts.push(`${folder.slice(commonDir.length)} ${stat.mtimeNs}`);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const entry of entries) if (entry.isDirectory()) folders.push(join(folder, entry.name));
  }
  return parts.sort().join('\n');
}

/** A regular file's or a folder's own status; `null` for anything else (a symlink) or one that cannot be had, undefined for none. */
function statOf(path: string): BigIntStats | null | undefined {
  try {
    const stat = lstatSync(path, { bigint: true, throwIfNoEntry: false });
    return stat === undefined ? undefined : stat.isFile() || stat.isDirectory() ? stat : null;
  } catch {
    return null;
  }
}

/** Whether the repository at `dir` is a shallow clone: git has its newest commits only (`.git/shallow`). */
export function isShallowClone(dir: string): boolean {
  const gitDir = gitDirOf(dir);
  const commonDir = gitDir && commonDirOf(gitDir);
  return commonDir !== undefined && lstatOf(join(commonDir, 'shallow'))?.isFile() === true;
}

/** A SHA-1 or SHA-256 object name. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** `.git` as a folder, or the folder a `.git` file (`gitdir: …`, a worktree or submodule) names. */
export function gitDirOf(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  const stat = lstatOf(dotGit);
  if (stat?.isDirectory()) return dotGit;
  if (!stat?.isFile()) return undefined;
  const target = /^gitdir: (.+)$/.exec(readSmallFile(dotGit) ?? '')?.[1];
  return target ? resolveGitdir(dir, target) : undefined;
}

/** A git config is small; a larger file is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The text of the repository's shared config (`.git/config`, or a worktree's common one); undefined when it cannot be read. */
export function readGitConfig(dir: string): string | undefined {
  const gitDir = gitDirOf(dir);
  const commonDir = gitDir && commonDirOf(gitDir);
  return commonDir ? readRegularFile(join(commonDir, 'config'), MAX_CONFIG_BYTES)?.toString('utf8') : undefined;
}

/** Where shared refs live when they are files: not in a reftable store, which only git reads. */
function fileRefStore(gitDir: string): string | undefined {
  const commonDir = commonDirOf(gitDir);
  return commonDir && !exists(join(commonDir, 'reftable')) ? commonDir : undefined;
}

/** Where shared refs live: the `commondir` of a linked worktree, else the git folder itself. */
export function commonDirOf(gitDir: string): string | undefined {
  const commonDir = readSmallFile(join(gitDir, 'commondir'));
  if (commonDir === undefined) return exists(join(gitDir, 'commondir')) ? undefined : gitDir;
  return isAbsolute(commonDir) ? commonDir : resolve(gitDir, commonDir);
}

/**
 * A regular file's text, trimmed, when it is one and small; never a symlink, a device or a FIFO.
 * Read synchronously: a few small local files per repository, for which asynchronous calls cost
 * more than the reading (a warm run of a thousand repositories reads three thousand).
 */
function readSmallFile(path: string, maxBytes = 4096): string | undefined {
  return readRegularFile(path, maxBytes)?.toString('utf8').trim();
}

/** A regular file's bytes when it is one (never a symlink) of at most `maxBytes`; undefined otherwise. */
export function readRegularFile(path: string, maxBytes: number): Buffer | undefined {
  const stat = lstatOf(path);
  if (!stat?.isFile() || stat.size > maxBytes) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  return lstatOf(path) !== undefined;
}

/** The path's own status (a symlink's, not its target's), or undefined when it cannot be had. */
export function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
