import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import { safeGit } from '../support/safe-simple-git.ts';
import { temporaryFolder } from '../support/temporary-folder.ts';

/** A temporary work tree of one commit, removed with `remove()`. */
export interface RefCheckout {
  dir: string;
  commit: string;
  remove(): Promise<void>;
}

/**
 * Checks `ref` of the repository at `dir` out into a temporary folder, leaving the repository
 * itself untouched: a shared clone (objects borrowed, nothing copied) then a checkout of the
 * resolved commit. `cairn check --compare` scores it as the base of a pull request.
 */
export async function checkoutRef(dir: string, ref: string): Promise<RefCheckout> {
  const commit = await safeGit(dir)
    .raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
    .then(
      (out) => out.trim(),
      () => '',
    );
  if (!/^[0-9a-f]{40,64}$/.test(commit)) {
    const born = await safeGit(dir)
      .raw(['rev-parse', '--verify', '--quiet', 'HEAD'])
      .then(
        (out) => out.trim() !== '',
        () => false,
      );
    throw new ConfigError(
      born
        ? `--compare ${ref}: no such commit in ${dir}. Fetch it first (in CI: actions/checkout with fetch-depth: 0).`
        : `--compare ${ref}: ${dir} has no commit yet, so there is nothing to compare with; commit first, or leave out --compare.`,
    );
  }
  const { path: parent, remove } = await temporaryFolder(tmpdir(), 'cairn-compare-');
  try {
    const target = join(parent, 'base');
    // A local clone only, explicitly allowed here; every other transport stays off.
    await safeGit(parent).raw(['-c', 'protocol.file.allow=always', 'clone', '--quiet', '--shared', '--no-checkout', '--', dir, target]);
    await safeGit(target).raw(['checkout', '--quiet', '--detach', commit]);
    return { dir: target, commit, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
