import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { declarationEvidence } from './support/facts.ts';

export const descriptionSet = defineCheck({
  id: 'description-set',
  title: 'Description set',
  category: 'catalog',
  description: '`metadata.description` says in a few words what the entity is (at least 3 words by default).',
  why: 'The description is what the catalog, search results and team pages show next to the name. Without it, people open repositories one by one to find out what each thing does.',
  fix: [
    'Add one sentence to `catalog-info.yaml`:',
    '',
    '```yaml',
    'metadata:',
    '  description: Takes card payments for the web shop and reconciles them nightly.',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({
    minWords: z.number().int().positive().default(3).describe('Fewest words a description must have.'),
  }),
  needs: [],
  run(context) {
    const { entity } = context;
    const description = entity.metadata.description?.trim() ?? '';
    const words = description.split(/\s+/).filter(Boolean).length;
    const { minWords } = context.options;
    if (words === 0) return fail('metadata.description is not set.', declarationEvidence(entity, undefined, '/metadata/description'));
    const evidence = declarationEvidence(
      entity,
      description.length > 80 ? `${description.slice(0, 77)}…` : description,
      '/metadata/description',
    );
    if (words < minWords)
      return fail(`metadata.description has ${words} word${words === 1 ? '' : 's'}; expected at least ${minWords}.`, evidence);
    const origin = entity.inferred ? ' (taken from the README or a manifest, as the entity is inferred)' : '';
    return pass(`metadata.description has ${words} words${origin}.`, evidence);
  },
});
