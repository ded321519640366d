import picomatch from 'picomatch';
import type { GitHubSource } from '../config/schema.ts';
import { clonesDirOf, redact, syncClones, type Remote } from './git.ts';
import { GitHub, type GitHubClient } from './github-client.ts';
import { readGitHubTeams, type ForgeDocument } from './github-teams.ts';
import { EVERY_REPO, type RepoSelection, type SourceListing } from './source.ts';
import { compareCodeUnits } from '../support/order.ts';

/** A GitHub source's listing: its repositories and, with `teams: true`, the organisation's Groups and Users. */
export interface GitHubListing extends SourceListing {
  /** Entities read from the organisation (its teams and their members), for the catalog beside content/teams. */
  entities: ForgeDocument[];
}

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
 * and the previous snapshot's GitHub repositories stand in. With `teams: true`, the organisation's
 * teams and their members come back as `entities` (see github-teams.ts).
 */
export async function listGitHubSource(
  source: GitHubSource,
  baseDir: string,
  select: RepoSelection = EVERY_REPO,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<GitHubListing> {
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
  const teams = source.teams && source.org ? await readTeams(octokit, source.org, source.apiUrl, token) : { documents: [], problems: [] };
  let repositories: ApiRepository[];
  try {
    repositories = source.org
      ? await octokit.paginate('GET /orgs/{org}/repos', { org: owner, type: 'all', per_page: 100 })
      : await octokit.paginate('GET /users/{username}/repos', { username: owner, type: 'owner', per_page: 100 });
  } catch (error) {
    return {
      repos: [],
      problems: [
        { severity: 'error', message: `Could not list the repositories of ${owner} at ${source.apiUrl}${failure(error, token)}` },
        ...teams.problems,
      ],
      unreachable: { repos: [], sources: [{ source: 'github', reason: `could not list the repositories of ${owner}` }] },
      entities: teams.documents,
    };
  }
  const remotes: Remote[] = selectRepositories(repositories, source).flatMap((repository) =>
    repository.clone_url && select(repository.name)
      ? [{ name: repository.name, url: repository.clone_url, webUrl: repository.html_url }]
      : [],
  );
  const authorization = token ? `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` : undefined;
  const synced = await syncClones(remotes, clonesDirOf(source.clones, baseDir), 'github', {
    stallSeconds: source.stallSeconds,
    ...(authorization ? { authorization } : {}),
  });
  return { ...synced, problems: [...teams.problems, ...synced.problems], entities: teams.documents };
}

/** The organisation's teams as entities; a team list that cannot be read is one problem, and the repositories are still listed. */
async function readTeams(
  octokit: GitHubClient,
  org: string,
  apiUrl: string,
  token: string | undefined,
): Promise<{ documents: ForgeDocument[]; problems: SourceListing['problems'] }> {
  try {
    return await readGitHubTeams(octokit, org);
  } catch (error) {
    return {
      documents: [],
      problems: [
        {
          severity: 'error',
          message: `Could not list the teams of ${org} at ${apiUrl}${failure(error, token)}; its teams are missing from the catalog this run.${
            [401, 403, 404].includes(answeredWith(error) ?? 0)
              ? ' Reading teams needs a token that can read the organisation (read:org).'
              : ''
          }`,
        },
      ],
    };
  }
}

/**
 * ` (HTTP 401): Bad credentials`: the status and first line of an API error, credentials and the
 * token redacted. An API that was not reached at all (no answer: a name that does not resolve, a
 * refused connection) has no status, although Octokit gives such a failure 500.
 */
export function failure(error: unknown, token: string | undefined): string {
  const status = answeredWith(error);
  const message = redact(String((error as Error).message ?? error).split('\n')[0]!);
  return `${status ? ` (HTTP ${status})` : ''}: ${token ? message.replaceAll(token, '***') : message}`;
}

/** The HTTP status the API answered with, or undefined when it gave no answer. */
function answeredWith(error: unknown): number | undefined {
  return (error as { response?: unknown }).response === undefined ? undefined : (error as { status?: number }).status;
}

/** The repositories the source's filters keep, sorted by name. */
export function selectRepositories(
  repositories: readonly ApiRepository[],
  source: Pick<GitHubSource, 'include' | 'exclude' | 'topics' | 'archived' | 'forks'>,
): ApiRepository[] {
  const included = source.include ? picomatch(source.include, { nocase: true }) : () => true;
  const excluded = source.exclude ? picomatch(source.exclude, { nocase: true }) : () => false;
  const topics = source.topics?.map((topic) => topic.toLowerCase());
  return repositories
    .filter((repository) => included(repository.name) && !excluded(repository.name))
    .filter((repository) => source.archived || !repository.archived)
    .filter((repository) => source.forks || !repository.fork)
    .filter((repository) => !topics || (repository.topics ?? []).some((topic) => topics.includes(topic.toLowerCase())))
    .sort((a, b) => compareCodeUnits(a.name, b.name));
}
