import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { collectRepo, type CollectRepoOptions } from './collect-repo.ts';
import type { Limits } from '../config/schema.ts';
import type { Problem } from '../contract/problems.ts';
import type { RepoSnapshot } from '../contract/snapshot.ts';
import type { FactSettings } from '../facts/retriever.ts';
import type { RepoHandle } from '../sources/source.ts';
import { FactCache } from '../store/fact-cache.ts';
import { entryPoint } from '../support/entry-point.ts';
import { firstLine } from '../support/errors.ts';
import { workerStopped } from '../support/worker-stopped.ts';

// Beside this module, in its language: the sources (`.ts`) in a checkout, compiled (`.js`) when installed.
const WORKER = entryPoint('repo-worker', import.meta.url);

/**
 * Repositories an organisation needs before its collection starts worker threads (when portal.yaml
 * does not say how many): a worker takes about a third of a second to load the fact retrievers,
 * as long as reading a dozen repositories' facts cold takes, and a small organisation's run is
 * mostly a few large repositories, which one thread reads no slower.
 */
export const WORKERS_FROM_REPOS = 40;

const READING = { doing: 'reading repositories', one: 'repository', many: 'repositories', redone: 'read again' };

/**
 * Repositories from which a collection starts a worker even on two CPUs. There, git's processes
 * take the second CPU, and a worker slowed 1,000 to 3,000 repositories down by a tenth (it loads and
 * compiles everything again, and shares the CPUs with git); from about 5,000 on it speeds the run
 * up (at 10,000, 45 s instead of 50), as the main thread's heap has grown large enough that reading
 * repositories elsewhere saves more of its garbage collection than the worker costs.
 */
export const WORKER_ON_TWO_CPUS_FROM_REPOS = 5000;

/** What every repository's collection shares, sent to each worker when it starts. */
export interface RepoCollection {
  now: Date;
  windowDays: number;
  settings: FactSettings;
  limits: Limits;
  /** Folder of the fact cache; each thread opens it itself. */
  cacheDir?: string;
}

/** A worker's start-up data. */
export interface WorkerSettings {
  options: RepoCollection;
  /** Repositories the worker reads at once: its share of the run's concurrency. */
  concurrency: number;
}

/** A repository for a worker to collect; `id` is its place in the listing. */
export interface RepoToCollect {
  id: number;
  handle: RepoHandle;
}

/** A worker's answer: the repository's facts, or the error its collection threw. */
export type RepoDone = { id: number; repo: RepoSnapshot; fromCache: boolean } | { id: number; error: unknown };

/** What a worker sends: that it has loaded and takes repositories, or a repository done. */
export type WorkerMessage = { ready: true } | RepoDone;

export interface CollectManyOptions {
  options: RepoCollection;
  /** Repositories read at once, across every thread. */
  concurrency: number;
  /** Worker threads to start beside this thread; 0 reads every repository on this thread. */
  workers: number;
  onRepo?: (done: number, total: number, name: string, fromCache: boolean) => void;
  /** Whether this thread reads its share too (default true); false leaves every repository to the workers, unless they stop. */
  readHere?: boolean;
}

/**
 * How many worker threads a collection of `repos` repositories starts beside the main thread, which
 * reads too: as portal.yaml's `workers` says, or else one per CPU but two (the main thread's, and
 * one left to git's processes), once the organisation is large enough to pay for their start-up;
 * on two CPUs, one for a very large organisation.
 */
export function workerCount(repos: number, configured: number | undefined, cpus = availableParallelism()): number {
  if (configured !== undefined) return Math.min(configured, repos);
  if (repos < WORKERS_FROM_REPOS) return 0;
  const spare = Math.max(0, cpus - 2);
  return cpus >= 2 && repos >= WORKER_ON_TWO_CPUS_FROM_REPOS ? Math.max(1, spare) : spare;
}

/**
 * Facts of every repository in `handles`, in the listing's order. With workers, this thread and
 * each worker read their share of the concurrency of repositories at a time (a worker runs their
 * git commands through its own git runner), so git processes stay bounded by `concurrency` as on
 * one thread; the results come back as plain data. A worker that stops is a warning, and the repositories it held
 * are read on this thread; an error a repository's collection throws fails the run, on any thread.
 */
