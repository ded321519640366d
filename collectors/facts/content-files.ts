import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** Largest file read, in bytes: custom checks look at config and docs, not at data dumps. */
export const MAX_CONTENT_FILE_BYTES = 256 * 1024;

/** Most files read per repository, so a broad glob in a monorepo cannot read the whole tree. */
export const MAX_CONTENT_FILES = 200;

/**
 * The text of the tracked files custom checks inspect (`settings.contentGlobs`), by path. Binary
 * files and files over the size cap are left out, so a check tells "unreadable" from "absent" by
 * comparing with the `files` fact. Not published: it would copy repositories into the snapshot.
 */
export const contentFiles = defineRetriever({
  id: 'contentFiles',
  version: 1,
  description: 'Text of the files that custom checks inspect (the globs they name), up to 256 KiB each and 200 files.',
  schema: z.record(z.string(), z.string()),
  publish: false,
  async collect({ repo, settings, problem }) {
    if (!settings.contentGlobs.length) return {};
    const paths = repo.glob(settings.contentGlobs);
    if (paths.length > MAX_CONTENT_FILES) {
      problem({
        severity: 'warning',
        message: `${paths.length} files match the globs of custom checks; only the first ${MAX_CONTENT_FILES} (in path order) were read, so checks on the rest report an error.`,
      });
    }
    const texts = await Promise.all(
      paths
        .slice(0, MAX_CONTENT_FILES)
        .map(async (path) => [path, await repo.readText(path, { maxBytes: MAX_CONTENT_FILE_BYTES })] as const),
    );
    return Object.fromEntries(texts.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  },
});
