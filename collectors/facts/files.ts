import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/**
 * Every tracked path. Checks derive most file-presence standards from it (lockfiles, test folders,
 * committed binaries); it is not published, because a monorepo's file list would bloat the snapshot.
 */
export const files = defineRetriever({
  id: 'files',
  version: 1,
  description: 'Every tracked file path, sorted; used by checks and kept out of the snapshot.',
  schema: z.array(z.string()),
  publish: false,
  async collect({ repo }) {
    return [...repo.files()];
  },
});
