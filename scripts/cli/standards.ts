import { join } from 'node:path';
import type { Standards } from '../../collectors/collect.ts';
import { loadStandards as loadStandardsWith } from '../../collectors/standards.ts';
import { COMPILED } from '../../collectors/support/compiled.ts';
import { PACKAGE_ROOT } from './package-root.ts';

/** Cairn's default standards: a content folder of scorecards that apply when a portal defines none. */
export const DEFAULTS_DIR = join(PACKAGE_ROOT, 'defaults');

/** The portal's standards (collectors/standards.ts), with Cairn's own defaults from the package (read once by the compile, when compiled). */
export function loadStandards(contentDir: string | undefined): Promise<Standards> {
  return loadStandardsWith(contentDir, {
    defaultsDir: DEFAULTS_DIR,
    ...(COMPILED ? { defaultScorecards: COMPILED.defaultScorecards } : {}),
  });
}
