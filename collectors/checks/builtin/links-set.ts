import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { declarationEvidence } from './support/facts.ts';

export const linksSet = defineCheck({
  id: 'links-set',
  title: 'Links set',
  category: 'catalog',
  description: 'The entity lists at least one link in `metadata.links` (dashboard, runbook, chat channel).',
  why: 'During an incident or a first visit, the useful places around a service (its dashboard, runbook, alerts, chat channel) should be one click from its catalog page, not a search through the wiki.',
  fix: [
    'Add links in `catalog-info.yaml`:',
    '',
    '```yaml',
    'metadata:',
    '  links:',
    '    - url: https://grafana.acme.dev/d/payments',
    '      title: Dashboard',
    '      icon: dashboard',
    '    - url: https://wiki.acme.dev/payments/runbook',
    '      title: Runbook',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({
    minLinks: z.number().int().positive().default(1).describe('Fewest links.'),
  }),
  needs: [],
  run(context) {
    const { entity } = context;
    const links = entity.metadata.links ?? [];
    const { minLinks } = context.options;
    if (links.length < minLinks)
      return fail(
        links.length === 0
          ? `metadata.links is ${entity.metadata.links === undefined ? 'not set' : 'empty'}.`
          : `metadata.links has ${links.length}; expected at least ${minLinks}.`,
        declarationEvidence(entity, undefined, '/metadata/links'),
      );
    return pass(
      `Links: ${links.map((link) => link.title ?? link.url).join(', ')}.`,
      declarationEvidence(entity, undefined, '/metadata/links'),
    );
  },
});
