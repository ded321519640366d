import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { declarationEvidence, specString, withArticle } from './support/facts.ts';

export const apiDefinition = defineCheck({
  id: 'api-definition',
  title: 'API definition present',
  category: 'catalog',
  description: 'An API entity carries its definition (OpenAPI, AsyncAPI, GraphQL, gRPC …) in `spec.definition`, not just a URL.',
  why: 'The definition is the API: without it consumers cannot see the operations and fields on its catalog page, and have to find the source or ask the team.',
  fix: [
    'Point `spec.definition` at the spec file in the repository; Cairn (like Backstage) inlines it:',
    '',
    '```yaml',
    'kind: API',
    'spec:',
    '  type: openapi',
    '  lifecycle: production',
    '  owner: group:payments-team',
    '  definition:',
    '    $text: ./openapi.yaml',
    '```',
    '',
    '`$text: https://…` is never fetched by Cairn, so the definition shows as a bare URL; keep the file in the repository.',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({
    allowUrl: z.boolean().default(false).describe('Accept a definition that is only a URL (a remote `$text` Cairn does not fetch).'),
  }),
  needs: [],
  run(context) {
    const { entity } = context;
    if (entity.kind !== 'API') return notApplicable(`Only API entities have a definition; this is ${withArticle(entity.kind)}.`);
    const definition = specString(entity, 'definition');
    if (!definition) return fail('spec.definition is empty.', declarationEvidence(entity, undefined, '/spec/definition'));
    const lines = definition.split('\n').length;
    if (/^https?:\/\/\S+$/.test(definition)) {
      const evidence = declarationEvidence(entity, definition, '/spec/definition');
      return context.options.allowUrl
        ? pass(`spec.definition is a link to ${definition}, which is accepted but not read.`, evidence)
        : fail(`spec.definition is only a URL (${definition}); Cairn does not fetch it, so the catalog shows no definition.`, evidence);
    }
    return pass(
      `spec.definition holds a ${String(entity.spec?.type ?? 'untyped')} definition of ${lines} line${lines === 1 ? '' : 's'}.`,
      declarationEvidence(entity, undefined, '/spec/definition'),
    );
  },
});
