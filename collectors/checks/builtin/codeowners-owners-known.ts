import { z } from 'zod';
import { codeownersRef, isFromCodeowners } from '../../catalog/owners.ts';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count, listOf } from './support/facts.ts';

export const codeownersOwnersKnown = defineCheck({
  id: 'codeowners-owners-known',
  title: 'CODEOWNERS owners are in the catalog',
  category: 'ownership',
  description:
    "Every `@org/team` in CODEOWNERS is a Group `team` of the catalog, and every `@user` a User, declared or read from the GitHub organisation's teams.",
  why: 'A team renamed or dissolved in the organisation lingers in CODEOWNERS: reviews are requested from nobody and ownership looks settled when it is not. Matching owners against the catalog finds those stale names.',
  fix: [
    'Replace each unknown owner in CODEOWNERS with a team the catalog knows (see the Teams page), or add the missing team to the catalog (the `teams/` folder beside the portal.yaml).',
    'Group names are matched without the organisation: `@acme/payments-team` must be the Group `payments-team`. Email owners are not checked.',
    "The Groups and Users Cairn infers from CODEOWNERS itself do not count: they exist because the file names them, so they cannot tell a stale name from a real team. With `teams: true` on the github source, the organisation's real teams and members are read from GitHub.",
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['codeowners'],
  run(context) {
    const { codeowners } = context.facts;
    if (!codeowners || codeowners.rules.length === 0)
      return notApplicable('No CODEOWNERS rules to check (codeowners-present checks that there are some).');
    const evidence: Evidence[] = [];
    const missing = new Set<string>();
    const unconfirmed = new Set<string>();
    const known = new Set<string>();
    for (const rule of codeowners.rules) {
      for (const owner of new Set(rule.owners)) {
        const ref = codeownersRef(owner);
        if (!ref) continue; // Emails and malformed owners: codeowners-valid-syntax reports the latter.
        const target = context.catalog.get(ref);
        if (!target || (target.kind !== 'Group' && target.kind !== 'User')) {
          missing.add(owner);
          evidence.push({ path: codeowners.path, line: rule.line, note: `${owner} → ${ref} is not in the catalog` });
        } else if (isFromCodeowners(target)) {
          // Inferred from CODEOWNERS files, this one included: a renamed team would confirm itself.
          unconfirmed.add(owner);
          evidence.push({ path: codeowners.path, line: rule.line, note: `${owner} → ${ref} is only inferred from CODEOWNERS` });
        } else known.add(owner);
      }
    }
    if (missing.size + unconfirmed.size > 0) {
      const parts = [
        ...(missing.size > 0 ? [`${listOf([...missing], missing.size)} ${missing.size === 1 ? 'is' : 'are'} not in the catalog`] : []),
        ...(unconfirmed.size > 0
          ? [
              `${listOf([...unconfirmed], unconfirmed.size)} ${unconfirmed.size === 1 ? 'is' : 'are'} known only from CODEOWNERS files, with no declared Group or User or GitHub team to confirm ${unconfirmed.size === 1 ? 'it' : 'them'}`,
            ]
          : []),
      ];
      return fail(
        `${count(missing.size + unconfirmed.size, 'owner')} in ${codeowners.path} cannot be matched to the organisation's teams: ${parts.join('; ')}.`,
        capped(evidence),
      );
    }
    if (known.size === 0) return notApplicable(`${codeowners.path} names only email owners, which cannot be matched to catalog entities.`);
    return pass(`Every owner named in ${codeowners.path} is in the catalog (${count(known.size, 'owner')}).`, [{ path: codeowners.path }]);
  },
});
