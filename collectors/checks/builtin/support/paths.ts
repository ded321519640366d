/** Path helpers over the POSIX paths of the `files` fact. Pure string work: checks never touch the disk. */

/** `a/b/c.txt` → `a/b`; `c.txt` → `` (the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** `a/b/c.txt` → `c.txt`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `dir` joined with `name`, the root being ``. */
export function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** `a/b` → `['a/b', 'a', '']`: a folder and its ancestors up to the root. */
export function selfAndAncestors(dir: string): string[] {
  const dirs = [dir];
  for (let current = dir; current;) {
    current = dirOf(current);
    dirs.push(current);
  }
  return dirs;
}

/** The first of `names` found in `dir` or the nearest ancestor folder (a monorepo's root lockfile covers its packages). */
export function findUp(files: ReadonlySet<string>, dir: string, names: readonly string[]): string | undefined {
  for (const folder of selfAndAncestors(dir)) {
    for (const name of names) {
      const path = join(folder, name);
      if (files.has(path)) return path;
    }
  }
  return undefined;
}

/** Third-party code copied into the repository: not the team's own files to judge. */
export const VENDORED = /(^|\/)(node_modules|vendor|third_party|bower_components)\//;

/** Folders of tests, examples, fixtures and docs: a manifest there sets up a harness or a sample, not the project. */
export const AUXILIARY = /(^|\/)(tests?|specs?|e2e|examples?|samples?|__fixtures__|fixtures?|testdata|test-data|docs?|benchmarks?)\//i;

/** Source files, by extension. */
export const SOURCE_FILE =
  /\.(js|jsx|ts|tsx|mjs|cjs|py|go|rs|java|kt|kts|groovy|scala|rb|php|cs|fs|swift|c|cc|cpp|h|hpp|ex|exs|erl|clj|sh|bats|lua|dart|r)$/i;
