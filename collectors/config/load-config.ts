import { dirname, relative, resolve } from 'node:path';
import { portalConfigSchema, type LoadedConfig } from './schema.ts';
import { loadYamlConfig } from '../yaml/config.ts';

/** Reads and validates portal.yaml (`path` relative to `cwd`). Throws a ConfigError naming file, line and field. */
export async function loadPortalConfig(path: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const absolute = resolve(cwd, path);
  const file = relative(cwd, absolute) || '.';
  const config = await loadYamlConfig(absolute, file, portalConfigSchema);
  return { config, baseDir: dirname(absolute), contentDir: dirname(absolute), file: { path: absolute, shown: file } };
}
