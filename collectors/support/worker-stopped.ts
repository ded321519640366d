import type { Problem } from '../contract/problems.ts';

/** What a pool's worker threads do: `reading repositories`, and what each holds, done again on the main thread. */
export interface WorkerTask {
  doing: string;
  one: string;
  many: string;
  redone: string;
}

/** The warning for a worker thread that stopped before the run was over: why, and what it held, which the main thread then did. */
export function workerStopped(task: WorkerTask, why: string, held: readonly string[]): Problem {
  const shown = `${held.slice(0, 3).join(', ')}${held.length > 3 ? ', …' : ''}`;
  const what =
    held.length === 0
      ? `it held no ${task.one}`
      : `${held.length === 1 ? `the ${task.one} it held was` : `the ${held.length} ${task.many} it held were`} ${task.redone} on the main thread (${shown})`;
  return { severity: 'warning', message: `A worker thread ${task.doing} stopped (${why}): ${what}.` };
}
