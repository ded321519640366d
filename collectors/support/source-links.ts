/**
 * Links into a repository's web UI, pinned to a commit: a file (at a line), a folder, the commit
 * itself. Each forge spells these differently, so every link Cairn shows goes through here.
 */

/** The web UIs Cairn knows how to link into. */
export const FORGES = ['github', 'gitlab', 'bitbucket', 'bitbucket-server', 'azure-devops'] as const;
export type Forge = (typeof FORGES)[number];

/** Links into one repository's web UI; commits and paths are encoded here, callers pass them raw. */
export interface SourceLinks {
  readonly forge: Forge;
  /** The repository's web page, normalised, without a trailing slash. */
  readonly repository: string;
  /** A file (a repository path such as `docs/a b.md`) at a commit, scrolled to a line when one is given. */
  file(commit: string, path: string, line?: number): string;
  /** A folder at a commit; the repository's root without a path. */
  folder(commit: string, path?: string): string;
  /** The page of a commit. */
  commit(commit: string): string;
}

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The link builder for the repository whose web UI is at `webUrl`, or `undefined` when that is not
 * an http(s) URL (a `javascript:` web URL must never become a link). `forge` overrides detection,
 * which knows the public hosts and the path shapes of Bitbucket Server and Azure DevOps Server;
 * any other host gets GitHub's shapes, as GitHub Enterprise Server lives on hosts of any name.
 */
export function sourceLinks(webUrl: string | undefined, forge?: Forge): SourceLinks | undefined {
  if (!webUrl || !URL.canParse(webUrl)) return undefined;
  const parsed = new URL(webUrl);
  if (!WEB_PROTOCOLS.has(parsed.protocol)) return undefined;
  parsed.search = '';
  parsed.hash = '';
  const repository = parsed.href.replace(/\/+$/, '');
  const known = forge ?? detectForge(parsed);
  const shape = SHAPES[known];
  // Parsing once more gives the form a browser follows, the same as the site's link check returns.
  const normalised = (url: string) => new URL(url).href;
  return {
    forge: known,
    repository,
    file: (commit, path, line) => normalised(shape.file(repository, encodeURIComponent(commit), path, line)),
    folder: (commit, path = '') => normalised(shape.folder(repository, encodeURIComponent(commit), path)),
    commit: (commit) => normalised(shape.commit(repository, encodeURIComponent(commit))),
  };
}

/** The forge a web URL belongs to, by its host, else by its path; GitHub's shapes when nothing tells. */
function detectForge(url: URL): Forge {
  const host = url.hostname;
  if (host === 'github.com' || host.endsWith('.ghe.com')) return 'github';
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab';
  if (host === 'bitbucket.org') return 'bitbucket';
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com')) return 'azure-devops';
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/projects\/[^/]+\/repos\/[^/]+$/.test(path)) return 'bitbucket-server';
  if (/\/_git\/[^/]+$/.test(path)) return 'azure-devops';
  return 'github';
}

/** How one forge spells its links; `commit` arrives encoded, `path` raw. */
interface Shape {
  file(repository: string, commit: string, path: string, line?: number): string;
  folder(repository: string, commit: string, path: string): string;
  commit(repository: string, commit: string): string;
}

const SHAPES: Record<Forge, Shape> = {
  github: {
    file: (repository, commit, path, line) => `${repository}/blob/${commit}/${encodePath(path)}${line === undefined ? '' : `#L${line}`}`,
    folder: (repository, commit, path) => `${repository}/tree/${commit}${path ? `/${encodePath(path)}` : ''}`,
    commit: (repository, commit) => `${repository}/commit/${commit}`,
  },
  gitlab: {
    file: (repository, commit, path, line) => `${repository}/-/blob/${commit}/${encodePath(path)}${line === undefined ? '' : `#L${line}`}`,
    folder: (repository, commit, path) => `${repository}/-/tree/${commit}${path ? `/${encodePath(path)}` : ''}`,
    commit: (repository, commit) => `${repository}/-/commit/${commit}`,
  },
  bitbucket: {
    file: (repository, commit, path, line) =>
      `${repository}/src/${commit}/${encodePath(path)}${line === undefined ? '' : `#lines-${line}`}`,
    folder: (repository, commit, path) => `${repository}/src/${commit}/${path ? `${encodePath(path)}/` : ''}`,
    commit: (repository, commit) => `${repository}/commits/${commit}`,
  },
  'bitbucket-server': {
    file: (repository, commit, path, line) =>
      `${repository}/browse/${encodePath(path)}?at=${commit}${line === undefined ? '' : `#${line}`}`,
    folder: (repository, commit, path) => `${repository}/browse${path ? `/${encodePath(path)}` : ''}?at=${commit}`,
    commit: (repository, commit) => `${repository}/commits/${commit}`,
  },
  // A line is selected from its start to the start of the next one: the whole line, as a click on its number does.
  'azure-devops': {
    file: (repository, commit, path, line) =>
      `${repository}?path=/${encodePath(path)}&version=GC${commit}${line === undefined ? '' : `&line=${line}&lineEnd=${line + 1}&lineStartColumn=1&lineEndColumn=1`}`,
    folder: (repository, commit, path) => `${repository}?path=/${encodePath(path)}&version=GC${commit}`,
    commit: (repository, commit) => `${repository}/commit/${commit}`,
  },
};

/** Each segment of a repository path encoded, the slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
