import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { GitSource } from '../config.ts';
import { safeGit } from '../safe-git.ts';
import { isGitWorkTree } from './directory.ts';
import type { SourceListing } from './source.ts';

/**
 * Protocols a configured URL may use. The repositories' own submodules are never fetched, so only
 * the URLs of portal.yaml reach the network.
 */
const FETCH_CONFIG = ['protocol.https.allow=always', 'protocol.http.allow=always', 'protocol.ssh.allow=always', 'protocol.git.allow=always', 'protocol.file.allow=always', 'submodule.recurse=false'];

/** A repository's name from its clone URL: the last path part, without `.git`. */
export function repoNameOf(url: string): string | undefined {
  // The path of a URL (`https://host/org/repo.git`), of scp-like syntax (`git@host:org/repo.git`), or a local path.
  const path = /^[a-z][a-z\d+.-]*:\/\//i.test(url) ? safePathname(url) : /^[^/\\]+@[^/:]+:/.test(url) ? url.slice(url.indexOf(':') + 1) : url;
  const name = path?.replace(/[/\\]+$/, '').split(/[/\\]/).at(-1)?.replace(/\.git$/, '');
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
 * Clones each URL into the clones folder (partially: every commit, for the activity facts, but
 * file contents only for the checked-out commit), or fetches and resets an earlier clone. A remote
 * that cannot be reached is a problem; an earlier clone of it is still scanned, marked stale.
 */
export async function listGitSource(source: GitSource, baseDir: string): Promise<SourceListing> {
  const clonesDir = source.clones ? resolve(baseDir, source.clones) : resolve('.cache', 'clones');
  await mkdir(clonesDir, { recursive: true });
  const listing: SourceListing = { repos: [], problems: [] };
  const limit = pLimit(4);
  const outcomes = await Promise.all(source.repos.map((url) => limit(() => syncClone(url, clonesDir))));
  for (const [index, outcome] of outcomes.entries()) {
    const url = source.repos[index]!;
    if (outcome.problem) listing.problems.push({ severity: 'error', ...(outcome.name ? { repo: outcome.name } : {}), message: outcome.problem });
    if (!outcome.name || !outcome.dir) continue;
    listing.repos.push({
      name: outcome.name,
      dir: outcome.dir,
      source: 'git',
      ...(source.webUrl ? { webUrl: source.webUrl.replaceAll('{name}', outcome.name) } : {}),
      ...(outcome.problem ? { stale: `could not fetch ${redact(url)}; the data is from an earlier clone` } : {}),
    });
  }
  return listing;
}

interface CloneOutcome {
  name?: string;
  /** The work tree to scan, when there is one (fresh, or an earlier clone). */
  dir?: string;
  problem?: string;
}

async function syncClone(url: string, clonesDir: string): Promise<CloneOutcome> {
  const name = repoNameOf(url);
  if (!name) return { problem: `Cannot tell a repository name from "${redact(url)}"; expected a URL ending in the repository's name.` };
  const dir = join(clonesDir, name);
  const existing = await isGitWorkTree(dir);
  try {
    if (existing) {
      const git = safeGit(dir, FETCH_CONFIG);
      await git.raw(['fetch', '--quiet', '--filter=blob:none', '--no-recurse-submodules', 'origin']);
      await git.raw(['reset', '--quiet', '--hard', '@{upstream}']);
    } else {
      // Cloned beside its final place and renamed, so a failed clone leaves nothing half-made.
      const partial = `${dir}.cloning-${process.pid}`;
      await rm(partial, { recursive: true, force: true });
      try {
        await safeGit(clonesDir, FETCH_CONFIG).raw(['clone', '--quiet', '--filter=blob:none', '--no-recurse-submodules', url, partial]);
        await rename(partial, dir);
      } finally {
        await rm(partial, { recursive: true, force: true });
      }
    }
    return { name, dir };
  } catch (error) {
    const reason = redact((error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim()) ?? 'git failed');
    return { name, ...(existing ? { dir } : {}), problem: `Could not ${existing ? 'fetch' : 'clone'} ${redact(url)}: ${reason}` };
  }
}

/** URLs may carry credentials (`https://token@host/…`): they never reach a problem, a page or a log. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z\d+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}
