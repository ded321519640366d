import { readFile } from 'node:fs/promises';
import { assemble, collectRepos } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { combineShards, parseShard, partialSnapshotSchema, type PartialSnapshot } from '../../collectors/runs/shard.ts';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { writeFileAtomically } from '../../collectors/store/atomic-write.ts';
import { writeSnapshot } from '../../collectors/store/snapshot-file.ts';
import { readPortalTeams } from '../../collectors/config/teams.ts';
import { configOrDefaults, currentTime, previousSnapshot, recordRun, resolveConfig, type CollectionValues } from './collection.ts';
import { cacheDirOf, count } from './collection-options.ts';
import { pathIn, type CommandContext } from './context.ts';
import { progressLine } from './progress.ts';
import { assertWritable } from './writable.ts';
import { loadStandards } from './standards.ts';

/** `cairn collect --shard i/n`: this shard's repositories' facts, written as a partial snapshot. */
export async function collectShard(values: CollectionValues & { shard: string }, context: CommandContext): Promise<PartialSnapshot> {
  const shard = parseShard(values.shard);
  const output = values.snapshot ?? `.cache/snapshot-${shard.index}-of-${shard.count}.json`;
  await assertWritable(pathIn(context, output), `--snapshot ${output}`, 'file');
  const loaded = await resolveConfig(values, context);
  const standards = await loadStandards(loaded.contentDir);
  const now = currentTime(context.env);
  const progress = progressLine(context.stderr);
  const environment = { cwd: context.cwd, env: context.env };
  const { listing, repos, entities, unreachable, problems } = await collectRepos({
    ...loaded,
    ...cacheDirOf(values, context.cwd),
    standards,
    now,
    shard,
    environment,
    onRepo: (done, total, name) => progress.update(`Collecting ${done}/${total} ${name}`),
  });
  progress.done();
  const partial: PartialSnapshot = {
    kind: 'cairn-partial-snapshot',
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    shard,
    generatedAt: now.toISOString(),
    listing,
    repos,
    unreachable,
    problems,
    entities,
  };
  await writeFileAtomically(pathIn(context, output), `${JSON.stringify(partialSnapshotSchema.parse(partial))}\n`);
  context.stderr.write(`Collected shard ${shard.index}/${shard.count}: ${repos.length} of the repositories → ${output}\n`);
  return partial;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `cairn merge`: the partial snapshots of every shard, combined and assembled (catalog, checks,
 * scorecards, guides, docs) with the portal's content into the snapshot a single run would write.
 */
export async function mergeShards(
  values: CollectionValues,
  files: readonly string[],
  context: CommandContext,
): Promise<{ snapshot: Snapshot; path: string }> {
  if (files.length === 0)
    throw new ConfigError('cairn merge: give the partial snapshots to merge, e.g. cairn merge shards/*.json --snapshot snapshot.json.');
  const output = values.snapshot ?? '.cache/snapshot.json';
  const path = pathIn(context, output);
  await assertWritable(path, `--snapshot ${output}`, 'file');
  const loaded = await configOrDefaults(values, context);
  const standards = await loadStandards(loaded.contentDir);
  const partials = await Promise.all(files.map(async (file) => ({ file, partial: await readPartial(file, pathIn(context, file)) })));
  const { repos, entities, unreachable, problems } = combineShards(partials);
  const times = partials.map(({ partial }) => Date.parse(partial.generatedAt)).sort((a, b) => a - b);
  if (times.at(-1)! - times[0]! > DAY_MS)
    context.stderr.write(
      `warning: the shards were collected from ${new Date(times[0]!).toISOString()} to ${new Date(times.at(-1)!).toISOString()}, more than a day apart: the snapshot mixes repositories read on different days.\n`,
    );
  const content = { documents: await readPortalTeams(loaded.contentDir) };
  const snapshot = await assemble({
    repos,
    forge: entities,
    unreachable,
    previous: previousSnapshot(path, context.cwd),
    content: content.documents,
    standards,
    now: currentTime(context.env),
    title: loaded.config.title,
    guideSettings: loaded.config.guides,
    windowDays: loaded.config.activity.windowDays,
    ...(loaded.config.catalog.paths ? { descriptorPaths: loaded.config.catalog.paths } : {}),
    problems,
    ...(loaded.config.workers !== undefined ? { workers: loaded.config.workers } : {}),
  });
  await writeSnapshot(path, snapshot);
  await recordRun(snapshot, values, loaded, context.cwd);
  context.stderr.write(
    `Merged ${count(files.length, 'shard', 'shards')}: ${count(snapshot.repos.length, 'repository', 'repositories')}, ${count(snapshot.entities.length, 'entity', 'entities')}, ${count(snapshot.problems.length, 'problem', 'problems')} → ${output}\n`,
  );
  return { snapshot, path };
}

/** The partial snapshot `file` (as given, for messages) at `path`. */
async function readPartial(file: string, path: string): Promise<PartialSnapshot> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: ${code === 'ENOENT' ? 'file not found' : `not a partial snapshot (${(error as Error).message})`}.`);
  }
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind !== 'cairn-partial-snapshot')
    throw new ConfigError(`${file}: not a partial snapshot; cairn merge takes the files of cairn collect --shard i/n.`);
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SNAPSHOT_SCHEMA_VERSION)
    throw new ConfigError(
      `${file}: written by a Cairn with snapshot schema ${String(version)}; this one reads ${SNAPSHOT_SCHEMA_VERSION}. Collect the shard again.`,
    );
  const result = partialSnapshotSchema.safeParse(json);
  if (!result.success) {
    // Same schema version, other shape: most often a shard another Cairn wrote, whose facts differ from this one's.
    const issues = result.error.issues;
    const first = issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
      .join('; ');
    const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
    throw new ConfigError(
      `${file}: not a partial snapshot this Cairn can merge (${first}${more}). Was it collected by another version of Cairn? Collect the shards again with this one.`,
    );
  }
  return result.data;
}
