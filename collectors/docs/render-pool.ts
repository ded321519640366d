import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../contract/problems.ts';
import type { DocImage, DocRoot } from '../facts/docs-site/schema.ts';
import { entryPoint } from '../support/entry-point.ts';
import { firstLine } from '../support/errors.ts';
import { workerStopped } from '../support/worker-stopped.ts';
import { sourceLinks, type Forge } from '../support/source-links.ts';
import { renderSite, type RenderedSite, type SiteMode } from './render-site.ts';

// Beside this module, in its language: the sources (`.ts`) in a checkout, compiled (`.js`) when installed.
const WORKER = entryPoint('render-worker', import.meta.url);

/**
 * Markdown characters a run renders before it starts worker threads for it: a worker takes about
 * half a second to load the renderer and Shiki, as long as rendering some 100,000 characters of
 * code-heavy docs takes.
 */
export const DOCS_WORKERS_FROM_CHARACTERS = 100_000;

/** Everything rendering one docs site reads, as plain data: a worker thread can be sent it. */
export interface SiteJob {
  /** The repository, named in messages. */
  repo: string;
  root: DocRoot;
  /** The repository's images, which pages may show. */
  images: readonly DocImage[];
  /** The repository's web UI and the commit scanned, for links to files the docs mention. */
  links?: { webUrl: string; forge?: Forge; commit: string };
  /** The repository's mkdocs sites, which a mkdocs nav may `!include`. */
  sites: readonly DocRoot[];
  fallbackTitle: string;
  /** Rendered (the default), or only outlined for its problems. */
  mode?: SiteMode;
}

/** A job's site, or what stopped it from rendering. */
export type SiteOutcome = { site: RenderedSite } | { error: string };

/** A message to a render worker, and its answer. */
export interface SiteToRender {
  id: number;
  job: SiteJob;
}
export type SiteRendered = { id: number } & SiteOutcome;

/** Renders one site on this thread. */
export async function renderJob(job: SiteJob): Promise<SiteOutcome> {
  const links = job.links && sourceLinks(job.links.webUrl, job.links.forge);
  const commit = job.links?.commit;
  const sites = new Map(job.sites.flatMap((root) => (root.mkdocs ? [[root.mkdocs.path, root] as const] : [])));
  try {
    const site = await renderSite(
      job.root,
      {
        images: job.images,
        ...(links && commit ? { webUrlOf: (path: string) => links.file(commit, path) } : {}),
        siteOf: (path) => sites.get(path),
      },
      job.fallbackTitle,
      job.mode,
    );
    return { site };
  } catch (error) {
    return { error: firstLine(error) };
  }
}

/**
 * Worker threads to render `jobs` with beside this thread: as portal.yaml's `workers` says, or else
 * one per CPU but two, once there is enough Markdown to pay for their start-up; never more than the
 * sites but one. One CPU is this thread's; one is left to V8's garbage collection and compilation,
 * which keep a rendering thread's process 1.4 CPUs busy: on two CPUs a worker saved 7% of the wall
 * time of rendering the real-world corpus's docs, for 11% more CPU, and slowed the run around it.
 */
export function docsWorkerCount(jobs: readonly SiteJob[], configured: number | undefined, cpus = availableParallelism()): number {
  const most = Math.max(0, jobs.length - 1);
  if (configured !== undefined) return Math.min(configured, most);
  const characters = jobs.reduce((sum, job) => sum + markdownCharacters(job), 0);
  return characters < DOCS_WORKERS_FROM_CHARACTERS ? 0 : Math.min(Math.max(0, cpus - 2), most);
}

function markdownCharacters(job: SiteJob): number {
  return job.root.pages.reduce((sum, page) => sum + page.text.length, 0);
}

/** How `renderSites` renders. */
export interface RenderOptions {
  /** Worker threads beside this thread (`docsWorkerCount`); 0 renders every site here. */
  workers: number;
  /** Told each site as soon as it is rendered, on any thread, so that it can be kept at once; never throws. */
  onRendered?: (index: number, outcome: SiteOutcome) => Promise<void>;
  /** The workers' module: `render-worker` beside this one, unless a test gives one that stops. */
  worker?: URL;
}

/** Sites a worker is sent at a time: the next waits in its queue while it renders one. */
const SITES_PER_WORKER = 2;

const RENDERING = { doing: 'rendering docs', one: 'docs site', many: 'docs sites', redone: 'rendered' };

/**
 * Every job's site, in the jobs' order. With workers, this thread and each worker take the largest
 * sites left, so the longest renders start first; a site renders the same on any thread. A worker
 * that stops is a warning, and the sites it held are rendered here.
 */
export async function renderSites(
  jobs: readonly SiteJob[],
  options: RenderOptions,
): Promise<{ outcomes: SiteOutcome[]; problems: Problem[] }> {
  const outcomes: SiteOutcome[] = new Array(jobs.length);
  const problems: Problem[] = [];
  const kept: Array<Promise<void>> = [];
  const done = (id: number, outcome: SiteOutcome) => {
    outcomes[id] = outcome;
    if (options.onRendered) kept.push(options.onRendered(id, outcome));
  };
  const order = jobs.map((_, id) => id);
  // With workers, the largest sites first, so that the longest renders start first; alone, in order.
  const size = jobs.map(markdownCharacters);
  if (options.workers > 0) order.sort((a, b) => size[b]! - size[a]! || a - b);
  const waiting = order.reverse();
  const renderHere = async () => {
    for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) {
      done(id, await renderJob(jobs[id]!));
      // Rendering awaits nothing that waits: without this, the workers' answers (and their next
      // sites) would wait until this thread had rendered everything left.
      if (options.workers > 0) await setImmediate();
    }
  };
  let closing = false;
  const threads: Worker[] = [];
  const lanes: Array<Promise<void>> = [];
  try {
    for (let index = 0; index < options.workers; index++) {
      const { promise: lane, resolve } = Promise.withResolvers<void>();
      lanes.push(lane);
      const held = new Set<number>();
      let stopped = false;
      const stop = (why: string) => {
        if (stopped) return;
        stopped = true;
        if (!closing)
          problems.push(
            workerStopped(
              RENDERING,
              why,
              [...held].map((id) => `${jobs[id]!.repo}: ${jobs[id]!.root.docsDir}`),
            ),
          );
        waiting.push(...held);
        held.clear();
        resolve();
      };
      let worker: Worker;
      try {
        worker = new Worker(options.worker ?? WORKER);
      } catch (error) {
        stop(firstLine(error));
        continue;
      }
      threads.push(worker);
      const feed = () => {
        while (held.size < SITES_PER_WORKER && waiting.length > 0) {
          const id = waiting.pop()!;
          held.add(id);
          worker.postMessage({ id, job: jobs[id]! } satisfies SiteToRender);
        }
        if (held.size === 0) resolve();
      };
      worker.on('message', ({ id, ...outcome }: SiteRendered) => {
        held.delete(id);
        done(id, outcome);
        feed();
      });
      worker.on('messageerror', (error) => {
        stop(firstLine(error));
        void worker.terminate();
      });
      worker.on('error', (error) => stop(firstLine(error)));
      worker.on('exit', (code) => stop(`exit code ${code}`));
      feed();
    }
    await Promise.all([renderHere(), ...lanes]);
    // A worker that stopped after this thread ran out of sites left its own behind.
    await renderHere();
  } finally {
    closing = true;
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
  await Promise.all(kept);
  return { outcomes, problems };
}
