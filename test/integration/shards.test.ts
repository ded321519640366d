import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { cairnWith } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const EPOCH = 1793534400;
const cairn = cairnWith({ epoch: String(EPOCH) });

const component = (name: string, owner: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n${extra}`;
const NAMES = ['payments', 'checkout', 'storefront', 'orders', 'search', 'ledger', 'notifications', 'inventory'] as const;

let fixture: RepoFixture<(typeof NAMES)[number]>;
let root: string;
/** Where the commands run and write: outside the repositories' folder, which the source's glob lists. */
let work: string;
let config: string;

beforeAll(async () => {
  fixture = await makeRepos(
    Object.fromEntries(
      NAMES.map((name, index) => [
        name,
        files({
          // Every other repository depends on the next, so relations cross shards.
          'catalog-info.yaml': component(
            name,
            index % 2 ? 'web' : 'payments',
            index % 2 ? '' : `  dependsOn: [component:${NAMES[(index + 1) % NAMES.length]}]\n`,
          ),
          'README.md': `# ${name}\n\nThe ${name} service, with enough words to count as a description for the readme check.\n`,
          ...(index % 3 === 0
            ? {
                '.github/workflows/ci.yml':
                  'on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
              }
            : {}),
        }),
      ]),
    ) as Record<(typeof NAMES)[number], ReturnType<typeof files>>,
  );
  root = fixture.root;
  work = await mkdtemp(join(tmpdir(), 'cairn-shards-'));
  config = join(root, 'content', 'portal.yaml');
  await mkdir(join(root, 'content', 'teams'), { recursive: true });
  await mkdir(join(root, 'content', 'scorecards'), { recursive: true });
  await writeFile(
    join(root, 'content', 'portal.yaml'),
    'title: Shards\nsources:\n  - type: directory\n    repos: ../*\n  - type: directory\n    repos: ../gone-*\n',
  );
  // A source whose only match leads nowhere: a listing problem every shard reports, and the merge keeps once.
  await symlink(join(root, 'nowhere'), join(root, 'gone-link'));
  await writeFile(
    join(root, 'content', 'teams', 'teams.yaml'),
    ['payments', 'web']
      .map((name) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  children: []\n`)
      .join('---\n'),
  );
  await writeFile(
    join(root, 'content', 'scorecards', 'basics.yaml'),
    'id: basics\ntitle: Basics\nlevels:\n  - id: bronze\n    checks: [readme-present, owner-known-group]\n  - id: silver\n    checks: [ci-configured]\n',
  );
});

afterAll(async () => {
  await fixture?.remove();
  await rm(work, { recursive: true, force: true });
});

const readJson = async <T>(path: string) => JSON.parse(await readFile(join(work, path), 'utf8')) as T;

describe('cairn collect --shard and cairn merge', () => {
  it('merge the shards into exactly the snapshot of a single run', async () => {
    expect((await cairn(work, 'collect', '--config', config, '--snapshot', 'single.json')).code).toBe(0);
    const shardNames: string[][] = [];
    for (const index of [1, 2, 3]) {
      const result = await cairn(work, 'collect', '--config', config, '--shard', `${index}/3`, '--snapshot', `shards/${index}.json`);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`^Collected shard ${index}/3: \\d+ of the repositories → shards/${index}\\.json$`, 'm'));
      shardNames.push((await readJson<{ repos: Array<{ name: string }> }>(`shards/${index}.json`)).repos.map((repo) => repo.name));
    }
    expect(shardNames.flat().sort()).toEqual([...NAMES].sort());
    expect(shardNames.filter((names) => names.length > 0).length).toBeGreaterThan(1);

    const merged = await cairn(
      work,
      'merge',
      'shards/3.json',
      'shards/1.json',
      'shards/2.json',
      '--config',
      config,
      '--snapshot',
      'merged.json',
    );
    expect(merged.code, merged.stderr).toBe(0);
    const single = await readJson<Snapshot>('single.json');
    expect(await readJson<Snapshot>('merged.json')).toEqual(single);
    expect(single.results.length).toBe(NAMES.length);
    expect(single.problems).toContainEqual(expect.objectContaining({ message: expect.stringContaining('gone-*') }));
  });

  it('merges the shards of a run without a portal.yaml (--repos) with the defaults they were collected with', async () => {
    const glob = join(root, '{payments,checkout,storefront,orders}');
    expect((await cairn(work, 'collect', '--repos', glob, '--snapshot', 'repos-single.json', '--no-history')).code).toBe(0);
    for (const index of [1, 2])
      expect(
        (await cairn(work, 'collect', '--repos', glob, '--shard', `${index}/2`, '--snapshot', `repos-shards/${index}.json`)).code,
      ).toBe(0);
    const merged = await cairn(
      work,
      'merge',
      'repos-shards/1.json',
      'repos-shards/2.json',
      '--snapshot',
      'repos-merged.json',
      '--no-history',
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect(await readJson<Snapshot>('repos-merged.json')).toEqual(await readJson<Snapshot>('repos-single.json'));
  });

  it('refuses a shard of another listing, and warns of shards read more than a day apart', async () => {
    const narrower = join(root, '{payments,checkout}');
    expect((await cairn(work, 'collect', '--repos', narrower, '--shard', '2/2', '--snapshot', 'other-listing/2.json')).code).toBe(0);
    const mixed = await cairn(work, 'merge', 'repos-shards/1.json', 'other-listing/2.json', '--snapshot', 'mixed.json', '--no-history');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(
      'cairn merge: other-listing/2.json and repos-shards/1.json split different listings of the repositories; collect every shard from the same configuration, in one run.\n',
    );
    const glob = join(root, '{payments,checkout,storefront,orders}');
    const threeDaysLater = cairnWith({ epoch: String(EPOCH + 3 * 86_400) });
    expect((await threeDaysLater(work, 'collect', '--repos', glob, '--shard', '2/2', '--snapshot', 'later/2.json')).code).toBe(0);
    const apart = await cairn(work, 'merge', 'repos-shards/1.json', 'later/2.json', '--snapshot', 'apart.json', '--no-history');
    expect(apart.code).toBe(0);
    const at = (seconds: number) => new Date(seconds * 1000).toISOString();
    expect(apart.stderr).toContain(
      `warning: the shards were collected from ${at(EPOCH)} to ${at(EPOCH + 3 * 86_400)}, more than a day apart`,
    );
  });

  it('builds the site from the merged snapshot without collecting again', async () => {
    const result = await cairn(work, 'build', '--config', config, '--from', 'merged.json', '--out', 'site');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/Collected/);
    expect(await readFile(join(work, 'site', 'catalog', 'default', 'component', 'ledger', 'index.html'), 'utf8')).toContain('ledger');
  });

  it('publishes badges for the scorecards portal.yaml names, and stops at one it does not know, naming its line', async () => {
    const withBadges = join(dirname(config), 'badges.yaml');
    const text = `${await readFile(config, 'utf8')}badges:\n  - basics\n`;
    await writeFile(withBadges, text);
    const result = await cairn(work, 'build', '--config', withBadges, '--from', 'merged.json', '--out', 'site-badges');
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(work, 'site-badges', 'badges', 'default', 'component', 'ledger', 'basics.svg'), 'utf8')).toMatch(/^<svg /);
    await expect(readFile(join(work, 'site', 'badges', 'default', 'component', 'ledger', 'basics.svg'))).rejects.toThrow();

    await writeFile(withBadges, `${text}  - basic\n`);
    const misspelt = await cairn(work, 'build', '--config', withBadges, '--from', 'merged.json', '--out', 'site-misspelt');
    expect(misspelt.code).toBe(2);
    const line = text.split('\n').length;
    expect(misspelt.stderr).toContain(
      // Given by its whole path outside the current folder, the file is named by it.
      `${withBadges}:${line}: badges[1]: no scorecard "basic"; did you mean "basics"? Expected the id of one of the portal's scorecards: basics.`,
    );
    expect(misspelt.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a shard of another shape may be another Cairn version’s, and to collect it again, in one line per fault', async () => {
    const shard = JSON.parse(await readFile(join(work, 'shards', '1.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(work, 'other-cairn.json'), JSON.stringify({ ...shard, entities: 'not a list' }));
    const result = await cairn(work, 'merge', 'other-cairn.json', 'shards/2.json', 'shards/3.json', '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^cairn merge: other-cairn\.json: not a partial snapshot this Cairn can merge \(entities: .+\)\. Was it collected by another version of Cairn\? Collect the shards again with this one\.$/m,
    );
  });

  it.each([
    { args: ['merge', 'shards/1.json', 'shards/3.json'], message: /^cairn merge: shard 2\/3 missing\.$/m },
    {
      args: ['merge', 'shards/1.json', 'shards/1.json', 'shards/2.json', 'shards/3.json'],
      message: /shards\/1\.json: shard 1\/3 is also in shards\/1\.json\./,
    },
    {
      args: ['merge', 'single.json'],
      message: /^cairn merge: single\.json: not a partial snapshot; cairn merge takes the files of cairn collect --shard i\/n\.$/m,
    },
    { args: ['merge', 'nowhere.json'], message: /^cairn merge: nowhere\.json: file not found\.$/m },
    { args: ['merge'], message: /give the partial snapshots to merge/ },
    { args: ['collect', '--shard', '4/3'], message: /--shard 4\/3: expected i\/n with 1 ≤ i ≤ n/ },
    { args: ['build', '--from', 'nowhere.json', '--out', 'site2'], message: /--from nowhere\.json: file not found\./ },
  ])('exits 2 on cairn $args', async ({ args, message }) => {
    const result = await cairn(work, ...args, ...(args[0] === 'merge' || args[0] === 'collect' ? ['--config', config] : []));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
