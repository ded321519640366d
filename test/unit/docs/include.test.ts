import { describe, expect, it } from 'vitest';
import { buildEntityDocs } from '../../../collectors/docs/index.ts';
import { includeAlias } from '../../../collectors/docs/render-site.ts';
import { docSources } from '../../../collectors/facts/doc-sources.ts';
import { parseMkdocs } from '../../../collectors/facts/docs-site/mkdocs.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

/** Collects the docSources fact of a file tree and renders the docs of a root Component annotated `dir:.`. */
async function monorepo(files: Record<string, string | Uint8Array>) {
  const context = memoryContext(files, 'mono');
  const sources = await docSources.collect(context);
  const entity: CatalogEntity = {
    ref: 'component:default/mono',
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'mono', namespace: 'default', annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
    relations: [],
    source: { repo: 'mono', file: 'catalog-info.yaml', line: 1 },
    inferred: false,
  };
  const { docs, problems } = await buildEntityDocs({
    entities: [entity],
    repos: [{ name: 'mono', facts: { docSources: sources } as Facts }],
  });
  return { sources, collectProblems: context.problems, docs: docs[0], renderProblems: problems };
}

const AUTH = {
  'auth/mkdocs.yml': 'site_name: auth\nnav:\n  - Overview: index.md\n  - Tokens: tokens.md\n',
  'auth/docs/index.md': '# Auth\n\nSee [tokens](tokens.md) and the [root](../../docs/index.md).\n',
  'auth/docs/tokens.md': '# Tokens\n',
};

