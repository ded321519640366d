import { describe, expect, it } from 'vitest';
import { WORKER_ON_TWO_CPUS_FROM_REPOS, WORKERS_FROM_REPOS, workerCount } from '../../collectors/runs/repo-workers.ts';

describe('workerCount', () => {
  it.each([
    { repos: 1, configured: undefined, cpus: 2, workers: 0 },
    { repos: WORKERS_FROM_REPOS - 1, configured: undefined, cpus: 8, workers: 0 },
    // One CPU for the main thread, one for git's processes: workers on the others.
    { repos: WORKERS_FROM_REPOS, configured: undefined, cpus: 2, workers: 0 },
    { repos: WORKERS_FROM_REPOS, configured: undefined, cpus: 4, workers: 2 },
    { repos: 1000, configured: undefined, cpus: 8, workers: 6 },
    { repos: 1000, configured: undefined, cpus: 1, workers: 0 },
    // A very large organisation gets a worker on two CPUs too, not on one.
    { repos: WORKER_ON_TWO_CPUS_FROM_REPOS - 1, configured: undefined, cpus: 2, workers: 0 },
    { repos: WORKER_ON_TWO_CPUS_FROM_REPOS, configured: undefined, cpus: 2, workers: 1 },
    { repos: 10_000, configured: undefined, cpus: 8, workers: 6 },
    { repos: 10_000, configured: undefined, cpus: 1, workers: 0 },
    { repos: 3, configured: 2, cpus: 2, workers: 2 },
    { repos: 1, configured: 4, cpus: 2, workers: 1 },
    { repos: 1000, configured: 0, cpus: 8, workers: 0 },
  ])('$repos repositories, workers: $configured, $cpus CPUs → $workers', ({ repos, configured, cpus, workers }) => {
    expect(workerCount(repos, configured, cpus)).toBe(workers);
  });
});
