import { z } from 'zod';
import { defineRetriever, readAll } from './retriever.ts';
import { compareCodeUnits } from '../support/order.ts';

/** How many of the largest files are kept: enough to show what bloats a repository, small enough to publish. */
export const LARGE_FILES_KEPT = 20;

export const largeFiles = defineRetriever({
  id: 'largeFiles',
  version: 1,
  description: `The ${LARGE_FILES_KEPT} largest tracked files with their sizes in bytes, largest first.`,
  schema: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative() })),
  async collect({ repo }) {
    const sized = await readAll(repo.files(), async (path) => ({ path, bytes: (await repo.size(path)) ?? 0 }));
    return sized.sort((a, b) => b.bytes - a.bytes || compareCodeUnits(a.path, b.path)).slice(0, LARGE_FILES_KEPT);
  },
});
