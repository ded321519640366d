import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { buildEntityDocs, type RenderCache } from '../../collectors/docs/index.ts';
import type { RenderedSite } from '../../collectors/docs/render-site.ts';
import { withDigest } from '../../collectors/facts/doc-sources.ts';
import type { Facts } from '../../collectors/facts/index.ts';
import { FileRenderCache } from '../../collectors/store/render-cache.ts';

/** Rendered docs kept between runs: reused while what they were rendered from is the same, rendered again otherwise. */
const entity: CatalogEntity = {
  ref: 'component:default/ledger',
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/platform' },
  relations: [],
  source: { repo: 'ledger', file: 'catalog-info.yaml', line: 1 },
  inferred: false,
};
const repo = (text: string, commit = 'a'.repeat(40)) => ({
  name: 'ledger',
  webUrl: 'https://github.com/acme/ledger',
  facts: {
    head: { commit, date: '2026-01-15T10:00:00Z', branch: 'main' },
    docSources: withDigest({ roots: [{ base: '.', docsDir: 'docs', pages: [{ path: 'docs/index.md', text }] }], images: [] }),
  } as Facts,
});

/** The file cache, counting what it was asked. */
class CountingCache implements RenderCache {
  hits = 0;
  writes = 0;
  readonly inner: FileRenderCache;
  constructor(inner: FileRenderCache) {
    this.inner = inner;
  }
  async get(key: string) {
    const site = await this.inner.get(key);
    if (site) this.hits++;
    return site;
  }
  async set(key: string, site: RenderedSite) {
    this.writes++;
    await this.inner.set(key, site);
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-render-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const build = async (cache: CountingCache, text: string, commit?: string) =>
  (await buildEntityDocs({ entities: [entity], repos: [repo(text, commit)], renderCache: cache })).docs;

describe('the render cache', () => {
  it('renders once, then gives back the same pages while nothing they depend on changed', async () => {
    const first = new CountingCache(new FileRenderCache(dir, 'v1'));
    const rendered = await build(first, '# Ledger\n\nKeeps the books.\n```ts\nconst x = 1;\n```\n');
    expect([first.hits, first.writes]).toEqual([0, 1]);
    const second = new CountingCache(new FileRenderCache(dir, 'v1'));
    expect(await build(second, '# Ledger\n\nKeeps the books.\n```ts\nconst x = 1;\n```\n')).toEqual(rendered);
    expect([second.hits, second.writes]).toEqual([1, 0]);
    expect(
      await buildEntityDocs({ entities: [entity], repos: [repo('# Ledger\n\nKeeps the books.\n```ts\nconst x = 1;\n```\n')] }),
    ).toEqual({ docs: rendered, problems: [] });
  });

  it.each([
    ['the Markdown changes', '# Ledger\n\nKeeps the books, balanced.\n', undefined, 'v1'],
    ['the commit source links point at changes', '# Ledger\n\nKeeps the books.\n```ts\nconst x = 1;\n```\n', 'b'.repeat(40), 'v1'],
    ['the renderer changes', '# Ledger\n\nKeeps the books.\n```ts\nconst x = 1;\n```\n', undefined, 'v2'],
  ])('renders again when %s', async (_change, text, commit, salt) => {
    const cache = new CountingCache(new FileRenderCache(dir, salt));
    const docs = await build(cache, text, commit);
    expect([cache.hits, cache.writes]).toEqual([0, 1]);
    expect(docs).toEqual((await buildEntityDocs({ entities: [entity], repos: [repo(text, commit)] })).docs);
  });

  it('publishes the docs when the cache cannot be written: it only ever saves work', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cairn-render-cache-blocked-'));
    try {
      const blocked = join(parent, 'rendered-docs');
      await writeFile(blocked, 'a file where the cache folder would be\n');
      const docs = await buildEntityDocs({
        entities: [entity],
        repos: [repo('# Ledger\n')],
        renderCache: new FileRenderCache(blocked, 'v1'),
      });
      expect(docs.problems).toEqual([]);
      expect(docs.docs.map((entry) => entry.pages[0]!.title)).toEqual(['Ledger']);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('prunes what a run did not use, and treats a damaged entry as missing', async () => {
    const cache = new FileRenderCache(dir, 'v1');
    expect(await cache.get('not there')).toBeUndefined();
    await build(new CountingCache(cache), '# Only this one\n');
    await cache.prune();
    const [kept] = await readdir(dir);
    expect(await readdir(dir)).toEqual([kept]);
    await writeFile(join(dir, kept!), '{"pages": "damaged');
    const again = new CountingCache(new FileRenderCache(dir, 'v1'));
    await build(again, '# Only this one\n');
    expect([again.hits, again.writes]).toEqual([0, 1]);
  });
});
