import { z } from 'zod';
import { CATCH_ALL_PATTERNS } from '../../support/codeowners-paths.ts';
import { defineCheck, fail, pass } from '../check.ts';

export const codeownersCatchAll = defineCheck({
  id: 'codeowners-catch-all',
  title: 'CODEOWNERS has a catch-all owner',
  category: 'ownership',
  description: 'CODEOWNERS has a `*` rule with at least one owner, so every file has an owner.',
  why: 'Without a catch-all rule, files that no specific pattern covers (new folders, build files) have no owner: changes to them need no owner review and nobody is asked about them. Cairn also uses the catch-all owner when it has to infer an entity.',
  fix: [
    'Put a catch-all rule at the top of CODEOWNERS (later rules override it for their paths):',
    '',
    '```',
    '*   @acme/payments-team',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['codeowners'],
  run(context) {
    const { codeowners } = context.facts;
    if (!codeowners) return fail('No CODEOWNERS file, so no file has an owner.');
    const rule = codeowners.rules.findLast((candidate) => CATCH_ALL_PATTERNS.has(candidate.pattern));
    if (codeowners.catchAll && rule)
      return pass(`Every file is owned by ${codeowners.catchAll.join(' ')} unless a later rule says otherwise.`, [
        { path: codeowners.path, line: rule.line, note: `${rule.pattern} ${rule.owners.join(' ')}` },
      ]);
    if (rule)
      return fail(`The last \`${rule.pattern}\` rule of ${codeowners.path} names no owner, so files no other rule covers have none.`, [
        { path: codeowners.path, line: rule.line },
      ]);
    return fail(`${codeowners.path} has no catch-all \`*\` rule; files no other pattern covers have no owner.`, [
      { path: codeowners.path },
    ]);
  },
});
