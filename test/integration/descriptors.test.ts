import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../collectors/catalog/index.ts';
import { descriptors, MAX_DESCRIPTOR_BYTES } from '../../collectors/facts/descriptors.ts';
import type { Problem } from '../../collectors/contract/problems.ts';
import { openRepo } from '../../collectors/repo/open.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

const component = (name: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: platform\n${extra}`;

let fixture: RepoFixture<'monorepo' | 'plain'>;

beforeAll(async () => {
  fixture = await makeRepos({
    monorepo: files({
      'catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Location',
        'metadata:',
        '  name: monorepo',
        'spec:',
        '  targets:',
        '    - ./services/*/catalog-info.yaml',
        '    - ./apis/orders.yaml',
        '    - ./missing/catalog-info.yaml',
        '    - https://github.com/acme/elsewhere/blob/main/catalog-info.yaml',
        '',
      ].join('\n'),
      'services/a/catalog-info.yaml': component('service-a', '  providesApis: [orders]\n'),
      'services/b/catalog-info.yaml': `${component('service-b', '  consumesApis: [orders]\n')}---\n${component('Broken Name')}`,
      'services/evil/catalog-info.yaml': { symlink: '../../../../../../../../etc/passwd' },
      'apis/orders.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: platform\n  definition:\n    $text: ./orders.openapi.yaml\n',
      'apis/orders.openapi.yaml': 'openapi: 3.0.0\ninfo:\n  title: Orders\n',
    }),
    plain: files({ 'README.md': '# Plain\n' }),
  });
  // A descriptor in the work tree that git does not track must not be read.
  await mkdir(join(fixture.dirs.monorepo, 'services/untracked'), { recursive: true });
  await writeFile(join(fixture.dirs.monorepo, 'services/untracked/catalog-info.yaml'), component('untracked'));
});

afterAll(() => fixture?.remove());

async function collectDescriptors(name: 'monorepo' | 'plain') {
  const repo = await openRepo(fixture.dirs[name], { name, now: NOW, windowDays: 90 });
  const problems: Problem[] = [];
  const facts = descriptors.schema.parse(
    await descriptors.collect({ repo, settings: { contentGlobs: [] }, problem: (problem) => problems.push({ ...problem, repo: name }) }),
  );
  return { facts, problems };
}

describe('descriptors on real git repositories', () => {
  it('returns nothing for a repository without a descriptor', async () => {
    expect(await collectDescriptors('plain')).toEqual({ facts: { files: [], documents: [] }, problems: [] });
  });

  it('follows the root Location over tracked files only, and reports what it does not read', async () => {
    const { facts, problems } = await collectDescriptors('monorepo');
    // The escaping symlink is tracked, so the glob lists it, but the reader refuses to follow it.
    expect(facts.files).toEqual([
      'catalog-info.yaml',
      'services/a/catalog-info.yaml',
      'services/b/catalog-info.yaml',
      'services/evil/catalog-info.yaml',
      'apis/orders.yaml',
    ]);
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'monorepo',
        file: 'catalog-info.yaml',
        line: 9,
        message: expect.stringContaining('missing/catalog-info.yaml, which is not a tracked file'),
      },
      {
        severity: 'warning',
        repo: 'monorepo',
        file: 'catalog-info.yaml',
        line: 10,
        message: expect.stringContaining("is not read: Cairn never fetches other repositories' files"),
      },
    ]);
    const orders = facts.documents.find((document) => document.file === 'apis/orders.yaml')!;
    expect((orders.data as { spec: { definition: string } }).spec.definition).toBe('openapi: 3.0.0\ninfo:\n  title: Orders\n');
  });

  it('feeds the catalog: valid entities load with relations, the broken sibling is reported', async () => {
    const { facts } = await collectDescriptors('monorepo');
    const { entities, problems } = await buildCatalog({
      repos: [{ name: 'monorepo', webUrl: 'https://git.example.com/acme/monorepo', headCommit: 'deadbeef', facts: { descriptors: facts } }],
      content: [
        {
          file: 'content/teams/platform.yaml',
          line: 1,
          data: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'platform' },
            spec: { type: 'team', children: [] },
          },
        },
      ],
    });
    expect(entities.map((entity) => entity.ref)).toEqual([
      'api:default/orders',
      'component:default/service-a',
      'component:default/service-b',
      'group:default/platform',
      'location:default/monorepo',
    ]);
    expect(entities[0]!.relations).toEqual([
      { type: 'apiConsumedBy', targetRef: 'component:default/service-b' },
      { type: 'apiProvidedBy', targetRef: 'component:default/service-a' },
      { type: 'ownedBy', targetRef: 'group:default/platform' },
    ]);
    expect(entities[2]!.source).toEqual({
      repo: 'monorepo',
      file: 'services/b/catalog-info.yaml',
      line: 1,
      url: 'https://git.example.com/acme/monorepo/blob/deadbeef/services/b/catalog-info.yaml#L1',
      // The lines checks point their evidence at.
      fields: { '/spec/lifecycle': 7, '/spec/owner': 8 },
    });
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'monorepo',
        file: 'services/b/catalog-info.yaml',
        line: 11,
        message: expect.stringContaining('"metadata.name" is not valid'),
      },
    ]);
  });
});

describe('descriptors that used to vanish silently', () => {
  const names = ['many', 'utf16le', 'utf16be', 'latin1', 'oversized', 'empty', 'cased'] as const;
  let hostile: RepoFixture<(typeof names)[number]>;
  // 5,000 valid entities with a description each: about 2 MiB, over the reader's default cap of 1 MiB.
  const many = Array.from({ length: 5_000 }, (_, index) =>
    component(`service-${index}`).replace('metadata:\n', `metadata:\n  description: ${'A service of the generated catalog. '.repeat(4)}\n`),
  ).join('---\n');
  const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
    const body = Buffer.from(text, 'utf16le');
    const encoded = bigEndian ? body.swap16() : body;
    return new Uint8Array(bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), encoded]) : encoded);
  };

  beforeAll(async () => {
    hostile = await makeRepos({
      many: files({ 'catalog-info.yaml': many }),
      utf16le: files({
        'catalog-info.yaml': utf16(
          component('caf\u00e9-le').replace('name: caf\u00e9-le', 'name: cafe-le\n  title: Caf\u00e9'),
          false,
          true,
        ),
      }),
      utf16be: files({ 'catalog-info.yaml': utf16(component('cafe-be'), true, false) }),
      latin1: files({
        'catalog-info.yaml': new Uint8Array(
          Buffer.from(
            component('cafe-latin', '  # R\u00e9sum\u00e9\n').replace('metadata:\n', 'metadata:\n  title: Caf\u00e9\n'),
            'latin1',
          ),
        ),
      }),
      oversized: files({ 'catalog-info.yaml': `${component('big')}# ${'x'.repeat(MAX_DESCRIPTOR_BYTES)}\n` }),
      empty: files({ 'catalog-info.yaml': '' }),
      cased: files({ 'catalog-info.yaml': component('lower'), 'Catalog-Info.yaml': component('upper') }),
    });
  });

  afterAll(() => hostile?.remove());

  async function collectFrom(name: (typeof names)[number]) {
    const repo = await openRepo(hostile.dirs[name], { name, now: NOW, windowDays: 90 });
    const problems: Problem[] = [];
    const facts = descriptors.schema.parse(
      await descriptors.collect({ repo, settings: { contentGlobs: [] }, problem: (problem) => problems.push({ ...problem, repo: name }) }),
    );
    return { facts, problems };
  }

  it('reads a descriptor of 5,000 valid entities, over 1 MiB', async () => {
    expect(Buffer.byteLength(many)).toBeGreaterThan(1024 * 1024);
    const { facts, problems } = await collectFrom('many');
    expect(problems).toEqual([]);
    expect(facts.documents).toHaveLength(5_000);
    expect(facts.documents.at(-1)).toMatchObject({ line: 4_999 * 10 + 1, data: { metadata: { name: 'service-4999' } } });
  });

  it.each([
    ['utf16le', 'UTF-16LE', { name: 'cafe-le', title: 'Caf\u00e9' }],
    ['utf16be', 'UTF-16BE', { name: 'cafe-be' }],
    ['latin1', 'Latin-1 (Windows-1252)', { name: 'cafe-latin', title: 'Caf\u00e9' }],
  ] as const)('decodes a %s descriptor, and warns that Backstage would not', async (name, encoding, metadata) => {
    const { facts, problems } = await collectFrom(name);
    expect(facts.documents).toEqual([
      {
        file: 'catalog-info.yaml',
        line: 1,
        data: expect.objectContaining({ kind: 'Component', metadata }),
        fields: expect.objectContaining({ '/kind': 2, '/metadata': 3 }),
      },
    ]);
    expect(JSON.stringify(facts)).not.toContain('\\u0000');
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: name,
        file: 'catalog-info.yaml',
        message: `catalog-info.yaml is encoded as ${encoding}; Cairn decoded it, but Backstage reads descriptors as UTF-8 and would fail on it. Save it as UTF-8.`,
      },
    ]);
  });

  it('reports a descriptor over the cap with its size', async () => {
    const { facts, problems } = await collectFrom('oversized');
    expect(facts.documents).toEqual([]);
    const size = Buffer.byteLength(`${component('big')}# ${'x'.repeat(MAX_DESCRIPTOR_BYTES)}\n`);
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'oversized',
        file: 'catalog-info.yaml',
        message: `catalog-info.yaml is ${size} bytes, over the cap of 8 MiB. Expected a YAML text file; no entity is read from it.`,
      },
    ]);
  });

  it('reports an empty descriptor', async () => {
    expect(await collectFrom('empty')).toEqual({
      facts: { files: ['catalog-info.yaml'], documents: [] },
      problems: [
        {
          severity: 'error',
          repo: 'empty',
          file: 'catalog-info.yaml',
          message: 'catalog-info.yaml is empty: expected at least one entity.',
        },
      ],
    });
  });

  it('reports a second descriptor that differs only in case, naming both', async () => {
    const { facts, problems } = await collectFrom('cased');
    expect(facts.files).toEqual(['catalog-info.yaml']);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'cased',
        file: 'Catalog-Info.yaml',
        message: expect.stringMatching(/^Catalog-Info\.yaml is ignored because catalog-info\.yaml exists/),
      },
    ]);
  });
});
