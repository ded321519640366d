import type { z } from 'zod';
import type { Problem } from '../contract/problems.ts';
import type { RepoReader } from '../repo/reader.ts';

/** Portal settings that change what some retrievers read; part of the fact cache key. */
export interface FactSettings {
  /** Globs of files whose text custom checks inspect (content/checks/*.yaml). */
  contentGlobs: readonly string[];
  /** Globs of the descriptor files read in every repository (portal.yaml's `catalog.paths`); by default, catalog-info.yaml at the root. */
  descriptorPaths?: readonly string[];
}

/** What a retriever is given: the repository, the settings, and a way to report problems without failing. */
export interface FactContext {
  repo: RepoReader;
  settings: FactSettings;
  /** Report a problem found while collecting (the repository name is filled in). */
  problem(problem: Omit<Problem, 'repo'>): void;
}

/**
 * One kind of fact about a repository (Backstage tech-insights style). `version` is bumped whenever
 * the output changes shape or meaning, because cached facts are keyed by head commit and version.
 */
export interface FactRetriever<Id extends string = string, S extends z.ZodType = z.ZodType> {
  id: Id;
  version: number;
  /** One sentence for the reference docs. */
  description: string;
  schema: S;
  /**
   * `false` for facts that only checks need and that would bloat the snapshot (every file path):
   * they are collected and checked, but not written to the snapshot.
   */
  publish?: boolean;
  /**
   * `true` for facts that change with the day as well as with the commit (activity in a window
   * ending now): the fact cache keeps them for the day they were computed on only.
   */
  timeDependent?: boolean;
  /**
   * `true` for facts that read the repository's tags, which change without a new commit (a release
   * tagged on the head): the fact cache keys them by the tags as well.
   */
  tagDependent?: boolean;
  collect(context: FactContext): Promise<z.infer<S>>;
}

/** Keeps the id's literal type and the schema's type attached to `collect` without repeating them. */
export function defineRetriever<const Id extends string, S extends z.ZodType>(retriever: FactRetriever<Id, S>): FactRetriever<Id, S> {
  return retriever;
}

/** File reads one fact has in flight at once: a repository of 200,000 files must not open them all together. */
export const READS_IN_FLIGHT = 32;

/**
 * `read` over every path, `READS_IN_FLIGHT` at a time, results in the paths' order. In batches
 * rather than a queue: a queue of 200,000 waiting closures alone costs hundreds of megabytes.
 */
export async function readAll<T>(paths: readonly string[], read: (path: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < paths.length; start += READS_IN_FLIGHT) {
    results.push(...(await Promise.all(paths.slice(start, start + READS_IN_FLIGHT).map(read))));
  }
  return results;
}
