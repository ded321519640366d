import { describe, expect, it } from 'vitest';
import type { CatalogEntity, Guide } from '../../../collectors/contract/snapshot.ts';
import { catalogExport, llmsFullTxt, llmsTxt, scorecardsExport } from '../../../site/lib/exports.ts';
import { indexStandards } from '../../../site/lib/standards.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const url = (path: string) => `https://portal.acme.dev/${path}`;

function guide(id: string, title: string, status: Guide['status'], category = 'Build'): Guide {
  return {
    id,
    file: `content/guides/${id}.mdx`,
    title,
    summary: `How to ${title.toLowerCase()}.`,
    category,
    owner: 'group:default/platform',
    status,
    reviewed: '2026-10-01',
    checks: [],
    stale: false,
    headings: [],
    adoption: { entities: [], checks: [] },
  };
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
      snapshotFixture.scorecards
        .map((scorecard) => ({ id: scorecard.id, title: scorecard.title, levels: scorecard.levels.map((level) => level.id) }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });
});

describe('llms.txt', () => {
  const text = llmsTxt({
    title: 'Acme Portal',
    guides: [
      guide('build/set-up-ci', 'Set up CI', 'recommended'),
      guide('build/jenkins', 'Jenkins', 'deprecated'),
      guide('start/new', 'Start a service', 'draft', 'Getting started'),
    ],
    entities: snapshotFixture.entities,
    url,
  });

  it('has llmstxt.org’s shape: an H1 title, a > summary, a pointer to llms-full.txt, then sections of links', () => {
    expect(text.split('\n').slice(0, 6)).toEqual([
      '# Acme Portal',
      '',
      expect.stringMatching(/^> The organisation's internal developer portal: /),
      '',
      'Every guide in full is in [llms-full.txt](https://portal.acme.dev/llms-full.txt).',
      '',
    ]);
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Acme Portal',
      '## Guides',
      '## Catalog',
      '## Data',
      '## Optional',
    ]);
    for (const line of text.split('\n').filter((entry) => entry.startsWith('- ')))
      expect(line).toMatch(/^- \[[^\n]+\]\(https:\/\/portal\.acme\.dev\/[^)]*\): \S/);
  });

  it('links the data files, the run history as optional', () => {
    const data = text.slice(text.indexOf('## Data'));
    for (const file of ['catalog.json', 'scorecards.json', 'standards.json'])
      expect(data.slice(0, data.indexOf('## Optional'))).toContain(`- [${file}](https://portal.acme.dev/${file}): `);
    expect(data.slice(data.indexOf('## Optional'))).toContain('- [history.json](https://portal.acme.dev/history.json): ');
  });

  it('lists the guides that are not deprecated, drafts marked', () => {
    const guides = text.slice(text.indexOf('## Guides'), text.indexOf('## Catalog'));
    expect(guides).toContain('- [Set up CI](https://portal.acme.dev/guides/build/set-up-ci/): How to set up ci.');
    expect(guides).toContain('- [Start a service](https://portal.acme.dev/guides/start/new/): How to start a service. (draft)');
    expect(guides).not.toContain('Jenkins');
  });

  it('lists the catalog by kind with type, owner and description, one line each, without users', () => {
    const catalog = text.slice(text.indexOf('## Catalog'), text.indexOf('## Data'));
    expect(catalog).toContain('- [Payments](https://portal.acme.dev/catalog/default/domain/payments/): Domain');
    expect(catalog).not.toMatch(/\/user\//);
    for (const entry of catalog.split('\n').filter((entry) => entry.startsWith('- ')))
      expect(entry).toMatch(/^- \[[^\n]*\]\(https:\/\/portal\.acme\.dev\/catalog\/[^)]+\): \S/);
  });

  it('escapes brackets and flattens newlines in repository text', () => {
    const hostile: CatalogEntity = {
      ...snapshotFixture.entities.find((entity) => entity.kind === 'Component')!,
      kind: 'Component',
      ref: 'component:default/x',
      metadata: { name: 'x', namespace: 'default', title: 'A ](javascript:alert(1)) [b', description: 'line one\n\n# not a heading' },
    };
    const line = llmsTxt({ title: 'T', guides: [], entities: [hostile], url })
      .split('\n')
      .find((entry) => entry.startsWith('- '));
    expect(line).toBe(
      '- [A \\](javascript:alert(1)) \\[b](https://portal.acme.dev/catalog/default/component/x/): Component (service), owned by payments-team, part of checkout. line one not a heading',
    );
  });

  it('escapes what reads as a tag or code in a title and the spec it quotes; names the owner the catalog resolved, not its spelling', () => {
    const component = snapshotFixture.entities.find((entity) => entity.kind === 'Component')!;
    const hostile: CatalogEntity = {
      ...component,
      ref: 'component:default/x',
      metadata: { name: 'x', namespace: 'default', title: "T</title><script>alert('t')</script>" },
      spec: { ...component.spec, type: '<img src=x onerror=alert(1)>', owner: '`team`' },
    };
    const line = llmsTxt({ title: 'T', guides: [], entities: [hostile], url })
      .split('\n')
      .find((entry) => entry.startsWith('- '));
    expect(line).toBe(
      "- [T\\</title\\>\\<script\\>alert('t')\\</script\\>](https://portal.acme.dev/catalog/default/component/x/): Component (\\<img src=x onerror=alert(1)\\>), owned by payments-team, part of checkout",
    );
  });

  it('gives a description as its text: link texts, not their URLs, no images or HTML, what reads as markup escaped', () => {
    const hostile: CatalogEntity = {
      ...snapshotFixture.entities.find((entity) => entity.kind === 'Component')!,
      ref: 'component:default/x',
      metadata: {
        name: 'x',
        namespace: 'default',
        description:
          "Harmless. [clickme](javascript:alert('x')) ![track](https://127.0.0.1:1/t.png) <img src=https://127.0.0.1:1/t2.png> \\[fake\\](https://evil.example)\n\n- one\n- two",
      },
    };
    const line = llmsTxt({ title: 'T', guides: [], entities: [hostile], url })
      .split('\n')
      .find((entry) => entry.startsWith('- '));
    expect(line).toMatch(
      /owned by payments-team, part of checkout\. Harmless\. clickme (\\<img [^ ]+\\> )?\\\[fake\\\]\(https:\/\/evil\.example\) one two$/,
    );
    expect(line).not.toMatch(/javascript:|t\.png|[^\\][<[]img/);
  });

  it('says an inferred entity of no known owner has none, not that a group named unknown owns it', () => {
    const lonely: CatalogEntity = {
      ...snapshotFixture.entities.find((entity) => entity.kind === 'Component')!,
      ref: 'component:default/lonely',
      metadata: { name: 'lonely', namespace: 'default' },
      spec: { type: 'library', lifecycle: 'unknown', owner: 'group:default/unknown' },
      relations: [],
      inferred: true,
    };
    const line = llmsTxt({ title: 'T', guides: [], entities: [lonely], url })
      .split('\n')
      .find((entry) => entry.startsWith('- '));
    expect(line).toBe('- [lonely](https://portal.acme.dev/catalog/default/component/lonely/): Component (library), no owner known');
  });
});

