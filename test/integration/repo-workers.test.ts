import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../collectors/config/schema.ts';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { collectMany, type CollectManyOptions } from '../../collectors/runs/repo-workers.ts';
import { cairn } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const component = (name: string, owner: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: The ${name} service\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n${extra}`;

const NAMES = ['svc-api', 'svc-billing', 'svc-docs', 'svc-hostile', 'svc-ledger', 'svc-search', 'svc-web', 'svc-broken'] as const;
type Name = (typeof NAMES)[number];

let fixture: RepoFixture<Name>;

/** A portal of the fixture's repositories read with `workers` worker threads; its folder. */
async function portal(workers: number): Promise<string> {
  const dir = join(fixture.root, `portal-${workers}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'portal.yaml'), `title: Workers\nsources:\n  - type: directory\n    repos: ../svc-*\nworkers: ${workers}\n`);
  return dir;
}

beforeAll(async () => {
  fixture = await makeRepos<Name>({
    'svc-api': files({
      'catalog-info.yaml': component('api', 'team-a', '  dependsOn: [component:ledger]\n'),
      'README.md': '# API\n\nThe public API, with enough words in it to count as a description of what it does.\n',
      'package.json': '{"name":"api","version":"1.2.3","license":"MIT","dependencies":{"express":"^5.0.0"}}\n',
      '.github/workflows/ci.yml': 'on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      CODEOWNERS: '* @acme/team-a\n',
    }),
    'svc-billing': files({ 'catalog-info.yaml': component('billing', 'team-b'), 'go.mod': 'module acme/billing\n\ngo 1.22\n' }),
    'svc-docs': files({
      'catalog-info.yaml': component('docs', 'team-a', '').replace(
        'metadata:\n',
        'metadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n',
      ),
      'mkdocs.yml': 'site_name: Docs\nnav:\n  - Home: index.md\n',
      'docs/index.md': '# Docs\n\nSee [the API](https://example.com/api).\n',
    }),
    // Keys JavaScript gives a meaning of its own: dropped, with a warning, however the data travelled.
    'svc-hostile': files({
      'catalog-info.yaml': component('hostile', 'team-b', '  __proto__:\n    polluted: true\n'),
      'README.md': '# Hostile\u202e\n',
    }),
    'svc-ledger': files({
      'catalog-info.yaml': component('ledger', 'team-b'),
      'pom.xml': '<project><artifactId>ledger</artifactId></project>\n',
    }),
    'svc-search': files({ 'README.md': '# Search\n', Dockerfile: 'FROM node:24\nUSER node\n', 'src/index.ts': 'export const x = 1;\n' }),
    'svc-web': files({ 'catalog-info.yaml': component('web', 'team-a'), LICENSE: 'MIT License\n' }),
    'svc-broken': files({ 'README.md': '# Broken\n' }),
  });
  // An index git cannot read: the repository cannot be opened.
  await writeFile(join(fixture.dirs['svc-broken'], '.git', 'index'), 'not an index');
});

afterAll(() => fixture?.remove());

describe('collection in worker threads', () => {
  it('writes byte for byte the snapshot of a collection on the main thread, cold and from the fact cache', async () => {
    const [mainThread, threads] = [await portal(0), await portal(2)];
    for (const dir of [mainThread, threads]) {
      for (const cache of ['cold', 'warm']) {
        const result = await cairn(dir, 'collect', '--snapshot', `${cache}.json`, '--cache', 'facts', '--no-history');
        expect(result.code, result.stderr).toBe(0);
      }
    }
    const snapshot = await readFile(join(mainThread, 'cold.json'), 'utf8');
    for (const file of [join(mainThread, 'warm.json'), join(threads, 'cold.json'), join(threads, 'warm.json')])
      expect(await readFile(file, 'utf8'), file).toBe(snapshot);
    const parsed = JSON.parse(snapshot) as Snapshot;
    expect(parsed.repos.map((repo) => repo.name)).toEqual([...NAMES].sort());
    expect(parsed.problems).toContainEqual(expect.objectContaining({ repo: 'svc-hostile', message: expect.stringContaining('__proto__') }));
  });

  it('makes a repository that cannot be read its own problem, and reads the others', async () => {
    const dir = await portal(3);
    const result = await cairn(dir, 'collect', '--snapshot', 'snapshot.json', '--no-cache', '--no-history');
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as Snapshot;
    const broken = snapshot.repos.find((repo) => repo.name === 'svc-broken')!;
    expect(broken.facts).toEqual({});
    expect(broken.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Could not read the repository at .*svc-broken: /) }),
    ]);
    const others = snapshot.repos.filter((repo) => repo.name !== 'svc-broken');
    expect(others).toHaveLength(NAMES.length - 1);
    for (const repo of others) expect(repo.facts.head, repo.name).toBeDefined();
    expect(snapshot.problems.filter((problem) => problem.message.includes('worker thread'))).toEqual([]);
  });

  it('reads every repository in the workers alone as on the main thread, reporting each one once', async () => {
    const handles = NAMES.map((name) => ({ name, source: 'directory', dir: fixture.dirs[name] }));
    const read = async (options: Partial<CollectManyOptions>) => {
      const reported: string[] = [];
      const collected = await collectMany(handles, {
        options: { now: new Date('2026-05-28T20:26:40Z'), windowDays: 90, settings: { contentGlobs: [] }, limits: DEFAULT_LIMITS },
        concurrency: 4,
        workers: 0,
        onRepo: (done, total, name) => reported.push(`${done}/${total} ${name}`),
        ...options,
      });
      return { ...collected, reported };
    };
    const mainThread = await read({ workers: 0 });
    const workers = await read({ workers: 2, readHere: false });
    expect(JSON.stringify(workers.repos)).toBe(JSON.stringify(mainThread.repos));
    expect(workers.problems).toEqual([]);
    expect(workers.reported.map((line) => line.split(' ')[0])).toEqual(NAMES.map((_, index) => `${index + 1}/${NAMES.length}`));
    expect(workers.reported.map((line) => line.split(' ')[1]).sort()).toEqual([...NAMES].sort());
    expect(workers.repos.find((repo) => repo.name === 'svc-broken')!.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Could not read the repository at /) }),
    ]);
  });
});
