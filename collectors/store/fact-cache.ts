import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { problemSchema } from '../contract/problems.ts';
import { writeFileAtomically } from './atomic-write.ts';

/** One retriever's output for one repository, with the problems it reported, under the key it was computed for. */
const cachedFactSchema = z.object({ key: z.string(), value: z.unknown(), problems: z.array(problemSchema) });
const cacheFileSchema = z.object({ repo: z.string(), facts: z.record(z.string(), cachedFactSchema) });

export type CachedFact = z.infer<typeof cachedFactSchema>;

/**
 * Facts of earlier runs, one JSON file per repository in `dir`: a nightly run re-reads only what
 * changed. Entries are keyed by what they depend on (head commit, retriever version, settings), so
 * a stale entry is simply not found. A file that cannot be read or parsed is treated as empty and
 * rewritten, and one that cannot be written is skipped, never fatal: the cache only ever saves work.
 */
export class FactCache {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Read synchronously: a warm run reads one file per repository, and a thread pool's round trip for each cost more than the reading. */
  read(repo: string): Map<string, CachedFact> {
    try {
      const parsed = cacheFileSchema.safeParse(JSON.parse(readFileSync(this.#file(repo), 'utf8')));
      return parsed.success && parsed.data.repo === repo ? new Map(Object.entries(parsed.data.facts)) : new Map();
    } catch {
      return new Map();
    }
  }

  /** Keeps a repository's facts; one that cannot be written (a full disk) is read again next run, and the run goes on. */
  async write(repo: string, facts: ReadonlyMap<string, CachedFact>): Promise<void> {
    await writeFileAtomically(this.#file(repo), `${JSON.stringify({ repo, facts: Object.fromEntries(facts) })}\n`).catch(() => {});
  }

  /** A file name any repository name maps to, and no two names share. */
  #file(repo: string): string {
    return join(this.#dir, `${encodeURIComponent(repo)}.json`);
  }
}
