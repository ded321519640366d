import { getViteConfig } from 'astro/config';

/**
 * Site components rendered alone through Astro's container API: what a page does when one of its
 * parts throws, which no valid snapshot makes happen.
 */
export default getViteConfig(
  { test: { name: 'components', include: ['test/components/**/*.test.ts'], testTimeout: 60_000 } },
  { root: new URL('../..', import.meta.url).pathname, logLevel: 'error' },
);
