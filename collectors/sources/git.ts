import type { Forge } from '../support/source-links.ts';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { GitSource } from '../config/schema.ts';
import { removeLeftovers } from '../store/atomic-write.ts';
import { GitStalled, runSafeGit, type SafeGitOptions } from '../support/safe-git.ts';
import { isGitWorkTree } from './directory.ts';
import { EVERY_REPO, type RepoSelection, type SourceListing } from './source.ts';

/**
 * Protocols a configured URL may use. The repositories' own submodules are never fetched, so only
 * the URLs of portal.yaml reach the network.
 */
const FETCH_CONFIG = [
  'protocol.https.allow=always',
  'protocol.http.allow=always',
  'protocol.ssh.allow=always',
  'protocol.git.allow=always',
  'protocol.file.allow=always',
  'submodule.recurse=false',
];

/** A repository's name from its clone URL: the last path part, without `.git`. */
export function repoNameOf(url: string): string | undefined {
  // The path of a URL (`https://host/org/repo.git`), of scp-like syntax (`git@host:org/repo.git`), or a local path.
  const path = /^[a-z][a-z\d+.-]*:\/\//i.test(url)
    ? safePathname(url)
    : /^[^/\\]+@[^/:]+:/.test(url)
      ? url.slice(url.indexOf(':') + 1)
      : url;
  const name = path
    ?.replace(/[/\\]+$/, '')
    .split(/[/\\]/)
    .at(-1)
    ?.replace(/\.git$/, '');
  return name && /^[\w.-]+$/.test(name) && name !== '.' && name !== '..' ? name : undefined;
}

function safePathname(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}

/**
 * Clones each URL into the clones folder (over the network partially: every commit, for the
 * activity facts, but file contents only for the checked-out commit), or fetches and resets an earlier clone. A remote
 * that cannot be reached is a problem; an earlier clone of it is still scanned, marked stale.
 */
export async function listGitSource(source: GitSource, baseDir: string, select: RepoSelection = EVERY_REPO): Promise<SourceListing> {
  const listing: SourceListing = { repos: [], problems: [] };
  const remotes: Remote[] = [];
  const urlsByName = new Map<string, string>();
  for (const entry of source.repos) {
    const url = typeof entry === 'string' ? entry : entry.url;
    const name = typeof entry === 'string' ? repoNameOf(url) : entry.name;
    if (name && !select(name)) continue;
    const first = name === undefined ? undefined : urlsByName.get(name);
    if (first !== undefined) {
      // Both would be cloned into one folder: neither would be what its URL says.
      listing.problems.push({
        severity: 'error',
        repo: name!,
        message: `"${redact(first)}" and "${redact(url)}" are both named "${name}", and only the first is cloned. Give the other a name of its own in portal.yaml: { url: ${redact(url)}, name: <name> }.`,
      });
      continue;
    }
    if (name) urlsByName.set(name, url);
    if (name)
      remotes.push({
        name,
        url,
        ...(source.webUrl ? { webUrl: source.webUrl.replaceAll('{name}', name) } : {}),
        ...(source.forge ? { forge: source.forge } : {}),
      });
    else
      listing.problems.push({
        severity: 'error',
        message: `Cannot tell a repository name from "${redact(url)}"; expected a URL ending in the repository's name.`,
      });
  }
  const synced = await syncClones(remotes, clonesDirOf(source.clones, baseDir), 'git', { stallSeconds: source.stallSeconds });
  return { ...synced, problems: [...listing.problems, ...synced.problems] };
}

/** A repository to clone: its name in the portal, where from, and its web UI. */
export interface Remote {
  name: string;
  url: string;
  webUrl?: string;
  forge?: Forge;
}

/** The clones folder: relative to portal.yaml when configured, else `.cache/clones` in the working folder. */
export function clonesDirOf(configured: string | undefined, baseDir: string): string {
  return configured ? resolve(baseDir, configured) : resolve('.cache', 'clones');
}

/** How a source's clones are fetched. */
export interface SyncOptions {
  /** Seconds a clone or fetch may print no progress before it is stopped. */
  stallSeconds: number;
  /** An HTTP Authorization header for the remotes (a token), handed to git through its environment. */
  authorization?: string;
}

