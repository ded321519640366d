import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { declarationEvidence } from './support/facts.ts';

export const tagsSet = defineCheck({
  id: 'tags-set',
  title: 'Tags set',
  category: 'catalog',
  description: 'The entity has at least one tag in `metadata.tags` (language, framework, domain).',
  why: 'Tags are how people filter the catalog ("every Go service", "everything using Kafka") and how platform teams find who is affected by a change to a shared technology.',
  fix: [
    'Add tags in `catalog-info.yaml` (lowercase, `a-z0-9+#` and dashes):',
    '',
    '```yaml',
    'metadata:',
    '  tags: [go, grpc, kafka]',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({
    minTags: z.number().int().positive().default(1).describe('Fewest tags.'),
  }),
  needs: [],
  run(context) {
    const { entity } = context;
    const tags = entity.metadata.tags ?? [];
    const { minTags } = context.options;
    if (tags.length < minTags)
      return fail(
        tags.length === 0
          ? `metadata.tags is ${entity.metadata.tags === undefined ? 'not set' : 'empty'}.`
          : `metadata.tags has ${tags.length}; expected at least ${minTags}.`,
        declarationEvidence(entity, undefined, '/metadata/tags'),
      );
    return pass(`Tagged ${tags.join(', ')}.`, declarationEvidence(entity, tags.join(', '), '/metadata/tags'));
  },
});
