import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { writeGitRepo, type FileChange, type GitPerson, type RepoSpec } from '../../scripts/dev/git-repo.ts';

export type { FileChange, GitPerson, RepoSpec } from '../../scripts/dev/git-repo.ts';

/** The author of fixture commits when a test does not care who wrote them. */
export const TEST_AUTHOR: GitPerson = { name: 'Test Author', email: 'test.author@example.com' };

/** The date of fixture commits when a test does not care when they were written. */
export const TEST_DATE = '2026-01-15T10:00:00Z';

/** Temporary repositories on disk, removed together. */
export interface RepoFixture<Name extends string = string> {
  /** The temporary folder holding every repository (one sub-folder per name). */
  root: string;
  /** Absolute path of each repository's work tree. */
  dirs: Record<Name, string>;
  /** Deletes the temporary folder; safe to call twice. */
  remove(): Promise<void>;
  /** Lets a test write `await using fixture = await makeRepos(...)`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** One temporary repository. */
export interface SingleRepoFixture {
  dir: string;
  remove(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A spec with a single commit by `TEST_AUTHOR` holding `tree`, for tests that only need files.
 * `options` overrides the commit's date, author or message.
 */
export function files(tree: Record<string, FileChange>, options: { date?: string; author?: GitPerson; message?: string } = {}): RepoSpec {
  return {
    commits: [
      { date: options.date ?? TEST_DATE, author: options.author ?? TEST_AUTHOR, message: options.message ?? 'Initial commit', files: tree },
    ],
  };
}

/**
 * Creates one repository per entry of `specs` under a fresh `cairn-test-*` folder in the OS temp
 * directory. Call `remove()` (e.g. in `afterAll`) when done.
 */
export async function makeRepos<Name extends string>(specs: Record<Name, RepoSpec>): Promise<RepoFixture<Name>> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-test-'));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    const dirs = {} as Record<Name, string>;
    for (const name of Object.keys(specs) as Name[]) {
      if (!/^[\w.-]+$/.test(name) || name === '.' || name === '..') throw new Error(`Invalid fixture repository name: ${name}`);
      dirs[name] = join(root, name);
    }
    // Bounded, so that a test with dozens of repositories does not start hundreds of git processes at once.
    const limit = pLimit(availableParallelism());
    await Promise.all((Object.keys(specs) as Name[]).map((name) => limit(() => writeGitRepo(dirs[name], specs[name]))));
    return { root, dirs, remove, [Symbol.asyncDispose]: remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Alias of `makeRepos`, reading better at the top of a test file. */
export const tempRepos = makeRepos;

/** Creates a single temporary repository (in its own `cairn-test-*` folder). */
export async function makeRepo(spec: RepoSpec): Promise<SingleRepoFixture> {
  const fixture = await makeRepos({ repo: spec });
  return { dir: fixture.dirs.repo, remove: fixture.remove, [Symbol.asyncDispose]: fixture.remove };
}
