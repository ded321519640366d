import { compareCodeUnits } from '../support/order.ts';
import { cleanText, type FeedbackItem } from './feedback.ts';
import { FEEDBACK_LABEL, parseFeedbackIssue } from './issue-form.ts';

/**
 * Reads the feedback issues of the portal's feedback repository over the forge's REST API (GitHub,
 * GitHub Enterprise Server, GitLab), every page of them, open and closed. The token comes from the
 * environment and is only sent to the API. Issues that name no guide or check are skipped; a
 * listing that fails is one problem and the portal is built without feedback.
 */

export interface FeedbackSource {
  forge: 'github' | 'gitlab';
  /** `owner/name` on GitHub; the project's path (`group/sub/name`) or numeric id on GitLab. */
  repository: string;
  /** `https://api.github.com`, `https://<host>/api/v3`, or `https://gitlab.com/api/v4`. */
  apiUrl: string;
  /** The environment variable holding the token. */
  tokenEnv: string;
  label?: string;
  /** Keep respondents' handles (off unless the portal's config allows publishing them). */
  showRespondents?: boolean;
}

export interface FeedbackRead {
  items: FeedbackItem[];
  problems: Array<{ severity: 'error' | 'warning'; message: string }>;
}

/** At most this many pages of 100 issues are read: feedback beyond 10,000 issues is not a portal's. */
const MAX_PAGES = 100;

/** The fields of GitHub's issue objects that Cairn reads. */
interface GitHubIssue {
  html_url: string;
  body?: string | null;
  created_at: string;
  user?: { login: string } | null;
  labels?: Array<string | { name?: string }>;
  reactions?: { '+1'?: number; '-1'?: number };
  pull_request?: unknown;
}

/** The fields of GitLab's issue objects that Cairn reads. */
interface GitLabIssue {
  web_url: string;
  description?: string | null;
  created_at: string;
  author?: { username: string } | null;
  labels?: string[];
  upvotes?: number;
  downvotes?: number;
}

export async function readFeedbackIssues(
  source: FeedbackSource,
  environment: Readonly<Record<string, string | undefined>> = process.env,
  fetchImpl: typeof fetch = fetch,
): Promise<FeedbackRead> {
  const token = environment[source.tokenEnv] || undefined;
  const label = source.label ?? FEEDBACK_LABEL;
  const api = source.apiUrl.replace(/\/+$/, '');
  const where = `${source.forge === 'github' ? 'GitHub' : 'GitLab'} repository ${source.repository}`;
  try {
    const items: FeedbackItem[] = [];
    let url: string | undefined =
      source.forge === 'github'
        ? `${api}/repos/${source.repository.split('/').map(encodeURIComponent).join('/')}/issues?${new URLSearchParams({ labels: label, state: 'all', per_page: '100' })}`
        : `${api}/projects/${encodeURIComponent(source.repository)}/issues?${new URLSearchParams({ labels: label, state: 'all', per_page: '100', scope: 'all' })}`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const response: Response = await fetchImpl(url, { headers: headers(source.forge, token) });
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      const issues: unknown = await response.json();
      if (!Array.isArray(issues)) throw new Error('the API did not answer with a list of issues');
      items.push(...feedbackFromIssues(issues, source));
      url = nextPage(response, source.forge, url);
    }
    return { items: byDate(items), problems: [] };
  } catch (error) {
    const message = String((error as Error).message ?? error).split('\n')[0]!;
    return {
      items: [],
      problems: [
        {
          severity: 'error',
          message: `Could not read the feedback issues of ${where} at ${api}: ${token ? message.replaceAll(token, '***') : message}. The portal is built without feedback this run.`,
        },
      ],
    };
  }
}

/**
 * The feedback in a list of issue objects as the forge's API returns them (a page of the API, or a
 * file exported with `gh api --paginate` or GitLab's API), oldest first. Anything else is skipped.
 */
export function feedbackFromIssues(issues: readonly unknown[], source: Pick<FeedbackSource, 'forge' | 'showRespondents'>): FeedbackItem[] {
  const items = issues.flatMap((issue) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const item = source.forge === 'github' ? fromGitHub(issue as GitHubIssue, source) : fromGitLab(issue as GitLabIssue, source);
    return item ? [item] : [];
  });
  return byDate(items);
}

function byDate(items: FeedbackItem[]): FeedbackItem[] {
  return items.sort((a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.url, b.url));
}

function headers(forge: FeedbackSource['forge'], token: string | undefined): Record<string, string> {
  if (forge === 'github')
    return { accept: 'application/vnd.github+json', 'user-agent': 'cairn', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return { accept: 'application/json', 'user-agent': 'cairn', ...(token ? { 'private-token': token } : {}) };
}

/** GitHub's `Link: <…>; rel="next"`; GitLab sends the same header (and `x-next-page`). */
function nextPage(response: Response, forge: FeedbackSource['forge'], current: string): string | undefined {
  const link = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  if (link) return link;
  const next = forge === 'gitlab' ? response.headers.get('x-next-page') : null;
  if (!next) return undefined;
  const url = new URL(current);
  url.searchParams.set('page', next);
  return url.href;
}

function fromGitHub(issue: GitHubIssue, source: Pick<FeedbackSource, 'showRespondents'>): FeedbackItem | undefined {
  // The issues API lists pull requests too.
  if (issue.pull_request) return undefined;
  const labels = (Array.isArray(issue.labels) ? issue.labels : []).map((label) =>
    typeof label === 'string' ? label : String(label?.name ?? ''),
  );
  return item(
    parseFeedbackIssue(typeof issue.body === 'string' ? issue.body : undefined, labels),
    issue.html_url,
    issue.created_at,
    issue.user?.login,
    issue.reactions?.['+1'],
    issue.reactions?.['-1'],
    source,
  );
}

function fromGitLab(issue: GitLabIssue, source: Pick<FeedbackSource, 'showRespondents'>): FeedbackItem | undefined {
  return item(
    parseFeedbackIssue(
      typeof issue.description === 'string' ? issue.description : undefined,
      Array.isArray(issue.labels) ? issue.labels.filter((label) => typeof label === 'string') : [],
    ),
    issue.web_url,
    issue.created_at,
    issue.author?.username,
    issue.upvotes,
    issue.downvotes,
    source,
  );
}

function item(
  parsed: ReturnType<typeof parseFeedbackIssue>,
  url: string,
  createdAt: string,
  author: string | undefined,
  up: number | undefined,
  down: number | undefined,
  source: Pick<FeedbackSource, 'showRespondents'>,
): FeedbackItem | undefined {
  if (!parsed.target || typeof url !== 'string' || !/^https?:\/\//.test(url) || typeof createdAt !== 'string') return undefined;
  return {
    target: parsed.target,
    ...(parsed.rating ? { rating: parsed.rating } : {}),
    ...(parsed.comment ? { comment: parsed.comment } : {}),
    ...(source.showRespondents && typeof author === 'string' && author ? { author: cleanText(author, 100) } : {}),
    createdAt,
    url,
    reactions: { up: count(up), down: count(down) },
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
