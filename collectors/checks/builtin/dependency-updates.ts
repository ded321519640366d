import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];
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
  description: 'Dependabot (`.github/dependabot.yml`) or Renovate (renovate.json, .renovaterc, .github/renovate.json …) is configured.',
  why: 'Most vulnerabilities that hit a service are in its dependencies, and are fixed upstream long before anyone upgrades by hand. A bot that opens update pull requests keeps the gap short and the upgrades small.',
  fix: [
    'Add `.github/dependabot.yml` with one entry per ecosystem in the repository:',
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
    'Or `renovate.json` with `{ "extends": ["config:recommended"] }`. A `renovate` key inside package.json is not detected: use a file.',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['files'],
  run(context) {
    const files = new Set(context.facts.files);
    const dependabot = DEPENDABOT.find((path) => files.has(path));
    if (dependabot) return pass(`Dependabot is configured in ${dependabot}.`, [{ path: dependabot }]);
    const renovate = RENOVATE.find((path) => files.has(path));
    if (renovate) return pass(`Renovate is configured in ${renovate}.`, [{ path: renovate }]);
    return fail(
      'No dependency update bot: expected .github/dependabot.yml or a Renovate config file (renovate.json, .renovaterc, .github/renovate.json).',
    );
  },
});
