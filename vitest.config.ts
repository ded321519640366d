import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files of one worker share their modules (`isolate: false`): importing the collectors, the
 * command line and their libraries again for every file cost more than most files' tests, and a
 * worker's Astro build process stays warm. No test changes a module's state or the process's
 * without putting it back.
 */
const SHARED_MODULES = { isolate: false } as const;

/** The run's temporary folder, for what a worker keeps all its life (the fixture site). */
const TEMPORARY_ROOT = 'test/helpers/temporary-root.ts';

/**
 * Eight kinds of tests, as CONTRIBUTING.md describes: `unit` (pure stages, no disk),
 * `integration` (real git repositories in temporary folders), `real-world` (Cairn's collection on
 * public repositories unpacked from `../shared/real-world`, held against a truth table checked by
 * hand), `site` (builds the site and reads its HTML), `components` (site components rendered
 * alone), `hostile` (the whole build on a corpus of broken and malicious repositories) — these six
 * are `npm test` — then `e2e` (the command line as an operating-system process: killed at every
 * milestone of a run, installed from its packed tarball) and `browser` (Chromium through
 * playwright-core), each a script of its own and run by CI.
 */
export default defineConfig({
  test: {
    // A test file spends much of its time waiting for the processes it starts (git, Astro, the
    // command line): a worker per core keeps both cores of a small CI machine busy (vitest's
    // default leaves one free).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // `npm run coverage`: the code the tests run in their own processes. The site's pages render in
    // Astro's process, so only its view modules (site/lib) count.
    coverage: {
      provider: 'v8',
      include: ['collectors/**/*.ts', 'scripts/cli/**/*.ts', 'site/lib/**/*.ts', 'site/client/**/*.ts'],
      exclude: ['collectors/**/generated/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.cache/coverage',
    },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], ...SHARED_MODULES } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          ...SHARED_MODULES,
        },
      },
      {
        test: {
          name: 'real-world',
          include: ['test/real-world/**/*.test.ts'],
          globalSetup: ['test/real-world/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          ...SHARED_MODULES,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: [TEMPORARY_ROOT],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          ...SHARED_MODULES,
        },
      },
      // Site components rendered alone (Astro's container API), through Astro's own Vite config.
      'test/components/vitest.config.ts',
      // The hostile corpus: one build of ~80 broken and malicious repositories, and a second collection.
      { test: { name: 'hostile', include: ['test/hostile/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 900_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 300_000, ...SHARED_MODULES } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [TEMPORARY_ROOT],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
