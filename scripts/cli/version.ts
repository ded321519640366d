import { readFileSync } from 'node:fs';

/** Cairn's version, from its package.json (shown by `--version` and written into SARIF). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
