import { z } from 'zod';
import { codeownersRef } from '../../catalog/owners.ts';
import { RELATION } from '../../catalog/relations.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { rulesFor } from './support/codeowners.ts';
import { listOf, relationTarget } from './support/facts.ts';

export const codeownersNamesOwner = defineCheck({
  id: 'codeowners-names-owner',
  title: 'CODEOWNERS asks the owner to review',
  category: 'ownership',
  description:
    "The CODEOWNERS rule that decides who reviews the entity's descriptor (the last one matching it; in a GitLab file with sections, the last of any section) names the entity's owner: its team (`@org/team` for the Group `team`), a member of it, or the User who owns it.",
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
    // Who reviews the entity's descriptor, and so its folder: the last rule matching it, as GitHub reads CODEOWNERS (GitLab: the last of each section).
    const file = entity.source.file;
    const deciding = rulesFor(codeowners, file);
    if (deciding.length === 0)
      return fail(`No rule of ${codeowners.path} covers ${file}: nobody is asked to review it.`, [{ path: codeowners.path }]);
    // The owner, and when it is a Group, its members: a rule naming a member routes reviews to the team.
    const members = (catalog.get(owner)?.relations ?? [])
      .filter((relation) => relation.type === RELATION.hasMember)
      .map((relation) => relation.targetRef);
    const named = (rule: (typeof deciding)[number]) => rule.owners.map(codeownersRef);
    const where = (rules: typeof deciding) =>
      rules.length === 1
        ? `${codeowners.path} line ${rules[0]!.line} (\`${rules[0]!.pattern}\`), the rule for ${file},`
        : `${codeowners.path} lines ${listOf(
            rules.map((rule) => String(rule.line)),
            rules.length,
          )}, the rules for ${file} in their sections,`;
    const evidenceOf = (rules: typeof deciding) =>
      rules.map((rule) => ({ path: codeowners.path, line: rule.line, note: `${rule.pattern} ${rule.owners.join(' ')}`.trim() }));
    const naming = deciding.find((rule) => named(rule).includes(owner));
    if (naming) return pass(`${where([naming])} names the owner.`, evidenceOf([naming]));
    const namingMember = deciding.find((rule) => named(rule).some((ref) => ref !== undefined && members.includes(ref)));
    if (namingMember) return pass(`${where([namingMember])} names a member of the owning team.`, evidenceOf([namingMember]));
    const asked = [...new Set(deciding.flatMap((rule) => rule.owners))];
    return fail(
      asked.length === 0
        ? `${where(deciding)} ${deciding.length === 1 ? 'names' : 'name'} nobody, so nobody is asked to review it.`
        : `${where(deciding)} ${deciding.length === 1 ? 'asks' : 'ask'} ${listOf(asked, 5)} to review, not ${owner}, the owner, or one of its members.`,
      evidenceOf(deciding),
    );
  },
});
