import { describe, expect, it } from 'vitest';
import type { Guide } from '../../../collectors/contract/snapshot.ts';
import { guidesOfLlmsFull, portalRootOf, publishedPortal, type Fetcher } from '../../../scripts/cli/mcp/published-portal.ts';
import { catalogExport, entityResults, entityResultsExport, llmsFullTxt, scorecardsExport } from '../../../site/lib/exports.ts';
import { entityResultsPath } from '../../../site/lib/paths.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { indexStandards } from '../../../site/lib/standards.ts';
import { standardsExport } from '../../../site/lib/standards-export.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const ROOT = 'https://acme.example/portal/';

function guide(id: string, extra: Partial<Guide> = {}): Guide {
  return {
    id,
    file: '',
    title: `Guide ${id}`,
    summary: `About ${id}.`,
    category: 'Build',
    owner: 'group:default/platform',
    status: 'recommended',
    reviewed: '2026-10-01',
    checks: [],
    stale: false,
    headings: [],
    adoption: { entities: [], checks: [] },
    ...extra,
  };
}

/** llms-full.txt as the site writes it (bodies already Markdown, headings from H4). */
function llmsFull(guides: readonly Guide[], bodies: Record<string, string>): string {
  return llmsFullTxt({
    title: 'Acme [Portal]',
    guides,
    entities: snapshotFixture.entities,
    url: (path) => new URL(path, ROOT).href,
    markdown: (entry) => bodies[entry.id],
  });
}

describe('the guides of a published llms-full.txt', () => {
  const guides = [
    guide('build/set-up-ci', { title: 'Set up [CI]', checks: ['has-ci', 'has-readme'], stale: true }),
    guide('build/jenkins', { status: 'deprecated', category: 'Build' }),
    guide('start/new', { category: 'Start', status: 'draft', checks: ['has-codeowners'] }),
  ];
  const bodies = {
    'build/set-up-ci':
      '#### Add the workflow\n\nCopy it:\n\n```markdown\n### [Not a guide](https://acme.example/portal/guides/x/)\n## Not a section\n#### Not a heading\n```\n\n##### Details\n\nText.\n',
    'start/new': 'Just text.\n',
  };

  it('reads back what the site wrote: every guide, its facts, and its body with the headings the guide had', () => {
    const read = guidesOfLlmsFull(llmsFull(guides, bodies), ROOT);
    expect(read.map(({ guide: entry }) => entry)).toEqual(
      [guides[1], guides[0], guides[2]].map((entry) => ({ ...entry!, headings: [], adoption: { entities: [], checks: [] } })),
    );
    expect(read.find(({ guide: entry }) => entry.id === 'build/set-up-ci')!.body).toBe(
      '## Add the workflow\n\nCopy it:\n\n```markdown\n### [Not a guide](https://acme.example/portal/guides/x/)\n## Not a section\n#### Not a heading\n```\n\n### Details\n\nText.',
    );
    expect(read.find(({ guide: entry }) => entry.id === 'build/jenkins')!.body).toBe('');
  });

  it('reads a guide published under another address (the portal’s site is not where it was fetched from)', () => {
    const text = llmsFull([guide('a/b')], {}).replace('https://acme.example/portal/guides/a/b/', 'https://docs.acme.example/guides/a/b/');
    expect(guidesOfLlmsFull(text, ROOT).map(({ guide: entry }) => entry.id)).toEqual(['a/b']);
  });

  it('leaves out a guide whose link is not to a guide page, or whose facts do not parse', () => {
    const text = llmsFull([guide('a/b'), guide('c/d')], {})
      .replace('https://acme.example/portal/guides/a/b/', 'https://elsewhere.example/a/b/')
      .replace(
        '- Status: recommended\n- Owner: group:default/platform\n- Reviewed: 2026-10-01\n\n## Catalog',
        '- Status: sometimes\n- Owner: group:default/platform\n- Reviewed: 2026-10-01\n\n## Catalog',
      );
    expect(guidesOfLlmsFull(text, ROOT).map(({ guide: entry }) => entry.id)).toEqual([]);
  });

  it('finds none in a file without a Guides section', () => {
    expect(guidesOfLlmsFull('# Portal\n\n## Catalog\n\n- [x](y): z\n', ROOT)).toEqual([]);
  });
});

