import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** The commit the scan saw, the branch it was on, and the remote's default branch. */
export const head = defineRetriever({
  id: 'head',
  version: 4,
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
  async collect({ repo, problem }) {
    const { head, branch, defaultBranch, error, shallow } = await repo.history();
    if (shallow && error === undefined)
      problem({
        severity: 'warning',
        message: `This is a shallow clone with only its newest ${shallow.commits === 1 ? 'commit' : `${shallow.commits} commits`}: activity and release tags older than ${shallow.commits === 1 ? 'it' : 'them'} are not seen, and the checks that read them may be wrong. Fetch the whole history: git fetch --unshallow (in GitHub Actions, actions/checkout with fetch-depth: 0).`,
      });
    if (error !== undefined) {
      const kept = head ? `Only the head commit was read` : 'The head commit could not be read';
      problem({
        severity: 'error',
        message: `Git could not read this repository's history (a damaged or shallow clone with missing objects): ${error}. ${kept}; activity and releases may be incomplete. Clone it again.`,
      });
    }
    return head ? { commit: head.hash, date: head.date, ...(branch ? { branch } : {}), ...(defaultBranch ? { defaultBranch } : {}) } : null;
  },
});
