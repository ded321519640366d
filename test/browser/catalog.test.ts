import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';
import { axeViolations, useFixtureSite } from '../helpers/fixture-browser.ts';

const { open } = useFixtureSite();

/** The entity names of the catalog rows a reader can see. */
async function visibleNames(page: Page): Promise<string[]> {
  return page.locator('#catalog-table tbody tr:visible th a').allTextContents();
}

describe('the catalog page', () => {
  it('filters rows by search text and kind', async () => {
    const page = await open('catalog/');
    const search = page.getByRole('searchbox', { name: 'Search', exact: true });
    await expect.poll(() => search.isVisible()).toBe(true);
    expect(await visibleNames(page)).toHaveLength(snapshotFixture.entities.length);

    await search.fill('payments');
    expect(await visibleNames(page)).toEqual([
      'payments-api',
      'checkout-web',
      'payments-service',
      'payments',
      'payments-team',
      'payments-db',
      'checkout',
    ]);

    await page.getByRole('combobox', { name: 'Kind' }).selectOption('Component');
    expect(await visibleNames(page)).toEqual(['checkout-web', 'payments-service']);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Showing 2 of 14 entities');
    expect(new URL(page.url()).search).toBe('?text=payments&kind=Component');
    await page.context().close();
  });

  it('restores a filter from the URL and sorts by a column', async () => {
    const page = await open('catalog/?kind=Group');
    await expect.poll(() => visibleNames(page)).toEqual(['engineering', 'payments-team', 'platform']);
    const name = page.getByRole('columnheader', { name: 'Name' });
    await name.getByRole('button').click();
    await name.getByRole('button').click();
    expect(await name.getAttribute('aria-sort')).toBe('descending');
    expect(await visibleNames(page)).toEqual(['platform', 'payments-team', 'engineering']);
    await page.context().close();
  });

  it('lists what has no owner, and takes an owner named by its full ref from a link', async () => {
    const page = await open('catalog/?owner=group:default/platform&kind=Component');
    await expect.poll(() => visibleNames(page)).toEqual(['billing-scripts', 'hostile']);
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('Group');
    await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'No owner' });
    await expect.poll(() => visibleNames(page)).toEqual(['engineering', 'payments-team', 'platform']);
    expect(new URL(page.url()).search).toBe('?kind=Group&owner=%28none%29');
    await page.context().close();
  });

  it('draws the same rows from the filter data as the page has without JavaScript', async () => {
    const bodyOf = async (javaScriptEnabled: boolean) => {
      const page = await open('catalog/', { javaScriptEnabled });
      if (javaScriptEnabled) await expect.poll(() => page.getByRole('searchbox', { name: 'Search', exact: true }).isVisible()).toBe(true);
      const html = await page.locator('#catalog-table tbody').innerHTML();
      await page.context().close();
      return html;
    };
    const [drawn, built] = [await bodyOf(true), await bodyOf(false)];
    expect(drawn).toContain('<span class="badge">inferred</span>');
    expect(drawn).toBe(built);
  });

  it('shows the whole table, without the filter controls, when JavaScript is off', async () => {
    const page = await open('catalog/', { javaScriptEnabled: false });
    expect(await visibleNames(page)).toHaveLength(snapshotFixture.entities.length);
    expect(await page.locator('#catalog-filters').isVisible()).toBe(false);
    await page.context().close();
  });

  it('leads by clicks from the catalog to an entity and on to its owner', async () => {
    const page = await open('catalog/');
    await page.getByRole('link', { name: 'payments-service', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Payments Service');
    await page.getByRole('definition').getByRole('link', { name: 'Payments Team' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Payments Team');
    expect(new URL(page.url()).pathname).toBe('/portal/catalog/default/group/payments-team/');
    await page.context().close();
  });
});

describe('the hostile entity page', () => {
  it('runs none of the entity’s text as script', async () => {
    const dialogs: string[] = [];
    const page = await open('catalog/default/component/hostile/', {}, (fresh) =>
      fresh.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('link', { name: 'Docs' }).waitFor();
    expect(await page.locator('main script, main img:not([src$=".svg"])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});

describe('a phone', () => {
  const pages = [
    '',
    'catalog/',
    'catalog/default/component/payments-service/',
    'catalog/default/component/hostile/',
    'catalog/default/group/payments-team/',
    'catalog/default/api/payments-api/',
    'scorecards/production-readiness/',
    'checks/has-readme/',
    'problems/',
    'search/?q=payments',
  ];
  it.each(pages)('/portal/%s has no sideways scroll at 390 px', async (path) => {
    const page = await open(path, { viewport: { width: 390, height: 844 } });
    // Open every disclosure, so the widest content counts too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe('the problems page', () => {
  it('folds each kind of problem into a line that opens onto where it was found, without JavaScript', async () => {
    const page = await open('problems/', { javaScriptEnabled: false });
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Errors', 'Warnings']);
    const table = page.locator('details').first().getByRole('table');
    expect(await table.isVisible()).toBe(false);
    await page.getByText('Bad value <script>alert(1)</script>').click();
    expect(await table.isVisible()).toBe(true);
    // The repository links to the page its problems are shown on, the entity to its own.
    expect(await table.getByRole('link').allTextContents()).toEqual(['hostile', 'Hostile <b>component</b>']);
    await page.context().close();
  });
});

describe('search', () => {
  it('lists entities first, and narrows to one type', async () => {
    const page = await open('search/?q=payments');
    const headings = page.locator('#search-results h2');
    await expect.poll(() => headings.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^Catalog \(\d+\)$/)]);
    const entityLinks = await page.locator('#search-results a').allTextContents();
    expect(entityLinks).toContain('Payments Service');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('Check');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^No results for “payments” in Checks\.$/);
    expect(new URL(page.url()).search).toBe('?q=payments&type=Check');
    await page.getByRole('searchbox', { name: /Search entities/ }).fill('readme');
    await expect.poll(() => headings.allTextContents()).toEqual([expect.stringMatching(/^Checks \(\d+\)$/)]);
    await page.context().close();
  });
});

describe('accessibility', () => {
  const pages = [
    '',
    'catalog/',
    'catalog/default/component/payments-service/',
    'catalog/default/group/payments-team/',
    'catalog/default/api/payments-api/',
    'problems/',
    'scorecards/production-readiness/',
    'search/?q=payments',
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(pages)(`/portal/%s has no axe violations in ${colorScheme} mode`, async (path) => {
      const page = await open(path, { colorScheme });
      if (path === 'catalog/') await page.locator('#catalog-filters').waitFor(); // check the controls too, once the script shows them
      if (path.startsWith('search/'))
        await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/result/);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