describe("a published portal's root", () => {
  it.each([
    ['https://acme.example/portal/', 'https://acme.example/portal/'],
    ['https://acme.example/portal', 'https://acme.example/portal/'],
    ['https://acme.example/portal/catalog.json', 'https://acme.example/portal/'],
    ['https://acme.example/portal/llms.txt?x=1#top', 'https://acme.example/portal/'],
    ['http://localhost:4321', 'http://localhost:4321/'],
  ])('%s → %s', (location, root) => {
    expect(portalRootOf(location)).toBe(root);
  });

  it.each([
    ['not a url', /expected the http\(s\) URL of a published portal/],
    ['file:///srv/portal/', /expected an http\(s\) URL/],
  ])('refuses %s', (location, message) => {
    expect(() => portalRootOf(location)).toThrow(message);
  });
});

/** A portal's files served from memory; any other path is a 404. */
function servedFiles(files: Record<string, string | { status: number }>): { fetcher: Fetcher; fetched: string[] } {
  const fetched: string[] = [];
  const fetcher: Fetcher = async (url) => {
    fetched.push(url);
    const file = files[url.slice(ROOT.length)];
    if (file === undefined) return new Response('Not found', { status: 404, statusText: 'Not Found' });
    return typeof file === 'string' ? new Response(file) : new Response('', { status: file.status, statusText: 'Server Error' });
  };
  return { fetcher, fetched };
}

const standards = indexStandards(snapshotFixture);
const scored = entityResults(indexCatalog(snapshotFixture), standards);
const RESULT_FILES = Object.fromEntries(
  scored.map((entity) => [entityResultsPath(entity.params), JSON.stringify(entityResultsExport(entity, snapshotFixture.generatedAt))]),
);
const EXPORTS = {
  'catalog.json': JSON.stringify(catalogExport(snapshotFixture.entities, snapshotFixture.generatedAt)),
  'scorecards.json': JSON.stringify(scorecardsExport(standards, scored, snapshotFixture.generatedAt, (path) => `${ROOT}${path}`)),
  ...RESULT_FILES,
  'standards.json': JSON.stringify(
    standardsExport({
      generatedAt: snapshotFixture.generatedAt,
      scorecards: snapshotFixture.scorecards,
      published: undefined,
      entities: snapshotFixture.entities,
    }),
  ),
};

