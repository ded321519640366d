import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite } from '../../scripts/site.ts';
import { writeSnapshotFixture } from './snapshot-fixture.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Debian's Chromium: no test tool may download a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * The fixture site under `/portal/`, built once per test file, served locally and driven with
 * Chromium. Call at the top of a browser test file; `open` loads a site path in a fresh context,
 * as axe requires (`browser.newContext()` then `context.newPage()`), after `prepare` has run.
 */
export function useFixtureSite(): { open(path: string, options?: BrowserContextOptions, prepare?: (page: Page) => void): Promise<Page> } {
  let workDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'cairn-browser-'));
    const outDir = join(workDir, 'dist');
    await buildSite({ snapshot: await writeSnapshotFixture(workDir), outDir, base: '/portal/' });
    server = await serveStatic(outDir, '/portal/');
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  return {
    async open(path, options = {}, prepare) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      // Listeners (dialogs, console) must be in place before the page's scripts run.
      prepare?.(page);
      await page.goto(new URL(path, server.url).href);
      return page;
    },
  };
}
