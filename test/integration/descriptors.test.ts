import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../collectors/catalog/index.ts';
import { descriptors } from '../../collectors/facts/descriptors.ts';
import type { Problem } from '../../collectors/problems.ts';
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
      'apis/orders.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: platform\n  definition:\n    $text: ./orders.openapi.yaml\n',
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
  const facts = descriptors.schema.parse(await descriptors.collect({ repo, settings: { contentGlobs: [] }, problem: (problem) => problems.push({ ...problem, repo: name }) }));
  return { facts, problems };
}

describe('descriptors on real git repositories', () => {
  it('returns nothing for a repository without a descriptor', async () => {
    expect(await collectDescriptors('plain')).toEqual({ facts: { files: [], documents: [] }, problems: [] });
  });

  it('follows the root Location over tracked files only, and reports what it does not read', async () => {
    const { facts, problems } = await collectDescriptors('monorepo');
    // The escaping symlink is tracked, so the glob lists it, but the reader refuses to follow it.
    expect(facts.files).toEqual(['catalog-info.yaml', 'services/a/catalog-info.yaml', 'services/b/catalog-info.yaml', 'services/evil/catalog-info.yaml', 'apis/orders.yaml']);
    expect(problems).toEqual([
      { severity: 'error', repo: 'monorepo', file: 'services/evil/catalog-info.yaml', message: expect.stringContaining('could not be read') },
      { severity: 'error', repo: 'monorepo', file: 'catalog-info.yaml', line: 1, message: expect.stringContaining('missing/catalog-info.yaml, which is not a tracked file') },
      { severity: 'error', repo: 'monorepo', file: 'catalog-info.yaml', line: 1, message: expect.stringContaining('absolute URL; Cairn never fetches') },
    ]);
    const orders = facts.documents.find((document) => document.file === 'apis/orders.yaml')!;
    expect((orders.data as { spec: { definition: string } }).spec.definition).toBe('openapi: 3.0.0\ninfo:\n  title: Orders\n');
  });

  it('feeds the catalog: valid entities load with relations, the broken sibling is reported', async () => {
    const { facts } = await collectDescriptors('monorepo');
    const { entities, problems } = await buildCatalog({
      repos: [{ name: 'monorepo', webUrl: 'https://git.example.com/acme/monorepo', headCommit: 'deadbeef', facts: { descriptors: facts } }],
      content: [{ file: 'content/teams/platform.yaml', line: 1, data: { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'platform' }, spec: { type: 'team', children: [] } } }],
    });
    expect(entities.map((entity) => entity.ref)).toEqual(['api:default/orders', 'component:default/service-a', 'component:default/service-b', 'group:default/platform', 'location:default/monorepo']);
    expect(entities[0]!.relations).toEqual([
      { type: 'apiConsumedBy', targetRef: 'component:default/service-b' },
      { type: 'apiProvidedBy', targetRef: 'component:default/service-a' },
      { type: 'ownedBy', targetRef: 'group:default/platform' },
    ]);
    expect(entities[2]!.source).toEqual({ repo: 'monorepo', file: 'services/b/catalog-info.yaml', line: 1, url: 'https://git.example.com/acme/monorepo/blob/deadbeef/services/b/catalog-info.yaml#L1' });
    expect(problems).toEqual([{ severity: 'error', repo: 'monorepo', file: 'services/b/catalog-info.yaml', line: 11, message: expect.stringContaining('"metadata.name" is not valid') }]);
  });
});
