import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Cairn's own folder (package.json, astro.config.mjs, site/): above this module, whether it runs
 * from the sources (`scripts/cli/`) or compiled (`build/`, the only form the package ships).
 */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

function packageRoot(dir: string): string {
  return existsSync(join(dir, 'astro.config.mjs')) || dirname(dir) === dir ? dir : packageRoot(dirname(dir));
}