/** Brings a clone of each remote up to date in `clonesDir`, four at a time. */
export async function syncClones(
  remotes: readonly Remote[],
  clonesDir: string,
  source: string,
  options: SyncOptions,
): Promise<SourceListing> {
  const { authorization, stallSeconds } = options;
  await mkdir(clonesDir, { recursive: true });
  // What runs stopped mid-clone left: kept in a cached clones folder, it would pile up night after night.
  await removeLeftovers(clonesDir, (name) => Number(CLONING.exec(name)?.[1]) || undefined);
  const extra: SafeGitOptions = {
    config: FETCH_CONFIG,
    stallMs: stallSeconds * 1000,
    ...(authorization
      ? { env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: ${authorization}` } }
      : {}),
  };
  const limit = pLimit(4);
  const listing: Required<SourceListing> = { repos: [], problems: [], unreachable: { repos: [], sources: [] }, entities: [] };
  const outcomes = await Promise.all(
    remotes.map((remote) => limit(() => syncClone(remote, join(clonesDir, remote.name), clonesDir, extra))),
  );
  for (const [index, outcome] of outcomes.entries()) {
    const remote = remotes[index]!;
    const webUrl = { ...(remote.webUrl ? { webUrl: remote.webUrl } : {}), ...(remote.forge ? { forge: remote.forge } : {}) };
    if (outcome.problem) listing.problems.push({ severity: 'error', repo: remote.name, message: outcome.problem });
    if (!outcome.scanned) {
      listing.unreachable.repos.push({ name: remote.name, source, ...webUrl, reason: `could not clone ${redact(remote.url)}` });
      continue;
    }
    listing.repos.push({
      name: remote.name,
      dir: join(clonesDir, remote.name),
      source,
      ...webUrl,
      ...(outcome.problem ? { stale: `could not fetch ${redact(remote.url)}; the data is from an earlier clone` } : {}),
    });
  }
  return listing;
}

/** A clone being made beside its final place, by the process whose id it ends with. */
const CLONING = /\.cloning-(\d+)$/;

/** Whether there is a work tree to scan (fresh, or an earlier clone), and what went wrong. */
async function syncClone(
  remote: Remote,
  dir: string,
  clonesDir: string,
  extra: SafeGitOptions,
): Promise<{ scanned: boolean; problem?: string }> {
  const existing = isGitWorkTree(dir);
  try {
    // Progress is asked for, though nothing shows it: while git receives and checks out files it
    // prints it (not with --quiet, which also silences the checkout), and one that prints nothing has stalled.
    const fetching = ['--progress', ...(clonesPartially(remote.url) ? ['--filter=blob:none'] : []), '--no-recurse-submodules'];
    const { stallMs: _, ...local } = extra;
    if (existing) {
      // A clone made for another URL of the same name (portal.yaml changed) is pointed at this one.
      const origin = (await runSafeGit(dir, ['config', '--get', 'remote.origin.url'], local).catch(() => '')).trim();
      if (origin !== remote.url) await runSafeGit(dir, ['remote', 'set-url', 'origin', remote.url], local);
      // Pruned: a branch deleted or renamed on the remote must not live on here as origin/<old>.
      await runSafeGit(dir, ['fetch', '--prune', ...fetching, 'origin'], extra);
      // A fetch leaves origin/HEAD as the first clone saw it; ask the remote which branch is its default
      // now (renamed master → main, or moved), and check that out. An empty remote has none.
      await runSafeGit(dir, ['remote', 'set-head', 'origin', '--auto'], extra).catch(() => undefined);
      const branch = await remoteDefaultBranch(dir, local);
      // Local, and silent however many files it writes: not timed.
      if (branch) await runSafeGit(dir, ['checkout', '--quiet', '--force', '-B', branch, `refs/remotes/origin/${branch}`], local);
      // A server that does not say which branch is its default: the checked-out branch's, as fetched.
      else await runSafeGit(dir, ['reset', '--quiet', '--hard', '@{upstream}'], local).catch(() => undefined);
    } else {
      // Cloned beside its final place and renamed, so a failed clone leaves nothing half-made.
      const partial = `${dir}.cloning-${process.pid}`;
      await rm(partial, { recursive: true, force: true });
      try {
        await runSafeGit(clonesDir, ['clone', ...fetching, '--', remote.url, partial], extra);
        await rename(partial, dir);
      } finally {
        await rm(partial, { recursive: true, force: true });
      }
    }
    return { scanned: true };
  } catch (error) {
    return { scanned: existing, problem: `Could not ${existing ? 'fetch' : 'clone'} ${redact(remote.url)}: ${redact(failureOf(error))}` };
  }
}

/**
 * The remote's default branch as the last fetch left it (`refs/remotes/origin/HEAD`), when it names
 * a branch that was fetched; undefined for an empty remote or one that names none.
 */
async function remoteDefaultBranch(dir: string, options: SafeGitOptions): Promise<string | undefined> {
  const head = (await runSafeGit(dir, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], options).catch(() => '')).trim();
  const branch = /^refs\/remotes\/origin\/([^-\s][^\s]*)$/.exec(head)?.[1];
  if (!branch) return undefined;
  const fetched = await runSafeGit(dir, ['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}^{commit}`], options).then(
    () => true,
    () => false,
  );
  return fetched ? branch : undefined;
}

/** Why git failed, in a line: its `fatal:` or `error:` line rather than the progress printed before it. */
function failureOf(error: unknown): string {
  if (error instanceof GitStalled) return `no progress for ${error.ms / 1000} s, so it was stopped`;
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split(/[\r\n]+/).filter((line) => line.trim());
  return lines.findLast((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? 'git failed';
}

/**
 * Whether `url` is cloned partially (`--filter=blob:none`): over the network, where it saves
 * fetching every old version of every file. Not from a folder on this machine, which git serves
 * without the filter; from a shallow one, git's lazy fetching then fetches again without end, a
 * process each time (29,000 of them in a review). A local clone is cheap whole.
 */
export function clonesPartially(url: string): boolean {
  return /^(https?|ssh|git):\/\//i.test(url) || /^[^/\\]+@[^/:]+:/.test(url);
}

/** URLs may carry credentials (`https://token@host/…`): they never reach a problem, a page or a log. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z\d+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}