describe('parseMkdocs: !include entries', () => {
  it('reads `Title: !include path` and a bare `!include path` as includes, as written', () => {
    const { mkdocs } = parseMkdocs(
      "site_name: Mono\nnav:\n  - Home: index.md\n  - Auth: '!include ./auth/mkdocs.yml'\n  - Services:\n      - '!include services/billing/mkdocs.yml'\n",
      'mkdocs.yml',
      '.',
    );
    expect(mkdocs.nav).toEqual([
      { title: 'Home', target: 'index.md', line: 3 },
      { title: 'Auth', include: './auth/mkdocs.yml', line: 4 },
      { title: 'Services', children: [{ include: 'services/billing/mkdocs.yml', line: 6 }], line: 5 },
    ]);
  });

  it("names the extensions Backstage's techdocs-core plugin turns on, which the mkdocs.yml does not list", () => {
    const { mkdocs } = parseMkdocs('site_name: Demo\nnav:\n  - index.md\nplugins:\n  - techdocs-core\n', 'mkdocs.yml', '.');
    expect(mkdocs.unrendered).toMatchObject({
      line: 4,
      names: expect.arrayContaining(['admonition', 'plantuml_markdown', 'mdx_truly_sane_lists']),
    });
    expect(mkdocs.unrendered!.names).not.toContain('pymdownx.superfences');
    expect(parseMkdocs('site_name: Demo\nplugins:\n  - search\n', 'mkdocs.yml', '.').mkdocs.unrendered).toBeUndefined();
  });

  it('refuses a nav nested too deep at its line, the same every time', () => {
    const text = `site_name: Deep\nnav: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const parsed = parseMkdocs(text, 'mkdocs.yml', '.');
    expect(parsed).toEqual({
      docsDir: 'docs',
      mkdocs: { path: 'mkdocs.yml', error: { message: 'Could not parse mkdocs.yml: nesting deeper than 128 levels', line: 2 } },
    });
    expect(parseMkdocs(text, 'mkdocs.yml', '.')).toEqual(parsed);
  });
});

describe('mkdocs-monorepo-plugin includes', () => {
  it("renders an included site's pages below its site_name, with its own nav inside the including entry's section", async () => {
    const { docs, collectProblems, renderProblems } = await monorepo({
      'mkdocs.yml': "site_name: Mono\nnav:\n  - Home: index.md\n  - Authentication: '!include ./auth/mkdocs.yml'\n",
      'docs/index.md': '# Mono\n\nRead about [auth](../auth/docs/index.md).\n',
      ...AUTH,
    });
    expect(collectProblems).toEqual([]);
    expect(renderProblems).toEqual([]);
    expect(docs!.pages.map((page) => [page.slug, page.source])).toEqual([
      ['', 'docs/index.md'],
      ['auth', 'auth/docs/index.md'],
      ['auth/tokens', 'auth/docs/tokens.md'],
    ]);
    expect(docs!.nav).toEqual([
      { title: 'Home', slug: '' },
      {
        title: 'Authentication',
        children: [
          { title: 'Overview', slug: 'auth' },
          { title: 'Tokens', slug: 'auth/tokens' },
        ],
      },
    ]);
    // Links cross between the including and the included pages.
    expect(docs!.pages[0]!.html).toContain('href="auth/"');
    expect(docs!.pages[1]!.html).toContain('href="../auth/tokens/"');
    expect(docs!.pages[1]!.html).toContain('href="../"');
  });

  it('builds the folder tree of an included site without a nav, names a section by site_name, and follows nested includes', async () => {
    const { docs, collectProblems } = await monorepo({
      'mkdocs.yml': "site_name: Mono\nnav:\n  - index.md\n  - '!include ./services/mkdocs-services.yml'\n",
      'docs/index.md': '# Mono\n',
      'services/mkdocs-services.yml': "site_name: Our services\nnav:\n  - Billing: '!include billing/mkdocs.yml'\n",
      'services/docs/index.md': '# Services\n',
      'services/billing/mkdocs.yml': 'site_name: billing/v2\n',
      'services/billing/docs/index.md': '# Billing\n',
      'services/billing/docs/how-to/refund.md': '# Refund\n',
    });
    expect(collectProblems).toEqual([]);
    expect(docs!.nav).toEqual([
      { title: 'Mono', slug: '' },
      {
        title: 'Our services',
        slug: 'our-services',
        children: [
          {
            title: 'Billing',
            children: [
              { title: 'Billing', slug: 'our-services/billing/v2' },
              { title: 'How to', children: [{ title: 'Refund', slug: 'our-services/billing/v2/how-to/refund' }] },
            ],
          },
        ],
      },
    ]);
  });

  it.each([
    ['an absolute path', "'!include /etc/mkdocs.yml'", /includes "\/etc\/mkdocs.yml", which is an absolute path or a URL/],
    ['a URL', "'!include https://example.com/mkdocs.yml'", /is an absolute path or a URL/],
    ['a path leaving the repository', "'!include ../../other/mkdocs.yml'", /which leaves the repository/],
    ['a path leaving through a folder', "'!include ./auth/../../mkdocs.yml'", /which leaves the repository/],
    ['a file that is no YAML', "'!include ./auth/docs/index.md'", /is not a \.yml or \.yaml file/],
    [
      'a file that is not tracked',
      "'!include ./missing/mkdocs.yml'",
      /missing\/mkdocs.yml is not a file tracked in the repository, or cannot be read/,
    ],
    ['a binary file', "'!include ./binary/site.yml'", /binary\/site.yml is not a file tracked in the repository, or cannot be read/],
    ['a site without site_name', "'!include ./nameless/mkdocs.yml'", /nameless\/mkdocs.yml has no site_name/],
    ['a site whose mkdocs.yml does not parse', "'!include ./broken/mkdocs.yml'", /broken\/mkdocs.yml cannot be used: Could not parse/],
  ])('reports %s at the line of the include, and does not follow it', async (_name, value, message) => {
    const { sources, collectProblems, docs } = await monorepo({
      'mkdocs.yml': `site_name: Mono\nnav:\n  - Home: index.md\n  - Other: ${value}\n`,
      'docs/index.md': '# Mono\n',
      ...AUTH,
      'nameless/mkdocs.yml': 'nav:\n  - index.md\n',
      'nameless/docs/index.md': '# Nameless\n',
      'broken/mkdocs.yml': 'site_name: [unclosed\n',
      'binary/site.yml': new Uint8Array([0, 1, 2]),
    });
    expect(collectProblems).toContainEqual({
      severity: 'error',
      repo: 'mono',
      file: 'mkdocs.yml',
      line: 4,
      message: expect.stringMatching(message),
    });
    expect(sources.roots.find((root) => root.base === '.')!.mkdocs!.nav).toEqual([{ title: 'Home', target: 'index.md', line: 3 }]);
    expect(docs!.nav).toEqual([{ title: 'Home', slug: '' }]);
    expect(docs!.pages.map((page) => page.source)).toEqual(['docs/index.md']);
  });

  it('reports an include loop where it closes, and keeps the rest', async () => {
    const { collectProblems, docs } = await monorepo({
      'mkdocs.yml':
        "site_name: Mono\nnav:\n  - Home: index.md\n  - Auth: '!include ./auth/mkdocs.yml'\n  - Me again: '!include mkdocs.yml'\n",
      'docs/index.md': '# Mono\n',
      'auth/mkdocs.yml': "site_name: auth\nnav:\n  - index.md\n  - Back: '!include ../mkdocs.yml'\n",
      'auth/docs/index.md': '# Auth\n',
    });
    expect(collectProblems).toEqual([
      {
        severity: 'error',
        repo: 'mono',
        file: 'auth/mkdocs.yml',
        line: 4,
        message:
          'The nav entry "Back" includes mkdocs.yml, which closes a loop of includes (mkdocs.yml → auth/mkdocs.yml → mkdocs.yml); it is not followed.',
      },
      {
        severity: 'error',
        repo: 'mono',
        file: 'mkdocs.yml',
        line: 5,
        message:
          'The nav entry "Me again" includes mkdocs.yml, which closes a loop of includes (mkdocs.yml → mkdocs.yml); it is not followed.',
      },
    ]);
    expect(docs!.nav).toEqual([
      { title: 'Home', slug: '' },
      { title: 'Auth', children: [{ title: 'Auth', slug: 'auth' }] },
    ]);
  });

  it('reports a missing page of an included nav against the included mkdocs.yml', async () => {
    const { renderProblems } = await monorepo({
      'mkdocs.yml': "site_name: Mono\nnav:\n  - Auth: '!include auth/mkdocs.yml'\n",
      'docs/index.md': '# Mono\n',
      'auth/mkdocs.yml': 'site_name: auth\nnav:\n  - Gone: gone.md\n',
      'auth/docs/index.md': '# Auth\n',
    });
    expect(renderProblems).toEqual([
      {
        severity: 'warning',
        repo: 'mono',
        entityRef: 'component:default/mono',
        file: 'auth/mkdocs.yml',
        line: 3,
        message: 'The nav entry "Gone" points at gone.md, which is not a Markdown page in auth/docs.',
      },
    ]);
  });
});

describe('includeAlias', () => {
  it.each([
    ['auth', 'x', 'auth'],
    ['billing/v2', 'x', 'billing/v2'],
    ['/lead/trail/', 'x', 'lead/trail'],
    ['Our Services', 'x', 'our-services'],
    ['Équipe café!', 'x', 'equipe-cafe'],
    ['../../etc', 'x', 'etc'],
    ['!!!', 'services/Payments API', 'payments-api'],
    [undefined, '.', 'included'],
  ])('%j in %j → %j', (siteName, base, alias) => {
    expect(includeAlias(siteName, base)).toBe(alias);
  });
});
