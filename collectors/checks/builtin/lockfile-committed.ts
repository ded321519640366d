import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import type { Manifest } from '../../facts/manifests.ts';
import { baseName, dirOf, findUp, join, VENDORED } from './support/paths.ts';

const NPM_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];
const PYTHON_LOCKS = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'requirements.lock', 'pylock.toml'];

/** A manifest that needs a lockfile, and the lockfile found for it (if any). */
interface Requirement {
  manifest: string;
  expected: string;
  lock?: string;
  /** The `.npmrc` that turns npm's lockfile off for it, at its line. */
  off?: { path: string; line: number };
}

/** A manifest of the repository's own (not vendored) that declares dependencies. */
function isJudged(manifest: Manifest): boolean {
  return !VENDORED.test(manifest.path) && manifest.dependencies.length > 0;
}

/**
 * What each manifest needs: npm, Go and Python manifests with dependencies need their lockfile
 * (in the same folder or, for workspaces, an ancestor); a Cargo package only when it builds a
 * binary from src/ (since 2023 Cargo leaves a library's Cargo.lock to its authors). Maven and
 * Gradle have no standard lockfile, so they are not judged.
 */
function requirements(manifests: readonly Manifest[], files: ReadonlySet<string>): Requirement[] {
  const found: Requirement[] = [];
  const pinnedRequirements = new Set(
    manifests.filter((manifest) => baseName(manifest.path) === 'requirements.txt' && manifest.pinned).map((manifest) => manifest.path),
  );
  for (const manifest of manifests.filter(isJudged)) {
    const dir = dirOf(manifest.path);
    const name = baseName(manifest.path);
    if (manifest.ecosystem === 'npm') {
      found.push({
        manifest: manifest.path,
        expected: 'package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock',
        ...lock(findUp(files, dir, NPM_LOCKS)),
        ...(manifest.lockfileOff ? { off: manifest.lockfileOff } : {}),
      });
    } else if (manifest.ecosystem === 'go') {
      const sum = join(dir, 'go.sum');
      found.push({ manifest: manifest.path, expected: 'go.sum', ...lock(files.has(sum) ? sum : undefined) });
    } else if (manifest.ecosystem === 'python') {
      if (name === 'Pipfile') continue; // Judged below, against its own Pipfile.lock.
      const expected = 'poetry.lock, uv.lock, pdm.lock, Pipfile.lock or a requirements.txt pinning every version (==)';
      if (name === 'requirements.txt' && manifest.pinned) {
        found.push({ manifest: manifest.path, expected, lock: manifest.path }); // Pinned requirements are the lock.
        continue;
      }
      const sibling = join(dir, 'requirements.txt');
      const locked = findUp(files, dir, PYTHON_LOCKS) ?? (pinnedRequirements.has(sibling) ? sibling : undefined);
      found.push({ manifest: manifest.path, expected, ...lock(locked) });
    } else if (manifest.ecosystem === 'cargo') {
      const builds = files.has(join(dir, 'src/main.rs')) || [...files].some((path) => path.startsWith(join(dir, 'src/bin/')));
      if (builds) found.push({ manifest: manifest.path, expected: 'Cargo.lock', ...lock(findUp(files, dir, ['Cargo.lock'])) });
    }
  }
  // A Pipfile is no manifest Cairn parses, but pipenv's lock is just as expected beside it.
  for (const path of files) {
    if (baseName(path) !== 'Pipfile' || VENDORED.test(path)) continue;
    const pipfileLock = join(dirOf(path), 'Pipfile.lock');
    found.push({ manifest: path, expected: 'Pipfile.lock', ...lock(files.has(pipfileLock) ? pipfileLock : undefined) });
  }
  return found;
}

function lock(path: string | undefined): { lock?: string } {
  return path ? { lock: path } : {};
}

export const lockfileCommitted = defineCheck({
  id: 'lockfile-committed',
  title: 'Lockfiles committed',
  category: 'build',
  description:
    'Every npm, Go and Python manifest with dependencies, and every Rust binary crate, has its lockfile committed (package-lock.json/yarn.lock/pnpm-lock.yaml, go.sum, poetry.lock/uv.lock/Pipfile.lock or pinned requirements, Cargo.lock).',
  why: 'Without a lockfile, every install resolves dependency ranges afresh: CI and production build with versions nobody tested, and a compromised new release of any transitive dependency is picked up automatically.',
  fix: [
    'Generate the lockfile with your package manager and commit it:',
    '',
    '```sh',
    'npm install            # package-lock.json (or yarn / pnpm install)',
    'go mod tidy            # go.sum',
    'uv lock                # uv.lock (or poetry lock, pipenv lock, pip-compile)',
    'cargo generate-lockfile',
    '```',
    '',
    'Where `.npmrc` says `package-lock=false`, remove that line first: npm writes no lockfile while it is there.',
    '',
    'Then install from it in CI: `npm ci`, `uv sync --locked`, `cargo build --locked`. Maven and Gradle projects are not judged: they have no standard lockfile.',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['manifests', 'files'],
  run(context) {
    const { manifests, files } = context.facts;
    const needs = requirements(manifests, new Set(files));
    if (needs.length === 0) {
      const judged = manifests.filter(isJudged);
      const jvm = judged.some((manifest) => manifest.ecosystem === 'maven' || manifest.ecosystem === 'gradle');
      const crates = judged.some((manifest) => manifest.ecosystem === 'cargo');
      return notApplicable(
        jvm
          ? 'Only Maven or Gradle builds (or manifests without dependencies), which have no standard lockfile.'
          : crates
            ? "No Rust crate builds a binary from src/main.rs or src/bin/; Cargo leaves a library's Cargo.lock to its authors."
            : 'No package manifest with dependencies that needs a lockfile.',
      );
    }
    const missing = needs.filter((need) => !need.lock);
    if (missing.length > 0) {
      const evidence: Evidence[] = missing.map((need) =>
        need.off
          ? { path: need.off.path, line: need.off.line, note: `package-lock=false: npm writes no lockfile for ${need.manifest}` }
          : { path: need.manifest, note: `no ${need.expected} for it` },
      );
      const turnedOff = [...new Set(missing.flatMap((need) => (need.off ? [need.off.path] : [])))];
      const why = turnedOff.length
        ? ` ${turnedOff.join(', ')} ${turnedOff.length === 1 ? 'turns' : 'turn'} npm's lockfile off (package-lock=false).`
        : '';
      return fail(
        `${missing.map((need) => need.manifest).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no committed lockfile.${why}`,
        evidence.slice(0, 50),
      );
    }
    const locks = [...new Set(needs.map((need) => need.lock!))];
    return pass(
      `Dependencies are locked in ${locks.join(', ')}.`,
      locks.map((path) => ({ path })),
    );
  },
});
