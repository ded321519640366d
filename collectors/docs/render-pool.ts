import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocImage, DocRoot } from '../facts/docs-site/schema.ts';
import { entryPoint } from '../support/entry-point.ts';
import { sourceLinks, type Forge } from '../support/source-links.ts';
import { renderSite, type RenderedSite } from './render-site.ts';

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
  root: DocRoot;
  /** The repository's images, which pages may show. */
  images: readonly DocImage[];
  /** The repository's web UI and the commit scanned, for links to files the docs mention. */
  links?: { webUrl: string; forge?: Forge; commit: string };
  /** The other docs sites of the repository, which a mkdocs nav may `!include`. */
  sites: readonly DocRoot[];
  fallbackTitle: string;
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
    );
    return { site };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
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
  return markdownCharacters(jobs) < DOCS_WORKERS_FROM_CHARACTERS ? 0 : Math.min(Math.max(0, cpus - 2), most);
}

function markdownCharacters(jobs: readonly SiteJob[]): number {
  return jobs.reduce((sum, job) => sum + job.root.pages.reduce((pages, page) => pages + page.text.length, 0), 0);
}

/**
 * Every job's site, in the jobs' order. With workers, this thread and each worker take the largest
 * site left, one at a time, so the longest renders start first; a site renders the same on any
 * thread. A worker that stops leaves the site it held, and what is left, to this thread.
 */
export async function renderSites(jobs: readonly SiteJob[], workers: number): Promise<SiteOutcome[]> {
  const outcomes: SiteOutcome[] = new Array(jobs.length);
  const order = jobs.map((_, id) => id);
  // With workers, the largest sites first, so that the longest renders start first; alone, in order.
  const size = jobs.map((job) => markdownCharacters([job]));
  if (workers > 0) order.sort((a, b) => size[b]! - size[a]! || a - b);
  const waiting = order.reverse();
  const renderHere = async () => {
    for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) outcomes[id] = await renderJob(jobs[id]!);
  };
  if (workers === 0) {
    await renderHere();
    return outcomes;
  }
  const threads: Worker[] = [];
  const lanes: Array<Promise<void>> = [];
  for (let index = 0; index < workers; index++) {
    const worker = new Worker(WORKER);
    threads.push(worker);
    lanes.push(
      new Promise<void>((resolve) => {
        let held: number | undefined;
        const feed = () => {
          held = waiting.pop();
          if (held === undefined) return resolve();
          worker.postMessage({ id: held, job: jobs[held]! } satisfies SiteToRender);
        };
        worker.on('message', ({ id, ...outcome }: SiteRendered) => {
          outcomes[id] = outcome;
          feed();
        });
        const stop = () => {
          if (held !== undefined) waiting.push(held);
          held = undefined;
          resolve();
        };
        worker.on('error', stop);
        worker.on('exit', stop);
        feed();
      }),
    );
  }
  try {
    await Promise.all([renderHere(), ...lanes]);
    // A worker that stopped after this thread ran out of sites left its own behind.
    await renderHere();
  } finally {
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
  return outcomes;
}
