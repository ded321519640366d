import { defineConfig } from 'vitest/config';

/**
 * Four kinds of tests, as the README describes: `unit` (pure stages, no disk), `integration`
 * (real git repositories in temporary folders), `site` (builds the site and reads its HTML) and
 * `browser` (Chromium through playwright-core). `npm test` runs the first three.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'site', include: ['test/site/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
