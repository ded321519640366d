import { dirname, relative, resolve } from 'node:path';
import { portalConfigSchema, type LoadedConfig } from './schema.ts';
import { loadYamlConfig } from '../yaml/config.ts';

/** Reads and validates portal.yaml. Throws a ConfigError naming file, line and field. */
export async function loadPortalConfig(path: string): Promise<LoadedConfig> {
  const absolute = resolve(path);
  const config = await loadYamlConfig(absolute, relative(process.cwd(), absolute) || '.', portalConfigSchema);
  return { config, baseDir: dirname(absolute), contentDir: dirname(absolute) };
}
