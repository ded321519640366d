import { z } from 'zod';
import type { Dependabot } from '../../facts/dependabot.ts';
import { untrustedGlobMatcher } from '../../support/untrusted-glob.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { listOf } from './support/facts.ts';
import { packageEcosystems, topmost } from './support/package-ecosystems.ts';

/**
 * Dependabot's package ecosystems that update a repository's dependencies, each group one way of
 * managing them (npm's entry reads Yarn and pnpm too; `pip` reads Pipenv and Poetry). Docker images
 * and actions are asked for only by the fix: updating them is good, not required.
 */
const PACKAGE_ECOSYSTEMS = [
  ['npm', 'bun'],
  ['pip', 'uv'],
  ['gomod'],
  ['cargo'],
  ['maven'],
  ['gradle'],
  ['bundler'],
  ['composer'],
  ['nuget'],
];
/** Dependabot Preview's configuration, which GitHub stopped reading when Dependabot moved into it (2021). */
const RETIRED_DEPENDABOT = '.dependabot/config.yml';
/** Renovate's config file names (docs.renovatebot.com/configuration-options). */
const RENOVATE = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
];

export const dependencyUpdates = defineCheck({
  id: 'dependency-updates',
  title: 'Automated dependency updates',
  category: 'security',
  description:
    'Renovate (renovate.json, .renovaterc, .github/renovate.json …) is configured, or Dependabot (`.github/dependabot.yml`) with an entry for each package manager the repository uses (npm, pip, Go modules, Cargo, Maven, Gradle, Bundler, Composer, NuGet).',
  why: 'Most vulnerabilities that hit a service are in its dependencies, and are fixed upstream long before anyone upgrades by hand. A bot that opens update pull requests keeps the gap short and the upgrades small.',
  fix: [
    'Add `.github/dependabot.yml` with an entry for each package manager the failure names (its `package-ecosystem`: npm, pip, gomod, cargo, maven, gradle, bundler, composer, nuget …) in each folder it names, and for GitHub Actions; for an npm project at the root:',
    '',
    '```yaml',
    'version: 2',
    'updates:',
    '  - package-ecosystem: npm',
    '    directory: /',
    '    schedule:',
    '      interval: weekly',
    '  - package-ecosystem: github-actions',
    '    directory: /',
    '    schedule:',
    '      interval: weekly',
    '```',
    '',
    '`cairn check --suggest` prints the file for the repository checked, and `cairn fix` writes it. Or add `renovate.json` with `{ "extends": ["config:recommended"] }`. A `renovate` key inside package.json is not detected: use a file.',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['files', 'dependabot', 'manifests', 'dockerfiles'],
  run(context) {
    const { dependabot, manifests, dockerfiles } = context.facts;
    const files = new Set(context.facts.files);
    // Besides package managers, Dependabot updates workflows' actions and Dockerfiles' images: asked for only by the fix.
    const ecosystems = packageEcosystems({ manifests, dockerfiles, files: context.facts.files });
    const required = ecosystems.flatMap(({ ecosystem, dirs }) => {
      const group = PACKAGE_ECOSYSTEMS.find((names) => names.includes(ecosystem));
      return group ? [{ ecosystem, dirs, group }] : [];
    });
    const named = (ecosystems: typeof required) =>
      listOf(ecosystems.map(({ ecosystem, dirs }) => `${ecosystem} (${dirs.map((dir) => `/${dir}`).join(', ')})`));
    // Renovate reads every package manager it knows by default: with it, a Dependabot file beside it
    // (often for actions only) is an addition, not the repository's only bot.
    const renovate = RENOVATE.find((path) => files.has(path));
    if (renovate)
      return pass(
        `Renovate is configured in ${renovate}${dependabot && !dependabot.error ? `, and Dependabot in ${dependabot.path}` : ''}.`,
        [{ path: renovate }, ...(dependabot && !dependabot.error ? [{ path: dependabot.path }] : [])],
      );
    if (dependabot) {
      const { path, updates, error } = dependabot;
      if (error) return fail(`${path} is not a Dependabot configuration GitHub can read: ${error}.`, [{ path }]);
      const configured = new Set(updates.map((update) => update.ecosystem));
      const missing = required.flatMap(({ ecosystem, dirs, group }) => {
        const uncovered = uncoveredDirs(
          dirs,
          updates.filter((update) => group.includes(update.ecosystem)),
        );
        return uncovered.length > 0 ? [{ ecosystem, dirs: uncovered, group }] : [];
      });
      // An ecosystem with an entry, but not for every folder of it.
      const elsewhere = missing.some(({ group }) => group.some((name) => configured.has(name)));
      const evidence = updates.map((update) => ({ path, line: update.line, note: `package-ecosystem: ${update.ecosystem}` }));
      const names = listOf([...configured]);
      if (missing.length > 0)
        return fail(
          names
            ? `${path} updates ${names}, but not ${named(missing)}, which the repository uses${elsewhere ? ': an entry reads only the folders its directory or directories name' : ''}.`
            : `${path} has no package-ecosystem entry; the repository uses ${named(missing)}.`,
          [
            ...evidence,
            ...missing.map(({ ecosystem, dirs }) => ({ path, note: `missing package-ecosystem: ${ecosystem}, directory: /${dirs[0]}` })),
          ],
        );
      return pass(`Dependabot updates ${names || 'nothing yet'} (${path}).`, evidence.length > 0 ? evidence : [{ path }]);
    }
    if (ecosystems.length === 0)
      return notApplicable(
        'No package manager manifest (package.json, go.mod, Cargo.toml, pom.xml, pyproject.toml …), Dockerfile or GitHub Actions workflow: nothing for a bot to update.',
      );
    const legacy = files.has(RETIRED_DEPENDABOT)
      ? ` ${RETIRED_DEPENDABOT} is the retired Dependabot Preview format, which GitHub no longer reads.`
      : '';
    const entries = required.length > 0 ? ` with an entry for ${named(required)}` : '';
    return fail(
      `No dependency update bot: expected .github/dependabot.yml${entries}, or a Renovate config file (renovate.json, .renovaterc, .github/renovate.json).${legacy}`,
      legacy ? [{ path: RETIRED_DEPENDABOT }] : [],
    );
  },
});

/**
 * The folders of an ecosystem that no Dependabot entry for it reads. A folder inside another of the
 * list is updated from there (a workspace, a multi-module build), so only the outermost ones count.
 * An entry's `directory` is a path from the root; `directories` may also hold globs (`/apps/*`, `/**`).
 */
function uncoveredDirs(dirs: readonly string[], updates: readonly Dependabot['updates'][number][]): string[] {
  const normal = (dir: string) => dir.replace(/^\.?\/+|\/+$/g, '');
  // An entry without a folder is one GitHub rejects; it is taken for the root rather than failing twice.
  const written = updates.flatMap((update) => (update.directories.length > 0 ? update.directories.map(normal) : ['']));
  const matches = untrustedGlobMatcher(written.filter((dir) => dir !== ''));
  const reads = (dir: string) => written.includes('**') || (dir === '' ? written.includes('') : matches(dir));
  return topmost(dirs).filter((dir) => !reads(dir));
}
