import { lstat, open } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The commit HEAD points at, read from git's own files (`.git/HEAD`, the loose ref, `packed-refs`)
 * so that a warm run, where every fact comes from the cache, starts no git process per repository.
 * `undefined` means "ask git": anything this reader does not know for certain (a reftable store,
 * a symlink, an odd HEAD) is left to `git rev-parse`, which stays the reference.
 */
export async function readHeadFromRefs(dir: string): Promise<string | undefined> {
  const gitDir = await gitDirOf(dir);
  if (!gitDir) return undefined;
  const head = await readSmallFile(join(gitDir, 'HEAD'));
  if (head === undefined) return undefined;
  if (COMMIT.test(head)) return head;
  const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
  if (!ref || ref.split('/').some((segment) => segment === '..' || segment === '.' || segment === '') || ref.endsWith('.lock'))
    return undefined;
  const commonDir = await commonDirOf(gitDir);
  if (!commonDir || (await exists(join(commonDir, 'reftable')))) return undefined;
  const loose = await readSmallFile(join(commonDir, ref));
  if (loose !== undefined) return COMMIT.test(loose) ? loose : undefined;
  const packed = await readSmallFile(join(commonDir, 'packed-refs'), 64 * 1024 * 1024);
  for (const line of packed?.split('\n') ?? []) {
    const [commit, name] = line.split(' ');
    if (name === ref && commit && COMMIT.test(commit)) return commit;
  }
  return undefined;
}

/** A SHA-1 or SHA-256 object name. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** `.git` as a folder, or the folder a `.git` file (`gitdir: …`, a worktree or submodule) names. */
async function gitDirOf(dir: string): Promise<string | undefined> {
  const dotGit = join(dir, '.git');
  const stat = await lstat(dotGit).catch(() => undefined);
  if (stat?.isDirectory()) return dotGit;
  if (!stat?.isFile()) return undefined;
  const target = /^gitdir: (.+)$/.exec((await readSmallFile(dotGit)) ?? '')?.[1];
  return target ? (isAbsolute(target) ? target : resolve(dir, target)) : undefined;
}

/** Where shared refs live: the `commondir` of a linked worktree, else the git folder itself. */
async function commonDirOf(gitDir: string): Promise<string | undefined> {
  const commonDir = await readSmallFile(join(gitDir, 'commondir'));
  if (commonDir === undefined) return (await exists(join(gitDir, 'commondir'))) ? undefined : gitDir;
  return isAbsolute(commonDir) ? commonDir : resolve(gitDir, commonDir);
}

/** A regular file's text, trimmed, when it is one and small; never a symlink, a device or a FIFO. */
async function readSmallFile(path: string, maxBytes = 4096): Promise<string | undefined> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isFile() || stat.size > maxBytes) return undefined;
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').trim();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}
