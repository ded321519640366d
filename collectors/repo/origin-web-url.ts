import { readGitConfig } from './head-ref.ts';

/** Public forges whose web page of a repository is `https://<host>/<the clone URL's path>`. */
const PUBLIC_FORGES = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

/**
 * The web page of a work tree cloned from a public forge, from its `origin` remote, so a directory
 * source without `webUrl` still links evidence to the files. A self-hosted forge's remote only when
 * the source says which forge its host is (`selfHosted`): a clone URL alone does not tell a web
 * URL. Undefined for any other remote or a config that cannot be read.
 */
export function originWebUrl(dir: string, selfHosted = false): string | undefined {
  try {
    const config = readGitConfig(dir);
    const remote = config === undefined ? undefined : remoteUrl(config, 'origin');
    return remote === undefined ? undefined : webUrlOfRemote(remote, selfHosted);
  } catch {
    // Only ever a link: a config it cannot make sense of gives none, never a failed run.
    return undefined;
  }
}

/** The `url` of `[remote "<name>"]` in a git config's text (the first one, as git takes it). */
export function remoteUrl(config: string, name: string): string | undefined {
  let inRemote = false;
  for (const line of config.split('\n')) {
    const header = /^\s*\[([^\]]*)\]/.exec(line);
    if (header) inRemote = /^\s*remote\s+"(.*)"\s*$/i.exec(header[1]!)?.[1] === name;
    else if (inRemote) {
      const value = /^\s*url\s*=\s*(.*?)\s*$/i.exec(line)?.[1];
      if (value) return value.replace(/^"(.*)"$/, '$1');
    }
  }
  return undefined;
}

/**
 * The web page of the repository a clone URL names on a public forge: https, ssh (`ssh://` or
 * `git@host:path`) and `git://` alike, credentials and `.git` dropped. Every path segment must be a
 * plain name, so nothing but a repository's page can come out. With `selfHosted`, any host's
 * (but an `ssh.` host's, whose paths are not its pages': Azure DevOps' `ssh.dev.azure.com:v3/…`).
 */
export function webUrlOfRemote(remote: string, selfHosted = false): string | undefined {
  let host: string;
  let path: string;
  const parsed = URL.canParse(remote) ? new URL(remote) : undefined;
  if (parsed && ['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) {
    host = parsed.hostname;
    // The path as written: the URL parser would resolve `..` and keep `%2F`, and neither is a plain name.
    path = remote
      .slice(remote.indexOf('//') + 2)
      .replace(/^[^/]*/, '')
      .replace(/[?#].*$/, '');
  } else {
    const scp = /^(?:[^@/]+@)?([\w.-]+):(.+)$/.exec(remote);
    if (!scp) return undefined;
    [, host, path] = scp as unknown as [string, string, string];
  }
  host = host.toLowerCase();
  if (!PUBLIC_FORGES.has(host) && !(selfHosted && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && !host.startsWith('ssh.'))) return undefined;
  const segments = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (segments.length < 2 || !segments.every((segment) => /^[\w.-]+$/.test(segment) && !/^\.+$/.test(segment))) return undefined;
  return `https://${host}/${segments.join('/')}`;
}
