import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { RELATION } from '../../catalog/relations.ts';
import { declarationEvidence, relationTarget, specString, withArticle } from './support/facts.ts';

/** Kinds that belong to a System in Backstage's model. */
const KINDS = new Set(['Component', 'API', 'Resource']);

export const systemSet = defineCheck({
  id: 'system-set',
  title: 'Part of a known system',
  category: 'catalog',
  description: '`spec.system` names a System that exists in the catalog.',
  why: 'Systems group what is built, deployed and owned together. Without one, a component shows up on no system page, its neighbours and APIs are hard to find, and nobody sees the whole when planning a change.',
  fix: [
    "Set `spec.system` in `catalog-info.yaml`, and declare the System once (in any repository, or the portal's content):",
    '',
    '```yaml',
    'apiVersion: backstage.io/v1alpha1',
    'kind: System',
    'metadata:',
    '  name: checkout',
    'spec:',
    '  owner: group:payments-team',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({}),
  needs: [],
  run(context) {
    const { entity, catalog } = context;
    if (!KINDS.has(entity.kind)) return notApplicable(`${entity.kind} entities do not belong to a System.`);
    const system = specString(entity, 'system');
    if (!system)
      return fail('spec.system is not set, so this belongs to no system.', declarationEvidence(entity, undefined, '/spec/system'));
    const ref = relationTarget(entity, RELATION.partOf) ?? `system:${entity.metadata.namespace}/${system}`.toLowerCase();
    const evidence = declarationEvidence(entity, `system: ${system}`, '/spec/system');
    const target = catalog.get(ref);
    if (!target) return fail(`spec.system names ${ref}, which is not in the catalog; declare that System or fix the name.`, evidence);
    if (target.kind !== 'System') return fail(`spec.system names ${ref}, which is ${withArticle(target.kind)}, not a System.`, evidence);
    return pass(`Part of the system ${ref}.`, evidence);
  },
});
