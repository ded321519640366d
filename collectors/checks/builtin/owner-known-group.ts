import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { declarationEvidence, relationTarget, specString, withArticle } from './support/facts.ts';

/** Backstage's default owner kind, and the namespace of the entity, as `spec.owner: team` means. */
function resolveOwner(owner: string, namespace: string): string {
  const [kind, rest] = owner.includes(':') ? [owner.slice(0, owner.indexOf(':')), owner.slice(owner.indexOf(':') + 1)] : ['group', owner];
  const [ns, name] = rest.includes('/') ? [rest.slice(0, rest.indexOf('/')), rest.slice(rest.indexOf('/') + 1)] : [namespace, rest];
  return `${kind}:${ns}/${name}`.toLowerCase();
}

export const ownerKnownGroup = defineCheck({
  id: 'owner-known-group',
  title: 'Owner is a known team',
  category: 'ownership',
  description: "`spec.owner` names a Group or User that exists in the catalog.",
  why: 'An owner that is not in the catalog routes questions, incidents and scorecard results to nobody. The owner has to be a real team (or person) the portal knows, with members and a page.',
  fix: [
    'Set `spec.owner` in `catalog-info.yaml` to a Group that exists, e.g. `owner: group:payments-team`.',
    'If the team is missing, add it to the portal\'s `content/teams/` (or to the repository that declares your groups):',
    '',
    '```yaml',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Group',
    'metadata:',
    '  name: payments-team',
    'spec:',
    '  type: team',
    '  children: []',
    '```',
  ].join('\n'),
  effort: 'low',
  options: z.object({}),
  run(context) {
    const { entity, catalog } = context;
    const owner = specString(entity, 'owner');
    if (!owner) return notApplicable(`${entity.kind} entities have no spec.owner.`);
    const ref = relationTarget(entity, 'ownedBy') ?? resolveOwner(owner, entity.metadata.namespace);
    const evidence = declarationEvidence(entity, `owner: ${owner}`);
    const target = catalog.get(ref);
    if (!target) {
      const hint = entity.inferred ? ' Cairn inferred this entity; declare its owner in catalog-info.yaml or name a team in a CODEOWNERS catch-all rule.' : '';
      return fail(`The owner ${ref} is not in the catalog; expected a Group or User with that ref.${hint}`, evidence);
    }
    if (target.kind !== 'Group' && target.kind !== 'User') return fail(`The owner ${ref} is ${withArticle(target.kind)}; an owner must be a Group or a User.`, evidence);
    return pass(`Owned by ${target.kind} ${ref}.`, evidence);
  },
});
