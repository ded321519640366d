import { FORGES } from '../support/source-links.ts';
import { z } from 'zod';
import type { Problem } from '../contract/problems.ts';
import type { RepoSnapshot } from '../contract/snapshot.ts';

/** A repository a source found: how to present it (the start of its record) and where its work tree is. */
export type RepoHandle = Pick<RepoSnapshot, 'name' | 'source' | 'webUrl' | 'forge' | 'stale'> & {
  /** Absolute path of the git work tree. */
  dir: string;
};

/** Which repository names a run reads (a shard's share); the others are not even cloned. */
export type RepoSelection = (name: string) => boolean;

export const EVERY_REPO: RepoSelection = () => true;

/** A repository that could be neither fetched nor found in an earlier clone. */
export const unreachableRepoSchema = z.object({
  name: z.string(),
  source: z.string(),
  webUrl: z.string().optional(),
  forge: z.enum(FORGES).optional(),
  /** What failed, e.g. `could not clone https://…` (credentials redacted). */
  reason: z.string(),
});

/** What a run could not reach: an earlier snapshot's data may stand in for it. */
export const unreachableSchema = z.object({
  /** Repositories with nothing to scan: not fetched, and never cloned before. */
  repos: z.array(unreachableRepoSchema),
  /** Sources that could not list their repositories at all, by kind (`github`), and what failed. */
  sources: z.array(z.object({ source: z.string(), reason: z.string() })),
});

export type UnreachableRepo = z.infer<typeof unreachableRepoSchema>;
export type Unreachable = z.infer<typeof unreachableSchema>;

/** What listing a source yields: the repositories found and what went wrong on the way. */
export interface SourceListing {
  repos: RepoHandle[];
  problems: Problem[];
  /** What could not be reached: an earlier snapshot's data may stand in for it. */
  unreachable?: Unreachable;
  /** Entities the forge holds outside any repository (a GitHub organisation's teams and members). */
  entities?: ForgeEntity[];
}

/** An entity read from the forge: `file` is where it was read (`orgs/acme/teams/payments`), `url` its page. */
export const forgeEntitySchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  url: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

export type ForgeEntity = z.infer<typeof forgeEntitySchema>;

export const NOTHING_UNREACHABLE: Unreachable = { repos: [], sources: [] };
