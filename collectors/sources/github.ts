import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import picomatch from 'picomatch';
import type { GitHubSource } from '../config.ts';
import { clonesDirOf, redact, syncClones, type Remote } from './git.ts';
import { EVERY_REPO, type RepoSelection, type SourceListing } from './source.ts';

/** The GitHub client: every list paginated, rate limits waited out, server errors retried with back-off. */
const GitHub = Octokit.plugin(paginateRest, throttling, retry);

/** How often a rate-limited request is tried again before the listing gives up. */
const RATE_LIMIT_RETRIES = 3;

/** The fields of GitHub's repository objects that Cairn reads. */
interface ApiRepository {
  name: string;
  clone_url?: string;
  html_url: string;
  archived?: boolean;
  fork?: boolean;
  topics?: string[];
}

/**
 * Lists an organisation's (or user's) repositories over GitHub's REST API, keeps those the filters
 * select, and clones them like a git source. The token comes from the environment and is only ever
 * sent to the API and to git (as a header, through git's environment): it never appears in a
 * problem, a page or the snapshot. A listing that fails is one problem; nothing is cloned from it,
 * and the previous snapshot's GitHub repositories stand in.
 */
export async function listGitHubSource(source: GitHubSource, baseDir: string, select: RepoSelection = EVERY_REPO, environment: NodeJS.ProcessEnv = process.env): Promise<SourceListing> {
  const token = environment[source.tokenEnv] || undefined;
  const owner = source.org ?? source.user!;
  const octokit = new GitHub({
    baseUrl: source.apiUrl.replace(/\/+$/, ''),
    ...(token ? { auth: token } : {}),
    userAgent: 'cairn',
    throttle: {
      onRateLimit: (_retryAfter, _options, _octokit, retryCount) => retryCount < RATE_LIMIT_RETRIES,
      onSecondaryRateLimit: (_retryAfter, _options, _octokit, retryCount) => retryCount < RATE_LIMIT_RETRIES,
    },
    // Octokit's own logging would print warnings (rate limits) on the console: problems report instead.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  let repositories: ApiRepository[];
  try {
    repositories = source.org
      ? await octokit.paginate('GET /orgs/{org}/repos', { org: owner, type: 'all', per_page: 100 })
      : await octokit.paginate('GET /users/{username}/repos', { username: owner, type: 'owner', per_page: 100 });
  } catch (error) {
    const status = (error as { status?: number }).status;
    const message = redact(String((error as Error).message ?? error).split('\n')[0]!);
    const reason = token ? message.replaceAll(token, '***') : message;
    return {
      repos: [],
      problems: [{ severity: 'error', message: `Could not list the repositories of ${owner} at ${source.apiUrl}${status ? ` (HTTP ${status})` : ''}: ${reason}` }],
      unreachable: { repos: [], sources: [{ source: 'github', reason: `could not list the repositories of ${owner}` }] },
    };
  }
  const remotes: Remote[] = selectRepositories(repositories, source).flatMap((repository) => (repository.clone_url && select(repository.name) ? [{ name: repository.name, url: repository.clone_url, webUrl: repository.html_url }] : []));
  const authorization = token ? `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` : undefined;
  return syncClones(remotes, clonesDirOf(source.clones, baseDir), 'github', authorization);
}

/** The repositories the source's filters keep, sorted by name. */
export function selectRepositories(repositories: readonly ApiRepository[], source: Pick<GitHubSource, 'include' | 'exclude' | 'topics' | 'archived' | 'forks'>): ApiRepository[] {
  const included = source.include ? picomatch(source.include, { nocase: true }) : () => true;
  const excluded = source.exclude ? picomatch(source.exclude, { nocase: true }) : () => false;
  const topics = source.topics?.map((topic) => topic.toLowerCase());
  return repositories
    .filter((repository) => included(repository.name) && !excluded(repository.name))
    .filter((repository) => source.archived || !repository.archived)
    .filter((repository) => source.forks || !repository.fork)
    .filter((repository) => !topics || (repository.topics ?? []).some((topic) => topics.includes(topic.toLowerCase())))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
