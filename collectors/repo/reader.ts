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
   * Reads a tracked file as text. Returns `undefined` when the file is not tracked, is a symlink
   * leaving the repository, is binary or is larger than `maxBytes` (default 1 MiB). Invalid UTF-8 is
   * replaced, not rejected.
   */
  readText(path: string, options?: { maxBytes?: number }): Promise<string | undefined>;
  /** Reads a tracked file's bytes (images), confined and capped like `readText`, binary or not. */
  readBytes(path: string, options?: { maxBytes?: number }): Promise<Uint8Array | undefined>;
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
  /** Commits reachable from HEAD in the activity window, newest first. */
  recent: readonly CommitSummary[];
  /** Start of the activity window, ISO 8601. */
  since: string;
  /** Tags on the newest commits (up to the scan limit), newest first, with their commit's date. */
  tags: ReadonlyArray<{ name: string; commit: string; date: string }>;
}
