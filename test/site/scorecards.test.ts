import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../helpers/fixture-site.ts';
import { brokenLinks } from '../helpers/site-links.ts';
import { HOSTILE, snapshotFixture } from '../helpers/snapshot-fixture.ts';

// The fixture organisation's site under `/portal/` with a site URL and badges, read as text.
const BASE = '/portal/';
const SITE = 'https://acme.example.com';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
let outDir: string;

beforeAll(async () => {
  const site = await fixtureSite();
  expect(site.options).toMatchObject({ base: BASE, site: SITE });
  outDir = site.outDir;
}, 120_000);

const file = (path: string) => readFile(join(outDir, path), 'utf8');
const page = (path: string) => file(join(path, 'index.html'));
const link = (path: string, text: string) => `<a href="${BASE}${path}">${text}</a>`;

/** The part of a page from the element with `id` (or the heading with that text) to the end of its section. */
function section(html: string, heading: string): string {
  const start = html.search(new RegExp(`<h[23]( id="[^"]*")?>(<a [^>]*>)?${heading}(</a>)?</h[23]>`));
  expect(start, `section "${heading}"`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The rows of the table body in `html` after `after` (default: the first), each as its cells' text (tags removed). */
function tableRows(html: string, after = 0): string[][] {
  const start = html.indexOf('<tbody>', after);
  const body = html.slice(start, html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}

describe('page frames', () => {
  it('gives each page its canonical URL, but not the 404 page, which is served at any address', async () => {
    expect(await page('catalog/default/user/alice')).toContain(`<link rel="canonical" href="${SITE}${BASE}catalog/default/user/alice/">`);
    expect(await file('404.html')).not.toContain('rel="canonical"');
  });

  it('gives a Group page with no summary facts no empty Summary section', async () => {
    expect(await page('catalog/default/group/engineering')).not.toContain('summary-heading');
    expect(await page('catalog/default/user/alice')).toContain(
      '<h2 id="summary-heading" class="visually-hidden">Summary</h2><dl class="facts"><dt>Email</dt>',
    );
    expect(await page('catalog/default/component/payments-service')).toContain(
      '<h2 id="summary-heading" class="visually-hidden">Summary</h2>',
    );
  });
});

describe('the entity scorecard panel', () => {
  it('shows the level, the score and every check with its outcome as text; the summary says what the next level needs', async () => {
    const html = await page('catalog/default/component/payments-service');
    const panel = section(html, 'Production readiness');
    expect(panel).toContain('<span class="visually-hidden">Level: </span>Silver</span>');
    expect(panel).toContain('Score <strong>85%</strong>');
    // Said once, in the summary at the top, which links to the panel.
    expect(html).toMatch(
      /To reach <strong>Gold<\/strong> on <a href="#scorecard-[\w-]+">Production readiness<\/a>, fix:<\/p><ol class="next-checks"><li><a href="\/portal\/checks\/dockerfile-non-root\/">Container runs as non-root<\/a>/,
    );
    expect(panel).not.toContain('To reach Gold');
    // Each level says whether the entity reached it, and which one is next.
    for (const heading of ['Bronze', 'Silver']) expect(panel).toContain(`<h4>${heading}<span class="muted"> · reached</span></h4>`);
    expect(panel).toContain('<h4>Gold<span class="muted"> · the next level</span></h4>');
    expect(panel).toContain(
      '<span class="outcome outcome-fail">Fail</span> <a href="/portal/checks/dockerfile-non-root/">Container runs as non-root</a>',
    );
    expect(panel).toContain('<span class="outcome outcome-exempt">Exempt</span>');
    expect(panel).toContain('Exempt until <time datetime="2027-03-31">2027-03-31</time>');
  });

  it('shows a check failing on two scorecards in full once, and points back to it from the second', async () => {
    const html = await page('catalog/default/component/payments-service');
    expect(section(html, 'Production readiness')).toContain(
      '<li id="check-dockerfile-non-root"><p class="check-head"><span class="outcome outcome-fail">Fail</span> <a href="/portal/checks/dockerfile-non-root/">Container runs as non-root</a></p><p>The final stage runs as root.</p>',
    );
    const security = section(html, 'Security basics');
    expect(security).toContain(
      '<li><p class="check-head"><span class="outcome outcome-fail">Fail</span> <a href="/portal/checks/dockerfile-non-root/">Container runs as non-root</a></p><p class="muted">As under <a href="#check-dockerfile-non-root">Production readiness</a> above.</p></li>',
    );
    expect(security).not.toContain('The final stage runs as root.');
  });

  it('links evidence to the file and line at the scanned commit', async () => {
    const panel = section(await page('catalog/default/component/payments-service'), 'Production readiness');
    expect(panel).toContain(
      `<a href="https://git.example.com/acme/payments-service/blob/${COMMIT}/Dockerfile#L12"><code>Dockerfile:12</code></a> <code class="muted">USER root</code>`,
    );
  });

  it('names the passing and not-applicable checks of each level on one line, without their messages and evidence', async () => {
    const panel = section(await page('catalog/default/component/payments-service'), 'Production readiness');
    expect(panel).toContain(
      `<h4>Bronze<span class="muted"> · reached</span></h4><div class="checks-settled"><span class="outcome outcome-pass">Pass</span> <ul class="inline-list inline"><li>${link('checks/has-readme/', 'Has a README')}</li><li>${link('checks/has-codeowners/', 'Has CODEOWNERS')}</li></ul></div>`,
    );
    // Their messages and evidence are in the entity's results, which the page links.
    expect(await page('catalog/default/component/payments-service')).toContain(
      `the passing ones’ too: ${link('scorecards/entities/default/component/payments-service.json', 'the results as JSON')}.`,
    );
    expect(await file('scorecards/entities/default/component/payments-service.json')).toContain('README.md is there.');
    expect(panel).not.toContain('README.md is there.');
    expect(panel).not.toContain('/README.md"');
    const web = section(await page('catalog/default/component/checkout-web'), 'Production readiness');
    expect(web).toMatch(
      /<div class="checks-settled"><span class="outcome outcome-notApplicable">Not applicable<\/span> <ul class="inline-list inline"><li><a /,
    );
  });

  it('links "How to fix" on the check’s page for checks that need work only, instead of repeating it', async () => {
    const panel = section(await page('catalog/default/component/payments-service'), 'Production readiness');
    expect(panel.match(/>How to fix</g)).toHaveLength(2);
    expect(panel).toContain(
      `<p><a href="${BASE}checks/dockerfile-non-root/#how-to-fix">How to fix<span class="visually-hidden">: Container runs as non-root</span></a></p>`,
    );
    expect(panel).not.toContain('USER 10001');
    expect(await page('checks/dockerfile-non-root')).toContain('<h2 id="how-to-fix">How to fix</h2>');
    const readme = section(await page('catalog/default/component/hostile'), 'Production readiness');
    expect(readme).toContain(
      `How to fix<span class="visually-hidden">: Has a README</span></a> · Learn how in the guide: <a href="${BASE}guides/service-basics/#readme">service-basics#readme</a>`,
    );
  });

  it('shows the other outcomes: error, not applicable and an expired exemption', async () => {
    const web = section(await page('catalog/default/component/checkout-web'), 'Production readiness');
    expect(web).toContain('<span class="visually-hidden">Level: </span>No level</span>');
    expect(web).toContain('<span class="outcome outcome-error">Error</span>');
    expect(web).toContain('<span class="outcome outcome-notApplicable">Not applicable</span>');
    const billing = section(await page('catalog/default/component/billing-scripts'), 'Production readiness');
    expect(billing).toContain('<span class="outcome outcome-expiredExemption">Exemption expired</span>');
    expect(billing).toContain(
      'Exemption expired <time datetime="2026-06-30">2026-06-30</time> (the portal’s exemptions.yaml): Scripts are documented in the wiki.',
    );
  });

  it('shows the badge and the Markdown to embed it, with absolute URLs', async () => {
    const panel = section(await page('catalog/default/component/payments-service'), 'Production readiness');
    expect(panel).toContain(
      `<img src="${BASE}badges/default/component/payments-service/production-readiness.svg" alt="Production readiness: Silver">`,
    );
    expect(panel).toContain(
      `<pre><code>[![Production readiness: Silver](${SITE}${BASE}badges/default/component/payments-service/production-readiness.svg)](${SITE}${BASE}catalog/default/component/payments-service/)</code></pre>`,
    );
  });

  it('has no scorecards section for an entity no scorecard applies to', async () => {
    expect(await page('catalog/default/api/payments-api')).not.toContain('<h2>Scorecards</h2>');
  });
});

describe('the scorecard pages', () => {
  it('lists every scorecard with its distribution on the index, and links the results export', async () => {
    const index = await page('scorecards');
    expect(index).toContain(link('scorecards/production-readiness/', 'Production readiness'));
    expect(index).toContain(link('scorecards/security-basics/', 'Security basics'));
    expect(index).toContain(`<a href="${BASE}scorecards.json">All results as JSON</a>`);
    const production = section(index, 'Production readiness');
    expect(production).toMatch(/<span class="bar-label">No level<\/span>[\s\S]*?3 entities <span class="muted">\(75%\)<\/span>/);
    expect(production).toMatch(/<span class="bar-label">Silver<\/span>[\s\S]*?1 entity <span class="muted">\(25%\)<\/span>/);
  });

  it('shows the distribution and the per-team table of a scorecard, each team linking to its heatmap', async () => {
    const scorecard = await page('scorecards/production-readiness');
    expect(scorecard).toContain('<h1>Production readiness</h1>');
    expect(section(scorecard, 'Entities by level')).toContain('style="width: 75.00%"');
    const teams = section(scorecard, 'By team');
    expect(tableRows(teams)).toEqual([
      ['Payments Team', '1', '0', '1', '0', '2', '51%', 'Entities × checks of Payments Team'],
      ['Platform', '2', '0', '0', '0', '2', '8%', 'Entities × checks of Platform'],
    ]);
    expect(teams).toContain(
      `<a href="${BASE}scorecards/production-readiness/teams/default/group/platform/">Entities × checks<span class="visually-hidden"> of Platform</span></a>`,
    );
    // The organisation-wide heatmap grew with every entity: it is on the teams' pages now.
    expect(scorecard).not.toContain('class="heatmap"');
  });

  it('shows a team’s entities × checks on its own page, each status as a word', async () => {
    const team = await page('scorecards/production-readiness/teams/default/group/platform');
    expect(team).toContain('<h1>Platform</h1>');
    expect(team).toContain(link('scorecards/production-readiness/', 'Production readiness'));
    expect(team).toContain(link('catalog/default/group/platform/', 'Platform'));
    expect(section(team, 'Entities by level')).toContain('style="width: 100.00%"');
    const heatmap = section(team, 'Entities × checks');
    expect(heatmap).toContain(
      `<th scope="col" class="cell"><a href="${BASE}checks/has-readme/"><abbr title="Has a README">1</abbr><span class="visually-hidden">Has a README</span></a></th>`,
    );
    expect(tableRows(heatmap)).toEqual([
      ['billing-scripts', 'No level', '16%', 'Exemption expired', 'Pass', 'Fail', 'Fail', 'Not applicable', 'Fail'],
      ['Hostile &lt;b&gt;component&lt;/b&gt;', 'No level', '0%', 'Fail', 'Fail', 'Fail', 'Fail', 'Not applicable', 'Fail'],
    ]);
    expect(heatmap).toContain('<td class="outcome-expiredExemption">Exemption expired</td>');
    expect(
      tableRows(section(await page('scorecards/production-readiness/teams/default/group/payments-team'), 'Entities × checks'))[1],
    ).toEqual(['Payments Service', 'Silver', '85%', 'Pass', 'Pass', 'Pass', 'Pass', 'Fail', 'Exempt']);
    // Fewer entities than a page: no page navigation.
    expect(team).not.toContain('class="pagination"');
  });
});

describe('the check pages', () => {
  it('lists every check by category with its source and pass rate', async () => {
    const index = await page('checks');
    expect([...index.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1])).toEqual([
      'Documentation',
      'Ownership',
      'Build and CI',
      'Containers',
      'Repository hygiene',
      'Catalog',
    ]);
    expect(tableRows(section(index, 'Documentation'))).toEqual([
      ['Has a READMEhas-readme', 'The repository has a README at its root.', 'low', 'Built-in', '50%'],
      ['Has a runbook linkhas-runbook', 'The entity links to its runbook.', 'medium', 'Custom', '0%'],
    ]);
    expect(tableRows(section(index, 'Catalog'))[0]![4]).toBe('Not evaluated');
  });

  it('shows what, why, how to fix, effort, guide, pass rate and the failing entities', async () => {
    const check = await page('checks/has-readme');
    expect(check).toContain('<h1>Has a README</h1>');
    expect(check).toContain('<p>The repository has a README at its root.</p>');
    expect(check).toContain(`<dt>Guide</dt><dd><a href="${BASE}guides/service-basics/#readme">service-basics#readme</a></dd>`);
    expect(check).toContain('<strong>50%</strong> (2 of 4 applicable results pass)');
    expect(check).toContain(
      '<dt>Options (defaults)</dt><dd><ul class="inline-list"><li><code>minWords</code>: <code>50</code></li></ul></dd>',
    );
    expect(check).toContain(link('scorecards/production-readiness/', 'Production readiness'));
    expect(section(check, 'Why it matters')).toContain(
      '<div class="markdown"><p>A README is the first thing a newcomer opens.</p>\n<ul>\n<li>what it does</li>\n<li>how to run it</li>\n</ul></div>',
    );
    expect(section(check, 'How to fix')).toContain('<pre tabindex="0"><code class="language-md"># My service\n</code></pre>');
    const failingSection = section(check, 'Entities failing it');
    expect(failingSection).toContain('<p>2 entities fail it or could not run it; by team, the most first:</p>');
    expect(tableRows(failingSection)).toEqual([['Platform', '2', '2']]);
    // Every row is on one scorecard: the caption names it, and no column repeats it.
    expect(failingSection).toContain(
      `<caption>Entities where this check fails or could not run on the ${link('scorecards/production-readiness/', 'Production readiness')} scorecard</caption>`,
    );
    const failing = tableRows(failingSection, failingSection.indexOf('Entities where this check fails'));
    expect(failing.map((row) => row.slice(0, 2))).toEqual([
      ['billing-scripts', 'Exemption expired'],
      ['Hostile &lt;b&gt;component&lt;/b&gt;', 'Fail'],
    ]);
    expect(failing[1]![2]).toContain('README.md is missing &lt;script&gt;alert(&quot;check&quot;)&lt;/script&gt;');
  });

  it('lists an entity failing the same way on two scorecards once, and says in the caption what all rows share', async () => {
    const failingSection = section(await page('checks/dockerfile-non-root'), 'Entities failing it');
    expect(failingSection).toContain(
      `<caption>Entities where this check fails on the ${link('scorecards/production-readiness/', 'Production readiness')} and ${link('scorecards/security-basics/', 'Security basics')} scorecards</caption>`,
    );
    expect(failingSection).toContain('<thead><tr><th scope="col">Entity</th><th scope="col">Message</th></tr></thead>');
    const failing = tableRows(failingSection, failingSection.indexOf('Entities where this check fails'));
    expect(failing.map((row) => row[0])).toEqual(['Payments Service']);
  });

  it('says once a message every failing entity shares, and the table lists the entities alone', async () => {
    const failingSection = section(await page('checks/has-license'), 'Entities failing it');
    expect(failingSection).toContain('<p>Every entity below has the same message: No LICENSE file.</p>');
    expect(failingSection).toContain('<thead><tr><th scope="col">Entity</th></tr></thead>');
    const failing = tableRows(failingSection, failingSection.indexOf('Entities where this check fails'));
    expect(failing).toEqual([['billing-scripts'], ['Checkout Web'], ['Hostile &lt;b&gt;component&lt;/b&gt;']]);
  });

  it('says so when no entity fails a check', async () => {
    expect(section(await page('checks/pinned-base-image'), 'Entities failing it')).toContain('No entity fails this check.');
  });
});

describe('the team page', () => {
  it('rolls up the group’s entities by level and lists what to do, closest level first', async () => {
    const team = section(await page('catalog/default/group/payments-team'), 'Scorecards');
    expect(team).toContain(`<a href="${BASE}scorecards/production-readiness/">Production readiness</a>: the group’s entities by level`);
    expect(tableRows(team)).toEqual([
      ['No level', '1', 'Checkout Web'],
      ['Bronze', '0', ''],
      ['Silver', '1', 'Payments Service'],
      ['Gold', '0', ''],
    ]);
    const todo = team.slice(team.indexOf('<h3>To do</h3>'));
    const order = [
      'Checkout Web</a> to <strong>Bronze</strong>',
      'Payments Service</a> to <strong>Gold</strong>',
      'Payments Service</a> to <strong>Baseline</strong>',
    ].map((text) => todo.indexOf(text));
    expect(order.every((position) => position > -1)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('links', () => {
  it('resolve, with badges and team pages, under the base', async () => {
    // The fixture's checks name the guide service-basics, which it has no MDX for (the demo portal test follows guide links).
    expect((await brokenLinks(outDir, BASE)).filter((link) => !link.endsWith(`→ ${BASE}guides/service-basics/#readme`))).toEqual([]);
  });
});

describe('badges', () => {
  it('writes a valid SVG per entity and scorecard at a stable URL', async () => {
    for (const result of snapshotFixture.results) {
      const name = result.entityRef.split('/')[1]!;
      const svg = await file(`badges/default/component/${name}/${result.scorecard}.svg`);
      expect(XMLValidator.validate(svg), `${name} ${result.scorecard}`).toBe(true);
    }
    const svg = new XMLParser({ ignoreAttributes: false }).parse(
      await file('badges/default/component/payments-service/production-readiness.svg'),
    );
    expect(svg.svg['@_aria-label']).toBe('Production readiness: Silver');
    expect(await file('badges/default/component/checkout-web/production-readiness.svg')).toContain('Production readiness: none');
  });
});

describe('scorecards.json', () => {
  it('indexes every scored entity with its levels and the absolute URL of its results', async () => {
    const text = await file('scorecards.json');
    expect(text).not.toContain('\n');
    const index = JSON.parse(text) as {
      generatedAt: string;
      entities: Array<{ entity: string; levels: Record<string, string | null>; url: string }>;
    };
    expect(index.generatedAt).toBe(snapshotFixture.generatedAt);
    expect(index.entities.find((entry) => entry.entity === 'component:default/payments-service')).toEqual({
      entity: 'component:default/payments-service',
      levels: { 'production-readiness': 'silver', 'security-basics': null },
      url: `${SITE}${BASE}scorecards/entities/default/component/payments-service.json`,
    });
    expect(new Set(index.entities.map((entry) => entry.entity))).toEqual(
      new Set(snapshotFixture.results.map((result) => result.entityRef)),
    );
  });

  it('publishes each entity’s results in its own file, as compact as the index', async () => {
    const index = JSON.parse(await file('scorecards.json')) as { entities: Array<{ entity: string; url: string }> };
    const exported = await Promise.all(
      index.entities.map(async (entry) => {
        const text = await file(entry.url.slice(`${SITE}${BASE}`.length));
        expect(text).not.toContain('\n');
        return JSON.parse(text) as {
          generatedAt: string;
          entity: string;
          results: Array<{
            scorecard: string;
            level: string | null;
            score: number;
            checks: Array<Record<string, unknown>>;
          }>;
        };
      }),
    );
    expect(exported.flatMap((entity) => entity.results)).toHaveLength(snapshotFixture.results.length);
    for (const result of snapshotFixture.results) {
      const entity = exported.find((candidate) => candidate.entity === result.entityRef)!;
      expect(entity.generatedAt).toBe(snapshotFixture.generatedAt);
      const found = entity.results.find((candidate) => candidate.scorecard === result.scorecard);
      expect(found, `${result.entityRef} ${result.scorecard}`).toEqual({
        scorecard: result.scorecard,
        level: result.level,
        score: result.score,
        checks: result.checks.map((check) => ({
          check: check.checkId,
          level: check.level,
          outcome: check.outcome,
          ...(check.effective === check.outcome ? {} : { effective: check.effective }),
          message: check.message,
          ...(check.evidence.length ? { evidence: check.evidence } : {}),
          ...(check.exemption ? { exemption: check.exemption } : {}),
        })),
      });
    }
  });
});

describe('navigation and escaping', () => {
  it('links Scorecards and Checks from every page’s navigation', async () => {
    const home = await page('');
    expect(home).toContain(`<a href="${BASE}scorecards/">Scorecards</a>`);
    expect(home).toContain(`<a href="${BASE}checks/">Checks</a>`);
    expect(await page('checks/has-readme')).toContain(`<a href="${BASE}checks/" aria-current="page">Checks</a>`);
  });

  it('escapes a hostile check message and evidence note everywhere they are shown', async () => {
    for (const path of ['catalog/default/component/hostile', 'checks/has-readme', 'catalog/default/group/platform']) {
      const html = await page(path);
      expect(html, path).not.toContain(HOSTILE.checkMessage);
      expect(html, path).not.toContain(HOSTILE.evidenceNote);
      expect(html, path).toContain('README.md is missing &lt;script&gt;alert(&quot;check&quot;)&lt;/script&gt;');
    }
    const hostile = await page('catalog/default/component/hostile');
    expect(hostile).toContain(
      '<code>docs/&lt;b&gt;README&lt;/b&gt;.md:3</code> <code class="muted">&lt;img src=x onerror=alert(4)&gt;</code>',
    );
  });
});
