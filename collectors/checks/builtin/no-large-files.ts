import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { LARGE_FILES_KEPT } from '../../facts/large-files.ts';
import { count } from './support/facts.ts';

/** `5.0 MiB`, `812 KiB`, `10 B`. */
function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

export const noLargeFiles = defineCheck({
  id: 'no-large-files',
  title: 'No large files',
  category: 'hygiene',
  description: 'No tracked file is larger than the limit (5 MiB by default); files in Git LFS count by their small pointer.',
  why: 'Every clone, CI run and code search downloads every version of every large file, forever: a few committed datasets or binaries make a repository slow for everyone, and deleting them later does not shrink the history.',
  fix: [
    'Move large files to Git LFS, an artifact store or object storage, and keep a script that fetches them:',
    '',
    '```sh',
    'git lfs track "*.parquet"',
    'git add .gitattributes && git add --renormalize .',
    '```',
  ].join('\n'),
  effort: 'medium',
  severity: 'warning',
  options: z.object({
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024)
      .describe('Largest size a tracked file may have, in bytes.'),
  }),
  needs: ['largeFiles'],
  run(context) {
    const { maxBytes } = context.options;
    const large = context.facts.largeFiles.filter((file) => file.bytes > maxBytes);
    if (large.length === 0) {
      const largest = context.facts.largeFiles[0];
      return pass(
        largest
          ? `No file is larger than ${size(maxBytes)}; the largest is ${largest.path} (${size(largest.bytes)}).`
          : 'The repository tracks no files.',
      );
    }
    // Only the largest files are collected, so when all of them are over the limit there may be more.
    const atLeast = large.length === LARGE_FILES_KEPT ? 'At least ' : '';
    return fail(
      `${atLeast}${count(large.length, 'file')} ${large.length === 1 ? 'is' : 'are'} larger than ${size(maxBytes)}, the largest ${large[0]!.path} (${size(large[0]!.bytes)}).`,
      large.map((file) => ({ path: file.path, note: size(file.bytes) })),
    );
  },
});
