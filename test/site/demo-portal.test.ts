import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guide, Snapshot } from '../../collectors/contract/snapshot.ts';
import { guidesOfLlmsFull } from '../../scripts/cli/mcp/published-portal.ts';
import { buildDemoPortal } from '../helpers/demo-portal.ts';
import { brokenLinks } from '../helpers/site-links.ts';

/** The demo content over the demo organisation, built under `/portal/`: guides, search and repository docs, read as HTML. */
const BASE = '/portal/';
let workDir: string;
let outDir: string;
let snapshot: Snapshot;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'cairn-guides-'));
  ({ outDir, snapshot } = await buildDemoPortal(workDir, BASE));
}, 240_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!));
const guides = () => snapshot.guides;

/** The depth of each ATX heading of Markdown, code blocks left out. */
function headingDepths(markdown: string): number[] {
  let fenced = false;
  return markdown.split('\n').flatMap((line) => {
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    return !fenced && /^#{1,6} /.test(line) ? [line.indexOf(' ')] : [];
  });
}

function following(guide: Guide): { following: number; applicable: number } {
  return { following: guide.adoption.entities.filter((entity) => entity.follows).length, applicable: guide.adoption.entities.length };
}

describe('the demo guides', () => {
  it('are at least five recommended guides, each teaching real checks, one stale', () => {
    const recommended = guides().filter((guide) => guide.status === 'recommended');
    expect(recommended.length).toBeGreaterThanOrEqual(5);
    const checkIds = new Set(snapshot.checks.map((check) => check.id));
    for (const guide of recommended) {
      expect(guide.checks.length, guide.id).toBeGreaterThan(0);
      for (const id of guide.checks) expect(checkIds, `${guide.id}: ${id}`).toContain(id);
      expect(guide.adoption.entities.length, `${guide.id} applies to services`).toBeGreaterThan(0);
    }
    expect(guides().filter((guide) => guide.stale).length).toBe(1);
  });
});

describe('the guides index', () => {
  it('lists every guide under its category with status and adoption, and flags the stale one', async () => {
    const html = await page('guides');
    for (const guide of guides()) {
      const row = html.slice(
        html.indexOf(`href="${BASE}guides/${guide.id}/"`),
        html.indexOf('</tr>', html.indexOf(`href="${BASE}guides/${guide.id}/"`)),
      );
      expect(row, guide.id).not.toBe('');
      const { following: count, applicable } = following(guide);
      expect(text(row)).toContain(`(${count} of ${applicable})`);
      expect(text(row)).toContain({ recommended: 'Recommended', draft: 'Draft', deprecated: 'Deprecated' }[guide.status]);
      expect(text(row).includes('Stale')).toBe(guide.stale);
    }
    for (const category of new Set(guides().map((guide) => guide.category))) expect(html).toContain(`>${category}</h2>`);
  });
});

describe('the home page', () => {
  it('lists the recommended golden paths with their adoption', async () => {
    const html = text(await page(''));
    for (const guide of guides()) {
      const { following: count, applicable } = following(guide);
      const line = `${guide.title} ${count} of ${applicable} (${Math.floor((count / applicable) * 100)}%)`;
      expect(html.includes(line), line).toBe(guide.status === 'recommended');
    }
  });
});

describe('a guide page', () => {
  it('anchors every heading with the slug the collectors verified links against', async () => {
    for (const guide of guides()) {
      const anchors = ids(await page(`guides/${guide.id}`));
      for (const heading of guide.headings) expect(anchors, `${guide.id}#${heading.slug}`).toContain(heading.slug);
    }
  });

  it('shows adoption, who misses what, examples, table of contents, edit and feedback links, prev/next', async () => {
    const guide = guides().find((candidate) => candidate.id === 'build/set-up-ci')!;
    const html = await page('guides/build/set-up-ci');
    const { following: count, applicable } = following(guide);
    expect(text(html)).toContain(`${count} of ${applicable} applicable services follow this path`);
    const stragglers = guide.adoption.entities.filter((entity) => !entity.follows);
    expect(text(html)).toContain(`${stragglers.length} not yet following, and what they miss`);
    expect(html).toContain('aria-label="On this page"');
    expect(html).toContain('href="https://github.com/acme/developer-portal/edit/main/content/guides/build/set-up-ci.mdx"');
    // The demo reads feedback from acme/developer-portal: "Was this helpful?" opens its prefilled issue.
    expect(html).toContain(
      '<a href="https://github.com/acme/developer-portal/issues/new?template=cairn-feedback.yml&amp;title=Feedback%3A+Set+up+CI&amp;page=guide%3Abuild%2Fset-up-ci">Was this helpful? Tell the platform team</a>',
    );
    expect(text(html)).toMatch(/Satisfaction \d\.\d of 5 \(the mean of \d+ ratings\)/);
    expect(html).toMatch(/rel="(prev|next)"/);
    expect(html).toContain('class="astro-code');
  });

  it('links check pages, and every internal link in guides resolves to a page and section', async () => {
    for (const guide of guides()) {
      const html = await page(`guides/${guide.id}`);
      for (const id of guide.checks) expect(html, `${guide.id} → ${id}`).toContain(`href="${BASE}checks/${id}/"`);
      const body = html.slice(html.indexOf('class="guide-body"'), html.indexOf('class="guide-footer"'));
      for (const [, href] of body.matchAll(/href="([^"]*)"/g)) {
        if (href!.startsWith('#')) {
          expect(ids(html), `${guide.id}: ${href}`).toContain(href!.slice(1));
          continue;
        }
        if (!href!.startsWith('/')) continue;
        expect(href, `${guide.id}: root links carry the base`).toMatch(new RegExp(`^${BASE}`));
        const [path, fragment] = href!.slice(BASE.length).split('#');
        const target = await page(path!.replace(/\/$/, '')).catch(() => undefined);
        expect(target, `${guide.id}: ${href}`).toBeDefined();
        if (fragment) expect(ids(target!), `${guide.id}: ${href}`).toContain(decodeURIComponent(fragment));
      }
    }
  });
});

