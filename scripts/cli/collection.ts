import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { collect } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { portalConfigSchema, type LoadedConfig } from '../../collectors/config/schema.ts';
import { loadPortalConfig } from '../../collectors/config/load-config.ts';
import type { Unreachable } from '../../collectors/sources/source.ts';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { readSnapshot, SnapshotError, writeSnapshot } from '../../collectors/store/snapshot-file.ts';
import { historyRecord } from '../../collectors/runs/history.ts';
import { appendHistory } from '../../collectors/store/history-folder.ts';
import { temporaryFolder } from '../../collectors/support/temporary-folder.ts';
import {
  cacheDirOf,
  count,
  DEFAULT_CACHE,
  DEFAULT_CONFIG,
  DEFAULT_SNAPSHOT,
  defaultConfigPath,
  historyDirOf,
  historyShown,
  type FailOn,
} from './collection-options.ts';
import { pathIn, type CommandContext } from './context.ts';
import { snapshotSummary, type SnapshotSummary } from './snapshot-summary.ts';
export { strictVerdict } from './snapshot-summary.ts';
import { progressLine } from './progress.ts';
import { loadStandards } from './standards.ts';
import { terminalSafe } from './report/text.ts';
import { assertWritable } from './writable.ts';
import { cairnIdentity } from './version.ts';

/** The collection options as parsed (`collection-options.ts`). */
export interface CollectionValues {
  config?: string | undefined;
  repos?: string | undefined;
  snapshot?: string | undefined;
  cache?: string | undefined;
  'no-cache'?: boolean | undefined;
  history?: string | undefined;
  'no-history'?: boolean | undefined;
}

/**
 * Resolves the config (file, or `--repos` alone), collects, writes the snapshot, adds the run to
 * the history (unless `recordLater`: the caller publishes first, then calls `recordRun`) and prints a summary.
 */
export async function runCollection(
  values: CollectionValues,
  context: CommandContext,
  options: { recordLater?: boolean } = {},
): Promise<{ snapshot: Snapshot; path: string; loaded: LoadedConfig; unreached?: string }> {
  const loaded = await resolveConfig(values, context);
  const standards = await loadStandards(loaded.contentDir);
  const path = pathIn(context, values.snapshot ?? DEFAULT_SNAPSHOT);
  await assertWritable(path, `--snapshot ${values.snapshot ?? DEFAULT_SNAPSHOT}`, 'file');
  const { cacheDir } = cacheDirOf(values, context.cwd);
  if (cacheDir) await assertWritable(cacheDir, `--cache ${values.cache ?? DEFAULT_CACHE}`, 'folder');
  const historyDir = historyDirOf(values, loaded, context.cwd);
  if (historyDir) await assertWritable(historyDir, historyShown(values.history, historyDir), 'folder');
  const progress = progressLine(context.stderr);
  let fromCache = 0;
  let unreachable: Unreachable = { repos: [], sources: [] };
  const snapshot = await collect({
    ...loaded,
    ...(cacheDir ? { cacheDir } : {}),
    standards,
    now: currentTime(context.env),
    previous: previousSnapshot(path, context.cwd),
    environment: { cwd: context.cwd, env: context.env },
    onUnreachable: (found) => (unreachable = found),
    onRepo: (done, total, name, cached) => {
      if (cached) fromCache++;
      progress.update(`Collecting ${done}/${total} ${name}`);
    },
  });
  progress.done();
  const unreached = nothingReached(snapshot, unreachable);
  if (unreached) {
    // No snapshot shows the problems this time: the errors are printed.
    const errors = snapshot.problems.filter((problem) => problem.severity === 'error');
    context.stderr.write(`${[unreached, ...errors.slice(0, 5).map((problem) => `error: ${terminalSafe(problem.message)}`)].join('\n')}\n`);
    return { snapshot, path, loaded, unreached };
  }
  await writeSnapshot(path, snapshot);
  if (!options.recordLater) await recordRun(snapshot, values, loaded, context.cwd);
  const errors = snapshot.problems.filter((problem) => problem.severity === 'error').length;
  context.stderr.write(
    `Collected ${count(snapshot.repos.length, 'repository', 'repositories')}${fromCache ? ` (${fromCache} unchanged, from the cache)` : ''}, ${count(snapshot.entities.length, 'entity', 'entities')}, ${count(snapshot.problems.length, 'problem', 'problems')} (${count(errors, 'error', 'errors')}) → ${values.snapshot ?? DEFAULT_SNAPSHOT}\n`,
  );
  return { snapshot, path, loaded };
}

/**
 * Why a run publishes nothing: no repository was collected, and that is because the sources failed
 * (an expired token, a forge that is down), not because the organisation has no repositories. An
 * empty portal would replace the last good one (and add an empty night to the trends), so the
 * snapshot, the site and the history are left as they were, and the run fails.
 */
export function nothingReached(snapshot: Pick<Snapshot, 'repos'>, unreachable: Unreachable): string | undefined {
  if (snapshot.repos.length > 0) return undefined;
  const [failed] = [...unreachable.sources, ...unreachable.repos];
  return failed
    ? `No repository was collected, as the sources failed (${failed.reason}); the snapshot, the site and the history were left as they were.`
    : undefined;
}

/**
 * A snapshot written earlier (`cairn collect`, `cairn merge`), validated and summed up (its verdict
 * and scorecards: the site reads the file itself), with the portal config
 * for the site's settings: `--config`, else portal.yaml here or content/portal.yaml when present, else the defaults.
 */
