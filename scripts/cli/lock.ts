import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning } from '../../collectors/store/atomic-write.ts';

/** How old a lock without a process in it may be before it counts as left behind by a kill. */
const EMPTY_LOCK_MS = 10_000;

/**
 * Runs `task` holding the lock file `path`, after whoever holds it: the file names the processes
 * holding it (this one, and `helpers` working for it), and a lock none of whose processes runs any
 * more (killed mid-build) is taken over. Removed when the task ends, however it ends.
 */
export async function withLock<T>(path: string, task: () => Promise<T>, helpers: readonly number[] = []): Promise<T> {
  // The lock appears with this process's id already in it, as a hard link to a file written once:
  // a process killed between creating the lock and writing it would leave a lock naming nobody,
  // which nobody could tell from one being written.
  const mine = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(mine, `${[process.pid, ...helpers].join(' ')}\n`);
  try {
    while (!(await linked(mine, path))) {
      const holder = await readFile(path, 'utf8').catch(() => undefined);
      if (holder === undefined) continue;
      const pids = holder
        .split(/\s+/)
        .map(Number)
        .filter((pid) => pid > 0);
      // Removed only if it still names the same dead processes, so a lock just taken over stays.
      const stale = pids.length > 0 ? !pids.some(isRunning) : await olderThan(path, EMPTY_LOCK_MS);
      if (stale && (await readFile(path, 'utf8').catch(() => '')) === holder) await rm(path, { force: true });
      else await sleep(50);
    }
  } finally {
    await rm(mine, { force: true });
  }
  try {
    return await task();
  } finally {
    await rm(path, { force: true });
  }
}

/** Links `path` to `file` unless `path` exists: true when this call made it. */
async function linked(file: string, path: string): Promise<boolean> {
  try {
    await link(file, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Whether the file was last written more than `ms` ago (a file that went is not). */
async function olderThan(path: string, ms: number): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  return stats !== undefined && Date.now() - stats.mtimeMs > ms;
}
