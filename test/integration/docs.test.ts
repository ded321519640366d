import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../collectors/catalog/index.ts';
import { collectRepo } from '../../collectors/collect.ts';
import type { RepoSnapshot as CollectedRepo } from '../../collectors/contract/snapshot.ts';
import { buildEntityDocs } from '../../collectors/docs/index.ts';
import type { EntityDocs } from '../../collectors/docs/schema.ts';
import type { Problem } from '../../collectors/contract/problems.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const NOW = new Date('2026-02-01T00:00:00Z');
/** A 1×1 PNG, and HTML wearing a .png name. */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
const FAKE_PNG = '<html><script>alert(1)</script></html>\n';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n';

const component = (name: string, annotations: Record<string, string> = {}) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${
    Object.keys(annotations).length
      ? `  annotations:\n${Object.entries(annotations)
          .map(([key, value]) => `    ${key}: ${value}\n`)
          .join('')}`
      : ''
  }spec:\n  type: service\n  lifecycle: production\n  owner: team\n`;

/** What a repository holds for a file stored in Git LFS when LFS has not fetched it. */
const LFS_POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${'4d7a'.repeat(16)}\nsize 120391\n`;

const SPECS = {
  handbook: files({
    'catalog-info.yaml': component('handbook', { 'backstage.io/techdocs-ref': 'dir:.' }),
    'mkdocs.yml':
      'site_name: Handbook\nnav:\n  - Home: index.md\n  - Guides:\n    - Setup: guides/setup.md\n  - Missing: missing.md\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
    'docs/index.md':
      '# Handbook\n\nStart with [setup](guides/setup.md#install). The code is in [main.go](../main.go).\n\n![Flow](img/flow.svg)\n',
    'docs/guides/setup.md': '# Setup\n\n## Install\n\n```go\npackage main\n```\n\nBack [home](../index.md).\n',
    'docs/img/flow.svg': SVG,
    'docs/img/logo.png': PNG,
    'docs/img/fake.png': FAKE_PNG,
    'docs/img/in-lfs.png': LFS_POINTER,
    'docs/images.md':
      '# Images\n\n![Logo](img/logo.png) ![Fake](img/fake.png) ![Stored in LFS](img/in-lfs.png)\n\n[Old design](design/old.md) ![Gone](img/gone.png)\n',
    'main.go': 'package main\n',
  }),
  monorepo: files({
    'catalog-info.yaml':
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: monorepo\nspec:\n  targets:\n    - ./services/api/catalog-info.yaml\n    - ./services/worker/catalog-info.yaml\n',
    'services/api/catalog-info.yaml': component('api', { 'backstage.io/techdocs-ref': 'dir:.' }),
    'services/api/mkdocs.yml': 'site_name: API\ndocs_dir: handbook\n',
    'services/api/handbook/index.md': '# API\n',
    'services/worker/catalog-info.yaml': component('worker'),
    'services/worker/docs/queue.md': '# Queue\n',
    'services/worker/README.md': '# Worker\n\nSee the [queue](docs/queue.md).\n',
  }),
  inferred: files({
    'README.md': '# Inferred\n\nA repository without a descriptor.\n',
    'docs/usage.md': '# Usage\n',
    'docs/leak.md': { symlink: '../../outside.md' },
  }),
  includes: files({
    'catalog-info.yaml': `${component('platform', { 'backstage.io/techdocs-ref': 'dir:.' })}---\n${component('auth', { 'backstage.io/techdocs-ref': 'dir:./services/auth' })}`,
    'mkdocs.yml': [
      'site_name: Platform',
      'nav:',
      '  - Home: index.md',
      "  - Auth: '!include ./services/auth/mkdocs.yml'",
      "  - Leak: '!include ./leak/mkdocs.yml'",
      "  - Linked: '!include ./linked/mkdocs.yml'",
      "  - Outside: '!include ../platform-docs/mkdocs.yml'",
      'plugins:',
      '  - monorepo',
      '',
    ].join('\n'),
    'docs/index.md': '# Platform\n\nStart with [auth](../services/auth/docs/index.md).\n',
    'services/auth/mkdocs.yml':
      "site_name: auth\nnav:\n  - Overview: index.md\n  - Tokens: tokens.md\n  - Back: '!include ../../mkdocs.yml'\n",
    'services/auth/docs/index.md': '# Auth\n\nSee [tokens](tokens.md).\n',
    'services/auth/docs/tokens.md': '# Tokens\n',
    'leak/mkdocs.yml': { symlink: '../../outside/mkdocs.yml' },
    linked: { symlink: '/tmp' },
  }),
  broken: files({
    'catalog-info.yaml': component('broken', { 'backstage.io/techdocs-ref': 'dir:.' }),
    'mkdocs.yml': 'site_name: Broken\nnav:\n  - [unclosed\n',
    'docs/index.md': '# Still rendered\n',
  }),
} as const;

