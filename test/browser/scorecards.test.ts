import { describe, expect, it } from 'vitest';
import { axeViolations, useFixtureSite } from '../helpers/fixture-browser.ts';

const { open } = useFixtureSite({ badges: true });

describe('an entity’s scorecard panel', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`links "How to fix" to the check’s reference page, which lists the entity (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await open('catalog/default/component/payments-service/', { javaScriptEnabled });
      const panel = page.getByRole('region', { name: 'Production readiness' });
      await expect.poll(() => panel.locator('.level').textContent()).toBe('Level: Silver');
      expect(await panel.getByText('Score 85%').isVisible()).toBe(true);

      const failing = panel
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Container runs as non-root' }) })
        .last();
      // The outcome is a word, with its symbol drawn before it by the stylesheet and not read out.
      const outcome = failing.locator('.outcome');
      expect(await outcome.textContent()).toBe('Fail');
      expect(await outcome.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"✗" / ""');
      const evidence = failing.getByRole('link', { name: 'Dockerfile:12' });
      expect(await evidence.getAttribute('href')).toBe(
        'https://git.example.com/acme/payments-service/blob/0123456789abcdef0123456789abcdef01234567/Dockerfile#L12',
      );

      await failing.getByRole('link', { name: /^How to fix/ }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Container runs as non-root');
      expect(new URL(page.url()).pathname).toBe('/portal/checks/dockerfile-non-root/');
      expect(new URL(page.url()).hash).toBe('#how-to-fix');
      expect(await page.locator('#how-to-fix + .markdown').textContent()).toContain('USER 10001');
      // One row for the entity; the table's caption names both scorecards it fails the check on, as they are every row's.
      const table = page.getByRole('table', {
        name: /^Entities where this check fails on the Production readiness and Security basics scorecards/,
      });
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Payments Service' }) });
      expect(await row.count()).toBe(1);
      expect(await row.getByRole('link').allTextContents()).toEqual(['Payments Service', 'Dockerfile:12']);
      await page.context().close();
    });
  }

  it('shows the badge image', async () => {
    const page = await open('catalog/default/component/payments-service/');
    const panel = page.getByRole('region', { name: 'Production readiness' });
    await panel.locator('summary', { hasText: 'Badge' }).click();
    const badge = panel.getByRole('img', { name: 'Production readiness: Silver' });
    await expect.poll(() => badge.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('accessibility of the scorecard, check and team pages', () => {
  const pages = [
    'scorecards/',
    'scorecards/production-readiness/',
    'scorecards/production-readiness/teams/default/group/platform/',
    'checks/',
    'checks/has-readme/',
    'catalog/default/component/payments-service/',
    'catalog/default/component/hostile/',
    'catalog/default/group/platform/',
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(pages)(`/portal/%s has no axe violations in ${colorScheme} mode, with every <details> open`, async (path) => {
      const page = await open(path, { colorScheme });
      // Check what is inside the collapsed parts too.
      await page.locator('details').evaluateAll((elements) => elements.forEach((details) => details.setAttribute('open', '')));
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
