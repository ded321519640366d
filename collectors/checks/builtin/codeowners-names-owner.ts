import { z } from 'zod';
import { isPlaceholderOwner } from '../../catalog/infer.ts';
import { codeownersRef } from '../../catalog/owners.ts';
import { RELATION } from '../../catalog/relations.ts';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count, listOf, relationTarget } from './support/facts.ts';

export const codeownersNamesOwner = defineCheck({
  id: 'codeowners-names-owner',
  title: 'CODEOWNERS asks the owner to review',
  category: 'ownership',
  description:
    "A CODEOWNERS rule names the entity's owner: its team (`@org/team` for the Group `team`), or a member of it, or the User who owns it.",
  why: 'The catalog says who owns a service; CODEOWNERS says who reviews its changes. When they disagree (the descriptor says `team-jvm`, CODEOWNERS `* @acme/team-python`), changes are approved by a team that does not own the service, and the owner learns of them in production. Keeping the two in step is what makes ownership real.',
  fix: [
    "Name the owner in CODEOWNERS, for the whole repository or for the entity's folder:",
    '',
    '```',
    '*   @acme/payments-team',
    '```',
    '',
    'Or, when CODEOWNERS is right, set `spec.owner` in `catalog-info.yaml` to that team.',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['codeowners'],
  run(context) {
    const { codeowners } = context.facts;
    const { entity, catalog } = context;
    if (!codeowners || codeowners.rules.length === 0)
      return notApplicable('No CODEOWNERS rules to look in (codeowners-present checks that there are some).');
    const owner = relationTarget(entity, RELATION.ownedBy);
    if (!owner || isPlaceholderOwner(entity, owner))
      return notApplicable('No owner to look for (owner-known-group checks that there is one).');
    // The owner, and when it is a Group, its members: a rule naming a member routes reviews to the team.
    const members = (catalog.get(owner)?.relations ?? [])
      .filter((relation) => relation.type === RELATION.hasMember)
      .map((relation) => relation.targetRef);
    const wanted = new Set([owner, ...members]);
    const naming: Evidence[] = [];
    const others = new Set<string>();
    let namesOwner = false;
    for (const rule of codeowners.rules)
      for (const handle of rule.owners) {
        const ref = codeownersRef(handle);
        if (ref && wanted.has(ref)) {
          naming.push({ path: codeowners.path, line: rule.line, note: `${rule.pattern} ${handle}` });
          namesOwner ||= ref === owner;
        } else others.add(handle);
      }
    if (naming.length > 0)
      return pass(
        `${codeowners.path} names ${namesOwner ? 'the owner' : 'a member of the owning team'} on ${count(naming.length, 'rule')}.`,
        capped(naming),
      );
    return fail(
      `No rule of ${codeowners.path} names ${owner}, the owner, or one of its members${
        others.size > 0 ? `: reviews go to ${listOf([...others], 5)}` : ''
      }.`,
      [{ path: codeowners.path }],
    );
  },
});
