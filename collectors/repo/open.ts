import { lstat, open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import picomatch from 'picomatch';
import type { SimpleGit } from 'simple-git';
import { safeGit } from './git.ts';
import type { CommitSummary, RepoHistory, RepoReader } from './reader.ts';

/** Reads larger than this are refused unless a retriever asks for more. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

const GITLINK_MODE = '160000';
const FIELD = '\x1f';
const RECORD = '\x1e';

export interface OpenRepoOptions {
  /** Unique name of the repository within the portal. */
  name: string;
  /** The moment activity windows end at. */
  now: Date;
  /** Length of the activity window in days. */
  windowDays: number;
}

/**
 * Opens a git work tree for confined, read-only access. One `git ls-files` lists what may be read;
 * every read resolves real paths and refuses anything that leaves the repository.
 * Rejects when `dir` is not a readable git work tree.
 */
export async function openRepo(dir: string, options: OpenRepoOptions): Promise<RepoReader> {
  const root = await realpath(dir);
  const git = safeGit(root);
  const listing = await git.raw(['ls-files', '--stage', '-z']);
  const files: string[] = [];
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    // Submodules are listed as gitlinks: their content belongs to another repository.
    if (tab === -1 || entry.startsWith(GITLINK_MODE)) continue;
    // Merge conflicts list a path once per stage.
    const path = entry.slice(tab + 1);
    if (files.at(-1) !== path) files.push(path);
  }
  files.sort();
  return new GitRepoReader(options, root, git, files);
}

class GitRepoReader implements RepoReader {
  readonly name: string;
  readonly #root: string;
  readonly #git: SimpleGit;
  readonly #files: readonly string[];
  readonly #tracked: Set<string>;
  readonly #options: OpenRepoOptions;
  #history?: Promise<RepoHistory>;

  constructor(options: OpenRepoOptions, root: string, git: SimpleGit, files: string[]) {
    this.name = options.name;
    this.#options = options;
    this.#root = root;
    this.#git = git;
    this.#files = files;
    this.#tracked = new Set(files);
  }

  files(): readonly string[] {
    return this.#files;
  }

  has(path: string): boolean {
    return this.#tracked.has(path);
  }

  glob(pattern: string | readonly string[]): string[] {
    const matches = picomatch(pattern as string | string[], { dot: true });
    return this.#files.filter((path) => matches(path));
  }

  async size(path: string): Promise<number | undefined> {
    const real = await this.#confined(path);
    if (!real) return undefined;
    return (await stat(real)).size;
  }

  async readText(path: string, options: { maxBytes?: number } = {}): Promise<string | undefined> {
    const real = await this.#confined(path);
    if (!real) return undefined;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const handle = await open(real, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return undefined;
      const buffer = Buffer.alloc(size);
      await handle.read(buffer, 0, size, 0);
      // The latin1 hint keeps short legacy-encoded text from being mistaken for binary; NUL and control bytes still mark binary.
      if (await isBinaryFile(buffer, { encoding: 'latin1' })) return undefined;
      // Not every repository is UTF-8: replace what does not decode rather than fail.
      return new TextDecoder('utf-8', { fatal: false }).decode(buffer).replace(/^\uFEFF/, '');
    } finally {
      await handle.close();
    }
  }

  history(): Promise<RepoHistory> {
    this.#history ??= this.#readHistory();
    return this.#history;
  }

  /** The real path of a tracked file, or undefined when it is not tracked or resolves outside the root. */
  async #confined(path: string): Promise<string | undefined> {
    if (!this.#tracked.has(path)) return undefined;
    try {
      const real = await realpath(join(this.#root, path));
      const inside = relative(this.#root, real);
      if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
      return (await lstat(real)).isFile() ? real : undefined;
    } catch {
      return undefined; // Deleted from the work tree, or a dangling symlink.
    }
  }

  /**
   * HEAD, its branch and the window's commits. One `git log` serves all three when HEAD is in the
   * window (it is then the first record, decorated `HEAD -> branch`); a second reads HEAD otherwise.
   */
  async #readHistory(): Promise<RepoHistory> {
    const { now, windowDays } = this.#options;
    const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
    const format = `--format=${['%H', '%cI', '%an', '%ae', '%D'].join('%x1f')}%x1e`;
    const log = (args: string[]) => this.#git.raw(['log', format, ...args, 'HEAD', '--']).then(parseLog, () => []);
    const recent = await log([`--since=${since}`, `--until=${now.toISOString()}`]);
    const head = recent[0]?.isHead ? recent[0] : (await log(['-1']))[0];
    return {
      recent: recent.map(({ commit }) => commit),
      since,
      ...(head ? { head: head.commit } : {}),
      ...(head?.branch ? { branch: head.branch } : {}),
    };
  }
}

/** Records of `git log` in the format above; `%D` tells the branch HEAD points at. */
function parseLog(output: string): Array<{ commit: CommitSummary; isHead: boolean; branch?: string }> {
  return output
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', date = '', authorName = '', authorEmail = '', refs = ''] = record.split(FIELD);
      const branch = refs.match(/\bHEAD -> ([^,]+)/)?.[1];
      const isHead = /(^|, )HEAD($|,| ->)/.test(refs);
      return { commit: { hash, date, authorName, authorEmail }, isHead, ...(branch ? { branch } : {}) };
    });
}
