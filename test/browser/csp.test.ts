import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../site/lib/csp.ts';
import { buildDemoPortal } from '../helpers/demo-portal.ts';
import { useBrowserSite } from '../helpers/fixture-browser.ts';

// The demo portal (guides with code, docs, trends, the Pagefind index) under /portal/, driven with
// Debian's Chromium with the pages' own Content-Security-Policy in force.
let outDir = '';
const { open } = useBrowserSite(async (workDir, base) => (outDir = (await buildDemoPortal(workDir, base)).outDir));

/** Every built HTML page, relative to the site folder. */
async function htmlPages(): Promise<string[]> {
  return (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
}

/**
 * One page of each kind: catalog pages by entity kind (and docs apart), the rest by section and
 * depth. So a page kind added later is visited without this list changing.
 */
function onePerKind(files: readonly string[]): string[] {
  const kinds = new Map<string, string>();
  for (const file of files) {
    const segments = file.split('/').slice(0, -1);
    const kind =
      segments[0] === 'catalog' && segments.length >= 4
        ? `catalog/${segments[2]}${segments.length > 4 ? '/docs' : ''}`
        : `${segments[0] ?? file}/${segments.length}`;
    if (!kinds.has(kind)) kinds.set(kind, file.replace(/index\.html$/, ''));
  }
  return [...kinds.values()];
}

/**
 * Opens a page recording every policy violation: the `securitypolicyviolation` events (listened
 * to before the page's scripts run) and Chromium's console reports of them.
 */
async function openWatched(
  path: string,
  options: Parameters<typeof open>[1] = {},
): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const reported: string[] = [];
  const page = await open(path, options, async (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) reported.push(message.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      );
    });
  });
  const violations = async () => [
    ...reported,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
  return { page, violations };
}

describe('the Content-Security-Policy', () => {
  it('is in every page, right after the charset, and in _headers with frame-ancestors', async () => {
    const files = await htmlPages();
    expect(files.length).toBeGreaterThan(20);
    const scriptSources = new Set<string>();
    for (const file of files) {
      const html = await readFile(join(outDir, file), 'utf8');
      const meta =
        /^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="([^"]*)">/.exec(
          html,
        );
      expect(meta, file).not.toBeNull();
      const policy = parsePolicy(meta![1]!);
      expect(policy.get('default-src'), file).toEqual(["'self'"]);
      expect(policy.get('object-src'), file).toEqual(["'none'"]);
      expect(policy.get('base-uri'), file).toEqual(["'none'"]);
      expect(policy.get('form-action'), file).toEqual(["'self'"]);
      const script = policy.get('script-src') ?? [];
      expect(
        script.filter((source) => !source.startsWith("'sha256-")),
        file,
      ).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      for (const source of script) scriptSources.add(source);
    }
    const headers = await readFile(join(outDir, '_headers'), 'utf8');
    const [path, header, ...rest] = headers.split('\n');
    expect(path).toBe('/*');
    expect(rest).toEqual(['']);
    const sent = parsePolicy(header!.replace(/^ {2}Content-Security-Policy: /, ''));
    expect(sent.get('frame-ancestors')).toEqual(["'none'"]);
    expect(new Set(sent.get('script-src'))).toEqual(scriptSources);
  });

  it('lets every kind of page load, light and dark, with no violation', async () => {
    const paths = onePerKind(await htmlPages());
    expect(paths).toEqual(
      expect.arrayContaining([
        '',
        '404.html',
        'catalog/',
        'guides/',
        'search/',
        'scorecards/',
        'checks/',
        'initiatives/',
        'changes/',
        'problems/',
      ]),
    );
    for (const path of paths) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, violations } = await openWatched(path, { colorScheme });
        await page.waitForLoadState('networkidle');
        expect(await violations(), `${path} (${colorScheme})`).toEqual([]);
        await page.context().close();
      }
    }
  }, 240_000);

  it('lets search load Pagefind and its WebAssembly and list results', async () => {
    const { page, violations } = await openWatched('search/?q=pin+your+actions');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/\d+ results? for “pin your actions”/);
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('lets the catalog filters and sorting run', async () => {
    const { page, violations } = await openWatched('catalog/');
    const rows = page.locator('#catalog-table tbody tr:visible');
    const search = page.getByRole('searchbox', { name: 'Search', exact: true });
    await expect.poll(() => search.isVisible()).toBe(true);
    const all = await rows.count();
    await search.fill('payments');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Name' }).click();
    expect(await page.locator('#catalog-table th[aria-sort]').count()).toBe(1);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('lets the copy buttons on guide code run, and colours the code light and dark', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, violations } = await openWatched('guides/build/set-up-ci/', {
        colorScheme,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const button = page.getByRole('button', { name: 'Copy code to clipboard' }).first();
      await button.click();
      await expect.poll(() => button.textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^name: CI\n/);
      // Each token has the class of its kind, which the stylesheet colours per colour scheme.
      const token = page.locator('.guide-body pre span.code-keyword').first();
      const [colour, wanted] = await token.evaluate((element) => [
        getComputedStyle(element).color,
        getComputedStyle(document.documentElement).getPropertyValue('--shiki-token-keyword').trim(),
      ]);
      expect(colour).toBe(hexToRgb(wanted!));
      colours.push(colour!);
      expect(await violations()).toEqual([]);
      await page.context().close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  });

  it('lets the trend charts and the level bars draw', async () => {
    const { page, violations } = await openWatched('scorecards/production-readiness/');
    const chart = page.locator('figure.trend svg').first();
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('path').count()).toBeGreaterThan(0);
    // Each bar's width is its style attribute's share of the track.
    const bars = await page
      .locator('.bar-track .bar')
      .evaluateAll((elements) =>
        elements.map((bar) => [
          Number.parseFloat(bar.style.width),
          (100 * bar.getBoundingClientRect().width) / bar.parentElement!.getBoundingClientRect().width,
        ]),
      );
    expect(bars.some(([share]) => share! > 0)).toBe(true);
    for (const [share, drawn] of bars) expect(drawn).toBeCloseTo(share!, 0);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('refuses an injected inline script and an inline event handler', async () => {
    const { page, violations } = await openWatched('catalog/');
    await expect(page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow(/Content Security Policy/);
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'injected-handler';
      button.textContent = 'Injected';
      button.setAttribute('onclick', 'window.injected = true');
      document.body.append(button);
    });
    await page.locator('#injected-handler').click();
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await expect
      .poll(async () => (await violations()).filter((violation) => violation.startsWith('script-src-elem inline')).length)
      .toBeGreaterThan(0);
    // Violation reports arrive asynchronously, the handler's after the click: waited for like the script's.
    await expect.poll(async () => (await violations()).some((violation) => violation.startsWith('script-src-attr inline'))).toBe(true);
    await page.context().close();
  });
});

function hexToRgb(hex: string): string {
  const value = hex.trim().replace(/^#/, '');
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(value.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
