import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from './package-root.ts';

/** Cairn's version, from its package.json (shown by `--version` and written into SARIF). */
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Where `npm run compile` writes the digest of the compiled code, in `build/`. */
export const BUILD_ID_FILE = 'build-id';

/**
 * The Cairn that judges a run, for its history record: the version, and the build when running the
 * compiled command line (`0.1.0+3f2a9c1d7e0b`). Two builds of one version may judge differently, so
 * "what changed" can say when the verdicts' change is the new Cairn's. From the sources, the version alone.
 */
export function cairnIdentity(): string {
  if (!fileURLToPath(import.meta.url).endsWith('.js')) return VERSION;
  try {
    return `${VERSION}+${readFileSync(join(PACKAGE_ROOT, 'build', BUILD_ID_FILE), 'utf8').trim()}`;
  } catch {
    return VERSION;
  }
}
