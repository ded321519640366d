import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../config/config-error.ts';
import { problemSchema } from '../contract/problems.ts';
import { repoSchema, SNAPSHOT_SCHEMA_VERSION } from '../contract/snapshot.ts';
import { forgeEntitySchema, unreachableSchema } from '../sources/source.ts';
import { compareCodeUnits } from '../support/order.ts';

/** Shard `index` of `count` (1-based), from `--shard i/n`. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/4`: which 1/n of the repositories this run collects. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new ConfigError(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4.`);
  return { index, count };
}

/**
 * Whether repository `name` belongs to `shard`: FNV-1a of the name, modulo the shard count. It
 * depends on the name alone, so every machine of a CI matrix splits the organisation the same way,
 * and a repository stays in its shard as others come and go.
 */
export function inShard(name: string, shard: Shard): boolean {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (hash % shard.count) + 1 === shard.index;
}

/** The `listing` digest of the repository names the sources listed. */
export function listingDigest(names: Iterable<string>): string {
  return createHash('sha256')
    .update([...new Set(names)].sort(compareCodeUnits).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * What `cairn collect --shard i/n` writes: its repositories' facts, before catalog and scorecards,
 * which need the whole organisation and are computed by `cairn merge`.
 */
export const partialSnapshotSchema = z.object({
  kind: z.literal('cairn-partial-snapshot'),
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  generatedAt: z.iso.datetime(),
  /**
   * A digest of every repository name the sources listed, before the split: the shards of one run
   * agree on it, and a shard of another listing (another glob, another day's organisation) does not.
   */
  listing: z.string().optional(),
  /** Its repositories as collected, every fact included (checks need the unpublished ones too). */
  repos: z.array(repoSchema),
  /** Its repositories that could not be fetched (nor found in an earlier clone), and sources that could not be listed. */
  unreachable: unreachableSchema,
  /** Problems met listing the sources (the same in every shard). */
  problems: z.array(problemSchema),
  /** Entities the sources read from the forge (the same in every shard). */
  entities: z.array(forgeEntitySchema).default([]),
});

export type PartialSnapshot = z.infer<typeof partialSnapshotSchema>;

/**
 * The repositories and listing problems of a complete set of shards. Every shard of one count must
 * be there exactly once; a repository in two shards means they were not made from one listing.
 */
export function combineShards(
  partials: ReadonlyArray<{ file: string; partial: PartialSnapshot }>,
): Pick<PartialSnapshot, 'repos' | 'unreachable' | 'problems' | 'entities'> {
  if (partials.length === 0) throw new ConfigError('cairn merge: no partial snapshots given.');
  const count = partials[0]!.partial.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, partial } of partials) {
    if (partial.shard.count !== count)
      throw new ConfigError(`${file}: shard ${partial.shard.index}/${partial.shard.count}, but ${partials[0]!.file} is one of ${count}.`);
    const other = byIndex.get(partial.shard.index);
    if (other) throw new ConfigError(`${file}: shard ${partial.shard.index}/${count} is also in ${other}.`);
    byIndex.set(partial.shard.index, file);
  }
  const listed = partials.filter(({ partial }) => partial.listing !== undefined);
  const odd = listed.find(({ partial }) => partial.listing !== listed[0]!.partial.listing);
  if (odd)
    throw new ConfigError(
      `cairn merge: ${odd.file} and ${listed[0]!.file} split different listings of the repositories; collect every shard from the same configuration, in one run.`,
    );
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length)
    throw new ConfigError(
      `cairn merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing.`,
    );

  const repos = partials.flatMap(({ partial }) => partial.repos);
  const names = new Set<string>();
  for (const repo of repos) {
    if (names.has(repo.name))
      throw new ConfigError(`cairn merge: repository "${repo.name}" is in two shards; collect every shard from the same configuration.`);
    names.add(repo.name);
  }
  // Every shard lists every source, so each reports the same listing problems: keep one of each.
  const problems = [
    ...new Map(partials.flatMap(({ partial }) => partial.problems).map((problem) => [JSON.stringify(problem), problem])).values(),
  ];
  const unreachable = {
    repos: partials.flatMap(({ partial }) => partial.unreachable.repos),
    sources: [
      ...new Map(partials.flatMap(({ partial }) => partial.unreachable.sources).map((source) => [JSON.stringify(source), source])).values(),
    ],
  };
  // Every shard lists every source, so each read the same forge entities: the first shard's stand for all.
  return { repos, unreachable, problems, entities: partials[0]!.partial.entities };
}