export async function collectMany(
  handles: RepoHandle[],
  many: CollectManyOptions,
): Promise<{ repos: RepoSnapshot[]; problems: Problem[] }> {
  const total = handles.length;
  let done = 0;
  /** What a repository read with facts not all in the cache sets off (the workers' start). */
  let onRead = () => {};
  const finished = (handle: RepoHandle, fromCache: boolean) => {
    if (!fromCache) onRead();
    many.onRepo?.(++done, total, handle.name, fromCache);
  };
  const cache = many.options.cacheDir ? new FactCache(many.options.cacheDir) : undefined;
  const here = (handle: RepoHandle) => collectHere(handle, many.options, cache, finished);
  if (many.workers === 0) {
    const limit = pLimit(many.concurrency);
    return { repos: await Promise.all(handles.map((handle) => limit(() => here(handle)))), problems: [] };
  }

  // This thread is one of the readers: the concurrency is shared among it and the workers.
  const share = Math.max(1, Math.ceil(many.concurrency / (many.workers + 1)));
  const repos: RepoSnapshot[] = new Array(total);
  const waiting = handles.map((_, id) => id).reverse();
  const problems: Problem[] = [];
  const { promise: allRead, resolve, reject } = Promise.withResolvers<void>();
  const checkDone = () => done === total && resolve();
  /** Reads the repositories of `queue` on this thread, `lanes` at a time, until it is empty. */
  const readHere = (queue: number[], lanes: number) => {
    for (let lane = 0; lane < lanes; lane++)
      void (async () => {
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) repos[id] = await here(handles[id]!);
        checkDone();
      })().catch(reject);
  };
  // Once the run is over (read, or failed), workers are ended on purpose: nothing they held is read again.
  let closing = false;
  let live = many.workers;
  const workers: Worker[] = [];
  const startWorker = () => {
    const worker = new Worker(WORKER, { workerData: { options: many.options, concurrency: share } satisfies WorkerSettings });
    const held = new Set<number>();
    const feed = () => {
      while (held.size < share && waiting.length > 0) {
        const id = waiting.pop()!;
        held.add(id);
        worker.postMessage({ id, handle: handles[id]! } satisfies RepoToCollect);
      }
    };
    worker.on('message', (answer: WorkerMessage) => {
      if ('ready' in answer) return feed();
      held.delete(answer.id);
      if ('error' in answer) return reject(answer.error);
      repos[answer.id] = answer.repo;
      finished(handles[answer.id]!, answer.fromCache);
      feed();
      checkDone();
    });
    let stopped = false;
    const stop = (why: string) => {
      if (stopped || closing) return;
      stopped = true;
      const orphans = [...held];
      held.clear();
      problems.push(
        workerStopped(
          READING,
          why,
          orphans.map((id) => handles[id]!.name),
        ),
      );
      readHere(orphans.reverse(), share);
      // With no worker left, what none took is read here even when this thread was to leave it to them.
      if (--live === 0 && many.readHere === false) readHere(waiting, share);
    };
    worker.on('error', (error) => stop(firstLine(error)));
    worker.on('exit', (code) => stop(`exit code ${code}`));
    workers.push(worker);
  };
  /**
   * Workers start once this thread has read a repository that was not all in the fact cache: a
   * run whose facts all come from the cache (a quiet night) is done before they would have loaded.
   */
  const startWorkers = () => {
    if (workers.length > 0 || waiting.length === 0) return;
    for (let index = 0; index < many.workers; index++) startWorker();
  };
  if (many.readHere === false) startWorkers();
  else {
    onRead = startWorkers;
    // While the workers load, and beside them, this thread reads its share too.
    readHere(waiting, share);
  }
  try {
    if (total > 0) await allRead;
  } finally {
    closing = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { repos, problems };
}

/** One repository's facts on this thread, reported to `finished` when done. */
async function collectHere(
  handle: RepoHandle,
  options: RepoCollection,
  cache: FactCache | undefined,
  finished: (handle: RepoHandle, fromCache: boolean) => void,
): Promise<RepoSnapshot> {
  let fromCache = false;
  const { cacheDir: _cacheDir, ...shared } = options;
  const repo = await collectRepo(handle, {
    ...shared,
    ...(cache ? { cache } : {}),
    onCacheHit: () => (fromCache = true),
  } satisfies CollectRepoOptions);
  finished(handle, fromCache);
  return repo;
}
