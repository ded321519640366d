import { z } from 'zod';
import { isPlaceholderOwner } from '../../catalog/infer.ts';
import { isFromCodeowners, ownerNamespaceHint, ownerOrigin } from '../../catalog/owners.ts';
import { resolveReference } from '../../catalog/references.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { RELATION } from '../../catalog/relations.ts';
import { declarationEvidence, relationTarget, specString, withArticle } from './support/facts.ts';

/**
 * The owner's ref as the catalog resolved it (the `ownedBy` relation), or resolved here with
 * Backstage's rules (kind Group, the entity's namespace, compared lowercase) for an entity that has
 * no relations; undefined when Backstage could not parse it.
 */
function ownerRef(owner: string, namespace: string, relation: string | undefined): string | undefined {
  if (relation) return relation;
  try {
    return resolveReference(owner, { defaultKind: 'Group', defaultNamespace: namespace });
  } catch {
    return undefined;
  }
}

export const ownerKnownGroup = defineCheck({
  id: 'owner-known-group',
  title: 'Owner is a known team or person',
  category: 'ownership',
  description:
    "`spec.owner` names a Group or User that exists in the catalog: declared (in the portal's teams/ folder or a repository), read from the GitHub organisation's teams, or inferred from a team or user that CODEOWNERS names.",
  why: 'An owner that is not in the catalog routes questions, incidents and scorecard results to nobody. The owner has to be a real team (or person) the portal knows, with members and a page.',
  fix: [
    'Set `spec.owner` in `catalog-info.yaml` to a Group that exists, e.g. `owner: group:payments-team`.',
    "A team that CODEOWNERS names (`@acme/payments-team`) is the Group `payments-team`, and one of the organisation's GitHub teams is too when the github source has `teams: true`: `owner: payments-team` then resolves.",
    "Otherwise add the team to the portal's `teams/` folder, beside its portal.yaml (or to the repository that declares your groups):",
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
  severity: 'warning',
  options: z.object({}),
  needs: [],
  run(context) {
    const { entity, catalog } = context;
    const owner = specString(entity, 'owner');
    if (!owner) return notApplicable(`${entity.kind} entities have no spec.owner.`);
    const evidence = declarationEvidence(entity, `owner: ${owner}`, '/spec/owner');
    const ref = ownerRef(owner, entity.metadata.namespace, relationTarget(entity, RELATION.ownedBy));
    if (!ref)
      return fail(
        `The owner "${owner}" is not an entity ref Backstage can read; expected a Group name such as \`payments-team\` or a ref such as \`group:default/payments-team\`.`,
        evidence,
      );
    if (isPlaceholderOwner(entity, ref)) {
      return fail(
        'No owner is known: Cairn inferred this entity, as its repository declares no entity of its own, and no CODEOWNERS catch-all rule names a team or user. Declare its owner in catalog-info.yaml or add `* @org/team` to CODEOWNERS.',
        evidence,
      );
    }
    const target = catalog.get(ref);
    if (!target) {
      return fail(
        `The owner ${ref} is not in the catalog: no Group or User with that ref is declared, read from the GitHub organisation's teams, or named in a CODEOWNERS file.${ownerNamespaceHint(owner)}`,
        evidence,
      );
    }
    if (target.kind !== 'Group' && target.kind !== 'User')
      return fail(`The owner ${ref} is ${withArticle(target.kind)}; an owner must be a Group or a User.`, evidence);
    // A team CODEOWNERS names is one the forge requests reviews from, so it counts; the message says it is only inferred.
    const origin = ownerOrigin(target);
    const note = isFromCodeowners(target)
      ? "; declare it in the portal's teams/ folder, or read the organisation's teams (`teams: true`), to give it members"
      : '';
    return pass(`Owned by ${target.kind} ${ref}, ${origin}${note}.`, evidence);
  },
});
