import { describe, expect, it } from 'vitest';
import { buildEntityDocs } from '../../../collectors/docs/index.ts';
import { folderNav, MAX_NAV_ITEMS, mkdocsNav, type IncludedNav, type NavPage } from '../../../collectors/docs/nav.ts';
import { planSite } from '../../../collectors/docs/site-plan.ts';
import { literateOrder } from '../../../collectors/docs/render-site.ts';
import { parseMkdocs } from '../../../collectors/facts/docs-site/mkdocs.ts';
import type { DocRoot } from '../../../collectors/facts/docs-site/schema.ts';
import { withDigest } from '../../../collectors/facts/doc-sources.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';

const page = (path: string, text = `# ${path}\n`) => ({ path, text });

describe('home page selection', () => {
  it.each<[string, Pick<DocRoot, 'docsDir' | 'pages' | 'readme'>, string[], string]>([
    [
      'index.md in the docs folder',
      { docsDir: 'docs', pages: [page('docs/a.md'), page('docs/index.md'), page('docs/README.md')] },
      [],
      'docs/index.md',
    ],
    ['README.md in the docs folder', { docsDir: 'docs', pages: [page('docs/a.md'), page('docs/README.md')] }, [], 'docs/README.md'],
    ['the README beside the docs', { docsDir: 'docs', pages: [page('docs/a.md')], readme: page('README.md') }, [], 'README.md'],
    ['the first page of the nav', { docsDir: 'docs', pages: [page('docs/a.md'), page('docs/b.md')] }, ['docs/b.md'], 'docs/b.md'],
    ['the first page by path', { docsDir: 'docs', pages: [page('docs/b.md'), page('docs/a.md')] }, [], 'docs/a.md'],
  ])('is %s', (_name, root, order, expected) => {
    const plan = planSite(root, order);
    expect(plan.pages[0]).toMatchObject({ slug: '', source: expected });
    expect(plan.pages.filter((candidate) => candidate.slug === '')).toHaveLength(1);
  });

  it('mirrors the folder tree in slugs, folder homes included, with unsafe characters replaced', () => {
    const plan = planSite({
      docsDir: 'services/api/docs',
      pages: [
        page('services/api/docs/index.md'),
        page('services/api/docs/guide/index.md'),
        page('services/api/docs/guide/Set up.md'),
        page('services/api/docs/ops/README.md'),
      ],
    });
    expect(plan.pages.map((planned) => planned.slug)).toEqual(['', 'guide', 'guide/Set-up', 'ops']);
    expect(plan.pageOf('services/api/docs/guide')).toBe('guide');
    expect(plan.pageOf('services/api/docs')).toBe('');
    expect(plan.pageOf('services/api/docs/guide/Set up.md')).toBe('guide/Set-up');
  });
});

const pages: NavPage[] = [
  { slug: '', source: 'docs/index.md', title: 'Welcome' },
  { slug: 'guide', source: 'docs/guide/index.md', title: 'Guide' },
  { slug: 'guide/setup', source: 'docs/guide/setup.md', title: 'Setup' },
  { slug: 'runbook', source: 'docs/runbook.md', title: 'Runbook' },
];
const pageOf = (path: string) => pages.find((candidate) => candidate.source === path)?.slug;