let fixture: RepoFixture<keyof typeof SPECS>;
let docs: EntityDocs[];
let problems: Problem[];
let collected: CollectedRepo[];
let entities: CatalogEntity[];
const docsOf = (ref: string) => docs.find((entry) => entry.entityRef === ref);

beforeAll(async () => {
  fixture = await makeRepos(SPECS);
  const repos: CollectedRepo[] = [];
  for (const name of Object.keys(SPECS) as Array<keyof typeof SPECS>) {
    repos.push(
      await collectRepo(
        { name, dir: fixture.dirs[name], source: 'directory', webUrl: `https://git.example.com/acme/${name}` },
        { now: NOW, windowDays: 90, settings: { contentGlobs: [] } },
      ),
    );
  }
  const catalog = await buildCatalog({
    repos: repos.map((repo) => ({ name: repo.name, facts: repo.facts, ...(repo.webUrl ? { webUrl: repo.webUrl } : {}) })),
    content: [],
  });
  ({ docs, problems } = await buildEntityDocs({ entities: catalog.entities, repos }));
  collected = repos;
  entities = catalog.entities;
});

afterAll(() => fixture?.remove());

describe('repository docs from real repositories', () => {
  it('honours the mkdocs nav, with its python tags left alone, and reports a nav entry naming a missing page', () => {
    const handbook = docsOf('component:default/handbook')!;
    expect(handbook).toMatchObject({ title: 'Handbook', origin: 'annotation', dir: 'docs' });
    expect(handbook.nav).toEqual([
      { title: 'Home', slug: '' },
      { title: 'Guides', children: [{ title: 'Setup', slug: 'guides/setup' }] },
    ]);
    expect(problems).toContainEqual({
      severity: 'warning',
      repo: 'handbook',
      entityRef: 'component:default/handbook',
      file: 'mkdocs.yml',
      line: 6,
      message: 'The nav entry "Missing" points at missing.md, which is not a Markdown page in docs.',
    });
  });

  it('rewrites links between pages and to source files, inlines SVG images and highlights code', () => {
    const handbook = docsOf('component:default/handbook')!;
    const [home, setup] = handbook.pages;
    expect(home!.html).toContain('<a href="guides/setup/#install">setup</a>');
    expect(home!.html).toMatch(/<a href="https:\/\/git\.example\.com\/acme\/handbook\/blob\/[0-9a-f]{40}\/main\.go">main\.go<\/a>/);
    expect(home!.html).toContain(`src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}"`);
    expect(setup!.html).toContain('<a href="../../">home</a>');
    expect(setup!.html).toContain('data-language="go"');
    expect(setup!.headings).toEqual([
      { depth: 1, slug: 'setup', text: 'Setup' },
      { depth: 2, slug: 'install', text: 'Install' },
    ]);
  });

  it('renders the same docs, with the same problems, on worker threads', async () => {
    expect(await buildEntityDocs({ entities, repos: collected, workers: 2 })).toEqual({ docs, problems });
  });

  it("renders a monorepo component's own mkdocs site from its techdocs-ref, and a docs folder beside a descriptor", () => {
    expect(docsOf('component:default/api')).toMatchObject({
      title: 'API',
      dir: 'services/api/handbook',
      pages: [{ slug: '', source: 'services/api/handbook/index.md' }],
    });
    const worker = docsOf('component:default/worker')!;
    expect(worker).toMatchObject({ origin: 'docs-folder', dir: 'services/worker/docs' });
    expect(worker.pages.map((page) => [page.slug, page.source])).toEqual([
      ['', 'services/worker/README.md'],
      ['queue', 'services/worker/docs/queue.md'],
    ]);
    expect(worker.pages[0]!.html).toContain('<a href="queue/">queue</a>');
    expect(docs.some((entry) => entry.entityRef.startsWith('location:'))).toBe(false);
  });

  it("uses the README as the home of an inferred entity's docs folder, and never follows a symlink out of the repository", () => {
    const inferred = docsOf('component:default/inferred')!;
    expect(inferred.pages.map((page) => page.source)).toEqual(['README.md', 'docs/usage.md']);
    expect(inferred.nav).toEqual([
      { title: 'Inferred', slug: '' },
      { title: 'Usage', slug: 'usage' },
    ]);
  });

  it('reports, at their lines, the links and images of the docs that name nothing in the repository', () => {
    expect(problems.filter((problem) => problem.repo === 'handbook' && /not in the repository/.test(problem.message))).toEqual([
      {
        severity: 'warning',
        repo: 'handbook',
        entityRef: 'component:default/handbook',
        file: 'docs/images.md',
        line: 5,
        message: 'docs/images.md links to docs/design/old.md, which is not in the repository: the link leads nowhere.',
      },
      {
        severity: 'warning',
        repo: 'handbook',
        entityRef: 'component:default/handbook',
        file: 'docs/images.md',
        line: 5,
        message:
          'docs/images.md shows the image docs/img/gone.png, which is not in the repository: the page shows its description instead.',
      },
    ]);
  });

  it('reports a broken mkdocs.yml once, on its entity, and still renders its pages with the folder tree, and the other entities', () => {
    expect(docsOf('component:default/broken')).toMatchObject({ title: 'broken', nav: [{ title: 'Still rendered', slug: '' }] });
    const reading = collected.find((repo) => repo.name === 'broken')!.problems;
    expect([...reading, ...problems].filter((problem) => problem.repo === 'broken' && problem.file === 'mkdocs.yml')).toHaveLength(1);
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        repo: 'broken',
        entityRef: 'component:default/broken',
        file: 'mkdocs.yml',
        line: 4,
        message: expect.stringMatching(/^Could not parse mkdocs\.yml: .*\. The docs are shown with their folder tree as navigation\.$/),
      }),
    );
    expect(docs.map((entry) => entry.entityRef).sort()).toEqual([
      'component:default/api',
      'component:default/auth',
      'component:default/broken',
      'component:default/handbook',
      'component:default/inferred',
      'component:default/platform',
      'component:default/worker',
    ]);
  });
});

