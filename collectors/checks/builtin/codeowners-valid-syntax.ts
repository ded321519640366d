import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';

/** `@user`, `@org/team` (GitLab: nested groups, `@@role`) or an email address. */
const VALID_OWNER = /^@@?[\w.-]+(\/[\w.-]+)*$|^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** What GitHub's CODEOWNERS does not support of gitignore syntax: it silently ignores such rules. */
function unsupportedPattern(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return 'negation (!) is not supported';
  if (/\[[^\]]*\]/.test(pattern)) return 'character ranges ([ ]) are not supported';
  return undefined;
}

export const codeownersValidSyntax = defineCheck({
  id: 'codeowners-valid-syntax',
  title: 'CODEOWNERS rules are valid',
  category: 'ownership',
  description:
    'Every CODEOWNERS owner is `@user`, `@org/team` or an email, and no pattern uses syntax GitHub ignores (`!` negation, `[ ]` ranges), which a GitLab CODEOWNERS (in `.gitlab/`, or with sections) may use.',
  why: "GitHub skips CODEOWNERS lines it cannot parse without telling anyone (it shows the errors only on the file's page), so the owners on those lines never get review requests.",
  fix: [
    'Correct each line the evidence points at. Owners start with `@` (`@alice`, `@acme/payments-team`) or are email addresses; a team needs its organisation:',
    '',
    '```diff',
    '- /api/   payments-team',
    '+ /api/   @acme/payments-team',
    '```',
    '',
    'Replace `!` negations by a later rule with different owners.',
  ].join('\n'),
  effort: 'low',
  severity: 'error',
  options: z.object({}),
  needs: ['codeowners'],
  run(context) {
    const { codeowners } = context.facts;
    if (!codeowners || codeowners.rules.length === 0) return notApplicable('No CODEOWNERS rules to check.');
    const invalid: Evidence[] = [];
    for (const rule of codeowners.rules) {
      // GitLab matches with fnmatch, ranges included, and has `!` exclusions.
      const unsupported = codeowners.gitlab ? undefined : unsupportedPattern(rule.pattern);
      if (unsupported) invalid.push({ path: codeowners.path, line: rule.line, note: `${rule.pattern}: ${unsupported}` });
      for (const owner of rule.owners.filter((candidate) => !VALID_OWNER.test(candidate))) {
        invalid.push({ path: codeowners.path, line: rule.line, note: `"${owner}" is not @user, @org/team or an email` });
      }
    }
    if (invalid.length > 0)
      return fail(
        `${count(invalid.length, 'error')} in ${codeowners.path}; ${codeowners.gitlab ? 'GitLab' : 'GitHub'} ignores those rules or owners.`,
        capped(invalid),
      );
    return pass(`Every rule of ${codeowners.path} is valid (${count(codeowners.rules.length, 'rule')}).`, [{ path: codeowners.path }]);
  },
});