describe('mkdocs nav', () => {
  it('honours strings, titled pages, nested sections and skips external URLs', () => {
    const { mkdocs } = parseMkdocs(
      [
        'site_name: Payments',
        'nav:',
        '  - index.md',
        '  - Guides:',
        '      - Overview: guide/index.md',
        '      - guide/setup.md',
        '  - Status: https://status.example.com',
        '  - Ops:',
        '      - Runbook: runbook.md',
        'markdown_extensions:',
        '  - pymdownx.superfences:',
        '      custom_fences:',
        '        - name: mermaid',
        '          format: !!python/name:pymdownx.superfences.fence_code_format',
        '',
      ].join('\n'),
      'mkdocs.yml',
      '.',
    );
    expect(mkdocs.error).toBeUndefined();
    expect(mkdocs.siteName).toBe('Payments');
    const { nav, problems } = mkdocsNav(mkdocs.nav!, { docsDir: 'docs', mkdocsPath: 'mkdocs.yml', pages, pageOf });
    expect(nav).toEqual([
      { title: 'Welcome', slug: '' },
      {
        title: 'Guides',
        children: [
          { title: 'Overview', slug: 'guide' },
          { title: 'Setup', slug: 'guide/setup' },
        ],
      },
      { title: 'Ops', children: [{ title: 'Runbook', slug: 'runbook' }] },
    ]);
    expect(problems).toEqual([]);
  });

  it('names an untitled section (`- "":`) by its first page, which it links, as Material\'s navigation.indexes does (typer)', () => {
    const { mkdocs } = parseMkdocs(
      'nav:\n  - index.md\n  - "":\n      - guide/index.md\n      - guide/setup.md\n  - "":\n      - runbook.md\n',
      'mkdocs.yml',
      '.',
    );
    const { nav, problems } = mkdocsNav(mkdocs.nav!, { docsDir: 'docs', mkdocsPath: 'mkdocs.yml', pages, pageOf });
    expect(nav).toEqual([
      { title: 'Welcome', slug: '' },
      { title: 'Guide', slug: 'guide', children: [{ title: 'Setup', slug: 'guide/setup' }] },
      { title: 'Runbook', slug: 'runbook' },
    ]);
    expect(problems).toEqual([]);
  });

  it('makes an entry naming a folder a section of its pages, linked to its home page (mkdocs: `User Guide: user-guide/`)', () => {
    const folders = [
      ...pages,
      { slug: 'dev/plugins', source: 'docs/dev/plugins.md', title: 'Plugins' },
      { slug: 'dev/themes', source: 'docs/dev/themes.md', title: 'Themes' },
    ];
    const pageIn = (path: string) => folders.find((candidate) => candidate.source === path)?.slug;
    const { mkdocs } = parseMkdocs(
      'nav:\n  - index.md\n  - User Guide: guide/\n  - Developer Guide: dev/\n  - Empty: nothing/\n',
      'mkdocs.yml',
      '.',
    );
    const { nav, problems } = mkdocsNav(mkdocs.nav!, { docsDir: 'docs', mkdocsPath: 'mkdocs.yml', pages: folders, pageOf: pageIn });
    expect(nav).toEqual([
      { title: 'Welcome', slug: '' },
      { title: 'User Guide', slug: 'guide', children: [{ title: 'Setup', slug: 'guide/setup' }] },
      {
        title: 'Developer Guide',
        children: [
          { title: 'Plugins', slug: 'dev/plugins' },
          { title: 'Themes', slug: 'dev/themes' },
        ],
      },
    ]);
    expect(problems).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('points at nothing/') })]);
  });

  it("orders a folder's pages as its literate-nav file lists them (mkdocs' user-guide/README.md), the rest after", () => {
    const { mkdocs } = parseMkdocs('nav:\n  - Dev: dev/\nplugins:\n  - literate-nav:\n      nav_file: README.md\n', 'mkdocs.yml', '.');
    expect(mkdocs.literateNavFile).toBe('README.md');
    const folders = [
      { slug: 'dev', source: 'docs/dev/README.md', title: 'Developer Guide' },
      { slug: 'dev/api', source: 'docs/dev/api.md', title: 'API' },
      { slug: 'dev/plugins', source: 'docs/dev/plugins.md', title: 'Plugins' },
      { slug: 'dev/themes', source: 'docs/dev/themes.md', title: 'Themes' },
    ];
    const readme = '# Developer Guide\n\n* [Themes](themes.md)\n* [Plugins](./plugins.md#top)\n';
    const order = literateOrder([{ path: 'docs/dev/README.md', text: readme }], 'docs/dev', 'README.md');
    expect(order).toEqual(['docs/dev/themes.md', 'docs/dev/plugins.md']);
    const pageIn = (path: string) => folders.find((candidate) => candidate.source === path)?.slug;
    const { nav } = mkdocsNav(mkdocs.nav!, {
      docsDir: 'docs',
      mkdocsPath: 'mkdocs.yml',
      pages: folders,
      pageOf: pageIn,
      folderOrder: () => order,
    });
    expect(nav).toEqual([
      {
        title: 'Dev',
        slug: 'dev',
        children: [
          { title: 'Themes', slug: 'dev/themes' },
          { title: 'Plugins', slug: 'dev/plugins' },
          { title: 'API', slug: 'dev/api' },
        ],
      },
    ]);
    expect(parseMkdocs('plugins:\n  - literate-nav\n', 'mkdocs.yml', '.').mkdocs.literateNavFile).toBe('SUMMARY.md');
    expect(parseMkdocs('plugins:\n  - search\n', 'mkdocs.yml', '.').mkdocs.literateNavFile).toBeUndefined();
  });

  it('reports an entry naming a missing page at its line, and adds the home page when the nav leaves it out', () => {
    const { mkdocs } = parseMkdocs('nav:\n  - Runbook: runbook.md\n  - Gone: gone.md\n', 'services/api/mkdocs.yml', 'services/api');
    const { nav, problems } = mkdocsNav(mkdocs.nav!, { docsDir: 'docs', mkdocsPath: 'services/api/mkdocs.yml', pages, pageOf });
    expect(nav).toEqual([
      { title: 'Welcome', slug: '' },
      { title: 'Runbook', slug: 'runbook' },
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'services/api/mkdocs.yml',
        line: 3,
        message: 'The nav entry "Gone" points at gone.md, which is not a Markdown page in docs.',
      },
    ]);
  });

  it('includes a site once, however many includes reach it (a diamond of !includes cannot multiply the nav)', () => {
    // Each level includes the next ten times: copied inline, 7 levels would be 10^7 sections.
    const levels = 7;
    const included = (depth: number): IncludedNav => ({
      title: `L${depth}`,
      docsDir: `s${depth}/docs`,
      mkdocsPath: `s${depth}/mkdocs.yml`,
      prefix: `s${depth}`,
      pages: [{ slug: `s${depth}`, source: `s${depth}/docs/index.md`, title: `L${depth}` }],
      ...(depth < levels
        ? { nav: Array.from({ length: 10 }, (_, index) => ({ title: `S${index}`, include: `s${depth + 1}/mkdocs.yml`, line: 3 + index })) }
        : {}),
    });
    const { nav, problems } = mkdocsNav([{ title: 'Top', include: 's1/mkdocs.yml', line: 2 }], {
      docsDir: 'docs',
      mkdocsPath: 'mkdocs.yml',
      pages,
      pageOf,
      includeOf: (path) => included(Number(path.match(/^s(\d+)\//)![1])),
    });
    expect(JSON.stringify(nav).length).toBeLessThan(2_000);
    expect(problems).toHaveLength((levels - 1) * 9);
    expect(problems[0]).toEqual({
      severity: 'warning',
      file: 's6/mkdocs.yml',
      line: 4,
      message: 's7/mkdocs.yml is included in this navigation more than once; it is shown where it is first included.',
    });
  });

  it(`stops the navigation at ${MAX_NAV_ITEMS} entries, and names 20 missing pages, counting the rest`, () => {
    const entries = Array.from({ length: 20_000 }, (_, index) => ({
      target: index % 2 ? 'runbook.md' : `gone-${index}.md`,
      line: index + 2,
    }));
    const { nav, problems } = mkdocsNav(entries, { docsDir: 'docs', mkdocsPath: 'mkdocs.yml', pages, pageOf });
    expect(nav.length).toBeLessThanOrEqual(MAX_NAV_ITEMS / 2 + 1);
    expect(problems).toHaveLength(22);
    expect(problems[20]!.message).toBe(
      `The navigation stops here: it has more than ${MAX_NAV_ITEMS} entries, the most Cairn publishes on every page of a docs site.`,
    );
    expect(problems[21]!.message).toBe(`${MAX_NAV_ITEMS / 2 - 20} more nav entries point at pages that are not there.`);
  });

  it.each([
    ['a syntax error, with its line', 'site_name: x\nnav:\n  - [unclosed\n', /Could not parse mkdocs.yml/, 4],
    ['a docs_dir leaving the repository', 'docs_dir: ../../outside\n', /docs_dir "..\/..\/outside" leaves the repository/, 1],
  ])('says why mkdocs.yml cannot be used: %s', (_name, text, message, line) => {
    const { mkdocs, docsDir } = parseMkdocs(text, 'mkdocs.yml', '.');
    expect(mkdocs.error?.message).toMatch(message);
    expect(mkdocs.error?.line).toBe(line);
    expect(docsDir).toBe('docs');
  });

  it.each([
    [
      'names and one-key maps, in order, each once, with the key’s line',
      'site_name: x\nmarkdown_extensions:\n  - toc:\n      permalink: true\n  - admonition\n  - pymdownx.snippets:\n      base_path: [docs]\n  - attr_list\n  - admonition\n',
      { names: ['admonition', 'pymdownx.snippets'], line: 2 },
    ],
    [
      'the long names of the standard extensions',
      'markdown_extensions:\n  - markdown.extensions.tables\n  - markdown.extensions.def_list\n',
      { names: ['def_list'], line: 1 },
    ],
    [
      'a map of names to settings',
      'markdown_extensions:\n  abbr:\n  toc:\n    permalink: true\n  pymdownx.blocks.admonition:\n',
      { names: ['abbr', 'pymdownx.blocks.admonition'], line: 1 },
    ],
    ['only what the portal renders', 'markdown_extensions: [toc, tables, pymdownx.superfences]\n', undefined],
    ['no list', 'markdown_extensions: toc\n', undefined],
  ])('lists the markdown_extensions the portal does not render: %s', (_name, text, unrendered) => {
    expect(parseMkdocs(text, 'mkdocs.yml', '.').mkdocs.unrendered).toEqual(unrendered);
  });
});

describe('folder-tree nav', () => {
  it('lists the home page first, then folders as sections titled by their home page', () => {
    expect(folderNav(pages)).toEqual([
      { title: 'Welcome', slug: '' },
      { title: 'Guide', slug: 'guide', children: [{ title: 'Setup', slug: 'guide/setup' }] },
      { title: 'Runbook', slug: 'runbook' },
    ]);
  });

  it('titles a folder without a home page by its name', () => {
    expect(folderNav([{ slug: 'how-tos/deploy', source: 'docs/how-tos/deploy.md', title: 'Deploy' }])).toEqual([
      { title: 'How tos', children: [{ title: 'Deploy', slug: 'how-tos/deploy' }] },
    ]);
  });
});

function component(name: string, file: string, annotations?: Record<string, string>, extra: Partial<CatalogEntity> = {}): CatalogEntity {
  return {
    ref: `component:default/${name}`,
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
    relations: [],
    source: { repo: 'app', file, line: 1 },
    inferred: false,
    ...extra,
  };
}

describe('buildEntityDocs', () => {
  const roots: DocRoot[] = [
    { base: '.', docsDir: 'docs', pages: [page('docs/index.md', '# Root docs\n\n[API](../services/api/README.md)')] },
    {
      base: 'services/api',
      docsDir: 'services/api/docs',
      mkdocs: { path: 'services/api/mkdocs.yml', siteName: 'API handbook' },
      pages: [page('services/api/docs/index.md', '# API\n')],
    },
  ];
  const facts = { head: { commit: 'c0ffee', date: '2026-01-15T10:00:00Z' }, docSources: withDigest({ roots, images: [] }) } as Facts;
  const build = (entities: CatalogEntity[]) =>
    buildEntityDocs({ entities, repos: [{ name: 'app', webUrl: 'https://git.example.com/acme/app', facts }] });

  it('gives an annotated entity the docs its dir: ref names, relative to its descriptor', async () => {
    const { docs, problems } = await build([component('api', 'services/api/catalog-info.yaml', { 'backstage.io/techdocs-ref': 'dir:.' })]);
    expect(problems).toEqual([]);
    expect(docs).toMatchObject([
      { entityRef: 'component:default/api', title: 'API handbook', origin: 'annotation', dir: 'services/api/docs' },
    ]);
  });

  it('warns, at mkdocs.yml, that the syntax of the extensions it does not render shows as written', async () => {
    const withExtensions = roots.map((root) =>
      root.mkdocs ? { ...root, mkdocs: { ...root.mkdocs, unrendered: { names: ['admonition', 'pymdownx.snippets'], line: 4 } } } : root,
    );
    const { docs, problems } = await buildEntityDocs({
      entities: [component('api', 'services/api/catalog-info.yaml', { 'backstage.io/techdocs-ref': 'dir:.' })],
      repos: [{ name: 'app', facts: { ...facts, docSources: withDigest({ roots: withExtensions, images: [] }) } as Facts }],
    });
    expect(docs).toHaveLength(1);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'app',
        entityRef: 'component:default/api',
        file: 'services/api/mkdocs.yml',
        line: 4,
        message:
          'services/api/mkdocs.yml turns on Markdown extensions the portal does not render (admonition, pymdownx.snippets): their syntax shows on the pages as written.',
      },
    ]);
  });

  it('outlined, finds the problems rendering finds and makes no docs', async () => {
    const { mkdocs } = parseMkdocs('site_name: API\nnav:\n  - Home: index.md\n  - Gone: gone.md\n', 'mkdocs.yml', '.');
    const outlined: DocRoot[] = [
      { base: '.', docsDir: 'docs', mkdocs, pages: [page('docs/index.md', '# API\n\n```ts\nconst a = 1;\n```\n')] },
    ];
    const input = {
      entities: [component('app', 'catalog-info.yaml')],
      repos: [{ name: 'app', facts: { ...facts, docSources: withDigest({ roots: outlined, images: [] }) } as Facts }],
    };
    const rendered = await buildEntityDocs(input);
    const outline = await buildEntityDocs({ ...input, mode: 'outlined' });
    expect(rendered.docs).toHaveLength(1);
    expect(rendered.problems).toMatchObject([{ file: 'mkdocs.yml', line: 4, message: expect.stringMatching(/"Gone" points at gone\.md/) }]);
    expect(outline).toEqual({ docs: [], problems: rendered.problems });
  });

  it('gives a component the docs folder beside its descriptor, with links to other repository files on the web', async () => {
    const { docs } = await build([
      component('app', 'catalog-info.yaml'),
      { ...component('app-api', 'catalog-info.yaml'), kind: 'API', ref: 'api:default/app-api' },
    ]);
    expect(docs.map((entry) => [entry.entityRef, entry.origin, entry.title])).toEqual([['component:default/app', 'docs-folder', 'app']]);
    expect(docs[0]!.pages[0]!.html).toContain('<a href="https://git.example.com/acme/app/blob/c0ffee/services/api/README.md">API</a>');
  });

  it('links other repository files in the URL shape of the repository forge, and not at all for a web URL that is not http(s)', async () => {
    const entities = [component('app', 'catalog-info.yaml')];
    const on = (webUrl: string) => buildEntityDocs({ entities, repos: [{ name: 'app', webUrl, facts }] });
    expect((await on('https://gitlab.example.com/acme/app')).docs[0]!.pages[0]!.html).toContain(
      '<a href="https://gitlab.example.com/acme/app/-/blob/c0ffee/services/api/README.md">API</a>',
    );
    expect((await on('javascript:alert(1)')).docs[0]!.pages[0]!.html).not.toContain('README.md');
  });

  it.each([
    ['a url: ref', 'url:https://example.com/docs', 'warning', /only dir: refs are rendered/],
    ['a dir: ref leaving the repository', 'dir:../../..', 'error', /leaves the repository/],
    ['a dir: ref to a folder without docs', 'dir:./src', 'error', /points at src, which has no mkdocs.yml and no docs\/ folder/],
  ])('reports %s as a problem on the entity', async (_name, ref, severity, message) => {
    const { docs, problems } = await build([component('app', 'catalog-info.yaml', { 'backstage.io/techdocs-ref': ref })]);
    expect(docs).toEqual([]);
    expect(problems).toMatchObject([{ severity, repo: 'app', entityRef: 'component:default/app', file: 'catalog-info.yaml', line: 1 }]);
    expect(problems[0]!.message).toMatch(message);
  });

  it('reports an mkdocs.yml that leaves no page to render, at its line', async () => {
    const broken: DocRoot[] = [
      {
        base: '.',
        docsDir: 'docs',
        mkdocs: {
          path: 'mkdocs.yml',
          siteName: 'Escape',
          error: { message: 'mkdocs.yml: docs_dir "../../outside" leaves the repository.', line: 2 },
        },
        pages: [],
      },
    ];
    const { docs, problems } = await buildEntityDocs({
      entities: [component('app', 'catalog-info.yaml')],
      repos: [{ name: 'app', facts: { ...facts, docSources: withDigest({ roots: broken, images: [] }) } as Facts }],
    });
    expect(docs).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'app',
        entityRef: 'component:default/app',
        file: 'mkdocs.yml',
        line: 2,
        message: 'mkdocs.yml: docs_dir "../../outside" leaves the repository. No docs are rendered.',
      },
    ]);
  });
});