describe('mkdocs-monorepo-plugin includes', () => {
  const includeProblems = () => collected.find((repo) => repo.name === 'includes')!.problems;

  it('renders the included site below its site_name, inside the including entity, with its own nav', () => {
    const platform = docsOf('component:default/platform')!;
    expect(platform.pages.map((page) => [page.slug, page.source])).toEqual([
      ['', 'docs/index.md'],
      ['auth', 'services/auth/docs/index.md'],
      ['auth/tokens', 'services/auth/docs/tokens.md'],
    ]);
    expect(platform.nav).toEqual([
      { title: 'Home', slug: '' },
      {
        title: 'Auth',
        children: [
          { title: 'Overview', slug: 'auth' },
          { title: 'Tokens', slug: 'auth/tokens' },
        ],
      },
    ]);
    expect(platform.pages[0]!.html).toContain('<a href="auth/">auth</a>');
    // The included project keeps its own docs on its own entity, without the include that loops back.
    expect(docsOf('component:default/auth')!.nav).toEqual([
      { title: 'Overview', slug: '' },
      { title: 'Tokens', slug: 'tokens' },
    ]);
  });

  it('never follows a symlink out, a path out of the repository or a loop, and says where each one is written', () => {
    const problems = includeProblems().filter((problem) => /^The nav entry/.test(problem.message));
    expect(problems.map((problem) => [problem.file, problem.line, problem.severity])).toEqual([
      ['mkdocs.yml', 5, 'error'],
      ['mkdocs.yml', 6, 'error'],
      ['mkdocs.yml', 7, 'error'],
      ['services/auth/mkdocs.yml', 5, 'error'],
    ]);
    expect(problems[0]!.message).toMatch(
      /"Leak" includes "\.\/leak\/mkdocs\.yml": leak\/mkdocs\.yml cannot be used: Could not read leak\/mkdocs\.yml: it is a symlink leaving the repository/,
    );
    expect(problems[1]!.message).toMatch(
      /"Linked" includes "\.\/linked\/mkdocs\.yml": linked\/mkdocs\.yml is not a file tracked in the repository/,
    );
    expect(problems[2]!.message).toMatch(/"Outside" includes "\.\.\/platform-docs\/mkdocs\.yml", which leaves the repository/);
    expect(problems[3]!.message).toBe(
      'The nav entry "Back" includes mkdocs.yml, which closes a loop of includes (mkdocs.yml → services/auth/mkdocs.yml → mkdocs.yml); it is not followed.',
    );
  });
});

describe('published images', () => {
  it('are copied when their bytes match their type; anything else is a problem, never published', () => {
    const handbook = docsOf('component:default/handbook')!;
    expect(handbook.assets.map((asset) => [asset.path, asset.mediaType])).toEqual([['_assets/docs/img/logo.png', 'image/png']]);
    expect(Buffer.from(handbook.assets[0]!.base64, 'base64')).toEqual(Buffer.from(PNG));
    const repoProblems = collected.find((repo) => repo.name === 'handbook')!.problems;
    expect(repoProblems).toContainEqual(
      expect.objectContaining({
        repo: 'handbook',
        file: 'docs/img/fake.png',
        message: 'docs/img/fake.png does not hold the image its name says (image/png); it is not published.',
      }),
    );
    expect(repoProblems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: 'docs/img/in-lfs.png',
        message:
          'docs/img/in-lfs.png is stored in Git LFS: the repository holds only a pointer to it, and Cairn does not fetch LFS objects, so the image is not published.',
      }),
    );
    const page = handbook.pages.find((candidate) => candidate.slug === 'images')!;
    expect(page.html).toContain('src="../_assets/docs/img/logo.png"');
    expect(page.html).not.toContain('fake.png"');
    expect(page.html).not.toContain('in-lfs.png"');
  });
});
