import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { runGit } from './git-pool.ts';
import { isShallowClone, readGitConfig, readSymbolicRefFromFiles } from './head-ref.ts';
import type { CommitSummary, FileRefusal, OpenedRepo, RepoHistory, TextRead } from './reader.ts';
import { globMatcher } from '../support/globs.ts';
import { readIndexListing } from './git-index.ts';
import { isLfsPointer } from './lfs.ts';
import { blobBytes, blobSizes } from './blob.ts';
import { decodeText, unquoteGitPath } from './text.ts';

/** Reads larger than this are refused unless a retriever asks for more. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

const GITLINK_MODE = '160000';
const SYMLINK_MODE = '120000';
const STAGED_ENTRY = /^(\d{6}) ([0-9a-f]{40,64}) \d\t/;
/** Why a tracked file could not be read from the work tree: it is not there. */
const MISSING = 'missing from the work tree';
/** Regular files, plain and executable: what may be read from git's objects when the work tree lacks it. */
const FILE_MODES = new Set(['100644', '100755']);

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
  /** Tracked files listed at most (portal.yaml `limits.files`); the first ones by path are kept. */
  maxFiles?: number;
}

/**
 * Opens a git work tree for confined, read-only access. Git's index, read as `git ls-files` reads
 * it (by git itself where this reader cannot), lists what may be read; every read resolves real
 * paths and refuses anything that leaves the repository.
 * Rejects when `dir` is not a readable git work tree.
 */
export async function openRepo(dir: string, options: OpenRepoOptions): Promise<OpenedRepo> {
  const root = await realpath(dir);
  const git = (args: string[], config?: string[]) => runGit(root, args, config ? { config } : {});
  // Not `-z`: the runner hands back text, and raw bytes of a name that is not UTF-8 would come back
  // replaced. Quoted (`core.quotePath`, whatever the repository sets), every name arrives as ASCII
  // escapes that decode to its exact bytes.
  const [listing, deleted] = await Promise.all([
    options.untracked
      ? git(['ls-files', '--stage', '--cached', '--others', '--exclude-standard'], ['core.quotePath=true'])
      : // Tracked files alone are in git's index, read without starting git where this reader can.
        (readIndexListing(root) ?? git(['ls-files', '--stage'], ['core.quotePath=true'])),
    // A working tree's view: a tracked file the developer deleted is gone (the index still lists it).
    options.untracked ? git(['ls-files', '--deleted'], ['core.quotePath=true']) : Promise.resolve(''),
  ]);
  const gone = new Set(deleted.split('\n').filter(Boolean));
  const files = new Set<string>();
  const unlisted = new Set<string>();
  const symlinks = new Set<string>();
  /** Each regular file's object, for one the work tree lacks. */
  const objects = new Map<string, string>();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const entry of listing.split('\n')) {
    if (!entry) continue;
    // Index entries read `mode object stage<TAB>path`; untracked ones (with `--others`) are bare paths.
    const staged = STAGED_ENTRY.exec(entry);
    // Submodules are listed as gitlinks: their content belongs to another repository.
    if (staged?.[1] === GITLINK_MODE) continue;
    const quoted = staged ? entry.slice(staged[0].length) : entry;
    let path = quoted;
    // Only a name with unusual bytes is quoted; most need no decoding.
    if (quoted.startsWith('"')) {
      try {
        path = utf8.decode(unquoteGitPath(quoted));
      } catch {
        unlisted.add(quoted);
        continue;
      }
    }
    if (gone.has(quoted)) continue;
    // A merge conflict lists a path once per stage; the set keeps it once.
    files.add(path);
    if (staged && FILE_MODES.has(staged[1]!)) objects.set(path, staged[2]!);
    if (staged?.[1] === SYMLINK_MODE) symlinks.add(path);
  }
  const sorted = [...files].sort();
  const kept = options.maxFiles !== undefined && sorted.length > options.maxFiles ? sorted.slice(0, options.maxFiles) : sorted;
  return new GitRepoReader(options, root, git, kept, [...unlisted].sort(), [...symlinks].sort(), sorted.length - kept.length, objects);
}

