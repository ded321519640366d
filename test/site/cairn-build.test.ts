import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';
import { cairn } from '../helpers/cli.ts';

/** The path a new user takes: `cairn build --repos <glob> --out <dir>`, no config, then open the pages. */
let fixture: RepoFixture<'billing' | 'handbook'>;
let outDir: string;

beforeAll(async () => {
  fixture = await makeRepos({
    billing: files({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\n  description: Sends <b>invoices</b>\nspec:\n  type: service\n  lifecycle: production\n  owner: group:finance\n',
      'README.md': '# Billing\n',
    }),
    handbook: files({ 'README.md': '# Handbook\n\nHow we work at Acme.\n', CODEOWNERS: '* @acme/people\n' }),
  });
  outDir = join(fixture.root, 'portal');
  const build = await cairn(
    fixture.root,
    'build',
    '--repos',
    '*',
    '--out',
    outDir,
    '--snapshot',
    join(fixture.root, 'snapshot.json'),
    '--base',
    '/docs/',
  );
  expect(build, build.stderr).toMatchObject({ code: 0 });
});

afterAll(() => fixture.remove());

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');

describe('cairn build --repos', () => {
  it('renders a declared entity at Backstage’s URL shape, escaped, under the base path', async () => {
    const html = await page('catalog/default/component/billing');
    expect(html).toContain('Sends &lt;b&gt;invoices&lt;/b&gt;');
    expect(html).toMatch(/href="\/docs\/catalog\/"/);
  });

  it('renders the inferred entity, marked as inferred, with its README summary', async () => {
    const html = await page('catalog/default/component/handbook');
    expect(html).toContain('How we work at Acme.');
    expect(html).toMatch(/[Ii]nferred/);
  });

  it("judges with Cairn's default standards, and says so where the scorecards are", async () => {
    expect(await page('scorecards')).toContain('These are <strong>Cairn’s default standards</strong>');
    const maturity = await page('scorecards/service-maturity');
    expect(maturity).toContain('Service maturity');
    expect(maturity).toContain('Cairn’s default standards');
    const standards = JSON.parse(await readFile(join(outDir, 'standards.json'), 'utf8')) as {
      scorecardsFrom: string;
      scorecards: Array<{ id: string }>;
    };
    expect(standards.scorecardsFrom).toBe('defaults');
    expect(standards.scorecards.map((scorecard) => scorecard.id)).toEqual(['catalog', 'security', 'service-maturity']);
  });

  it('lists the dangling owner on the problems page', async () => {
    const html = await page('problems');
    expect(html).toContain('group:default/finance');
    expect(html).toContain('billing');
  });
});
