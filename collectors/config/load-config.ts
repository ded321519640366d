import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { portalConfigSchema, type LoadedConfig } from './schema.ts';
import { loadYamlConfig } from '../yaml/config.ts';

/** Reads and validates portal.yaml (`path` relative to `cwd`). Throws a ConfigError naming file, line and field. */
export async function loadPortalConfig(path: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const absolute = resolve(cwd, path);
  // Named relative to where the user is, unless that would climb out of it: then by its whole path.
  const shown = relative(cwd, absolute) || '.';
  const file = isAbsolute(path) && (shown === '..' || shown.startsWith(`..${sep}`)) ? absolute : shown;
  const config = await loadYamlConfig(absolute, file, portalConfigSchema);
  return { config, baseDir: dirname(absolute), contentDir: dirname(absolute), file: { path: absolute, shown: file } };
}
