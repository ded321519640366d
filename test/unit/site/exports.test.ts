import { describe, expect, it } from 'vitest';
import type { CatalogEntity, Guide } from '../../../collectors/snapshot.ts';
import { catalogExport, llmsTxt, scorecardsExport } from '../../../site/lib/exports.ts';
import { indexStandards } from '../../../site/lib/standards.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const url = (path: string) => `https://portal.acme.dev/${path}`;

function guide(id: string, title: string, status: Guide['status'], category = 'Build'): Guide {
  return { id, file: `content/guides/${id}.mdx`, title, summary: `How to ${title.toLowerCase()}.`, category, owner: 'group:default/platform', status, reviewed: '2026-10-01', checks: [], stale: false, headings: [], adoption: { entities: [], checks: [] } };
}

describe('catalog.json', () => {
  it('has every entity, sorted by ref, as Backstage has it plus where it was declared', () => {
    const exported = catalogExport([...snapshotFixture.entities].reverse(), snapshotFixture.generatedAt);
    expect(exported.entities.map((entity) => entity.ref)).toEqual(snapshotFixture.entities.map((entity) => entity.ref).sort());
    const payments = exported.entities.find((entity) => entity.ref === 'component:default/payments-service')!;
    expect(Object.keys(payments)).toEqual(['ref', 'apiVersion', 'kind', 'metadata', 'spec', 'relations', 'source', 'inferred']);
    expect(payments.relations.length).toBeGreaterThan(0);
  });
});

describe('scorecards.json', () => {
  it('lists the scorecards with their levels, in id order', () => {
    expect(scorecardsExport(indexStandards(snapshotFixture), [], 'x', url).scorecards).toEqual(
      snapshotFixture.scorecards.map((scorecard) => ({ id: scorecard.id, title: scorecard.title, levels: scorecard.levels.map((level) => level.id) })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });
});

describe('llms.txt', () => {
  const text = llmsTxt({
    title: 'Acme Portal',
    guides: [guide('build/set-up-ci', 'Set up CI', 'recommended'), guide('build/jenkins', 'Jenkins', 'deprecated'), guide('start/new', 'Start a service', 'draft', 'Getting started')],
    entities: snapshotFixture.entities,
    url,
  });

  it('starts with the title and a summary pointing at the full exports', () => {
    expect(text.split('\n').slice(0, 3)).toEqual(['# Acme Portal', '', expect.stringMatching(/^> .*https:\/\/portal\.acme\.dev\/catalog\.json.*https:\/\/portal\.acme\.dev\/scorecards\.json/)]);
  });

  it('lists the guides that are not deprecated, drafts marked', () => {
    const guides = text.slice(text.indexOf('## Guides'), text.indexOf('## Catalog'));
    expect(guides).toContain('- [Set up CI](https://portal.acme.dev/guides/build/set-up-ci/): How to set up ci.');
    expect(guides).toContain('- [Start a service](https://portal.acme.dev/guides/start/new/): How to start a service. (draft)');
    expect(guides).not.toContain('Jenkins');
  });

  it('lists the catalog by kind with type, owner and description, one line each, without users', () => {
    const catalog = text.slice(text.indexOf('## Catalog'));
    expect(catalog).toContain('- [Payments](https://portal.acme.dev/catalog/default/domain/payments/): Domain');
    expect(catalog).not.toMatch(/\/user\//);
    for (const entry of catalog.split('\n').filter((entry) => entry.startsWith('- '))) expect(entry).toMatch(/^- \[[^\n]*\]\(https:\/\/portal\.acme\.dev\/catalog\/[^)]+\): \S/);
  });

  it('escapes brackets and flattens newlines in repository text', () => {
    const hostile: CatalogEntity = { ...snapshotFixture.entities.find((entity) => entity.kind === 'Component')!, kind: 'Component', ref: 'component:default/x', metadata: { name: 'x', namespace: 'default', title: 'A ](javascript:alert(1)) [b', description: 'line one\n\n# not a heading' } };
    const line = llmsTxt({ title: 'T', guides: [], entities: [hostile], url }).split('\n').find((entry) => entry.startsWith('- '));
    expect(line).toBe('- [A \\](javascript:alert(1)) \\[b](https://portal.acme.dev/catalog/default/component/x/): Component (service), owned by payments-team, part of checkout. line one # not a heading');
  });
});
