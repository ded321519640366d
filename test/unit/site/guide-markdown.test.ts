import { describe, expect, it } from 'vitest';
import type { Guide } from '../../../collectors/contract/snapshot.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { guideBodyMarkdown, guideFacts } from '../../../site/lib/guide-markdown.ts';
import { indexStandards } from '../../../site/lib/standards.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = indexCatalog(snapshotFixture);
const standards = indexStandards(snapshotFixture);
const url = (path: string) => `https://portal.acme.dev/${path}`;

const GUIDE: Guide = {
  id: 'service-basics',
  file: 'content/guides/service-basics.mdx',
  title: 'Service basics',
  summary: 'A README and\nCODEOWNERS.',
  category: 'Start',
  owner: 'group:default/platform',
  status: 'recommended',
  reviewed: '2026-10-01',
  checks: ['has-readme', 'has-codeowners'],
  stale: true,
  headings: [],
  adoption: {
    entities: [
      { entityRef: 'component:default/payments-service', follows: true, missing: [] },
      { entityRef: 'component:default/checkout-web', follows: false, missing: ['has-codeowners'] },
    ],
    checks: [
      { id: 'has-readme', applicable: 2, passing: 2 },
      { id: 'has-codeowners', applicable: 2, passing: 1 },
    ],
  },
};

const markdown = (body: string, options: { headingShift?: number; minHeadingDepth?: number } = {}) =>
  guideBodyMarkdown({ guide: GUIDE, body, catalog, standards, url, ...options });

describe('a guide as Markdown', () => {
  it.each([
    {
      what: 'plain Markdown, kept as written',
      body: 'Some *text* with `code`.\n\n- a\n- b\n',
      expected: 'Some *text* with `code`.\n\n- a\n- b\n',
    },
    {
      what: 'a link to a portal page, made absolute',
      body: 'See [the check](/checks/has-readme/#why).',
      expected: 'See [the check](https://portal.acme.dev/checks/has-readme/#why).\n',
    },
    {
      what: 'a link elsewhere and an anchor, as written',
      body: '[x](https://example.com/a) and [y](#section)',
      expected: '[x](https://example.com/a) and [y](#section)\n',
    },
    {
      what: 'a link definition to a portal page',
      body: '[ci][]\n\n[ci]: /guides/build/ci/',
      expected: '[ci][]\n\n[ci]: https://portal.acme.dev/guides/build/ci/\n',
    },
    {
      what: '<Adoption />, as the figure the page shows',
      body: 'Intro.\n\n<Adoption />\n\nMore.',
      expected: 'Intro.\n\n**1 of 2** applicable services follow this path (50%).\n\nMore.\n',
    },
    {
      what: '<CheckList />, each check with its pass rate',
      body: '<CheckList />',
      expected:
        '- [Has a README](https://portal.acme.dev/checks/has-readme/) `has-readme`: 100% pass (2 of 2)\n- [Has CODEOWNERS](https://portal.acme.dev/checks/has-codeowners/) `has-codeowners`: 50% pass (1 of 2)\n',
    },
    {
      what: '<CheckList checks> for a subset',
      body: "<CheckList checks={['has-codeowners']} />",
      expected: '- [Has CODEOWNERS](https://portal.acme.dev/checks/has-codeowners/) `has-codeowners`: 50% pass (1 of 2)\n',
    },
    {
      what: '<Examples />, the services that follow',
      body: '<Examples limit={1} />',
      expected:
        'Services that follow this path, to copy from:\n\n- [Payments Service](https://portal.acme.dev/catalog/default/component/payments-service/)\n',
    },
    { what: '<Steps>, unwrapped', body: '<Steps>\n\n1. One\n2. Two\n\n</Steps>\n\nAfter.', expected: '1. One\n2. Two\n\nAfter.\n' },
    {
      what: '<Callout>, a quote with its title',
      body: '<Callout type="tip" title="Pick the name once">\n\nFirst.\n\nSee [it](/checks/has-ci/).\n\n</Callout>',
      expected: '> **Tip: Pick the name once**\n>\n> First.\n>\n> See [it](https://portal.acme.dev/checks/has-ci/).\n',
    },
    { what: '<Callout> without a title', body: '<Callout>\n\nCareful.\n\n</Callout>', expected: '> **Note**\n>\n> Careful.\n' },
    { what: 'an MDX comment, left out with its blank lines', body: 'A.\n\n{/* a note for authors */}\n\nB.', expected: 'A.\n\nB.\n' },
    {
      what: 'a component inside a code block, kept as code',
      body: '```mdx\n<Adoption />\n[x](/checks/y/)\n```',
      expected: '```mdx\n<Adoption />\n[x](/checks/y/)\n```\n',
    },
    { what: 'HTML elements, kept', body: 'A <kbd>Ctrl</kbd> key.', expected: 'A <kbd>Ctrl</kbd> key.\n' },
  ])('$what', ({ body, expected }) => {
    expect(markdown(body)).toBe(expected);
  });

  it.each([
    { options: {}, expected: '## Two\n\n### Three **bold**\n' },
    { options: { headingShift: 2, minHeadingDepth: 4 }, expected: '#### Two\n\n##### Three **bold**\n' },
  ])('moves headings down by $options.headingShift', ({ options, expected }) => {
    expect(markdown('## Two\n\n### Three **bold**', options)).toBe(expected);
  });

  it('keeps headings at H6 at most and at the least depth asked for, a setext heading too', () => {
    expect(markdown('# One\n\n##### Five\n\nTitle\n=====', { headingShift: 2, minHeadingDepth: 4 })).toBe(
      '#### One\n\n###### Five\n\n#### Title\n',
    );
  });

  it('says a guide’s facts one line each: category, status (stale marked), owner, review and the checks it teaches', () => {
    expect(guideFacts(GUIDE)).toEqual([
      '- Category: Start',
      '- Status: recommended (not reviewed recently)',
      '- Owner: group:default/platform',
      '- Reviewed: 2026-10-01',
      '- Teaches: `has-readme`, `has-codeowners`',
    ]);
    expect(guideFacts({ ...GUIDE, checks: [], stale: false }).at(-1)).toBe('- Reviewed: 2026-10-01');
  });
});