describe('check pages', () => {
  it("link each taught check's guide section, and the section exists", async () => {
    const taught = snapshot.checks.filter((check) => check.guide);
    expect(taught.length).toBeGreaterThanOrEqual(20);
    for (const check of taught) {
      const [id, section] = check.guide!.split('#');
      const html = await page(`checks/${check.id}`);
      expect(html, check.id).toContain(`href="${BASE}guides/${id}/${section ? `#${section}` : ''}"`);
      if (section) expect(ids(await page(`guides/${id}`)), check.guide).toContain(section);
    }
  });

  it('show the code a description quotes as code, not as backticks', async () => {
    expect(await page('checks/actions-pinned')).toContain('<p>Every <code>uses:</code> of an action');
    expect(await page('checks')).toContain('Every <code>uses:</code> of an action');
  });
});

describe('search', () => {
  it('indexes entities, guides, checks and docs with Pagefind, each with its type, and nothing else', async () => {
    const files = await readdir(join(outDir, 'pagefind'));
    expect(files).toContain('pagefind.js');
    const marked = async (path: string) => {
      const html = await page(path);
      return html.includes('data-pagefind-body') ? /data-pagefind-filter="type\[content\]" content="([^"]+)"/.exec(html)?.[1] : undefined;
    };
    expect(await marked('guides/build/set-up-ci')).toBe('Guide');
    expect(await marked('checks/ci-configured')).toBe('Check');
    expect(await marked('catalog/default/component/payments')).toBe('Entity');
    expect(await marked('catalog/default/component/storefront/docs')).toBe('Docs');
    for (const path of ['', 'catalog', 'guides', 'problems', 'scorecards', 'search'])
      expect(await marked(path), path || 'home').toBeUndefined();
  });

  it('has a search box in the header of every page, pointing at the search page under the base', async () => {
    for (const path of ['', 'guides/build/set-up-ci', 'catalog/default/component/payments']) {
      expect(await page(path)).toContain(`<form role="search" aria-label="Site search" action="${BASE}search/" method="get"`);
    }
  });
});

describe('the demo organisation’s repository docs', () => {
  it('tell the reader of a page using MkDocs syntax the portal shows as written, and only that page', async () => {
    const notice = 'This page uses MkDocs syntax the portal does not render: admonitions (!!! note).';
    const deployment = await page('catalog/default/component/storefront/docs/deployment');
    expect(deployment).toContain(notice);
    // Not a search result's text: the notice is Cairn's, not the page's.
    expect(deployment).toContain('<aside class="callout" aria-label="Unrendered syntax" data-pagefind-ignore>');
    expect(await page('catalog/default/component/storefront/docs/guides/checkout-api')).not.toContain('MkDocs syntax');
  });

  it('publish the storefront’s mkdocs site with its nested nav and highlighted code', async () => {
    const html = await page('catalog/default/component/storefront/docs/guides/checkout-api');
    expect(html).toMatch(/<nav class="docs-nav" aria-label="Storefront documentation">/);
    expect(html).toMatch(/<span class="docs-nav-section">Guides<\/span>\s*<ul>/);
    expect(html).toMatch(
      /<a href="\/portal\/catalog\/default\/component\/storefront\/docs\/guides\/checkout-api\/" aria-current="page">Calling the checkout API<\/a>/,
    );
    expect(html).toContain('<pre class="shiki cairn-code"');
    expect(html).toContain('data-language="ts"');
  });

  it('publish a monorepo component’s own mkdocs site, naming the Markdown it comes from', async () => {
    const html = await page('catalog/default/component/checkout-api/docs');
    expect(html).toContain('<h1 id="checkout-api">Checkout API');
    expect(html).toContain('<code>services/checkout-api/docs/index.md</code>');
  });

  it('link the entity page to its documentation', async () => {
    expect(await page('catalog/default/component/payments')).toContain(
      '<a href="/portal/catalog/default/component/payments/docs/">Documentation</a>',
    );
  });
});

