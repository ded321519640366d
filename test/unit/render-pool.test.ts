import { describe, expect, it } from 'vitest';
import {
  DOCS_WORKERS_FROM_CHARACTERS,
  docsWorkerCount,
  renderSites,
  type SiteJob,
  type SiteOutcome,
} from '../../collectors/docs/render-pool.ts';

const job = (name: string, text: string): SiteJob => ({
  repo: name,
  root: { base: name, docsDir: `${name}/docs`, pages: [{ path: `${name}/docs/index.md`, text }] },
  images: [],
  sites: [],
  fallbackTitle: name,
});
const large = (name: string) => job(name, 'x'.repeat(DOCS_WORKERS_FROM_CHARACTERS));
const titles = (outcomes: SiteOutcome[]) =>
  outcomes.map((outcome) => ('site' in outcome ? outcome.site.pages.map((page) => page.title) : outcome));

describe('docsWorkerCount', () => {
  it.each([
    { jobs: [job('a', '# A'), job('b', '# B')], configured: undefined, cpus: 8, workers: 0 },
    // One CPU for this thread, one for V8's garbage collection and compilation: workers on the others.
    { jobs: [large('a'), large('b'), large('c')], configured: undefined, cpus: 2, workers: 0 },
    { jobs: [large('a'), large('b'), large('c')], configured: undefined, cpus: 4, workers: 2 },
    { jobs: [large('a'), large('b'), large('c')], configured: undefined, cpus: 8, workers: 2 },
    { jobs: [large('a')], configured: undefined, cpus: 8, workers: 0 },
    { jobs: [job('a', '# A'), job('b', '# B')], configured: 4, cpus: 2, workers: 1 },
    { jobs: [large('a'), large('b')], configured: 0, cpus: 8, workers: 0 },
  ])('$jobs.length sites, workers: $configured, $cpus CPUs → $workers', ({ jobs, configured, cpus, workers }) => {
    expect(docsWorkerCount(jobs, configured, cpus)).toBe(workers);
  });
});

describe('renderSites', () => {
  const jobs = [
    job('small', '# Small\n\nOne page.\n'),
    job('code', '# Code\n\n```ts\nconst answer: number = 42;\n```\n\nSee [small](../small/).\n'),
    job('long', `# Long\n\n${'A paragraph of text. '.repeat(500)}\n`),
    job('more', '# More\n\n- a list\n- of two\n'),
    job('last', '# Last\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'),
  ];

  it('gives every site in the order of the jobs, rendered the same on worker threads as here, each told once as it is done', async () => {
    const here = await renderSites(jobs, { workers: 0 });
    expect(titles(here.outcomes)).toEqual([['Small'], ['Code'], ['Long'], ['More'], ['Last']]);
    const told: Array<[number, SiteOutcome]> = [];
    const threaded = await renderSites(jobs, { workers: 2, onRendered: async (index, outcome) => void told.push([index, outcome]) });
    expect(threaded).toEqual(here);
    expect(told.toSorted(([a], [b]) => a - b)).toEqual(here.outcomes.map((outcome, index) => [index, outcome]));
  });

  it("reports a site that cannot be rendered on a worker as that site's error, and renders the others", async () => {
    // A nav that is no list: no retriever makes one, so rendering the site throws. The largest
    // site, it is the worker's first.
    const broken = job('broken', `# Broken\n\n${'More text. '.repeat(2000)}`);
    (broken.root as { mkdocs?: unknown }).mkdocs = { path: 'broken/mkdocs.yml', nav: 5 };
    const { outcomes, problems } = await renderSites([jobs[0]!, broken, jobs[2]!], { workers: 1 });
    expect(outcomes[1]).toEqual({ error: expect.stringMatching(/\S/) });
    expect(outcomes.filter((outcome) => 'site' in outcome)).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it('renders here what a worker that stops held, with a warning naming it', async () => {
    const stopping = new URL('../helpers/stopping-worker.ts', import.meta.url);
    const { outcomes, problems } = await renderSites(jobs, { workers: 1, worker: stopping });
    expect(titles(outcomes)).toEqual([['Small'], ['Code'], ['Long'], ['More'], ['Last']]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(
          /^A worker thread rendering docs stopped \(exit code 3\): the 2 docs sites it held were rendered on the main thread \(long: long\/docs, /,
        ),
      },
    ]);
  });
});
