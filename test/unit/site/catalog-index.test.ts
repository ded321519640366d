import { describe, expect, it } from 'vitest';
import { createRowFilter, shownValue } from '../../../site/lib/catalog-filter.ts';
import { catalogFilterData, catalogPages, catalogRows, facetsWithoutValue } from '../../../site/lib/catalog-index.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const rows = catalogRows(indexCatalog(snapshotFixture));
const data = catalogFilterData(rows);

/** Names of the rows a query keeps. */
function filtered(text: string, facets: Record<string, string> = {}): string[] {
  const matches = createRowFilter(data, { text, facets });
  return rows.filter((_, index) => matches(data.rows[index]!)).map((row) => row.name);
}

describe('catalog rows', () => {
  it('has one row per entity, sorted by kind then name', () => {
    expect(rows.map((row) => `${row.kind}:${row.name}`)).toEqual([
      'API:payments-api',
      'Component:billing-scripts',
      'Component:checkout-web',
      'Component:hostile',
      'Component:payments-service',
      'Domain:payments',
      'Group:engineering',
      'Group:payments-team',
      'Group:platform',
      'Resource:payments-db',
      'System:checkout',
      'User:alice',
      'User:bob',
      'User:carol',
    ]);
  });

  it('shapes a row from the entity, its relations and its repository', () => {
    expect(rows.find((row) => row.name === 'payments-service')).toEqual({
      ref: 'component:default/payments-service',
      href: '/catalog/default/component/payments-service/',
      name: 'payments-service',
      title: 'Payments Service',
      description: 'Charges cards and issues refunds.',
      kind: 'Component',
      type: 'service',
      owner: { text: 'payments-team', href: '/catalog/default/group/payments-team/' },
      lifecycle: 'production',
      system: { text: 'checkout', href: '/catalog/default/system/checkout/' },
      language: 'Go',
      inferred: false,
      tags: ['go', 'pci'],
    });
    expect(rows.find((row) => row.name === 'billing-scripts')).toMatchObject({
      inferred: true,
      language: 'Python',
      owner: { text: 'platform' },
    });
  });
});

describe('catalog filter', () => {
  it('encodes each facet as an index into its sorted values, -1 when absent', () => {
    expect(data.values.owner).toEqual(['payments-team', 'platform']);
    expect(data.values.kind).toEqual(['API', 'Component', 'Domain', 'Group', 'Resource', 'System', 'User']);
    expect(data.rows[0]!.slice(0, 6)).toEqual([
      0,
      3,
      0,
      1,
      0,
      'payments-api payments api charge and refund over http. payments-team checkout',
    ]);
    expect(data.rows.at(-1)!.slice(0, 6)).toEqual([6, -1, -1, -1, -1, 'carol']);
  });

  it('carries what each row shows, so the page’s script can draw every entity', () => {
    expect(data.rows[0]!.slice(6)).toEqual(['payments-api', '/catalog/default/api/payments-api/', 'Payments API', 0, '', 0]);
    expect(data.rows.find((row) => row[6] === 'billing-scripts')!.slice(6)).toEqual([
      'billing-scripts',
      '/catalog/default/component/billing-scripts/',
      '',
      -1,
      '',
      1,
    ]);
    expect(data.rows.find((row) => row[6] === 'payments-service')!.slice(9)).toEqual([0, 'go, pci', 0]);
    expect(data.systems).toEqual([['checkout', '/catalog/default/system/checkout/']]);
    expect(data.ownerHrefs).toEqual(['/catalog/default/group/payments-team/', '/catalog/default/group/platform/']);
  });

  it('splits the table into pages of 200 for readers without JavaScript', () => {
    const many = Array.from({ length: 450 }, (_, index) => ({ ...rows[0]!, name: `n${index}` }));
    const pages = catalogPages(many);
    expect(pages.map((page) => [page.rows.length, page.rows[0]!.name, page.pagination.range])).toEqual([
      [200, 'n0', '1–200 of 450'],
      [200, 'n200', '201–400 of 450'],
      [50, 'n400', '401–450 of 450'],
    ]);
    expect(pages[0]!.pagination.next).toBe('/catalog/page/2/');
    expect(catalogPages(rows)).toHaveLength(1);
  });

  it.each([
    ['', {}, 14],
    ['', { kind: 'Group' }, 3],
    ['', { kind: 'Component', lifecycle: 'production' }, 3],
    ['', { owner: 'platform' }, 3],
    // A link may name the owner by its full ref; a value no row has matches nothing, not the rows without one.
    ['', { owner: 'group:default/platform' }, 3],
    ['', { owner: 'group:platform' }, 3],
    ['', { owner: 'Group:Default/Platform' }, 3],
    ['', { owner: 'PLATFORM' }, 3],
    ['', { owner: 'nobody' }, 0],
    ['', { owner: '(none)' }, 6],
    ['', { kind: 'Component', owner: '(none)' }, 0],
    ['', { language: 'TypeScript' }, 1],
    ['pci', {}, 1],
    ['PAYMENTS team', {}, 6],
    ['payments', { kind: 'Component' }, 2],
    ['', { kind: 'Template' }, 0],
    ['no such thing', {}, 0],
  ])('text %j with %j keeps %i rows', (text, facets, count) => {
    expect(filtered(text, facets)).toHaveLength(count);
  });

  it.each([
    ['user:default/alice', 'user:alice'],
    ['User:Default/Alice', 'user:alice'],
    ['group:ops/maintainers', 'ops/maintainers'],
    ['maintainers', 'maintainers'],
    ['(none)', '(none)'],
  ])('reads the owner %s of a link as %s', (written, shown) => {
    const owners = { ...data, values: { ...data.values, owner: ['ops/maintainers', 'platform', 'user:alice'] } };
    expect(shownValue(owners, 'owner', written)).toBe(shown);
  });

  it('offers "none" for the facets some entity has no value for', () => {
    expect(facetsWithoutValue(rows)).toEqual(['type', 'owner', 'lifecycle', 'language']);
  });

  it('requires every word of the text, in any order', () => {
    expect(filtered('checkout payments-team', { kind: 'Component' })).toEqual(['checkout-web', 'payments-service']);
  });
});
