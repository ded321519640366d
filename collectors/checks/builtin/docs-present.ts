import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { count, declarationEvidence, noRepository, requireFacts } from './support/facts.ts';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';

export const docsPresent = defineCheck({
  id: 'docs-present',
  title: 'Documentation present',
  category: 'docs',
  description: 'Beyond the README, there is documentation: a docs/ folder with pages (Markdown, reStructuredText or AsciiDoc), an mkdocs.yml, or a `backstage.io/techdocs-ref` annotation.',
  why: 'Anything running in production needs more than a README: architecture, runbooks, decisions. Docs kept in the repository next to the code are reviewed with it and stay current.',
  fix: [
    'Add a `docs/` folder with at least `docs/index.md`, and an `mkdocs.yml` so TechDocs can build it:',
    '',
    '```yaml',
    '# mkdocs.yml',
    'site_name: Payments',
    'nav:',
    '  - Overview: index.md',
    '  - Runbook: runbook.md',
    'plugins:',
    '  - techdocs-core',
    '```',
    '',
    'and annotate the entity in `catalog-info.yaml` with `backstage.io/techdocs-ref: dir:.`.',
  ].join('\n'),
  effort: 'medium',
  severity: 'warning',
  options: z.object({}),
  run(context) {
    const { entity } = context;
    const annotation = entity.metadata.annotations?.[TECHDOCS_REF];
    if (!context.facts && !annotation) return notApplicable(noRepository(entity));
    if (context.facts) {
      const needed = requireFacts(context, ['docs']);
      if (!needed.ok && !annotation) return needed.result;
      const docs = needed.ok ? needed.facts.docs : { pages: [] };
      if (docs.dir && docs.pages.length > 0) return pass(`${docs.dir}/ has ${count(docs.pages.length, 'documentation page')}.`, docs.pages.slice(0, 5).map((path) => ({ path })));
      if (docs.mkdocs) return pass(`Documentation is built from ${docs.mkdocs.path}.`, [{ path: docs.mkdocs.path }]);
    }
    if (annotation) return pass(`The entity points TechDocs at its documentation (${TECHDOCS_REF}: ${annotation}).`, declarationEvidence(entity, `${TECHDOCS_REF}: ${annotation}`));
    return fail(`No documentation beyond the README: no docs/ folder with pages, no mkdocs.yml and no ${TECHDOCS_REF} annotation.`);
  },
});
