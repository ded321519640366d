import type { Problem } from '../contract/problems.ts';
import type { RenderedSite } from './render-site.ts';

/** Links and images to nothing named one problem each per docs site, up to this many; the rest are counted. */
export const MAX_NAMED_MISSING = 20;

/**
 * The links and images of a docs site that name a path the repository does not have (neither a
 * tracked file nor a folder of tracked files): the portal's link would lead to nothing, and an
 * image shows its description instead. Without the repository's file list, none is reported.
 */
export function missingPathProblems(
  otherPaths: RenderedSite['otherPaths'],
  files: readonly string[] | undefined,
): Array<Omit<Problem, 'repo' | 'entityRef'>> {
  if (!files || otherPaths.length === 0) return [];
  const tracked = new Set(files);
  // Folders are listed only when a path is not a tracked file.
  let folders: Set<string> | undefined;
  const exists = (path: string) => path === '.' || tracked.has(path) || (folders ??= foldersOf(files)).has(path.replace(/\/+$/, ''));
  const seen = new Set<string>();
  const missing = otherPaths.filter((other) => {
    const key = `${other.source}\0${other.line ?? ''}\0${other.path}`;
    if (exists(other.path) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const problems: Array<Omit<Problem, 'repo' | 'entityRef'>> = missing.slice(0, MAX_NAMED_MISSING).map((other) => ({
    severity: 'warning',
    file: other.source,
    ...(other.line ? { line: other.line } : {}),
    message: other.image
      ? `${other.source} shows the image ${other.path}, which is not in the repository: the page shows its description instead.`
      : `${other.source} links to ${other.path}, which is not in the repository: the link leads nowhere.`,
  }));
  if (missing.length > MAX_NAMED_MISSING)
    problems.push({
      severity: 'warning',
      message: `${missing.length - MAX_NAMED_MISSING} more links and images in the docs name paths that are not in the repository.`,
    });
  return problems;
}

/** Every folder that holds a tracked file, at any depth. */
function foldersOf(files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files)
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash));
  return folders;
}
