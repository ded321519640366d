import { AxeBuilder } from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, type SiteOptions } from '../../scripts/cli/site.ts';
import { writeSnapshotFixture } from './snapshot-fixture.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Debian's Chromium: no test tool may download a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const BASE = '/portal/';

export interface BrowserSite {
  /**
   * Loads a site path in a fresh context, as axe requires (`browser.newContext()` then
   * `context.newPage()`), after `prepare` has run: listeners (dialogs, console) and init scripts
   * must be in place before the page's scripts run.
   */
  open(path: string, options?: BrowserContextOptions, prepare?: (page: Page) => unknown): Promise<Page>;
}

/**
 * A site under `/portal/`, built once per test file by `build` (given a fresh folder and the base,
 * it returns the built site's folder), served locally and driven with Chromium. Call at the top of a
 * browser test file.
 */
export function useBrowserSite(build: (workDir: string, base: string) => Promise<string>): BrowserSite {
  let workDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'cairn-browser-'));
    server = await serveStatic(await build(workDir, BASE), BASE);
    browser = await chromium.launch({ executablePath: CHROMIUM });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  return {
    async open(path, options = {}, prepare) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await prepare?.(page);
      await page.goto(new URL(path, server.url).href);
      return page;
    },
  };
}

/** The fixture organisation's site (`snapshot-fixture.ts`), with README badges when `badges` asks for them. */
export function useFixtureSite(options: Pick<SiteOptions, 'badges'> = {}): BrowserSite {
  return useBrowserSite(async (workDir, base) => {
    const outDir = join(workDir, 'dist');
    await buildSite({ snapshot: await writeSnapshotFixture(workDir), outDir, base, ...options });
    return outDir;
  });
}

/** The page's axe violations, each as its rule and the elements it found: an empty list passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
