import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/cli/site.ts';
import { brokenLinks } from '../helpers/site-links.ts';
import { largerOrganisation } from '../helpers/snapshot-fixture.ts';

/** The fixture organisation with 230 more components: no page may grow with them, the long lists go on to further pages. */
const BASE = '/portal/';
let workDir: string;
let outDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'cairn-large-org-'));
  outDir = join(workDir, 'dist');
  const snapshot = join(workDir, 'snapshot.json');
  await writeFile(snapshot, JSON.stringify(largerOrganisation()));
  await buildSite({ snapshot, outDir, base: BASE });
}, 240_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');
const rowsOf = (html: string) => html.slice(html.lastIndexOf('<tbody>'), html.lastIndexOf('</tbody>')).match(/<tr>/g)?.length ?? 0;

describe('a larger organisation', () => {
  it('splits a team’s heatmap into pages of 100 entities, linked both ways', async () => {
    const team = 'scorecards/production-readiness/teams/default/group/platform/';
    const first = await page(team);
    expect(rowsOf(first)).toBe(100);
    expect(first).toContain('<caption>132 entities by check, 1–100 of 132</caption>');
    expect(first).toContain(`<a href="${BASE}${team}page/2/" rel="next">Next</a>`);
    const second = await page(`${team}page/2`);
    expect(rowsOf(second)).toBe(32);
    expect(second).toContain(`<a href="${BASE}${team}" rel="prev">Previous</a>`);
    expect(second).toContain(`<a href="${BASE}${team}page/2/" aria-current="page"><span class="visually-hidden">Page </span>2</a>`);
  });

  it('gives the entities without an owner their own heatmap pages', async () => {
    expect(rowsOf(await page('scorecards/production-readiness/unowned'))).toBe(100);
    await expect(stat(join(outDir, 'scorecards/production-readiness/unowned/page/2/index.html'))).rejects.toThrow();
    const scorecard = await page('scorecards/production-readiness');
    expect(scorecard).toContain(
      `<a href="${BASE}scorecards/production-readiness/unowned/">Entities × checks<span class="visually-hidden"> of the entities without an owner</span></a>`,
    );
  });

  it('lists a check’s failing entities a hundred a page, after the counts by team', async () => {
    const check = await page('checks/has-ci');
    expect(check).toContain('<p>233 entities fail it or could not run it; by team, the most first:</p>');
    expect(check).toMatch(
      /<th scope="row"><a href="\/portal\/catalog\/default\/group\/platform\/">Platform<\/a><\/th><td class="number">132<\/td><td class="number">132<\/td>/,
    );
    expect(check).toMatch(/<th scope="row"><span class="muted">No owner<\/span><\/th><td class="number">100<\/td>/);
    expect(rowsOf(check)).toBe(100);
    expect(rowsOf(await page('checks/has-ci/page/2'))).toBe(100);
    const last = await page('checks/has-ci/page/3');
    expect(rowsOf(last)).toBe(33);
    expect(last).toContain('<h1>Entities failing Runs CI</h1>');
    expect(last).not.toContain('data-pagefind-body');
  });

  it('keeps the group page to 20 names per level and 25 to-dos', async () => {
    const platform = await page('catalog/default/group/platform');
    expect(platform).toContain(`<a href="${BASE}scorecards/production-readiness/teams/default/group/platform/">and 112 more</a>`);
    expect(platform.slice(platform.indexOf('<h3>To do</h3>')).match(/<li><p>/g)).toHaveLength(25);
    expect(platform).toContain('And 107 more further from their next level');
  });

  it('lists the catalog 200 entities a page for readers without JavaScript, all of them in the filter data', async () => {
    const first = await page('catalog');
    expect(rowsOf(first)).toBe(200);
    expect(first).toContain('<p id="catalog-status" role="status">244 entities, 1–200 of 244 on this page</p>');
    // A filtered link (the home page's "1 API") lists everything without JavaScript: the page says so.
    expect(first).toMatch(/<noscript><p class="notice">\s*Filtering the catalog runs in your browser and needs JavaScript/);
    expect(first).toContain(`<a href="${BASE}catalog/page/2/" rel="next">Next</a>`);
    expect(rowsOf(await page('catalog/page/2'))).toBe(44);
    const data = JSON.parse(await readFile(join(outDir, 'catalog/filters.json'), 'utf8')) as { rows: unknown[] };
    expect(data.rows).toHaveLength(244);
  });

  it('resolves every internal link', async () => {
    // The fixture's checks name the guide service-basics, which it has no MDX for.
    expect((await brokenLinks(outDir, BASE)).filter((link) => !link.endsWith(`→ ${BASE}guides/service-basics/#readme`))).toEqual([]);
  });

  it('has no page over 120 KB', async () => {
    const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    const sizes = await Promise.all(pages.map(async (file) => [file, (await stat(join(outDir, file))).size] as const));
    expect(sizes.filter(([, size]) => size > 120_000)).toEqual([]);
  });
});
