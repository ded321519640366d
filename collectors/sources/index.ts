import { ConfigError } from '../config/config-error.ts';
import type { Source } from '../config/schema.ts';
import { listDirectorySource, shownFolder } from './directory.ts';
import { EVERY_REPO, type RepoSelection, type SourceListing, type UnreachableRepo } from './source.ts';

/** The working folder messages are relative to, and the environment tokens are read from: the process's, or a command line's run. */
export interface SourceEnvironment {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Lists every configured source and de-duplicates repositories by name: the first source to
 * list a name keeps it, a later one is reported. Unreachable repositories are listed once. Only the
 * repositories `select` keeps are listed, and remote sources clone no other.
 */
export async function listSources(
  sources: readonly Source[],
  baseDir: string,
  select: RepoSelection = EVERY_REPO,
  environment: SourceEnvironment = { cwd: process.cwd(), env: process.env },
): Promise<SourceListing> {
  const listings = await Promise.all(
    sources.map((source, index) =>
      listSource(source, baseDir, select, environment).catch((error: unknown) => {
        // A source's fault is in its entry of portal.yaml's sources.
        throw error instanceof ConfigError && error.field
          ? new ConfigError(error.message, { field: ['sources', index, ...error.field] })
          : error;
      }),
    ),
  );
  const result: Required<SourceListing> = {
    repos: [],
    problems: [],
    unreachable: { repos: [], sources: listings.flatMap((listing) => listing.unreachable?.sources ?? []) },
    entities: listings.flatMap((listing) => listing.entities ?? []),
  };
  const unreachable = new Map<string, UnreachableRepo>();
  // Folders as the config names them (relative to its folder), never absolute paths of the build machine.
  const seen = new Map<string, string>();
  for (const listing of listings) {
    result.problems.push(...listing.problems);
    for (const repo of listing.repos.filter((handle) => select(handle.name))) {
      const first = seen.get(repo.name);
      if (first === undefined) {
        seen.set(repo.name, repo.dir);
        result.repos.push(repo);
      } else if (first !== repo.dir) {
        result.problems.push({
          severity: 'warning',
          repo: repo.name,
          message: `Two repositories are named "${repo.name}" (${shownFolder(baseDir, first)} and ${shownFolder(baseDir, repo.dir)}); only the first is scanned. Rename one of the folders.`,
        });
      }
    }
  }
  // A repository another source did list is not missing.
  for (const repo of listings.flatMap((listing) => listing.unreachable?.repos ?? [])) {
    if (!seen.has(repo.name) && !unreachable.has(repo.name)) unreachable.set(repo.name, repo);
  }
  result.unreachable.repos.push(...unreachable.values());
  return result;
}

// Remote sources load their clients (simple-git, Octokit) when configured: a run of local folders,
// or `cairn check`, never starts them.
async function listSource(source: Source, baseDir: string, select: RepoSelection, environment: SourceEnvironment): Promise<SourceListing> {
  switch (source.type) {
    case 'directory':
      return listDirectorySource(source, baseDir, environment.cwd);
    case 'git':
      return (await import('./git.ts')).listGitSource(source, baseDir, select);
    case 'github':
      return (await import('./github.ts')).listGitHubSource(source, baseDir, select, environment.env);
  }
}
