import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/fixture-browser.ts';
import { DOCS_FIXTURE, useDocsFixtureSite } from '../helpers/docs-fixture.ts';

const { open } = useDocsFixtureSite();

/** Opens a docs page with a dialog listener and a `window.__xss` sentinel in place before any script runs. */
async function openWatched(path: string): Promise<{ page: Page; dialogs: string[] }> {
  const dialogs: string[] = [];
  const page = await open(path, {}, async (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      (window as unknown as { __xss?: unknown }).__xss = undefined;
    });
  });
  return { page, dialogs };
}

const sentinel = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

describe('repository docs with XSS payloads', () => {
  it('run nothing on load, on hover or on click', async () => {
    const { page, dialogs } = await openWatched(DOCS_FIXTURE.path);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hostile docs');
    await page.getByText('Hover me').hover();
    for (const text of ['markdown javascript link', 'mixed-case javascript link', 'data link']) {
      await page.getByText(text).click();
    }
    await page.getByRole('img', { name: 'The logo' }).hover();
    expect(new URL(page.url()).pathname).toBe(`/portal/${DOCS_FIXTURE.path}`);
    expect(
      await page.locator('main script, main iframe, main object, main embed, main form, main svg, main [style*="javascript"]').count(),
    ).toBe(0);
    expect(await page.locator('main [onerror], main [onload], main [onmouseover]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await sentinel(page)).toBeUndefined();
    await page.context().close();
  });

  it('shows the copied image under the base path, and turns the remote one into a link it never loads', async () => {
    const requests: string[] = [];
    const { page } = await openWatched(DOCS_FIXTURE.path);
    page.on('request', (request) => requests.push(request.url()));
    await page.reload();
    const logo = page.getByRole('img', { name: 'The logo' });
    await logo.scrollIntoViewIfNeeded();
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
    expect(new URL((await logo.evaluate((image: HTMLImageElement) => image.currentSrc)) || '').pathname).toBe(
      `/portal/${DOCS_FIXTURE.path}_assets/docs/img/logo.png`,
    );
    expect(await page.getByRole('link', { name: 'image: Remote tracker' }).getAttribute('href')).toBe('https://tracker.example/pixel.png');
    expect(requests.filter((url) => !url.startsWith(new URL('/portal/', page.url()).href))).toEqual([]);
    await page.context().close();
  });

  it('has a sidebar marking the current page, and links between pages that work under the base path', async () => {
    const { page } = await openWatched(DOCS_FIXTURE.path);
    const sidebar = page.getByRole('navigation', { name: 'Hostile handbook documentation' });
    expect(await sidebar.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'the guide' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Setup');
    expect(new URL(page.url()).pathname).toBe(`/portal/${DOCS_FIXTURE.path}guide/setup/`);
    expect(new URL(page.url()).hash).toBe('#install');
    expect(await sidebar.getByRole('link', { name: 'Setup' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'the home page' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/portal/${DOCS_FIXTURE.path}`);
    await page.context().close();
  });

  it('on a phone, takes the keyboard down the page as it is shown: what is on it, the page, then the site’s pages', async () => {
    const page = await open(`${DOCS_FIXTURE.path}guide/setup/`, { viewport: { width: 375, height: 800 } });
    const positions: number[] = [];
    const reached = new Set<string>();
    // Until the keyboard comes round to the start again.
    for (let tab = 0; tab < 60; tab++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        return element && element !== document.body && element.closest('.docs-layout')
          ? { top: Math.round(element.getBoundingClientRect().top + window.scrollY), html: element.outerHTML }
          : undefined;
      });
      if (!focused) continue;
      if (reached.has(focused.html)) break;
      reached.add(focused.html);
      positions.push(focused.top);
    }
    expect(positions.length).toBeGreaterThan(3);
    expect(positions).toEqual(positions.toSorted((a, b) => a - b));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  for (const path of [DOCS_FIXTURE.path, `${DOCS_FIXTURE.path}guide/setup/`]) {
    it(`has no accessibility violations: ${path}`, async () => {
      const { page } = await openWatched(path);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
