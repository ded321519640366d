import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count, requireFacts } from './support/facts.ts';

/** The catalog ref a CODEOWNERS owner stands for: `@org/team` → the Group `team`, `@user` → the User `user`. */
function ownerRef(owner: string): string | undefined {
  const team = owner.match(/^@[^/\s@]+\/([^/\s]+)$/)?.[1];
  if (team) return `group:default/${team.toLowerCase()}`;
  const user = owner.match(/^@([^/\s@]+)$/)?.[1];
  if (user) return `user:default/${user.toLowerCase()}`;
  return undefined;
}

export const codeownersOwnersKnown = defineCheck({
  id: 'codeowners-owners-known',
  title: 'CODEOWNERS owners are in the catalog',
  category: 'ownership',
  description: 'Every `@org/team` in CODEOWNERS is a Group `team` of the catalog, and every `@user` a User.',
  why: 'A team renamed or dissolved in the organisation lingers in CODEOWNERS: reviews are requested from nobody and ownership looks settled when it is not. Matching owners against the catalog finds those stale names.',
  fix: [
    'Replace each unknown owner in CODEOWNERS with a team the catalog knows (see the Teams page), or add the missing team to the catalog (`content/teams/`).',
    'Group names are matched without the organisation: `@acme/payments-team` must be the Group `payments-team`. Email owners are not checked.',
  ].join('\n'),
  effort: 'low',
  options: z.object({}),
  run(context) {
    const needed = requireFacts(context, ['codeowners']);
    if (!needed.ok) return needed.result;
    const { codeowners } = needed.facts;
    if (!codeowners || codeowners.rules.length === 0) return notApplicable('No CODEOWNERS rules to check (codeowners-present checks that there are some).');
    const unknown: Evidence[] = [];
    const unknownOwners = new Set<string>();
    const known = new Set<string>();
    for (const rule of codeowners.rules) {
      for (const owner of new Set(rule.owners)) {
        const ref = ownerRef(owner);
        if (!ref) continue; // Emails and malformed owners: codeowners-valid-syntax reports the latter.
        const target = context.catalog.get(ref);
        if (target && (target.kind === 'Group' || target.kind === 'User')) known.add(owner);
        else {
          unknownOwners.add(owner);
          unknown.push({ path: codeowners.path, line: rule.line, note: `${owner} → ${ref} is not in the catalog` });
        }
      }
    }
    if (unknownOwners.size > 0) {
      const verb = unknownOwners.size === 1 ? 'is' : 'are';
      return fail(`${count(unknownOwners.size, 'owner')} in ${codeowners.path} ${verb} not in the catalog: ${[...unknownOwners].join(', ')}.`, capped(unknown));
    }
    if (known.size === 0) return notApplicable(`${codeowners.path} names only email owners, which cannot be matched to catalog entities.`);
    return pass(`Every owner named in ${codeowners.path} is in the catalog (${count(known.size, 'owner')}).`, [{ path: codeowners.path }]);
  },
});