describe('machine-readable outputs', () => {
  it('publish catalog.json, scorecards.json and llms.txt with the guides and the catalog', async () => {
    const catalog = JSON.parse(await readFile(join(outDir, 'catalog.json'), 'utf8')) as { entities: Array<{ ref: string }> };
    expect(catalog.entities.map((entity) => entity.ref)).toEqual(snapshot.entities.map((entity) => entity.ref).sort());
    const scorecards = JSON.parse(await readFile(join(outDir, 'scorecards.json'), 'utf8')) as {
      entities: Array<{ entity: string; url: string }>;
    };
    expect(scorecards.entities.map((entry) => entry.entity)).toEqual(
      [...new Set(snapshot.results.map((result) => result.entityRef))].sort(),
    );
    const results = await Promise.all(
      scorecards.entities.map(
        async (entry) => (JSON.parse(await readFile(join(outDir, entry.url.slice(BASE.length)), 'utf8')) as { results: unknown[] }).results,
      ),
    );
    expect(results.flat()).toHaveLength(snapshot.results.length);
    const llms = await readFile(join(outDir, 'llms.txt'), 'utf8');
    for (const guide of guides().filter((candidate) => candidate.status !== 'deprecated'))
      expect(llms).toContain(`- [${guide.title}](${BASE}guides/${guide.id}/): `);
    expect(llms).toContain(`- [Payments](${BASE}catalog/default/component/payments/): Component (service)`);
    expect(llms).toContain(`Every guide in full is in [llms-full.txt](${BASE}llms-full.txt).`);
  });

  it('publish llms-full.txt: every guide in full as Markdown, which cairn mcp --portal reads back', async () => {
    const full = await readFile(join(outDir, 'llms-full.txt'), 'utf8');
    expect(full).toMatch(/^# Acme Developer Portal\n\n> /);
    expect(full).not.toMatch(/<(Adoption|CheckList|Examples|Steps|Callout)\b/);
    // Links to the portal's pages carry its base path, as on the guide pages.
    expect(full).toContain(`](${BASE}checks/ci-configured/)`);
    const read = guidesOfLlmsFull(full, `https://portal.example${BASE}`);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const expected = guides().map(({ appliesTo: _appliesTo, order: _order, ...guide }) => ({
      ...guide,
      file: '',
      headings: [],
      adoption: { entities: [], checks: [] },
    }));
    expect(read.map(({ guide }) => guide).sort(byId)).toEqual(expected.sort(byId));
    // Each body has the guide's headings, at the depths the guide gave them.
    for (const { guide, body } of read)
      expect(headingDepths(body), guide.id).toEqual(
        guides()
          .find((candidate) => candidate.id === guide.id)!
          .headings.map((heading) => heading.depth),
      );
  });
});

describe('links', () => {
  it('resolve everywhere in the demo portal, fragments included', async () => {
    expect(await brokenLinks(outDir, BASE)).toEqual([]);
  });

  it('publish no badges: the demo’s READMEs and guides embed none', async () => {
    await expect(readdir(join(outDir, 'badges'))).rejects.toThrow();
    expect(await page('catalog/default/component/payments')).not.toContain('class="badge-embed"');
  });
});

describe('initiatives', () => {
  it('list each initiative with its progress and outlook, and a page per initiative by team', async () => {
    const index = text(await page('initiatives'));
    expect(snapshot.initiatives.length).toBeGreaterThanOrEqual(2);
    for (const initiative of snapshot.initiatives) {
      const done = initiative.entities.filter((entity) => entity.done).length;
      expect(index).toContain(
        `${initiative.title} ${initiative.deadline} ${Math.floor((done / initiative.entities.length) * 100)}% (${done} of ${initiative.entities.length})`,
      );
      const html = text(await page(`initiatives/${initiative.id}`));
      expect(html).toContain(`(${done} of ${initiative.entities.length} done)`);
      for (const owner of new Set(initiative.entities.map((entity) => entity.owner))) {
        const team = initiative.entities.filter((entity) => entity.owner === owner);
        expect(html).toContain(`${team.filter((entity) => entity.done).length} of ${team.length} done`);
      }
    }
  });
});

describe('the platform dashboard', () => {
  it('calls out the demo’s disliked but followed path and its loved but unfollowed ones, and shows every team’s surveys', async () => {
    const html = text(await page('platform'));
    expect(html).toMatch(/Followed, but not liked .*Jenkins pipelines \(deprecated\) : \d+% follow it, rated [0-2]\.\d of 5/);
    expect(html).toMatch(/Liked, but rarely followed .*Security baseline : 0% follow it, rated 4\.\d of 5/);
    for (const question of new Set(snapshot.feedback!.surveys.map((figure) => figure.question))) expect(html).toContain(question);
  });
});
