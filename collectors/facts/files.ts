import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** Files with names that are not UTF-8 named one problem each, up to this many; the rest are counted. */
const MAX_NAMED = 20;

/**
 * Every tracked path. Checks derive most file-presence standards from it (lockfiles, test folders,
 * committed binaries); it is not published, because a monorepo's file list would bloat the snapshot.
 */
export const files = defineRetriever({
  id: 'files',
  version: 5,
  description: 'Every tracked file path, sorted; used by checks and kept out of the snapshot.',
  schema: z.array(z.string()),
  publish: false,
  async collect({ repo, problem }) {
    // Names that are not UTF-8 cannot be shown or linked faithfully: said, not skipped silently.
    const unlisted = repo.unlisted();
    for (const name of unlisted.slice(0, MAX_NAMED)) {
      problem({
        severity: 'warning',
        file: name,
        message: `The file ${name} (as git quotes it) has a name that is not valid UTF-8, so Cairn leaves it out of every fact. Rename it.`,
      });
    }
    if (unlisted.length > MAX_NAMED) {
      problem({
        severity: 'warning',
        message: `${unlisted.length - MAX_NAMED} more files have names that are not valid UTF-8 and are left out of every fact.`,
      });
    }
    // A repository over the files cap is read in part: said once, here, where the files are listed.
    const leftOut = repo.leftOut();
    if (leftOut > 0) {
      const kept = repo.files().length;
      problem({
        severity: 'warning',
        message: `${repo.name} tracks ${kept + leftOut} files, over its cap of ${kept} (limits.files in portal.yaml): facts and checks see the first ${kept} by path; the other ${leftOut} are left out.`,
      });
    }
    // A link out of the repository is never followed: what it stands for (a docs folder, a license) is missing, and said so.
    const leaving: string[] = [];
    for (const link of repo.symlinks()) {
      const inspected = await repo.inspect(link);
      if (!inspected.ok && inspected.reason === 'symlink-outside') leaving.push(link);
    }
    for (const link of leaving.slice(0, MAX_NAMED)) {
      problem({
        severity: 'warning',
        file: link,
        message: `${link} is a symbolic link to something outside the repository's tracked files; Cairn never follows it, so what it points at is not read.`,
      });
    }
    if (leaving.length > MAX_NAMED)
      problem({
        severity: 'warning',
        message: `${leaving.length - MAX_NAMED} more symbolic links lead outside the repository's tracked files and are not followed.`,
      });
    return [...repo.files()];
  },
});