describe('a published portal', () => {
  it('reads the catalog, every result as the snapshot has it (weights from the scorecards) and the guides', async () => {
    const { fetcher, fetched } = servedFiles({
      ...EXPORTS,
      'llms-full.txt': llmsFull([guide('service-basics', { checks: ['readme-present'] })], { 'service-basics': '#### Why\n\nBecause.\n' }),
    });
    const portal = await publishedPortal(`${ROOT}catalog.json`, fetcher);
    expect(fetched.sort()).toEqual(
      ['catalog.json', 'llms-full.txt', 'scorecards.json', 'standards.json', ...Object.keys(RESULT_FILES)]
        .map((file) => `${ROOT}${file}`)
        .sort(),
    );
    expect(portal).toMatchObject({
      title: 'Acme [Portal]',
      portalUrl: ROOT,
      origin: `the portal published at ${ROOT}`,
      adoptionKnown: false,
      generatedAt: snapshotFixture.generatedAt,
    });
    expect(portal.catalog.entities.map((entity) => entity.ref).sort()).toEqual(snapshotFixture.entities.map((entity) => entity.ref).sort());
    const withoutNext = (results: readonly { next?: unknown }[]) => results.map(({ next: _next, ...rest }) => rest);
    expect(withoutNext(portal.standards.results)).toEqual(withoutNext(standards.results));
    expect(portal.guides.map((entry) => entry.id)).toEqual(['service-basics']);
    expect(await portal.guideBody('service-basics')).toEqual({ markdown: '## Why\n\nBecause.' });
    // The checks are Cairn's built-in ones and the portal's custom ones; each names the guide that teaches it.
    expect(portal.standards.checksById.get('readme-present')!.guide).toBe('service-basics');
  });

  it('computes each result’s next level and what blocks it, as the scorecard stage does', async () => {
    const portal = await publishedPortal(ROOT, servedFiles(EXPORTS).fetcher);
    const billing = portal.standards.results.find(
      (result) => result.entityRef === 'component:default/billing-scripts' && result.scorecard === 'production-readiness',
    )!;
    expect(billing.next).toEqual({ level: 'bronze', checks: ['has-readme'] });
    const atTop = portal.standards.results.find(
      (result) => result.entityRef === 'component:default/billing-scripts' && result.scorecard === 'security-basics',
    )!;
    expect(atTop.next).toBeUndefined();
  });

  it('reads a portal built with --site for another address where it is fetched from, and nothing outside it', async () => {
    const elsewhere = (site: string) =>
      JSON.stringify(scorecardsExport(standards, scored, snapshotFixture.generatedAt, (path) => `${site}${path}`));
    const { fetcher, fetched } = servedFiles({ ...EXPORTS, 'scorecards.json': elsewhere('https://portal.example.com/docs/') });
    const portal = await publishedPortal(ROOT, fetcher);
    expect(portal.standards.results.length).toBe(standards.results.length);
    expect(fetched.filter((url) => url.includes('/scorecards/entities/')).every((url) => url.startsWith(ROOT))).toBe(true);
    const outside = JSON.stringify({
      ...JSON.parse(EXPORTS['scorecards.json']),
      entities: [{ entity: 'component:default/x', url: 'https://evil.example/x.json' }],
    });
    await expect(publishedPortal(ROOT, servedFiles({ ...EXPORTS, 'scorecards.json': outside }).fetcher)).rejects.toThrow(
      /outside the portal/,
    );
  });

  it('tells a portal it cannot reach by its catalog, not by the optional guides that failed first', async () => {
    const unreachable: Fetcher = async (url) => {
      if (!url.endsWith('llms-full.txt')) await new Promise((resolve) => setTimeout(resolve, 20));
      throw new TypeError('fetch failed');
    };
    await expect(publishedPortal(ROOT, unreachable)).rejects.toThrow(new RegExp(`${ROOT}catalog\\.json: `));
  });

  it('serves no guides from a portal without llms-full.txt', async () => {
    const portal = await publishedPortal(ROOT, servedFiles(EXPORTS).fetcher);
    expect(portal.guides).toEqual([]);
    expect(portal.title).toBe(ROOT);
  });

  it('judges check_repository as cairn check --standards <the portal>/standards.json does', async () => {
    const judge = await (await publishedPortal(ROOT, servedFiles(EXPORTS).fetcher)).judge();
    expect(judge.label).toBe(`the portal's standards published at ${ROOT}standards.json (2026-11-20)`);
    expect(judge.portalUrl).toBe(ROOT);
    expect(judge.standards.scorecards.map((scorecard) => scorecard.id)).toEqual(['production-readiness', 'security-basics']);
  });

  it.each([
    {
      what: 'a file it lacks',
      files: { ...EXPORTS, 'scorecards.json': undefined },
      message: `cairn mcp: --portal ${ROOT}: ${ROOT}scorecards.json: not found; expected a Cairn portal's scorecards.json.`,
    },
    {
      what: 'a file that is not JSON',
      files: { ...EXPORTS, 'catalog.json': '<html>' },
      message: /catalog\.json: not JSON \(.*\); expected a Cairn portal's catalog\.json\.$/,
    },
    {
      what: 'JSON of another shape',
      files: { ...EXPORTS, 'standards.json': '{"format":"other"}' },
      message: /standards\.json: format: .*; expected a Cairn portal's standards\.json\.$/,
    },
    {
      what: 'a server error',
      files: { ...EXPORTS, 'catalog.json': { status: 500 } },
      message: `cairn mcp: --portal: ${ROOT}catalog.json: the server answered 500 Server Error; expected a Cairn portal's catalog.json; is ${ROOT} a Cairn portal?`,
    },
  ])('names the URL and what it expected for $what', async ({ files, message }) => {
    const served = Object.fromEntries(Object.entries(files).filter(([, file]) => file !== undefined)) as Record<
      string,
      string | { status: number }
    >;
    await expect(publishedPortal(ROOT, servedFiles(served).fetcher)).rejects.toThrow(message);
  });
});
