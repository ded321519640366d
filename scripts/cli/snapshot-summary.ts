import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { readSnapshot } from '../../collectors/store/snapshot-file.ts';
import { count, failingProblems, type FailOn } from './collection-options.ts';
import { entryPoint } from '../../collectors/support/entry-point.ts';

/** What a command needs of a snapshot it builds from: its verdict for `--strict`, its scorecards, and its guides. */
export interface SnapshotSummary {
  verdict: string | undefined;
  scorecards: string[];
  /** Each guide's id (its path below `guides/` without `.mdx`) and file as the collection showed it. */
  guides: Array<{ id: string; file: string }>;
}

/** The reason `--strict` fails on this snapshot, or undefined when it passes. */
export function strictVerdict(snapshot: Snapshot, failOn: FailOn = 'error'): string | undefined {
  if (snapshot.repos.length === 0) return 'No repository was collected.';
  const failing = failingProblems(snapshot.problems, failOn);
  const [one, many] = failOn === 'warning' ? ['problem', 'problems'] : ['error', 'errors'];
  if (failing.length > 0) return `${count(failing.length, one, many)} (see the problems page, or the snapshot's "problems").`;
  return undefined;
}

export function summaryOf(snapshot: Snapshot, failOn: FailOn): SnapshotSummary {
  return {
    verdict: strictVerdict(snapshot, failOn),
    scorecards: snapshot.scorecards.map((scorecard) => scorecard.id),
    guides: snapshot.guides.map(({ id, file }) => ({ id, file })),
  };
}

/**
 * Snapshots from this size on are read in a thread of their own: reading and validating one takes
 * several times its size in memory, which a thread gives back to the system when it ends, before
 * the site's build (which reads it again) needs its own. Ten thousand entities make some 130 MB.
 */
const IN_THREAD_FROM_BYTES = 32 * 1024 * 1024;

const WORKER = entryPoint('snapshot-summary-worker', import.meta.url);

/** The summary of the snapshot in `path`, validated; throws as `readSnapshot` does (`code` ENOENT for a missing file). */
export async function snapshotSummary(path: string, failOn: FailOn): Promise<SnapshotSummary> {
  if ((await stat(path)).size < IN_THREAD_FROM_BYTES) return summaryOf(await readSnapshot(path), failOn);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { path, failOn } });
    worker.once('message', (message: { summary: SnapshotSummary } | { error: { message: string; code?: string } }) => {
      if ('summary' in message) resolve(message.summary);
      else reject(Object.assign(new Error(message.error.message), message.error.code ? { code: message.error.code } : {}));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
