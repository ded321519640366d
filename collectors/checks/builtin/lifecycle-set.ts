import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { declarationEvidence, specString } from './support/facts.ts';

/** Kinds whose spec has a lifecycle in Backstage's schemas. */
const KINDS = new Set(['Component', 'API']);

export const lifecycleSet = defineCheck({
  id: 'lifecycle-set',
  title: 'Lifecycle set',
  category: 'catalog',
  description: '`spec.lifecycle` is one of the known stages (experimental, production, deprecated by default).',
  why: 'The lifecycle tells readers whether they may depend on something, and tells scorecards what to expect of it: a production service is held to a higher bar than an experiment, and a deprecated one should not gain new users.',
  fix: [
    'Set the lifecycle in `catalog-info.yaml`:',
    '',
    '```yaml',
    'spec:',
    '  lifecycle: production   # or experimental, deprecated',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({
    allowed: z
      .array(z.string().min(1))
      .default(['experimental', 'production', 'deprecated'])
      .describe("Lifecycle values that count as set (Backstage's well-known ones by default)."),
  }),
  needs: [],
  run(context) {
    const { entity } = context;
    if (!KINDS.has(entity.kind)) return notApplicable(`${entity.kind} entities have no lifecycle.`);
    const lifecycle = specString(entity, 'lifecycle');
    const allowed = context.options.allowed;
    if (!lifecycle)
      return fail(
        `spec.lifecycle is not set; expected one of ${allowed.join(', ')}.`,
        declarationEvidence(entity, undefined, '/spec/lifecycle'),
      );
    const evidence = declarationEvidence(entity, `lifecycle: ${lifecycle}`, '/spec/lifecycle');
    if (!allowed.some((value) => value.toLowerCase() === lifecycle.toLowerCase())) {
      const inferred = entity.inferred ? ' Cairn inferred this entity, so its lifecycle is unknown; declare it in catalog-info.yaml.' : '';
      return fail(`spec.lifecycle is "${lifecycle}"; expected one of ${allowed.join(', ')}.${inferred}`, evidence);
    }
    return pass(`spec.lifecycle is ${lifecycle}.`, evidence);
  },
});
