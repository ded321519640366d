import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { listOf } from './support/facts.ts';
import { packageEcosystems } from './support/package-ecosystems.ts';

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
    'Add `.github/dependabot.yml` with an entry for each package manager the failure names, and for GitHub Actions; for an npm project:',
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
  needs: ['files', 'dependabot', 'manifests'],
  run(context) {
    const { dependabot, manifests } = context.facts;
    const files = new Set(context.facts.files);
    const required = packageEcosystems({ manifests, files: context.facts.files }).flatMap(({ ecosystem, dirs }) => {
      const group = PACKAGE_ECOSYSTEMS.find((names) => names.includes(ecosystem));
      return group ? [{ ecosystem, dirs, group }] : [];
    });
    const named = (ecosystems: typeof required) =>
      listOf(ecosystems.map(({ ecosystem, dirs }) => `${ecosystem} (${dirs.map((dir) => `/${dir}`).join(', ')})`));
    if (dependabot) {
      const { path, updates, error } = dependabot;
      if (error) return fail(`${path} is not a Dependabot configuration GitHub can read: ${error}.`, [{ path }]);
      const configured = new Set(updates.map((update) => update.ecosystem));
      const missing = required.filter(({ group }) => !group.some((name) => configured.has(name)));
      const evidence = updates.map((update) => ({ path, line: update.line, note: `package-ecosystem: ${update.ecosystem}` }));
      const names = listOf([...configured]);
      if (missing.length > 0)
        return fail(
          names
            ? `${path} updates ${names}, but not ${named(missing)}, which the repository uses.`
            : `${path} has no package-ecosystem entry; the repository uses ${named(missing)}.`,
          [
            ...evidence,
            ...missing.map(({ ecosystem, dirs }) => ({ path, note: `missing package-ecosystem: ${ecosystem}, directory: /${dirs[0]}` })),
          ],
        );
      return pass(`Dependabot updates ${names || 'nothing yet'} (${path}).`, evidence.length > 0 ? evidence : [{ path }]);
    }
    const renovate = RENOVATE.find((path) => files.has(path));
    if (renovate) return pass(`Renovate is configured in ${renovate}.`, [{ path: renovate }]);
    const entries = required.length > 0 ? ` with an entry for ${named(required)}` : '';
    return fail(
      `No dependency update bot: expected .github/dependabot.yml${entries}, or a Renovate config file (renovate.json, .renovaterc, .github/renovate.json).`,
    );
  },
});
