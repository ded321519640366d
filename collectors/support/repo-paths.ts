/**
 * Repository paths: POSIX, relative to the repository root, `.` for the root itself. Every place
 * that turns a path written in a repository file into a file to read goes through here, so that
 * none can leave the repository.
 */

/** POSIX join and normalise of repository paths; `undefined` when `path` is absolute. `..` may remain at the start. */
export function joinPath(folder: string, path: string): string | undefined {
  if (path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const segment of `${folder}/${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(segment);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The folder a repository path is in; `.` for a file at the root. */
export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

/** Whether `path` is `folder` or below it. */
export function isInside(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`);
}

/**
 * The repository path a (decoded) path written in the file `fromFile` names: relative to that
 * file's folder, or to the repository root when it starts with one `/` (as GitHub renders links).
 * `undefined` when it leaves the repository or starts with `//` (a host, not a path).
 */
export function resolveRepoPath(fromFile: string, written: string): string | undefined {
  if (written.startsWith('//')) return undefined;
  const path = written.startsWith('/') ? joinPath('.', written.slice(1)) : joinPath(dirnameOf(fromFile), written);
  return path === undefined || path === '..' || path.startsWith('../') ? undefined : path;
}

/**
 * A file standing where mkdocs serves the page at `sourcePath`, for resolving what its raw HTML
 * names relative to the page's URL: `guide/setup.md` is served at `guide/setup/`, an index page
 * (`index.md`, `README.md`) at its own folder.
 */
export function servedAt(sourcePath: string): string {
  return /(?:^|\/)(?:index|readme)\.[^./]+$/i.test(sourcePath) ? sourcePath : `${sourcePath.replace(/\.[^./]+$/, '')}/index.md`;
}
