import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether a process is alive (another build sharing a folder is left alone). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `task` holding the lock file `path`, after whoever holds it: the file names the process
 * holding it, and a lock whose process is gone (killed mid-build) is taken over. Removed when the
 * task ends, however it ends.
 */
export async function withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(path, 'utf8').catch(() => '');
    const pid = Number(holder.trim());
    // Removed only if it still names the same dead process, so a lock just taken over stays.
    if (pid > 0 && !isRunning(pid) && (await readFile(path, 'utf8').catch(() => '')) === holder) await rm(path, { force: true });
    else await sleep(50);
  }
  try {
    return await task();
  } finally {
    await rm(path, { force: true });
  }
}
