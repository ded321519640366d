import type { Manifest } from '../../../facts/manifests.ts';
import { baseName, dirOf, findUp, VENDORED } from './paths.ts';

/** Files kept only to test or document something else: Dependabot updating them would be noise. */
const NOT_MAINTAINED = /(^|\/)(__fixtures__|fixtures?|testdata|test-data)\//;

const NPM_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
const BUN_LOCKS = ['bun.lock', 'bun.lockb'];
const NUGET_FILE = /\.(sln|slnx|csproj|fsproj|vbproj)$|(^|\/)(packages\.config|Directory\.Packages\.props)$/;
const GRADLE_SETTINGS = /(^|\/)settings\.gradle(\.kts)?$/;

/** One `updates` entry: a Dependabot package ecosystem and the folders (repository-relative, `` for the root) it reads. */
export interface Ecosystem {
  ecosystem: string;
  dirs: string[];
}

/**
 * What a repository's package ecosystems are read from: its manifests and files, and, for the
 * `docker` and `github-actions` entries, its Dockerfiles and workflows.
 */
export interface EcosystemSources {
  manifests: readonly Manifest[];
  dockerfiles?: readonly { path: string }[];
  workflows?: readonly unknown[];
  files: readonly string[];
}

/**
 * The Dependabot package ecosystems a repository uses, in a fixed order, each with the folders
 * Dependabot reads it in, sorted: where the lockfile is, for npm, Bun, Cargo and uv workspaces, whose
 * root updates every member; the top folder of a Maven or Gradle build; every Dockerfile's folder;
 * the root for GitHub Actions. Vendored code and test fixtures are left out.
 */
export function packageEcosystems({
  manifests: all,
  dockerfiles = [],
  workflows: parsedWorkflows = [],
  files,
}: EcosystemSources): Ecosystem[] {
  const tracked = new Set(files);
  const maintained = (path: string) => !VENDORED.test(path) && !NOT_MAINTAINED.test(path);
  const manifests = all.filter((manifest) => maintained(manifest.path));
  const paths = files.filter(maintained);
  const manifestDirs = (ecosystem: string) =>
    manifests.filter((manifest) => manifest.ecosystem === ecosystem).map((manifest) => dirOf(manifest.path));

  const npm: string[] = [];
  const bun: string[] = [];
  for (const dir of manifestDirs('npm')) {
    const lock = findUp(tracked, dir, [...NPM_LOCKS, ...BUN_LOCKS]);
    (lock && BUN_LOCKS.includes(baseName(lock)) ? bun : npm).push(lock ? dirOf(lock) : dir);
  }
  const pip: string[] = [];
  const uv: string[] = [];
  for (const dir of manifestDirs('python')) {
    const lock = findUp(tracked, dir, ['uv.lock']);
    if (lock) uv.push(dirOf(lock));
    else pip.push(dir);
  }
  const lockDirOr = (dir: string, locks: readonly string[]) => {
    const lock = findUp(tracked, dir, locks);
    return lock ? dirOf(lock) : dir;
  };
  const cargo = manifestDirs('cargo').map((dir) => lockDirOr(dir, ['Cargo.lock']));
  const dirsOf = (test: (path: string) => boolean) => paths.filter(test).map(dirOf);
  const workflows = parsedWorkflows.length > 0 || paths.some((path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path));

  const found: Ecosystem[] = [
    { ecosystem: 'npm', dirs: npm },
    { ecosystem: 'bun', dirs: bun },
    { ecosystem: 'pip', dirs: pip },
    { ecosystem: 'uv', dirs: uv },
    { ecosystem: 'gomod', dirs: manifestDirs('go') },
    { ecosystem: 'cargo', dirs: cargo },
    { ecosystem: 'maven', dirs: topmost(manifestDirs('maven')) },
    { ecosystem: 'gradle', dirs: topmost([...manifestDirs('gradle'), ...dirsOf((path) => GRADLE_SETTINGS.test(path))]) },
    { ecosystem: 'bundler', dirs: dirsOf((path) => baseName(path) === 'Gemfile') },
    { ecosystem: 'composer', dirs: dirsOf((path) => baseName(path) === 'composer.json') },
    { ecosystem: 'nuget', dirs: topmost(dirsOf((path) => NUGET_FILE.test(path))) },
    {
      ecosystem: 'docker',
      dirs: dockerfiles
        .map((dockerfile) => dockerfile.path)
        .filter(maintained)
        .map(dirOf),
    },
    { ecosystem: 'github-actions', dirs: workflows ? [''] : [] },
  ];
  return found.map(({ ecosystem, dirs }) => ({ ecosystem, dirs: [...new Set(dirs)].sort() })).filter(({ dirs }) => dirs.length > 0);
}

/** Folders without an ancestor in the list: a multi-module build is updated from its top. */
export function topmost(dirs: readonly string[]): string[] {
  const unique = [...new Set(dirs)];
  return unique.filter((dir) => !unique.some((other) => other !== dir && (other === '' || dir.startsWith(`${other}/`))));
}
