import { z } from 'zod';
import type { CatalogEntity } from '../../catalog/schema.ts';
import { defineCheck, fail, pass, type CheckResult } from '../check.ts';
import { count, declarationEvidence } from './support/facts.ts';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';

function techdocsRef(entity: CatalogEntity): string | undefined {
  return entity.metadata.annotations?.[TECHDOCS_REF];
}

function pointsTechDocs(entity: CatalogEntity): CheckResult {
  const annotation = techdocsRef(entity);
  return pass(
    `The entity points TechDocs at its documentation (${TECHDOCS_REF}: ${annotation}).`,
    declarationEvidence(entity, `${TECHDOCS_REF}: ${annotation}`, '/metadata/annotations'),
  );
}

export const docsPresent = defineCheck({
  id: 'docs-present',
  title: 'Documentation present',
  category: 'docs',
  description:
    "Beyond the README, there is documentation: a docs/ folder with pages (Markdown, reStructuredText or AsciiDoc), an mkdocs.yml, a documentation website's pages beside the code (`site/content/`, `website/docs/` …), or a `backstage.io/techdocs-ref` annotation.",
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
  // The annotation is enough where the repository's docs are unknown: no repository, or no docs fact.
  precheck: ({ entity, facts }) => (techdocsRef(entity) && !facts?.docs ? pointsTechDocs(entity) : undefined),
  needs: ['docs'],
  run(context) {
    const { entity } = context;
    const { docs } = context.facts;
    if (docs.dir && docs.pages.length > 0) {
      const unpublished = docs.sphinx
        ? `a Sphinx project (${docs.sphinx})`
        : docs.website
          ? "a documentation website's sources"
          : undefined;
      return pass(
        `${docs.dir}/ has ${count(docs.pages.length, 'documentation page')}${unpublished ? `: ${unpublished}, which the portal does not publish` : ''}.`,
        docs.pages.slice(0, 5).map((path) => ({ path })),
      );
    }
    if (docs.mkdocs) return pass(`Documentation is built from ${docs.mkdocs.path}.`, [{ path: docs.mkdocs.path }]);
    if (techdocsRef(entity)) return pointsTechDocs(entity);
    return fail(`No documentation beyond the README: no docs/ folder with pages, no mkdocs.yml and no ${TECHDOCS_REF} annotation.`);
  },
});