export async function readSnapshotFile(
  file: string,
  values: { config?: string | undefined },
  context: Pick<CommandContext, 'cwd'>,
  failOn: FailOn,
): Promise<SnapshotSummary & { path: string; loaded: LoadedConfig }> {
  const path = pathIn(context, file);
  let summary: SnapshotSummary;
  try {
    summary = await snapshotSummary(path, failOn);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `--from ${file}: file not found.` : `--from ${(error as Error).message}`);
  }
  return { ...summary, path, loaded: await configOrDefaults(values, context) };
}

/**
 * For a command that collects nothing (a build from a snapshot, a merge of shards): `--config`, else
 * the portal.yaml here when there is one, else the defaults, which a snapshot of `--repos` was made with.
 */
export async function configOrDefaults(
  values: { config?: string | undefined },
  context: Pick<CommandContext, 'cwd'>,
): Promise<LoadedConfig> {
  return values.config !== undefined || defaultConfigPath(context.cwd)
    ? await resolveConfig(values, context)
    : { config: portalConfigSchema.parse({}), baseDir: context.cwd };
}

/**
 * Reads the snapshot a run is about to replace, for the repositories it cannot fetch. There may be
 * none yet; one that cannot be read (broken, another schema version) throws why, which the run
 * lists as a problem (naming the file relative to `cwd`).
 */
export function previousSnapshot(path: string, cwd: string): () => Promise<Snapshot | undefined> {
  return async () => {
    if (!existsSync(path)) return undefined;
    try {
      return await readSnapshot(path);
    } catch (error) {
      const shown = relative(cwd, path) || path;
      const reason = error instanceof SnapshotError ? error.reason : (error as Error).message.split('\n')[0]!;
      throw new Error(
        `The previous snapshot ${shown} cannot be read (${reason}), so the repositories that could not be fetched are not kept from it.`,
      );
    }
  };
}

/**
 * Publishes with this run's history record at hand but not yet in the history, then adds it: a run
 * killed while publishing leaves the history as it was. `publish` gets the record's temporary file.
 */
export async function publishThenRecord(
  snapshot: Snapshot,
  values: Pick<CollectionValues, 'history' | 'no-history'>,
  loaded: LoadedConfig,
  context: Pick<CommandContext, 'cwd' | 'env'>,
  publish: (runRecord?: string) => Promise<void>,
): Promise<void> {
  const history = historyDirOf(values, loaded, context.cwd);
  if (!history) return publish();
  // Made once: the site shows it before the history holds it.
  const record = historyRecord(snapshot, cairnIdentity());
  const dir = await temporaryFolder(temporaryDir(context.env), 'cairn-run-');
  try {
    const file = join(dir.path, 'record.json');
    await writeFile(file, JSON.stringify(record));
    await publish(file);
  } finally {
    await dir.remove();
  }
  await appendHistory(history, record, loaded.config.history.keep);
}

/** The run's folder for temporary files: `TMPDIR` of its environment, as `os.tmpdir()` reads the process's. */
function temporaryDir(env: CommandContext['env']): string {
  return env.TMPDIR || env.TMP || env.TEMP || tmpdir();
}

/** Adds the run to the history folder, unless `--no-history`. */
export async function recordRun(
  snapshot: Snapshot,
  values: Pick<CollectionValues, 'history' | 'no-history'>,
  loaded: LoadedConfig,
  cwd: string,
): Promise<void> {
  const dir = historyDirOf(values, loaded, cwd);
  if (dir) await appendHistory(dir, historyRecord(snapshot, cairnIdentity()), loaded.config.history.keep);
}

/**
 * The portal config: `--config`, else portal.yaml or content/portal.yaml when present (relative to `cwd`); with
 * `--repos` alone, the defaults. `requireConfig` is the message when a command cannot work without a file.
 */
export async function resolveConfig(
  values: CollectionValues,
  { cwd }: Pick<CommandContext, 'cwd'>,
  options: { requireConfig?: string } = {},
): Promise<LoadedConfig> {
  if (values.repos !== undefined && values.config === undefined) {
    if (!values.repos.trim()) throw new ConfigError('--repos: expected a glob of repository folders, e.g. --repos "../repos/*".');
    const parsed = portalConfigSchema.safeParse({ sources: [{ type: 'directory', repos: values.repos }] });
    if (!parsed.success) throw new ConfigError(`--repos: ${parsed.error.issues[0]!.message}`);
    const config = parsed.data;
    // No content folder: teams, scorecards and guides come only from beside a portal.yaml.
    return { config, baseDir: cwd };
  }
  const configPath = values.config ?? defaultConfigPath(cwd);
  if (configPath === undefined) {
    throw new ConfigError(
      options.requireConfig ??
        `No portal.yaml or ${DEFAULT_CONFIG} here. Pass --config <file>, or --repos '<glob>' to scan repositories without one (cairn init writes a portal).`,
    );
  }
  const loaded = await loadPortalConfig(configPath, cwd);
  if (values.repos === undefined) return loaded;
  return { ...loaded, baseDir: cwd, config: { ...loaded.config, sources: [{ type: 'directory', repos: values.repos }] } };
}

/** Now, unless SOURCE_DATE_EPOCH of the run's environment pins it (reproducible builds). */
export function currentTime(env: CommandContext['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) return new Date();
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime()))
    throw new ConfigError(`SOURCE_DATE_EPOCH must be a number of seconds since 1970, got "${epoch}".`);
  return date;
}
