import { z } from 'zod';
import { readableHistory } from '../repo/reader.ts';
import { defineRetriever } from './retriever.ts';

/** Recent git activity: is anyone working on this, and how many people could. */
export const activity = defineRetriever({
  id: 'activity',
  timeDependent: true,
  version: 2,
  description: 'Commits and distinct authors in the activity window, and the last commit date.',
  schema: z.object({
    since: z.iso.datetime({ offset: true }),
    commits: z.number().int().nonnegative(),
    /** Distinct author emails (lowercased) in the window. */
    authors: z.number().int().nonnegative(),
    lastCommitDate: z.iso.datetime({ offset: true }).optional(),
  }),
  async collect({ repo }) {
    const { head, recent, since } = await readableHistory(repo);
    const authors = new Set(recent.map((commit) => commit.authorEmail.toLowerCase()));
    return {
      since,
      commits: recent.length,
      authors: authors.size,
      ...(head ? { lastCommitDate: head.date } : {}),
    };
  },
});
