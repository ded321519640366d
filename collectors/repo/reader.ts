/**
 * The contract of confined, read-only access to one repository's work tree. Only the repo reader
 * implementation touches the disk or git; fact retrievers receive this interface.
 */
export interface RepoReader {
  /** Repository name, unique within the portal. */
  readonly name: string;
  /** Tracked files (`git ls-files`), as POSIX paths relative to the root, sorted. */
  files(): readonly string[];
  /** Whether `path` is a tracked file. */
  has(path: string): boolean;
  /** Tracked files matching a glob (picomatch syntax, `dot: true`), sorted. */
  glob(pattern: string | readonly string[]): string[];
  /**
   * Reads a tracked file as text. Returns `undefined` whenever `read` would refuse it (see there):
   * callers that tell the user why call `read` instead.
   */
  readText(path: string, options?: { maxBytes?: number }): Promise<string | undefined>;
  /**
   * Reads a tracked file as text, or says precisely why not. Text is decoded once, here, for every
   * fact: UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or recognised by its NULs), and Windows-1252 when
   * the bytes are not UTF-8. Files over `maxBytes` (default 1 MiB) are refused, or with `truncate`
   * read up to the cap and marked `truncated`.
   */
  read(path: string, options?: { maxBytes?: number; truncate?: boolean }): Promise<TextRead>;
  /** Whether a tracked file could be read (a regular file inside the repository), with its size, or why not. */
  inspect(path: string): Promise<{ ok: true; size: number } | ({ ok: false } & FileRefusal)>;
  /** Reads a tracked file's bytes (images), confined and capped like `readText`, binary or not. */
  readBytes(path: string, options?: { maxBytes?: number }): Promise<Uint8Array | undefined>;
  /**
   * Tracked files left out of `files()` because their name is not valid UTF-8, as git quotes them
   * (`"caf\351.txt"`): their name cannot be shown or linked faithfully.
   */
  unlisted(): readonly string[];
  /** How many tracked files the files cap (portal.yaml `limits.files`) left out of `files()`: the last ones by path. */
  leftOut(): number;
  /** Tracked paths that are symbolic links (git mode 120000), sorted: reads through them are confined like any other. */
  symlinks(): readonly string[];
  /** Size in bytes of a tracked file inside the repository, or `undefined`. */
  size(path: string): Promise<number | undefined>;
  /** Facts about HEAD and recent history, read with as few git processes as possible. */
  history(): Promise<RepoHistory>;
}

export interface CommitSummary {
  hash: string;
  /** Committer date, ISO 8601. */
  date: string;
  authorName: string;
  authorEmail: string;
}

export interface RepoHistory {
  /** The commit HEAD points at; undefined for a repository without commits. */
  head?: CommitSummary;
  /** The checked-out branch (undefined on a detached HEAD). */
  branch?: string;
  /**
   * The remote's default branch, as the clone recorded it (`refs/remotes/origin/HEAD`, which
   * `git clone` sets and Cairn's git source refreshes); undefined when the clone does not know it.
   */
  defaultBranch?: string;
  /**
   * What git could not read of the history (missing objects in a damaged or shallow clone), in
   * git's words; what could be read is still given. Undefined when the history read cleanly.
   */
  error?: string;
  /** A shallow clone with fewer commits than Cairn reads: commits and tags older than these are not there. */
  shallow?: { commits: number };
  /** Commits reachable from HEAD in the activity window, newest first. */
  recent: readonly CommitSummary[];
  /** Start of the activity window, ISO 8601. */
  since: string;
  /** Tags on the newest commits (up to the scan limit), newest first, with their commit's date. */
  tags: ReadonlyArray<{ name: string; commit: string; date: string }>;
}

/** The reader the collector holds: the retrievers' view, and a way to stop it when the repository runs out of time. */
export interface OpenedRepo extends RepoReader {
  /** Refuses every later read and git command: the repository reached its time cap of `seconds`. */
  stop(seconds: number): void;
}

/** Why the reader refuses a file. */
export type FileRefusal =
  | { reason: 'not-tracked' }
  | { reason: 'binary' }
  /** A Git LFS pointer in place of the file, which is stored in LFS. */
  | { reason: 'lfs' }
  | { reason: 'too-large'; size: number; maxBytes: number }
  /** A symlink (of the file or a folder on its path) to something outside the repository's tracked files, or into `.git`. */
  | { reason: 'symlink-outside' }
  /** A folder, FIFO, socket or device where git tracks a file. */
  | { reason: 'not-a-file' }
  | { reason: 'encoding'; encoding: string }
  | { reason: 'unreadable'; detail: string }
  /** A cap of the collection was reached: bytes one fact may read, or the repository's time. */
  | { reason: 'limit'; limit: 'bytes' | 'seconds'; cap: number };

/** A text read: the text, its encoding and size, or the refusal. */
export type TextRead =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; size: number; truncated: boolean }
  | ({ ok: false } & FileRefusal);

/** `1048576` → `1 MiB`; sizes that are not whole MiB or KiB stay in bytes. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Whether the `files` fact already reports this refusal, once per file: a symbolic link leaving the
 * repository. A fact that wanted the file then reports nothing more, so one link is one warning.
 */
export function reportedByFiles(refusal: FileRefusal): boolean {
  return refusal.reason === 'symlink-outside';
}

/**
 * One sentence saying why `path` was not read, for problems: e.g. `README.md is 10485760 bytes,
 * over the cap of 1 MiB.`
 */
export function describeRefusal(path: string, refusal: FileRefusal): string {
  switch (refusal.reason) {
    case 'not-tracked':
      return `${path} is not a tracked file.`;
    case 'binary':
      return `${path} is binary; expected text.`;
    case 'lfs':
      return `${path} is stored in Git LFS: the repository holds only a pointer to it, and Cairn does not fetch LFS objects.`;
    case 'too-large':
      return `${path} is ${refusal.size} bytes, over the cap of ${formatBytes(refusal.maxBytes)}.`;
    case 'symlink-outside':
      return `${path} is a symlink leaving the repository (or to a file git does not track); Cairn does not follow it.`;
    case 'not-a-file':
      return `${path} is not a regular file (a folder, FIFO or device in the work tree).`;
    case 'encoding':
      return `${path} is encoded as ${refusal.encoding}, which Cairn does not decode; save it as UTF-8.`;
    case 'unreadable':
      return `${path} could not be read (${refusal.detail}).`;
    case 'limit':
      return refusal.limit === 'bytes'
        ? `${path} was not read: the fact reading it reached its cap of ${formatBytes(refusal.cap)} read from one repository (limits.megabytes in portal.yaml).`
        : `${path} was not read: the repository reached its cap of ${refusal.cap} s of collection (limits.seconds in portal.yaml).`;
  }
}

/**
 * The history, for the facts made of it; throws when git could read none of it, not even HEAD (a
 * damaged repository): those facts are then unknown, and their checks cannot pass or fail on them,
 * instead of judging a repository "without commits".
 */
export async function readableHistory(repo: { history(): Promise<RepoHistory> }): Promise<RepoHistory> {
  const history = await repo.history();
  if (history.error !== undefined && !history.head) throw new Error(`git could not read the repository's history: ${history.error}`);
  return history;
}
