import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';

export const readmePresent = defineCheck({
  id: 'readme-present',
  title: 'README present',
  category: 'docs',
  description: 'The repository has a README at its root with more than a placeholder in it.',
  why: 'The README is the first page anyone opens: a newcomer, an on-call engineer from another team, a reviewer. A missing or one-line README means every one of them has to ask someone.',
  fix: [
    'Add `README.md` at the repository root that says what this is, who owns it and how to run it:',
    '',
    '```markdown',
    '# Payments',
    '',
    'Takes card payments for the web shop and reconciles them nightly. Owned by the payments team (#payments).',
    '',
    '## Usage',
    '',
    'npm ci && npm start',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({
    minWords: z.number().int().nonnegative().default(50).describe('Fewest words a README must have to count as written.'),
  }),
  needs: ['readme'],
  run(context) {
    const { readme } = context.facts;
    const { minWords } = context.options;
    if (!readme)
      return fail(
        'No readable README at the repository root (README.md, README.rst, README.txt …); expected one that explains what this is and how to use it.',
      );
    const evidence = [{ path: readme.path }];
    if (readme.words < minWords)
      return fail(
        `${readme.path} has ${readme.words} words; at least ${minWords} are expected for a README that explains what this is and how to use it.`,
        evidence,
      );
    return pass(`${readme.path} has ${readme.words} words.`, evidence);
  },
});
