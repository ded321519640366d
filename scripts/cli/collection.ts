import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { collect } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config-error.ts';
import { portalConfigSchema, type LoadedConfig } from '../../collectors/config.ts';
import { loadPortalConfig } from '../../collectors/load-config.ts';
import { writeSnapshot, type Snapshot } from '../../collectors/snapshot.ts';
import { DEFAULT_CONFIG, DEFAULT_SNAPSHOT } from './collection-options.ts';
import { progressLine } from './progress.ts';

interface CollectionValues {
  config?: string | undefined;
  repos?: string | undefined;
  snapshot?: string | undefined;
}

/** Resolves the config (file, or `--repos` alone), collects, writes the snapshot and prints a summary. */
export async function runCollection(values: CollectionValues): Promise<{ snapshot: Snapshot; path: string; loaded: LoadedConfig }> {
  const loaded = await resolveConfig(values);
  const progress = progressLine();
  const snapshot = await collect({
    ...loaded,
    now: currentTime(),
    onRepo: (done, total, name) => progress.update(`Collecting ${done}/${total} ${name}`),
  });
  progress.done();
  const path = resolve(values.snapshot ?? DEFAULT_SNAPSHOT);
  await writeSnapshot(path, snapshot);
  const errors = snapshot.problems.filter((problem) => problem.severity === 'error').length;
  process.stderr.write(
    `Collected ${snapshot.repos.length} repositories, ${snapshot.entities.length} entities, ${snapshot.problems.length} problems (${errors} errors) → ${values.snapshot ?? DEFAULT_SNAPSHOT}\n`,
  );
  return { snapshot, path, loaded };
}

/** Whether `--strict` should fail the run: any problem, or nothing collected at all. */
export function strictVerdict(snapshot: Snapshot): string | undefined {
  if (snapshot.repos.length === 0) return 'No repository was collected.';
  if (snapshot.problems.length > 0) return `${snapshot.problems.length} problems (see the problems page, or the snapshot's "problems").`;
  return undefined;
}

async function resolveConfig(values: CollectionValues): Promise<LoadedConfig> {
  if (values.repos !== undefined && values.config === undefined) {
    const cwd = process.cwd();
    const config = portalConfigSchema.parse({ sources: [{ type: 'directory', repos: values.repos }] });
    // No content folder: teams, scorecards and guides come only from beside a portal.yaml.
    return { config, baseDir: cwd };
  }
  const configPath = values.config ?? DEFAULT_CONFIG;
  if (values.config === undefined && !existsSync(configPath)) {
    throw new ConfigError(`No ${DEFAULT_CONFIG} here. Pass --config <file>, or --repos '<glob>' to scan repositories without one.`);
  }
  const loaded = await loadPortalConfig(configPath);
  if (values.repos === undefined) return loaded;
  return { ...loaded, baseDir: process.cwd(), config: { ...loaded.config, sources: [{ type: 'directory', repos: values.repos }] } };
}

/** Now, unless SOURCE_DATE_EPOCH pins it (reproducible builds). */
function currentTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) return new Date();
  if (!/^\d+$/.test(epoch)) throw new ConfigError(`SOURCE_DATE_EPOCH must be a number of seconds, got "${epoch}".`);
  return new Date(Number(epoch) * 1000);
}
