import { z } from 'zod';
import { codeownersRef } from '../../catalog/owners.ts';
import { RELATION } from '../../catalog/relations.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { ruleFor } from './support/codeowners.ts';
import { listOf, relationTarget } from './support/facts.ts';

export const codeownersNamesOwner = defineCheck({
  id: 'codeowners-names-owner',
  title: 'CODEOWNERS asks the owner to review',
  category: 'ownership',
  description:
    "The CODEOWNERS rule that decides who reviews the entity's descriptor (the last one matching it) names the entity's owner: its team (`@org/team` for the Group `team`), a member of it, or the User who owns it.",
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
    if (entity.inferred)
      return notApplicable('Inferred from the repository: its owner is read from CODEOWNERS, so the two cannot disagree.');
    if (entity.codeRepo !== undefined)
      return notApplicable(
        `Declared in ${entity.source.repo}, with its code in ${entity.codeRepo}: the rule for its descriptor is in another repository's CODEOWNERS than the one read.`,
      );
    const owner = relationTarget(entity, RELATION.ownedBy);
    if (!owner) return notApplicable('No owner to look for (owner-known-group checks that there is one).');
    // Who reviews the entity's descriptor, and so its folder: the last rule matching it, as GitHub reads CODEOWNERS.
    const file = entity.source.file;
    const rule = ruleFor(codeowners.rules, file);
    if (!rule) return fail(`No rule of ${codeowners.path} covers ${file}: nobody is asked to review it.`, [{ path: codeowners.path }]);
    const where = `${codeowners.path} line ${rule.line} (\`${rule.pattern}\`), the rule for ${file},`;
    // The owner, and when it is a Group, its members: a rule naming a member routes reviews to the team.
    const members = (catalog.get(owner)?.relations ?? [])
      .filter((relation) => relation.type === RELATION.hasMember)
      .map((relation) => relation.targetRef);
    const named = rule.owners.map(codeownersRef);
    const evidence = [{ path: codeowners.path, line: rule.line, note: `${rule.pattern} ${rule.owners.join(' ')}`.trim() }];
    if (named.includes(owner)) return pass(`${where} names the owner.`, evidence);
    if (named.some((ref) => ref !== undefined && members.includes(ref)))
      return pass(`${where} names a member of the owning team.`, evidence);
    return fail(
      rule.owners.length === 0
        ? `${where} names nobody, so nobody is asked to review it.`
        : `${where} asks ${listOf(rule.owners, 5)} to review, not ${owner}, the owner, or one of its members.`,
      evidence,
    );
  },
});
