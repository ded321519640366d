import { lstat, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import picomatch from 'picomatch';
import { runGit } from './git-pool.ts';
import type { CommitSummary, RepoHistory, RepoReader } from './reader.ts';

/** Reads larger than this are refused unless a retriever asks for more. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

const GITLINK_MODE = '160000';
const STAGED_ENTRY = /^(\d{6}) [0-9a-f]{40,64} \d\t/;

/** Commits read for HEAD and the activity window in one pass; busier windows take a second git log. */
const WINDOW_SCAN = 1000;
const FIELD = '\x1f';
const RECORD = '\x1e';

export interface OpenRepoOptions {
  /** Unique name of the repository within the portal. */
  name: string;
  /** The moment activity windows end at. */
  now: Date;
  /** Length of the activity window in days. */
  windowDays: number;
  /**
   * Also list untracked files that are not ignored: `cairn check` on a developer's working tree
   * should see the file they just created. Scans of published repositories read tracked files only.
   */
  untracked?: boolean;
}

/**
 * Opens a git work tree for confined, read-only access. One `git ls-files` lists what may be read;
 * every read resolves real paths and refuses anything that leaves the repository.
 * Rejects when `dir` is not a readable git work tree.
 */
export async function openRepo(dir: string, options: OpenRepoOptions): Promise<RepoReader> {
  const root = await realpath(dir);
  const git = (args: string[]) => runGit(root, args);
  const listing = await git(['ls-files', '--stage', '-z', ...(options.untracked ? ['--cached', '--others', '--exclude-standard'] : [])]);
  const files = new Set<string>();
  for (const entry of listing.split('\0')) {
    if (!entry) continue;
    // Index entries read `mode object stage<TAB>path`; untracked ones (with `--others`) are bare paths.
    const staged = STAGED_ENTRY.exec(entry);
    // Submodules are listed as gitlinks: their content belongs to another repository.
    if (staged?.[1] === GITLINK_MODE) continue;
    // A merge conflict lists a path once per stage; the set keeps it once.
    files.add(staged ? entry.slice(staged[0].length) : entry);
  }
  const sorted = [...files].sort();
  return new GitRepoReader(options, root, git, sorted);
}

class GitRepoReader implements RepoReader {
  readonly name: string;
  readonly #root: string;
  readonly #git: (args: string[]) => Promise<string>;
  readonly #files: readonly string[];
  readonly #tracked: Set<string>;
  readonly #options: OpenRepoOptions;
  readonly #folders = new Map<string, Promise<string | undefined>>();
  #history?: Promise<RepoHistory>;

  constructor(options: OpenRepoOptions, root: string, git: (args: string[]) => Promise<string>, files: string[]) {
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
    return (await this.#confined(path))?.size;
  }

  async readText(path: string, options: { maxBytes?: number } = {}): Promise<string | undefined> {
    const file = await this.#confined(path);
    if (!file || file.size > (options.maxBytes ?? DEFAULT_MAX_BYTES)) return undefined;
    const buffer = await readFile(file.real);
    // The latin1 hint keeps short legacy-encoded text from being mistaken for binary; NUL and control bytes still mark binary.
    if (await isBinaryFile(buffer, { encoding: 'latin1' })) return undefined;
    // Not every repository is UTF-8: replace what does not decode rather than fail.
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer).replace(/^\uFEFF/, '');
  }

  async readBytes(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array | undefined> {
    const file = await this.#confined(path);
    if (!file || file.size > (options.maxBytes ?? DEFAULT_MAX_BYTES)) return undefined;
    return new Uint8Array(await readFile(file.real));
  }

  history(): Promise<RepoHistory> {
    this.#history ??= this.#readHistory();
    return this.#history;
  }

  /**
   * The real path and size of a tracked regular file, or undefined when it is not tracked, is not a
   * regular file, or resolves outside the root. Folders are resolved once each; a file that is a
   * symlink is resolved itself.
   */
  async #confined(path: string): Promise<{ real: string; size: number } | undefined> {
    if (!this.#tracked.has(path)) return undefined;
    try {
      const slash = path.lastIndexOf('/');
      const folder = await this.#realFolder(slash === -1 ? '' : path.slice(0, slash));
      if (folder === undefined) return undefined;
      let real = join(folder, path.slice(slash + 1));
      let info = await lstat(real);
      if (info.isSymbolicLink()) {
        real = await realpath(real);
        // The target must itself be a tracked file: a symlink may not publish `.git/config` (remote
        // URLs with tokens) or an ignored `.env` that only exists in this work tree.
        const target = relative(this.#root, real).split(sep).join('/');
        if (!this.#inside(real) || !this.#tracked.has(target) || target === '.git' || target.startsWith('.git/')) return undefined;
        info = await lstat(real);
      }
      return info.isFile() ? { real, size: info.size } : undefined;
    } catch {
      return undefined; // Deleted from the work tree, or a dangling symlink.
    }
  }

  /** Real path of a folder of the work tree when it lies inside the root, cached per folder. */
  #realFolder(folder: string): Promise<string | undefined> {
    let cached = this.#folders.get(folder);
    if (!cached) {
      cached = realpath(join(this.#root, folder)).then(
        (real) => (this.#inside(real) ? real : undefined),
        () => undefined,
      );
      this.#folders.set(folder, cached);
    }
    return cached;
  }

  #inside(real: string): boolean {
    const inside = relative(this.#root, real);
    return !(inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside));
  }

  /**
   * HEAD, its branch and the window's commits from one `git log` of the newest commits: HEAD is its
   * first record (decorated `HEAD -> branch`), the window is filtered here. Only a repository with
   * more than WINDOW_SCAN commits inside the window needs a second `git log`, bounded by date.
   */
  async #readHistory(): Promise<RepoHistory> {
    const { now, windowDays } = this.#options;
    const since = new Date(now.getTime() - windowDays * 86_400_000);
    const format = `--format=${['%H', '%cI', '%an', '%ae', '%D'].join('%x1f')}%x1e`;
    const log = (args: string[]) => this.#git(['log', format, ...args, 'HEAD', '--']).then(parseLog, () => []);
    const inWindow = ({ commit }: { commit: CommitSummary }) => {
      const date = Date.parse(commit.date);
      return date >= since.getTime() && date <= now.getTime();
    };
    // origin/HEAD is a symbolic ref: no log decoration says which branch it names, so it is asked for beside the log.
    const [newest, defaultBranch] = await Promise.all([log([`--max-count=${WINDOW_SCAN}`]), this.#git(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).then(remoteBranchOf, () => undefined)]);
    const head = newest[0];
    const windowMayContinue = newest.length === WINDOW_SCAN && inWindow(newest.at(-1)!);
    const recent = windowMayContinue ? await log([`--since=${since.toISOString()}`, `--until=${now.toISOString()}`]) : newest.filter(inWindow);
    return {
      recent: recent.map(({ commit }) => commit),
      since: since.toISOString(),
      tags: newest.flatMap(({ commit, tags }) => tags.map((name) => ({ name, commit: commit.hash, date: commit.date }))),
      ...(head ? { head: head.commit } : {}),
      ...(head?.branch ? { branch: head.branch } : {}),
      ...(defaultBranch ? { defaultBranch } : {}),
    };
  }
}

/** `refs/remotes/origin/main` → `main`. */
function remoteBranchOf(output: string): string | undefined {
  return output.trim().match(/^refs\/remotes\/origin\/(.+)$/)?.[1];
}

/** Records of `git log` in the format above; `%D` tells the branch HEAD points at. */
function parseLog(output: string): Array<{ commit: CommitSummary; tags: string[]; branch?: string }> {
  return output
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', date = '', authorName = '', authorEmail = '', refs = ''] = record.split(FIELD);
      const branch = refs.match(/\bHEAD -> ([^,]+)/)?.[1];
      const tags = refs.split(', ').flatMap((ref) => (ref.startsWith('tag: ') ? [ref.slice(5)] : []));
      return { commit: { hash, date, authorName, authorEmail }, tags, ...(branch ? { branch } : {}) };
    });
}