/** A file that may be read: from the work tree (`real`), or from git's objects when the work tree lacks it (`object`). */
type Confined =
  | ({ ok: true; size: number } & ({ real: string; object?: undefined } | { object: string; real?: undefined }))
  | ({ ok: false } & FileRefusal);

class GitRepoReader implements OpenedRepo {
  readonly name: string;
  readonly #root: string;
  readonly #git: (args: string[]) => Promise<string>;
  readonly #files: readonly string[];
  readonly #unlisted: readonly string[];
  readonly #symlinks: readonly string[];
  readonly #leftOut: number;
  readonly #tracked: Set<string>;
  readonly #options: OpenRepoOptions;
  readonly #folders = new Map<string, string | FileRefusal>();
  readonly #lookedUp = new Map<string, Promise<Confined>>();
  readonly #objects: ReadonlyMap<string, string>;
  /** The sizes of the files' objects, asked of git once, when the work tree first lacks a file. */
  #objectSizes?: Promise<Map<string, number>>;
  #history?: Promise<RepoHistory>;
  /** The time cap, once the repository has reached it. */
  #stoppedAt?: number;

  constructor(
    options: OpenRepoOptions,
    root: string,
    git: (args: string[]) => Promise<string>,
    files: string[],
    unlisted: string[],
    symlinks: string[],
    leftOut: number,
    objects: ReadonlyMap<string, string>,
  ) {
    this.name = options.name;
    this.#objects = objects;
    this.#leftOut = leftOut;
    this.#options = options;
    this.#root = root;
    this.#git = (args) =>
      this.#stoppedAt === undefined
        ? git(args)
        : Promise.reject(new Error(`the repository reached its cap of ${this.#stoppedAt} s of collection`));
    this.#files = files;
    this.#unlisted = unlisted;
    this.#tracked = new Set(files);
    // Links among the files the files cap left out are left out with them.
    this.#symlinks = symlinks.filter((path) => this.#tracked.has(path));
  }

  files(): readonly string[] {
    return this.#files;
  }

  has(path: string): boolean {
    return this.#tracked.has(path);
  }

  glob(pattern: string | readonly string[]): string[] {
    const matches = globMatcher(typeof pattern === 'string' ? [pattern] : pattern);
    return this.#files.filter((path) => matches(path));
  }

  unlisted(): readonly string[] {
    return this.#unlisted;
  }

  symlinks(): readonly string[] {
    return this.#symlinks;
  }

  leftOut(): number {
    return this.#leftOut;
  }

  async size(path: string): Promise<number | undefined> {
    const file = await this.#confined(path);
    return file.ok ? file.size : undefined;
  }

  async inspect(path: string): Promise<{ ok: true; size: number } | ({ ok: false } & FileRefusal)> {
    const file = await this.#confined(path);
    return file.ok ? { ok: true, size: file.size } : file;
  }

  async readText(path: string, options: { maxBytes?: number } = {}): Promise<string | undefined> {
    const read = await this.read(path, options);
    return read.ok ? read.text : undefined;
  }

