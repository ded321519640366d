import { describe, expect, it } from 'vitest';
import { buildDemoPortal } from '../helpers/demo-portal.ts';
import { axeViolations, useBrowserSite } from '../helpers/fixture-browser.ts';

// The demo portal (guides, Pagefind index) under /portal/, served locally, driven with Debian's Chromium.
const { open } = useBrowserSite(async (workDir, base) => (await buildDemoPortal(workDir, base)).outDir);

describe('search, a guide, and a check it teaches', () => {
  it('searches from the header, groups results by type, opens the guide and follows a check link', async () => {
    const page = await open('');
    await page.getByRole('searchbox', { name: 'Search the portal' }).fill('pin your actions');
    await page.getByRole('searchbox', { name: 'Search the portal' }).press('Enter');
    await page.waitForURL(/\/portal\/search\/\?q=pin\+your\+actions/);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/\d+ results? for “pin your actions”/);
    const groups = await page.locator('#search-results h2').allTextContents();
    expect(groups[0]).toMatch(/^Guides \(\d+\)$/);
    expect(groups.some((group) => /^Checks \(\d+\)$/.test(group))).toBe(true);

    await page.locator('#search-results section').first().getByRole('link', { name: 'Set up CI' }).click();
    await page.waitForURL(/\/portal\/guides\/build\/set-up-ci\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up CI');
    await expect.poll(() => page.locator('.adoption').textContent()).toMatch(/\d+ of \d+\s+applicable services follow this path/);

    await page.locator('.guide-checklist').getByRole('link', { name: 'GitHub Actions pinned to commits' }).click();
    await page.waitForURL(/\/portal\/checks\/actions-pinned\/$/);
    const guideLink = page.getByRole('link', { name: 'Set up CI › Pin your actions' }).first();
    expect(await guideLink.getAttribute('href')).toBe('/portal/guides/build/set-up-ci/#pin-your-actions');
    await guideLink.click();
    await page.waitForURL(/#pin-your-actions$/);
    expect(await page.locator('#pin-your-actions').isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows an entity found with its kind, which its page gives as metadata outside the indexed text', async () => {
    const page = await open('search/?q=payments');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/\d+ results? for “payments”/);
    expect(await page.locator('#search-results .search-kind').allTextContents()).toContain(' · Component');
    await page.context().close();
  });

  it('copies a code block with the copy button', async () => {
    const page = await open('guides/build/set-up-ci/', { permissions: ['clipboard-read', 'clipboard-write'] });
    const button = page.getByRole('button', { name: 'Copy code to clipboard' }).first();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^name: CI\n/);
    await page.context().close();
  });

  it('reads the guide without JavaScript: content, adoption details and links, no copy buttons', async () => {
    const page = await open('guides/build/set-up-ci/', { javaScriptEnabled: false });
    expect(await page.locator('.copy-button').count()).toBe(0);
    await page.getByText(/not yet following, and what they miss/).click();
    expect(await page.locator('.adoption details li').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it.each([
    'guides/',
    'guides/build/set-up-ci/',
    'guides/catalog/codeowners/',
    'search/?q=catalog',
    'checks/actions-pinned/',
    'changes/',
    'scorecards/production-readiness/',
    'catalog/default/component/payments/',
  ])('%s passes axe, light and dark', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(path, { colorScheme });
      if (path.startsWith('search')) await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/result/);
      expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
      await page.context().close();
    }
  });
});
