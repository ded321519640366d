import { parentPort, workerData } from 'node:worker_threads';
import { readSnapshot } from '../../collectors/store/snapshot-file.ts';
import type { FailOn } from './collection-options.ts';
import { summaryOf } from './snapshot-summary.ts';

/** The thread `snapshotSummary` reads a large snapshot in: it answers with the summary, or the error. */
const { path, failOn } = workerData as { path: string; failOn: FailOn };
try {
  parentPort!.postMessage({ summary: summaryOf(await readSnapshot(path), failOn) });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  parentPort!.postMessage({ error: { message: (error as Error).message, ...(code ? { code } : {}) } });
}
