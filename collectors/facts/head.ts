import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** The commit the scan saw, the branch it was on, and the remote's default branch. */
export const head = defineRetriever({
  id: 'head',
  version: 2,
  description: "Head commit, its date, the checked-out branch, and the remote's default branch when the clone knows it.",
  schema: z
    .object({
      commit: z.string(),
      date: z.iso.datetime({ offset: true }),
      branch: z.string().optional(),
      /** The remote's default branch (origin/HEAD of the clone); absent when unknown, e.g. a folder without a remote. */
      defaultBranch: z.string().optional(),
    })
    .nullable(),
  async collect({ repo }) {
    const { head, branch, defaultBranch } = await repo.history();
    return head ? { commit: head.hash, date: head.date, ...(branch ? { branch } : {}), ...(defaultBranch ? { defaultBranch } : {}) } : null;
  },
});
