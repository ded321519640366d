import type { Problem } from '../problems.ts';

/** A repository a source found: where its work tree is and how to present it. */
export interface RepoHandle {
  /** Unique within the portal. */
  name: string;
  /** Absolute path of the git work tree. */
  dir: string;
  /** Which kind of source found it. */
  source: string;
  /** Web UI of the repository, when the source knows it. */
  webUrl?: string;
  /** Why the work tree may be behind the source (a fetch that failed), when it may. */
  stale?: string;
}

/** What listing a source yields: the repositories found and what went wrong on the way. */
export interface SourceListing {
  repos: RepoHandle[];
  problems: Problem[];
}
