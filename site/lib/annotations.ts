import { safeWebHref } from './links.ts';

/**
 * Annotations Cairn knows, read the way the Backstage plugins that own them read them. A tool is
 * linked only when its URL has one public shape (github.com, gitlab.com, sentry.io, PagerDuty,
 * CircleCI) or the annotation holds a URL; self-hosted tools (Grafana, Argo CD, Jenkins, SonarQube)
 * live on a host the portal is not told, so their values are shown as text.
 */

/** A known annotation on an entity page: what it is, its value, and where it leads when that can be known. */
export interface ToolAnnotation {
  key: string;
  /** The tool and what the value names: `GitHub repository`, `PagerDuty service`. */
  label: string;
  value: string;
  /** Only ever an http(s) URL. */
  href?: string;
}

/** Annotation of an inferred Component: why Cairn chose its type (`Dockerfile with EXPOSE 8080`). */
export const INFERRED_TYPE_REASON = 'cairn.dev/inferred-type-reason';

// One path segment of a slug: what GitHub, GitLab and Sentry allow in names, and never `.` or `..`.
const SEGMENT = String.raw`(?!\.\.?(?:/|$))[A-Za-z0-9._-]+`;
const OWNER_REPO = new RegExp(`^${SEGMENT}/${SEGMENT}$`);
const GITLAB_PATH = new RegExp(`^${SEGMENT}(?:/${SEGMENT})+$`);
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

type Linker = (value: string, annotations: Readonly<Record<string, string>>) => string | undefined;

const urlValue: Linker = (value) => safeWebHref(value);
const noLink: Linker = () => undefined;

/** The known annotations, in the order they are listed on a page. */
const KNOWN: ReadonlyArray<{ key: string; label: string; link: Linker }> = [
  // `view-url` and `source-location` are where the entity's Source line leads (see entity-summary.ts).
  { key: 'backstage.io/edit-url', label: 'Edit source', link: urlValue },
  {
    key: 'github.com/project-slug',
    label: 'GitHub repository',
    link: (value) => githubProjectHref(value),
  },
  {
    key: 'github.com/team-slug',
    label: 'GitHub team',
    link: (value) => {
      const [org, team] = value.split('/');
      return OWNER_REPO.test(value) ? `https://github.com/orgs/${org}/teams/${team}` : undefined;
    },
  },
  {
    key: 'gitlab.com/project-slug',
    label: 'GitLab project',
    link: (value, annotations) => (GITLAB_PATH.test(value) ? `https://${gitlabHost(annotations)}/${value}` : undefined),
  },
  {
    key: 'gitlab.com/project-id',
    label: 'GitLab project',
    // GitLab redirects /projects/<id> to the project, on gitlab.com and on its own instances alike.
    link: (value, annotations) => (/^\d+$/.test(value) ? `https://${gitlabHost(annotations)}/projects/${value}` : undefined),
  },
  { key: 'gitlab.com/instance', label: 'GitLab instance', link: noLink },
  {
    key: 'pagerduty.com/service-id',
    label: 'PagerDuty service',
    // PagerDuty's plugin links app.pagerduty.com/service-directory/<id>; it redirects to the account's own subdomain.
    link: (value) => (/^[A-Z0-9]+$/i.test(value) ? `https://app.pagerduty.com/service-directory/${value}` : undefined),
  },
  // A routing key for sending events, not a page anyone can open.
  { key: 'pagerduty.com/integration-key', label: 'PagerDuty integration key', link: noLink },
  {
    key: 'sentry.io/project-slug',
    label: 'Sentry project',
    // `organisation/project` names a project on sentry.io; a bare project slug needs the organisation the portal is not told.
    link: (value) => {
      const [organisation, project] = value.split('/');
      return OWNER_REPO.test(value) ? `https://sentry.io/organizations/${organisation}/projects/${project}/` : undefined;
    },
  },
  { key: 'datadoghq.com/dashboard-url', label: 'Datadog dashboard', link: urlValue },
  { key: 'datadoghq.com/site', label: 'Datadog site', link: noLink },
  { key: 'grafana/overview-dashboard', label: 'Grafana dashboard', link: urlValue },
  { key: 'grafana/dashboard-selector', label: 'Grafana dashboards', link: noLink },
  { key: 'grafana/alert-label-selector', label: 'Grafana alerts', link: noLink },
  { key: 'argocd/app-name', label: 'Argo CD application', link: noLink },
  { key: 'argocd/app-selector', label: 'Argo CD applications', link: noLink },
  { key: 'sonarqube.org/project-key', label: 'SonarQube project', link: noLink },
  { key: 'jenkins.io/job-full-name', label: 'Jenkins job', link: noLink },
  { key: 'jenkins.io/github-folder', label: 'Jenkins folder', link: noLink },
  {
    key: 'circleci.com/project-slug',
    label: 'CircleCI project',
    // `github/org/repo` (or `gh/`, `bitbucket/`, `bb/`): the project's pipelines on app.circleci.com.
    link: (value) =>
      new RegExp(`^(?:github|gh|bitbucket|bb)/${SEGMENT}/${SEGMENT}$`).test(value)
        ? `https://app.circleci.com/pipelines/${value}`
        : undefined,
  },
  { key: 'backstage.io/kubernetes-id', label: 'Kubernetes id', link: noLink },
  { key: 'lighthouse.com/website-url', label: 'Lighthouse website', link: urlValue },
];

const KNOWN_BY_KEY = new Map(KNOWN.map((known, index) => [known.key, { ...known, index }]));

/**
 * The entity's known annotations, in {@link KNOWN} order, each with a link when one can be known.
 * Cairn's own (`cairn.dev/…`) and `techdocs-ref` (its docs are linked as the entity's documentation)
 * are not tools, and unknown ones stay in the page's full list of annotations.
 */
export function toolAnnotations(annotations: Readonly<Record<string, string>> = {}): ToolAnnotation[] {
  return Object.entries(annotations)
    .flatMap(([key, value]) => {
      const known = KNOWN_BY_KEY.get(key);
      if (!known || value.trim() === '') return [];
      const href = known.link(value.trim(), annotations);
      return [{ index: known.index, tool: { key, label: known.label, value, ...(href ? { href } : {}) } }];
    })
    .sort((a, b) => a.index - b.index)
    .map(({ tool }) => tool);
}

/** `github.com/project-slug` (`owner/repo`) as the repository's page on github.com. */
export function githubProjectHref(slug: string | undefined): string | undefined {
  const value = slug?.trim();
  return value && OWNER_REPO.test(value) ? `https://github.com/${value}` : undefined;
}

/** `backstage.io/source-location`: `url:<href>` as a web link; `dir:` and other targets are local paths with no page. */
export function sourceLocationHref(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^url:(.+)$/.exec(value.trim());
  return match ? safeWebHref(match[1]) : undefined;
}

/** The GitLab host an entity names with `gitlab.com/instance`, else gitlab.com. */
function gitlabHost(annotations: Readonly<Record<string, string>>): string {
  const instance = annotations['gitlab.com/instance']?.trim();
  return instance && HOSTNAME.test(instance) ? instance.toLowerCase() : 'gitlab.com';
}
