import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';

/** Where GitHub looks for contributing guidelines: the root, .github/ and docs/. */
const CONTRIBUTING = /^(\.github\/|docs\/)?contributing(\.(md|markdown|rst|txt|adoc))?$/i;

export const contributingPresent = defineCheck({
  id: 'contributing-present',
  title: 'Contributing guide present',
  category: 'docs',
  description: 'The repository has contributing guidelines (CONTRIBUTING.md at the root, in .github/ or in docs/).',
  why: 'Inner source works when another team can send a change without a meeting first. A contributing guide says how to build and test locally, how changes are reviewed and who decides.',
  fix: [
    'Add `CONTRIBUTING.md` (GitHub links it from every new pull request):',
    '',
    '```markdown',
    '# Contributing',
    '',
    '1. Run `npm ci && npm test` before pushing.',
    '2. Open a pull request; the payments team reviews within two working days.',
    '3. Changes to the public API need an entry in CHANGELOG.md.',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({}),
  needs: ['files'],
  run(context) {
    const guide = context.facts.files.find((path) => CONTRIBUTING.test(path));
    if (guide) return pass(`Contributing guidelines are in ${guide}.`, [{ path: guide }]);
    return fail('No contributing guide: expected CONTRIBUTING.md at the root, in .github/ or in docs/.');
  },
});
