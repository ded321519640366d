import type { OptionSpec } from './command.ts';

export const DEFAULT_CONFIG = 'content/portal.yaml';
export const DEFAULT_SNAPSHOT = '.cache/snapshot.json';

/** Options shared by every command that collects. */
export const collectionOptions = {
  config: { type: 'string', short: 'c', value: '<file>', description: `portal.yaml to read (default: ${DEFAULT_CONFIG}). Content folders are found beside it.` },
  repos: { type: 'string', short: 'r', value: '<glob>', description: 'Scan the git work trees matching this glob instead of the configured sources; without --config, no config file is needed.' },
  snapshot: { type: 'string', short: 's', value: '<file>', description: `Where the snapshot JSON is written (default: ${DEFAULT_SNAPSHOT}).` },
  strict: { type: 'boolean', description: 'Exit 1 when there are problems, or when nothing could be collected.' },
} satisfies Record<string, OptionSpec>;
