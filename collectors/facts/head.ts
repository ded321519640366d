import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** The commit the scan saw, and the branch it was on. */
export const head = defineRetriever({
  id: 'head',
  version: 1,
  description: 'Head commit, its date, and the checked-out branch.',
  schema: z
    .object({
      commit: z.string(),
      date: z.iso.datetime({ offset: true }),
      branch: z.string().optional(),
    })
    .nullable(),
  async collect({ repo }) {
    const { head, branch } = await repo.history();
    return head ? { commit: head.hash, date: head.date, ...(branch ? { branch } : {}) } : null;
  },
});
