import { join, relative, resolve } from 'node:path';
import { isInside } from '../support/repo-paths.ts';

/**
 * How messages and pages name the files of a portal's content folder: relative to the working folder
 * when the content lives below it, so that a path in an error opens from where the command ran
 * (`teams/web.yaml` inside a portal made by `cairn init`), else relative to the content folder's
 * parent (`content/teams/web.yaml`).
 */
export function contentPaths(
  contentDir: string,
  cwd: string = process.cwd(),
): { shown(path: string): string; absolute(shown: string): string } {
  const base = isInside(resolve(contentDir), resolve(cwd)) ? resolve(cwd) : join(resolve(contentDir), '..');
  return {
    shown: (path) => relative(base, resolve(contentDir, path)),
    absolute: (shown) => resolve(base, shown),
  };
}
