import { parentPort, workerData } from 'node:worker_threads';
import pLimit from 'p-limit';
import { collectRepo } from './collect-repo.ts';
import type { RepoToCollect, WorkerMessage, WorkerSettings } from './repo-workers.ts';
import { FactCache } from '../store/fact-cache.ts';

/**
 * A worker thread of the collection (started by `repo-workers.ts`): collects the facts of each
 * repository the collector sends it, up to its share of the run's concurrency at a time, and sends
 * each one back, as plain data, when it is done.
 */
const { options, concurrency } = workerData as WorkerSettings;
const cache = options.cacheDir ? new FactCache(options.cacheDir) : undefined;
const limit = pLimit(concurrency);
const port = parentPort!;

port.on('message', ({ id, handle }: RepoToCollect) =>
  limit(async () => {
    let fromCache = false;
    try {
      const repo = await collectRepo(handle, {
        now: options.now,
        windowDays: options.windowDays,
        settings: options.settings,
        limits: options.limits,
        ...(cache ? { cache } : {}),
        onCacheHit: () => (fromCache = true),
      });
      port.postMessage({ id, repo, fromCache } satisfies WorkerMessage);
    } catch (error) {
      port.postMessage({ id, error } satisfies WorkerMessage);
    }
  }),
);

port.postMessage({ ready: true } satisfies WorkerMessage);