describe('llms-full.txt', () => {
  const guides = [guide('build/set-up-ci', 'Set up CI', 'recommended'), guide('build/jenkins', 'Jenkins', 'deprecated')];
  const text = llmsFullTxt({
    title: 'Acme Portal',
    guides: [{ ...guides[0]!, checks: ['has-readme'] }, guides[1]!],
    entities: snapshotFixture.entities,
    url,
    markdown: (entry) => (entry.id === 'build/set-up-ci' ? '#### Add the workflow\n\nCopy it.\n' : undefined),
  });

  it('starts as llms.txt does, pointing back at it', () => {
    expect(text.split('\n').slice(0, 6)).toEqual([
      '# Acme Portal',
      '',
      expect.stringMatching(/^> /),
      '',
      'The short index is [llms.txt](https://portal.acme.dev/llms.txt).',
      '',
    ]);
  });

  it('has every guide in full under its linked title: summary, facts, then its text; deprecated ones marked', () => {
    const section = text.slice(text.indexOf('## Guides'), text.indexOf('## Catalog'));
    expect(section).toBe(
      [
        '## Guides',
        '',
        '### [Jenkins](https://portal.acme.dev/guides/build/jenkins/)',
        '',
        'How to jenkins.',
        '',
        '- Category: Build',
        '- Status: deprecated',
        '- Owner: group:default/platform',
        '- Reviewed: 2026-10-01',
        '',
        '### [Set up CI](https://portal.acme.dev/guides/build/set-up-ci/)',
        '',
        'How to set up ci.',
        '',
        '- Category: Build',
        '- Status: recommended',
        '- Owner: group:default/platform',
        '- Reviewed: 2026-10-01',
        '- Teaches: `has-readme`',
        '',
        '#### Add the workflow',
        '',
        'Copy it.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('ends with the catalog and the data files, as llms.txt', () => {
    const short = llmsTxt({ title: 'Acme Portal', guides, entities: snapshotFixture.entities, url });
    expect(text.slice(text.indexOf('## Catalog'))).toBe(short.slice(short.indexOf('## Catalog')));
  });
});
