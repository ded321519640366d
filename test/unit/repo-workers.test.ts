import { describe, expect, it } from 'vitest';
import { WORKERS_FROM_REPOS, workerCount } from '../../collectors/runs/repo-workers.ts';

describe('workerCount', () => {
  it.each([
    { repos: 1, configured: undefined, cpus: 2, workers: 0 },
    { repos: WORKERS_FROM_REPOS - 1, configured: undefined, cpus: 8, workers: 0 },
    { repos: WORKERS_FROM_REPOS, configured: undefined, cpus: 2, workers: 1 },
    { repos: 1000, configured: undefined, cpus: 8, workers: 7 },
    { repos: 1000, configured: undefined, cpus: 1, workers: 0 },
    { repos: 3, configured: 2, cpus: 2, workers: 2 },
    { repos: 1, configured: 4, cpus: 2, workers: 1 },
    { repos: 1000, configured: 0, cpus: 8, workers: 0 },
  ])('$repos repositories, workers: $configured, $cpus CPUs → $workers', ({ repos, configured, cpus, workers }) => {
    expect(workerCount(repos, configured, cpus)).toBe(workers);
  });
});