  async read(path: string, options: { maxBytes?: number; truncate?: boolean } = {}): Promise<TextRead> {
    const file = await this.#confined(path);
    if (!file.ok) return file;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const over = file.size > maxBytes;
    if (over && !options.truncate) return { ok: false, reason: 'too-large', size: file.size, maxBytes };
    let bytes: Uint8Array;
    try {
      bytes = await this.#bytesOf(file, over ? maxBytes : file.size);
    } catch (error) {
      return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    if (!over && isLfsPointer(bytes)) return { ok: false, reason: 'lfs' };
    const decoded = decodeText(bytes, !over);
    if ('binary' in decoded) return { ok: false, reason: 'binary' };
    if ('encodedAs' in decoded) return { ok: false, reason: 'encoding', encoding: decoded.encodedAs };
    return { ok: true, text: decoded.text, encoding: decoded.encoding, size: file.size, truncated: over };
  }

  async readBytes(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array | undefined> {
    const file = await this.#confined(path);
    if (!file.ok || file.size > (options.maxBytes ?? DEFAULT_MAX_BYTES)) return undefined;
    return this.#bytesOf(file, file.size).catch(() => undefined);
  }

  /** The first `count` bytes of a file that may be read, from the work tree or from git's objects. */
  async #bytesOf(file: Extract<Confined, { ok: true }>, count: number): Promise<Uint8Array> {
    return file.real !== undefined ? readFirst(file.real, count) : blobBytes(this.#root, file.object, count);
  }

  stop(seconds: number): void {
    this.#stoppedAt = seconds;
  }

  history(): Promise<RepoHistory> {
    this.#history ??= this.#readHistory();
    return this.#history;
  }

  /**
   * Files are looked up and read synchronously: they are small and local (reads are capped), and
   * each asynchronous call costs several hops through libuv's thread pool, which in a large
   * organisation took more CPU than the facts themselves. Every CPU has a thread reading anyway.
   *
   * The real path and size of a tracked regular file, or why it may not be read: not tracked, not a
   * regular file, or resolving outside the root. Folders are resolved once each; a file that is a
   * symlink is resolved itself.
   */
  async #confined(path: string): Promise<Confined> {
    if (this.#stoppedAt !== undefined) return { ok: false, reason: 'limit', limit: 'seconds', cap: this.#stoppedAt };
    if (!this.#tracked.has(path)) return { ok: false, reason: 'not-tracked' };
    // Several facts look at every file (languages, large files): the work tree does not change
    // while it is read, so each file is looked up once.
    let confined = this.#lookedUp.get(path);
    if (!confined) this.#lookedUp.set(path, (confined = this.#confine(path)));
    return confined;
  }

  async #confine(path: string): Promise<Confined> {
    const confined = this.#confineInWorkTree(path);
    if (confined.ok || confined.reason !== 'unreadable' || confined.detail !== MISSING) return confined;
    // Tracked but not in the work tree: a sparse checkout leaves it out, or it was deleted without
    // a commit. Git's copy is what the repository holds, as a clone would show it.
    const object = this.#objects.get(path);
    // Asked once, when the work tree first lacks a file; never of a partial clone, whose missing objects git would fetch one by one.
    this.#objectSizes ??= isPartialClone(this.#root)
      ? Promise.resolve(new Map<string, number>())
      : blobSizes(this.#root, this.#objects.values()).catch(() => new Map<string, number>());
    const size = object === undefined ? undefined : (await this.#objectSizes).get(object);
    return size === undefined ? confined : { ok: true, object: object!, size };
  }

  #confineInWorkTree(path: string): Confined {
    const slash = path.lastIndexOf('/');
    const folder = this.#realFolder(slash === -1 ? '' : path.slice(0, slash));
    if (typeof folder !== 'string') return { ok: false, ...folder };
    let real = join(folder, path.slice(slash + 1));
    try {
      let info = lstatSync(real);
      if (info.isSymbolicLink()) {
        try {
          real = realpathSync.native(real);
        } catch {
          return { ok: false, reason: 'unreadable', detail: 'a symlink to nothing' };
        }
        // The target must itself be a tracked file: a symlink may not publish `.git/config` (remote
        // URLs with tokens) or an ignored `.env` that only exists in this work tree.
        const target = relative(this.#root, real).split(sep).join('/');
        if (!this.#inside(real) || target === '.git' || target.startsWith('.git/')) return { ok: false, reason: 'symlink-outside' };
        info = lstatSync(real);
        // A link to one of the repository's folders is no file to read, and leads nowhere outside.
        if (!this.#tracked.has(target))
          return info.isDirectory() ? { ok: false, reason: 'not-a-file' } : { ok: false, reason: 'symlink-outside' };
      }
      return info.isFile() ? { ok: true, real, size: info.size } : { ok: false, reason: 'not-a-file' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: 'unreadable', detail: code === 'ENOENT' ? MISSING : (code ?? String(error)) };
    }
  }

  /** Real path of a folder of the work tree when it lies inside the root, or why not; cached per folder. */
  #realFolder(folder: string): string | FileRefusal {
    let cached = this.#folders.get(folder);
    if (!cached) {
      try {
        const real = realpathSync.native(join(this.#root, folder));
        cached = this.#inside(real) ? real : { reason: 'symlink-outside' };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        cached = { reason: 'unreadable', detail: code === 'ENOENT' ? MISSING : (code ?? String(error)) };
      }
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
    // From the start of a day (UTC): the fact cache keeps the activity for the day, so every run that day reads the same window.
    const since = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - windowDays * 86_400_000);
    const format = `--format=${['%H', '%cI', '%an', '%ae', '%D'].join('%x1f')}%x1e`;
    let failure: string | undefined;
    const log = (args: string[]) =>
      this.#git(['log', format, ...args, 'HEAD', '--']).then(parseLog, (error: unknown) => {
        failure ??= gitMessage(error);
        return [];
      });
    const inWindow = ({ commit }: { commit: CommitSummary }) => {
      const date = Date.parse(commit.date);
      return date >= since.getTime() && date <= now.getTime();
    };
    // origin/HEAD is a symbolic ref: no log decoration says which branch it names. Its file says, and
    // only where the file cannot is git asked, beside the log.
    const originHead = readSymbolicRefFromFiles(this.#root, 'refs/remotes/origin/HEAD');
    const [firstRead, defaultBranch] = await Promise.all([
      log([`--max-count=${WINDOW_SCAN}`]),
      originHead === undefined
        ? this.#git(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).then(remoteBranchOf, () => undefined)
        : remoteBranchOf(originHead ?? ''),
    ]);
    let newest = firstRead;
    if (failure !== undefined) {
      // A repository without commits has no HEAD to resolve: nothing is wrong. Otherwise the history
      // is damaged (a missing parent stops `git log` at once): HEAD alone, without its parents, may still read.
      // (simple-git resolves a failing command that prints nothing, so the answer is read, not the exit code.)
      // A git that cannot read the repository at all (a damaged HEAD: "not a git repository") fails
      // aloud, and the failure stands: such a repository is unreadable, not new.
      const head = await this.#git(['rev-parse', '--verify', '--quiet', 'HEAD']).then(
        (out) => (/^[0-9a-f]{40,64}$/.test(out.trim()) ? 'born' : 'unborn'),
        () => 'unreadable',
      );
      if (head === 'unborn') failure = undefined;
      else if (head === 'born') newest = await this.#git(['log', '--no-walk', format, 'HEAD', '--']).then(parseLog, () => []);
    }
    const head = newest[0];
    const windowMayContinue = newest.length === WINDOW_SCAN && inWindow(newest.at(-1)!);
    const recent = windowMayContinue
      ? await log([`--since=${since.toISOString()}`, `--until=${now.toISOString()}`])
      : newest.filter(inWindow);
    return {
      recent: recent.map(({ commit }) => commit),
      since: since.toISOString(),
      tags: newest.flatMap(({ commit, tags }) => tags.map((name) => ({ name, commit: commit.hash, date: commit.date }))),
      ...(head ? { head: head.commit } : {}),
      ...(head?.branch ? { branch: head.branch } : {}),
      ...(defaultBranch ? { defaultBranch } : {}),
      ...(failure !== undefined ? { error: failure } : {}),
      // A shallow clone whose history ends before the commits Cairn reads for it.
      ...(failure === undefined && newest.length < WINDOW_SCAN && isShallowClone(this.#root)
        ? { shallow: { commits: newest.length } }
        : {}),
    };
  }
}

/** Git's message on one line (its `error:` and `fatal:` lines joined), bounded. */
function gitMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ')
    .slice(0, 500);
}

/**
 * The first `count` bytes of a file, or all of it when `count` is its size (just looked up): one
 * open and one read, where reading a file whole would ask its size again and read once more to
 * find its end.
 */
function readFirst(real: string, count: number): Uint8Array {
  const fd = openSync(real, 'r');
  try {
    const buffer = new Uint8Array(count);
    let filled = 0;
    for (let read = -1; filled < count && read !== 0; filled += read) read = readSync(fd, buffer, filled, count - filled, filled);
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Whether git may fetch the repository's missing objects from a promisor remote (a `--filter` clone). */
function isPartialClone(root: string): boolean {
  const config = readGitConfig(root);
  // Unread, or naming a promisor: taken as partial, so nothing is asked of git that it would fetch.
  return config === undefined || /^\s*(partialclone|promisor)\s*=/im.test(config);
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
