import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/cli/site.ts';
import { axeViolations, useBrowserSite } from '../helpers/fixture-browser.ts';
import { largerOrganisation } from '../helpers/snapshot-fixture.ts';

/** A larger organisation, whose long lists (a team's heatmap, a check's failing entities, the catalog) take several pages. */
const { open } = useBrowserSite(async (workDir, base) => {
  const snapshot = join(workDir, 'snapshot.json');
  await writeFile(snapshot, JSON.stringify(largerOrganisation()));
  const outDir = join(workDir, 'dist');
  await buildSite({ snapshot, outDir, base });
  return outDir;
});

describe('pages of a long list', () => {
  it('lead from a scorecard to a team’s heatmap and on to its next page, without JavaScript', async () => {
    const page = await open('scorecards/production-readiness/', { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Entities × checks of Platform' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Platform');
    const pages = page.getByRole('navigation', { name: 'Pages of Platform’s entities' });
    expect(await pages.getByRole('link', { name: 'Page 1' }).getAttribute('aria-current')).toBe('page');
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe('/portal/scorecards/production-readiness/teams/default/group/platform/page/2/');
    expect(await page.locator('table.heatmap tbody tr').count()).toBe(32);
    // The status is a word for screen readers, the symbol is drawn by the stylesheet.
    const cell = page.locator('table.heatmap tbody td.outcome-fail').first();
    expect(await cell.textContent()).toBe('Fail');
    expect(await cell.evaluate((element) => getComputedStyle(element, '::before').content)).toMatch(/^"✗"/);
    await page.context().close();
  });

  it('show the catalog a page at a time without JavaScript, and every entity with it', async () => {
    const plain = await open('catalog/', { javaScriptEnabled: false });
    expect(await plain.locator('#catalog-table tbody tr').count()).toBe(200);
    expect(await plain.getByRole('navigation', { name: 'Pages of the catalog' }).isVisible()).toBe(true);
    await plain.context().close();
    const scripted = await open('catalog/');
    await expect.poll(() => scripted.locator('#catalog-table tbody tr').count()).toBe(244);
    expect(await scripted.getByRole('navigation', { name: 'Pages of the catalog' }).isVisible()).toBe(false);
    await scripted.getByRole('combobox', { name: 'Owner' }).selectOption('platform');
    await expect.poll(() => scripted.getByRole('status').textContent()).toBe('Showing 133 of 244 entities');
    await scripted.context().close();
  });

  const pages = [
    'scorecards/production-readiness/teams/default/group/platform/page/2/',
    'scorecards/production-readiness/unowned/',
    'checks/has-ci/',
    'checks/has-ci/page/3/',
    'catalog/page/2/',
    'catalog/default/group/platform/',
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(pages)(`/portal/%s has no axe violations in ${colorScheme} mode`, async (path) => {
      const page = await open(path, { colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('a phone-sized screen', () => {
  it.each([
    '',
    'scorecards/',
    'scorecards/production-readiness/',
    'scorecards/production-readiness/unowned/',
    'checks/',
    'checks/has-ci/',
    'catalog/',
    'catalog/default/group/platform/',
    'problems/',
  ])('/portal/%s scrolls only down, never sideways, and its wide tables and code by keyboard', async (path) => {
    const page = await open(path, { viewport: { width: 375, height: 800 } });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
