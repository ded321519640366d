import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { count } from './support/facts.ts';

export const codeownersPresent = defineCheck({
  id: 'codeowners-present',
  title: 'CODEOWNERS present',
  category: 'ownership',
  description: 'The repository has a CODEOWNERS file (in .github/, the root, docs/ or .gitlab/) with at least one rule.',
  why: 'CODEOWNERS makes the owning team a required reviewer of changes to its code, and tells anyone reading a file whom to ask. Without it, reviews go to whoever happens to be around.',
  fix: [
    'Add `.github/CODEOWNERS`:',
    '',
    '```',
    '# Everything belongs to the payments team unless a later rule says otherwise.',
    '*           @acme/payments-team',
    '/docs/      @acme/payments-team @acme/tech-writers',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['codeowners'],
  run(context) {
    const { codeowners } = context.facts;
    if (!codeowners) return fail('No CODEOWNERS file in .github/, the repository root, docs/ or .gitlab/.');
    if (codeowners.rules.length === 0)
      return fail(`${codeowners.path} has no rules; expected at least one pattern with an owner, e.g. \`* @org/team\`.`, [
        { path: codeowners.path },
      ]);
    return pass(`${codeowners.path} has ${count(codeowners.rules.length, 'rule')}.`, [
      { path: codeowners.path, line: codeowners.rules[0]!.line },
    ]);
  },
});
