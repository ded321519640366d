import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';

export const gitignorePresent = defineCheck({
  id: 'gitignore-present',
  title: '.gitignore present',
  category: 'hygiene',
  description: 'The repository has a .gitignore at its root.',
  why: 'Without a .gitignore, build output, dependencies, editor files and local secrets (.env) end up committed by the first `git add .`, where they bloat history and leak.',
  fix: 'Start from the template for your language at [github/gitignore](https://github.com/github/gitignore), e.g. `Node.gitignore`, saved as `.gitignore` at the root, and add `.env` if it is not there.',
  effort: 'low',
  severity: 'note',
  options: z.object({}),
  needs: ['files'],
  run(context) {
    if (context.facts.files.includes('.gitignore')) return pass('.gitignore exists at the root.', [{ path: '.gitignore' }]);
    return fail('No .gitignore at the repository root.');
  },
});
