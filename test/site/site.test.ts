import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/cli/site.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { fixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { brokenLinks } from '../helpers/site-links.ts';
import { buildFeedbackPortal, feedbackSnapshot } from './feedback-fixture.ts';
import { cairn } from '../helpers/cli.ts';
import { HOSTILE, snapshotFixture } from '../helpers/snapshot-fixture.ts';

// The fixture organisation's site under `/portal/`, read as text.
const BASE = '/portal/';
let workDir: string;
let options: FixtureSite['options'];
let outDir: string;

beforeAll(async () => {
  ({ outDir, workDir, options } = await fixtureSite());
  expect(options.base).toBe(BASE);
}, 120_000);

/** Every file of a built site, as sorted paths relative to its folder. */
async function siteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');
const entityPage = (kind: string, name: string) => page(`catalog/default/${kind}/${name}`);

/** The `<section>` of a page whose `<h2>` is `heading`. */
function section(html: string, heading: string): string {
  const start = html.search(new RegExp(`<h2( id="[^"]*")?>${heading}</h2>`));
  expect(start, `section "${heading}"`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The `<dd>` following the `<dt>` with `term`. */
function definition(html: string, term: string): string {
  const start = html.indexOf(`<dt>${term}</dt>`);
  expect(start, `term "${term}"`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</dd>', start));
}

/** The summary under an entity's title. */
function summaryOf(html: string): string {
  const start = html.indexOf('<section class="entity-summary"');
  expect(start, 'summary').toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

const hrefs = (html: string) => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1]!);
const link = (path: string, text: string) => `<a href="${BASE}${path}">${text}</a>`;

describe('the built site', () => {
  it('has a page for every entity at /catalog/<namespace>/<kind>/<name>/, and the home, catalog and problems pages', async () => {
    const files = await siteFiles(outDir);
    for (const entity of snapshotFixture.entities) {
      expect(files).toContain(`catalog/default/${entity.kind.toLowerCase()}/${entity.metadata.name}/index.html`);
    }
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'catalog/index.html',
        'catalog/filters.json',
        'problems/index.html',
        '404.html',
        'scorecards/index.html',
        'checks/index.html',
        'scorecards.json',
        'catalog.json',
        'llms.txt',
        'llms-full.txt',
      ]),
    );
    for (const check of snapshotFixture.checks) expect(files).toContain(`checks/${check.id}/index.html`);
    for (const scorecard of snapshotFixture.scorecards) expect(files).toContain(`scorecards/${scorecard.id}/index.html`);
  });

  it('shows the portal title and the counts on the home page', async () => {
    const home = await page('');
    expect(home).toContain('<title>Acme Portal</title>');
    expect(home).toContain('14 entities from 4 repositories, looked after by 2 owners.');
    expect(home).not.toContain('no owner');
    expect(home).toContain(`<a href="${BASE}catalog/?kind=Component"><span class="stat">4</span> Components</a>`);
    expect(home).toContain('2 errors and 3 warnings');
    expect(home).toContain(`href="${BASE}problems/"`);
  });

  it('lists every entity in the catalog table, with filter data for each row', async () => {
    const catalog = await page('catalog');
    const rows = catalog.slice(catalog.indexOf('<tbody>')).match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(snapshotFixture.entities.length);
    expect(catalog).toContain(`<form id="catalog-filters"`);
    expect(catalog).toMatch(/<form id="catalog-filters"[^>]* hidden>/);
    const filterData = JSON.parse(await readFile(join(outDir, 'catalog/filters.json'), 'utf8')) as {
      rows: unknown[];
      values: Record<string, string[]>;
    };
    expect(filterData.rows).toHaveLength(snapshotFixture.entities.length);
    expect(filterData.values.language).toEqual(['Go', 'Python', 'TypeScript']);
  });

  it('links relations to the target entity pages under the base path', async () => {
    const service = await entityPage('component', 'payments-service');
    expect(definition(section(service, 'Relations'), 'Provides APIs')).toContain(link('catalog/default/api/payments-api/', 'Payments API'));
    expect(definition(section(service, 'Relations'), 'Depends on')).toContain(
      link('catalog/default/resource/payments-db/', 'Payments database'),
    );
    expect(definition(summaryOf(service), 'Owner')).toContain(link('catalog/default/group/payments-team/', 'Payments Team'));
    expect(definition(section(service, 'About'), 'System')).toContain(link('catalog/default/system/checkout/', 'Checkout'));
    expect(definition(section(service, 'About'), 'Domain')).toContain(link('catalog/default/domain/payments/', 'Payments'));
  });

  it('shows a relation to an entity that is not in the catalog as text', async () => {
    const web = await entityPage('component', 'checkout-web');
    expect(definition(section(web, 'Relations'), 'Depends on')).toContain(
      'legacy-ledger <span class="not-in-catalog">(not in catalog)</span>',
    );
    expect(web).not.toContain('legacy-ledger/"');
  });

  it('shows the source, the repository facts and the problems on an entity page', async () => {
    const service = await entityPage('component', 'payments-service');
    expect(section(service, 'Source')).toContain(
      '<a href="https://git.example.com/acme/payments-service/blob/main/catalog-info.yaml#L1"><code>catalog-info.yaml:1</code></a>',
    );
    const repository = section(service, 'Repository');
    expect(repository).toContain('<a href="https://git.example.com/acme/payments-service">payments-service</a>');
    expect(definition(repository, 'Head commit')).toContain('<code>0123456</code> on <time datetime="2026-11-19">2026-11-19</time>');
    expect(definition(repository, 'Branch')).toContain('main');
    expect(definition(repository, 'Languages')).toMatch(
      /Go <span class="muted">90%<\/span>.*Shell <span class="muted">10%<\/span>.*Makefile <span class="muted">&lt;1%<\/span>/,
    );
    expect(definition(repository, 'LICENSE')).toContain('Present<span class="muted"> (MIT)</span>');
    expect(definition(repository, 'CI')).toContain('github-actions');
    expect(section(service, 'Problems')).toContain('spec.lifecycle &quot;prod&quot; is not one of the lifecycles');
    expect(definition(section(await entityPage('component', 'checkout-web'), 'Repository'), 'LICENSE')).toContain('Missing');
  });

  it('marks an inferred entity', async () => {
    // The fixture's inferred entity has no type reason, so the page says only that it was inferred.
    const inferred = await entityPage('component', 'billing-scripts');
    expect(inferred).toContain('Inferred from the repository.');
    expect(definition(inferred, 'File')).toMatch(/None: inferred from (<a href="[^"]+">)?the repository/);
    expect(await entityPage('component', 'payments-service')).not.toContain('Inferred from the repository.');
  });

  it('lists a group’s members, parent, children and owned entities', async () => {
    const team = await entityPage('group', 'payments-team');
    // Who owns this, and how to reach them: the profile's address, as Backstage's group card shows it.
    expect(definition(team, 'Email')).toContain('<a href="mailto:payments@example.com">payments@example.com</a>');
    expect(definition(await entityPage('user', 'alice'), 'Email')).toContain('<a href="mailto:alice@example.com">alice@example.com</a>');
    expect(section(team, 'Members')).toContain(link('catalog/default/user/alice/', 'Alice'));
    expect(section(team, 'Members')).toContain(link('catalog/default/user/bob/', 'Bob'));
    expect(definition(team, 'Parent group')).toContain(link('catalog/default/group/engineering/', 'Engineering'));
    const owned = section(team, 'Owned entities');
    for (const [path, text] of [
      ['component/payments-service/', 'Payments Service'],
      ['api/payments-api/', 'Payments API'],
      ['system/checkout/', 'Checkout'],
    ]) {
      expect(owned).toContain(link(`catalog/default/${path}`, text!));
    }
    const engineering = await entityPage('group', 'engineering');
    expect(definition(engineering, 'Child groups')).toContain(link('catalog/default/group/payments-team/', 'Payments Team'));
    expect(definition(engineering, 'Child groups')).toContain(link('catalog/default/group/platform/', 'Platform'));
    // A department that owns nothing itself shows what its teams own, and whose it is.
    expect(section(engineering, 'Owned entities')).toContain('This group owns nothing in the catalog itself; its teams do (below).');
    const below = section(engineering, 'Owned by its teams');
    const row = below
      .split('<tr>')
      .find((candidate) => candidate.includes(link('catalog/default/component/payments-service/', 'Payments Service')));
    expect(row).toContain(link('catalog/default/group/payments-team/', 'Payments Team'));
    expect(team).not.toContain('Owned by its teams');
    // Its scorecards roll its teams up, though it owns nothing scored itself.
    expect(engineering).toContain('No scorecard applies to what this group owns itself.');
    expect(engineering).toMatch(
      /<h3>With its teams<\/h3>[\s\S]*Production readiness<\/a><\/th><td class="number">4<\/td><td>No level 3 · Bronze 0 · Silver 1 · Gold 0<\/td>/,
    );
  });

  it("shows an API's definition, as Backstage's Definition tab does, as text", async () => {
    const api = await entityPage('api', 'payments-api');
    const definition = section(api, 'Definition');
    expect(definition).toContain('OpenAPI definition, 7 lines.');
    expect(definition).toContain('summary: Charge a card');
    expect(definition).toContain('title: Payments &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(definition).not.toContain('<script>');
  });

  it('lists the parts of a system and a domain', async () => {
    const system = await entityPage('system', 'checkout');
    expect(section(system, 'Components')).toContain(link('catalog/default/component/checkout-web/', 'Checkout Web'));
    expect(section(system, 'Components')).toContain(link('catalog/default/component/payments-service/', 'Payments Service'));
    expect(section(system, 'APIs')).toContain(link('catalog/default/api/payments-api/', 'Payments API'));
    expect(section(system, 'Resources')).toContain(link('catalog/default/resource/payments-db/', 'Payments database'));
    expect(section(await entityPage('domain', 'payments'), 'Systems')).toContain(link('catalog/default/system/checkout/', 'Checkout'));
  });

  it('lists every problem on the problems page, errors first, each kind expandable to where it was found', async () => {
    const problems = await page('problems');
    expect(problems).toContain('2 errors and 3 warnings in 4 repositories and the portal content');
    expect([...problems.matchAll(/<h2 id="problems-(\w+)">/g)].map((match) => match[1])).toEqual(['errors', 'warnings']);
    const errors = section(problems, 'Errors');
    expect([...errors.matchAll(/<summary>([^<]*)<\/summary>/g)].map((match) => match[1])).toEqual([
      'Bad value &lt;script&gt;alert(1)&lt;/script&gt;',
      'spec.lifecycle &quot;prod&quot; is not one of the lifecycles this portal knows.',
    ]);
    expect(errors).toContain(
      `<td>${link('catalog/default/component/payments-service/', 'payments-service')}</td><td><code>catalog-info.yaml:12</code></td>`,
    );
    expect(errors).toContain(link('catalog/default/component/payments-service/', 'Payments Service'));
    expect(section(problems, 'Warnings')).toMatch(
      /<td><span class="muted">Portal content<\/span><\/td><td><code>content\/teams\/org\.yaml:70<\/code><\/td>/,
    );
  });

  it('opens an entity page with its levels beside the title, what lifts the next level, and where its code is', async () => {
    const service = await entityPage('component', 'payments-service');
    const title = service.slice(
      service.indexOf('<div class="title-row">'),
      service.indexOf('</ul>', service.indexOf('<div class="title-row">')),
    );
    expect(title).toContain('<h1 data-pagefind-weight="10">Payments Service</h1>');
    expect(title).toContain('<a class="level level-some" href="#scorecard-production-readiness">Production readiness: Silver</a>');
    expect(title).toContain('<a class="level level-none" href="#scorecard-security-basics">Security basics: No level</a>');
    const summary = summaryOf(service);
    expect(definition(summary, 'Source')).toContain(
      '<a href="https://github.com/acme/payments-service">github.com/acme/payments-service</a>',
    );
    expect(definition(summary, 'Last commit')).toContain(
      '<time datetime="2026-11-19">2026-11-19</time> <a href="https://git.example.com/acme/payments-service/commit/0123456789abcdef0123456789abcdef01234567"><code>0123456</code></a>',
    );
    expect(definition(summary, 'GitHub repository')).toContain(
      '<a href="https://github.com/acme/payments-service">acme/payments-service</a>',
    );
    expect(summary).toMatch(
      /<div class="next-steps" data-pagefind-ignore>.*To reach <strong>Gold<\/strong> on <a href="#scorecard-production-readiness">Production readiness<\/a>, fix:.*Container runs as non-root<\/a><span class="muted"> · medium effort<\/span>/s,
    );
    // Scores and problems are about this run, not what the entity is: search leaves them out.
    expect(service).toMatch(/<section data-pagefind-ignore>\s*<h2>Scorecards<\/h2>/);
    expect(service).toMatch(/<section data-pagefind-ignore>\s*<h2>Problems<\/h2>/);
    expect(await page('checks/has-readme')).toMatch(/<section data-pagefind-ignore>\s*<h2>Entities failing it<\/h2>/);
  });

  it('names the check that holds most entities below a scorecard’s first level', async () => {
    expect(await page('scorecards/production-readiness')).toContain(
      `<p class="notice">2 of 4 entities are held at No level by ${link('checks/has-readme/', 'Has a README')}; for 1 of them it is the only failing Bronze check.</p>`,
    );
    expect(await page('scorecards/security-basics')).toContain(
      `1 of 2 entities is held at No level by ${link('checks/dockerfile-non-root/', 'Container runs as non-root')}; it is the only failing Baseline check.`,
    );
  });

  it('lets the search page narrow results by type', async () => {
    const search = await page('search');
    expect(search).toMatch(
      /<select id="search-page-type" name="type"><option value="">Everything<\/option><option value="Entity">Catalog<\/option><option value="Guide">Guides<\/option><option value="Docs">Documentation<\/option><option value="Check">Checks<\/option><\/select>/,
    );
  });

  it('escapes repository text and never links a javascript: URL', async () => {
    const hostile = await entityPage('component', 'hostile');
    // A description is Markdown, as Backstage shows it: sanitized, this one is nothing at all.
    expect(hostile).not.toContain('data-pagefind-weight="5"');
    expect(hostile).toContain('<li><span>Click me</span></li>');
    expect(definition(hostile, '<code>example.com/evil</code>')).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    for (const path of (await siteFiles(outDir)).filter((file) => file.endsWith('.html'))) {
      const text = await readFile(join(outDir, path), 'utf8');
      expect(text, path).not.toContain(HOSTILE.description);
      // The only images are the portal's own badges.
      expect(text.match(/<img [^>]*>/g)?.filter((image) => !image.startsWith(`<img src="${BASE}badges/`)) ?? [], path).toEqual([]);
      expect(text, path).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('prefixes every internal link and asset with the base path', async () => {
    for (const path of (await siteFiles(outDir)).filter((file) => file.endsWith('.html'))) {
      const internal = hrefs(await readFile(join(outDir, path), 'utf8')).filter((href) => !/^(https?:|mailto:|data:|#)/.test(href));
      expect(internal.length, path).toBeGreaterThan(0);
      expect(
        internal.filter((href) => !href.startsWith(BASE)),
        path,
      ).toEqual([]);
    }
  });

  it('resolves every internal link and asset to a built file, and every fragment to an element', async () => {
    // The fixture's checks name the guide service-basics, which it has no MDX for (the demo portal test follows guide links).
    expect((await brokenLinks(outDir, BASE)).filter((link) => !link.endsWith(`→ ${BASE}guides/service-basics/#readme`))).toEqual([]);
  });

  it('builds byte-identical output from the same snapshot', async () => {
    const againDir = join(workDir, 'dist-again');
    await buildSite({ ...options, outDir: againDir });
    const files = await siteFiles(outDir);
    expect(await siteFiles(againDir)).toEqual(files);
    for (const path of files) expect(await readFile(join(againDir, path)), path).toEqual(await readFile(join(outDir, path)));
  });

  it('builds without guides after a build of guides whose folder is gone, and shows none of their words', async () => {
    // A build without guides skips Astro's content sync: what an earlier sync listed must not be bundled.
    const dir = join(workDir, 'guides-then-gone');
    const withGuides = await buildFeedbackPortal(dir, BASE, { withFeedback: false });
    const words = 'what every service here does.';
    expect(await readFile(join(withGuides, 'guides/build/set-up-ci/index.html'), 'utf8')).toContain(words);
    await rm(join(dir, 'guides'), { recursive: true });
    const withoutGuides = join(dir, 'dist-without-guides');
    await buildSite({ ...options, outDir: withoutGuides });
    expect(await siteFiles(withoutGuides)).toEqual(await siteFiles(outDir));
    expect(await readFile(join(withoutGuides, 'llms-full.txt'), 'utf8')).not.toContain(words);
  });

  it('fails the build with a usage error naming a guide whose MDX throws as it renders, and keeps the previous site', async () => {
    const dir = join(workDir, 'guide-throws');
    const site = await buildFeedbackPortal(dir, BASE, { withFeedback: false });
    const before = await siteFiles(site);
    const guide = join(dir, 'guides', 'build', 'set-up-ci.mdx');
    await writeFile(guide, '## Why\n\nThe year is {undefinedVar}.\n');
    // Another guide of the same file name, which renders: the message names the one that throws.
    await mkdir(join(dir, 'guides', 'ops'), { recursive: true });
    await writeFile(join(dir, 'guides', 'ops', 'set-up-ci.mdx'), '## Fine\n');
    const failed = buildSite({
      snapshot: join(dir, 'snapshot.json'),
      outDir: site,
      base: BASE,
      guidesDir: join(dir, 'guides'),
      logLevel: 'silent',
    });
    await expect(failed).rejects.toThrow(ConfigError);
    await expect(failed).rejects.toThrow(
      /^\S*guides\/build\/set-up-ci\.mdx: the guide fails as it renders: ReferenceError: undefinedVar is not defined/,
    );
    expect(await siteFiles(site)).toEqual(before);
  });

  it('stops cairn build --from with exit 2 when the snapshot has guides the guides folder lacks', async () => {
    const dir = join(workDir, 'guides-elsewhere');
    await mkdir(join(dir, 'guides'), { recursive: true });
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify(feedbackSnapshot({ withFeedback: false })));
    await writeFile(join(dir, 'portal.yaml'), 'title: Guides elsewhere\n');
    const withConfig = await cairn(dir, 'build', '--from', 'snapshot.json', '--out', 'dist');
    expect(withConfig.code).toBe(2);
    expect(withConfig.stderr).toMatch(
      /^cairn build: --from snapshot\.json: the snapshot has guides "build\/set-up-ci" \(content\/guides\/build\/set-up-ci\.mdx\), .*, which are not in guides\/\. Build with the portal\.yaml/,
    );
    await rm(join(dir, 'portal.yaml'));
    const withoutConfig = await cairn(dir, 'build', '--from', 'snapshot.json', '--out', 'dist');
    expect(withoutConfig.code).toBe(2);
    expect(withoutConfig.stderr).toMatch(/but no portal\.yaml was given, beside which its guides\/ would be\./);
    expect(withConfig.stderr + withoutConfig.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails the build with a message naming the snapshot file and the invalid field', async () => {
    const broken = join(workDir, 'broken-snapshot.json');
    await writeFile(broken, JSON.stringify({ ...snapshotFixture, entities: [{ ...snapshotFixture.entities[0], kind: 42 }] }));
    await expect(buildSite({ snapshot: broken, outDir: join(workDir, 'dist-broken'), base: BASE, logLevel: 'silent' })).rejects.toThrow(
      /broken-snapshot\.json[\s\S]*entities\[0\]\.kind/,
    );
  });
});
