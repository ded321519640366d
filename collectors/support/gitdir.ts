import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * Where a `.git` file's `gitdir: <path>` leads: relative to the work tree's real folder when not
 * absolute, as git reads it (a symbolic link to a submodule's work tree points into its
 * superproject's `.git/modules`); undefined when that folder cannot be resolved.
 */
export function resolveGitdir(dir: string, target: string): string | undefined {
  if (isAbsolute(target)) return target;
  try {
    return resolve(realpathSync.native(dir), target);
  } catch {
    return undefined;
  }
}
