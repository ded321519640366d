import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { combineShards, inShard, listingDigest, parseShard, type PartialSnapshot } from '../../collectors/runs/shard.ts';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 10/10 ', { index: 10, count: 10 }],
  ])('%s', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each(['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3', '-1/2'])('refuses %s', (text) => {
    expect(() => parseShard(text)).toThrow(ConfigError);
  });
});

describe('inShard', () => {
  const names = Array.from({ length: 300 }, (_, index) => `repo-${index}`);

  it.each([1, 2, 3, 5, 8])('puts every repository in exactly one of %i shards, roughly evenly', (count) => {
    const sizes = Array.from({ length: count }, (_, index) => names.filter((name) => inShard(name, { index: index + 1, count })).length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(names.length);
    for (const size of sizes) expect(size).toBeGreaterThan((names.length / count) * 0.6);
  });

  it('depends on the name alone: the same split on every machine and run', () => {
    expect(
      ['payments', 'checkout', 'storefront', 'orders'].map((name) => [1, 2, 3].find((index) => inShard(name, { index, count: 3 }))),
    ).toEqual([1, 2, 2, 3]);
  });
});

describe('listingDigest', () => {
  it('is the same for the same names in any order, and differs for another set', () => {
    expect(listingDigest(['b', 'a', 'a'])).toBe(listingDigest(['a', 'b']));
    expect(listingDigest(['a', 'b'])).not.toBe(listingDigest(['a', 'b', 'c']));
  });
});

describe('combineShards', () => {
  const partial = (
    index: number,
    count: number,
    repos: string[],
    problems: PartialSnapshot['problems'] = [],
    unreachable: string[] = [],
    unlisted: string[] = [],
    listing = 'abc',
  ) => ({
    file: `shards/${index}.json`,
    partial: {
      kind: 'cairn-partial-snapshot',
      schemaVersion: 2,
      shard: { index, count },
      generatedAt: '2026-11-01T00:00:00.000Z',
      listing,
      repos: repos.map((name) => ({ name, source: 'directory', facts: {}, problems: [] })),
      unreachable: {
        repos: unreachable.map((name) => ({ name, source: 'git', reason: `could not clone /srv/${name}.git` })),
        sources: unlisted.map((owner) => ({ source: 'github', reason: `could not list the repositories of ${owner}` })),
      },
      problems,
      entities: [],
    } as PartialSnapshot,
  });
  const listing = { severity: 'warning' as const, message: 'No folder matches "../old/*".' };

  it('combines a complete set, keeping one of each listing problem', () => {
    const combined = combineShards([partial(2, 2, ['b'], [listing]), partial(1, 2, ['a', 'c'], [listing])]);
    expect(combined.repos.map((repo) => repo.name)).toEqual(['b', 'a', 'c']);
    expect(combined.problems).toEqual([listing]);
  });

  it("keeps every shard's unreachable repositories, and one of each unlisted source, for the merge to carry over", () => {
    const combined = combineShards([partial(1, 2, ['a'], [], ['gone'], ['acme']), partial(2, 2, ['b'], [], ['lost'], ['acme'])]);
    expect(combined.unreachable.repos.map((repo) => repo.name)).toEqual(['gone', 'lost']);
    expect(combined.unreachable.sources).toEqual([{ source: 'github', reason: 'could not list the repositories of acme' }]);
  });

  it.each([
    { name: 'a missing shard', partials: [partial(1, 3, ['a']), partial(3, 3, ['c'])], message: 'cairn merge: shard 2/3 missing.' },
    {
      name: 'a shard twice',
      partials: [partial(1, 2, ['a']), partial(1, 2, ['b'])],
      message: 'shards/1.json: shard 1/2 is also in shards/1.json.',
    },
    {
      name: 'two counts',
      partials: [partial(1, 2, ['a']), partial(2, 3, ['b'])],
      message: 'shards/2.json: shard 2/3, but shards/1.json is one of 2.',
    },
    {
      name: 'a repository in two shards',
      partials: [partial(1, 2, ['a']), partial(2, 2, ['a'])],
      message: 'cairn merge: repository "a" is in two shards; collect every shard from the same configuration.',
    },
    {
      name: 'shards of different listings (another glob, another run)',
      partials: [partial(1, 2, ['a']), partial(2, 2, ['b'], [], [], [], 'def')],
      message:
        'cairn merge: shards/2.json and shards/1.json split different listings of the repositories; collect every shard from the same configuration, in one run.',
    },
    { name: 'nothing', partials: [], message: 'cairn merge: no partial snapshots given.' },
  ])('refuses $name', ({ partials, message }) => {
    expect(() => combineShards(partials)).toThrow(message);
  });
});
