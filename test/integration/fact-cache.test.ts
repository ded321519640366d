import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactCache } from '../../collectors/store/fact-cache.ts';
import { collectRepo, type CollectRepoOptions } from '../../collectors/collect.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const NOW = new Date('2026-11-01T12:00:00Z');
const README = '# Ledger\n\nKeeps the books balanced for every payment we take.\n';

let fixture: RepoFixture<'ledger'>;
let cacheDir: string;
let handle: { name: string; dir: string; source: string };

beforeAll(async () => {
  fixture = await makeRepos({ ledger: files({ 'README.md': README, LICENSE: 'MIT License\n' }, { date: '2026-10-20T10:00:00Z' }) });
  cacheDir = await mkdtemp(join(tmpdir(), 'cairn-cache-'));
  handle = { name: 'ledger', dir: fixture.dirs.ledger, source: 'directory' };
});

afterAll(async () => {
  await fixture?.remove();
  await rm(cacheDir, { recursive: true, force: true });
});

const options = (overrides: Partial<CollectRepoOptions> = {}): CollectRepoOptions => ({
  now: NOW,
  windowDays: 90,
  settings: { contentGlobs: [] },
  cache: new FactCache(cacheDir),
  ...overrides,
});
const words = async (overrides?: Partial<CollectRepoOptions>) => (await collectRepo(handle, options(overrides))).facts.readme?.words;

describe('the fact cache', () => {
  it('stores the facts, and reuses them while the head commit is the same', async () => {
    const first = await collectRepo(handle, options());
    expect(await readdir(cacheDir)).toEqual(['ledger.json']);
    // A change the head commit does not have: the cached facts stand for the commit.
    await appendFile(join(handle.dir, 'README.md'), '\nMore words that only the working tree has.\n');
    const second = await collectRepo(handle, options());
    expect(second).toEqual(first);
    expect(await words({ cache: undefined })).toBeGreaterThan(first.facts.readme!.words);
  });

  it('collects again after a new commit', async () => {
    const before = await words();
    await writeFile(join(handle.dir, 'README.md'), `${README}\nNow committed, with a few more words.\n`);
    const env = {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2026-10-25T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-10-25T10:00:00Z',
    };
    await promisify(execFile)(
      'git',
      [
        '-c',
        'user.name=Test',
        '-c',
        'user.email=test@example.com',
        '-c',
        'commit.gpgsign=false',
        'commit',
        '--quiet',
        '--all',
        '--message',
        'Longer README',
      ],
      { cwd: handle.dir, env },
    );
    expect(await words()).not.toBe(before);
  });

  it('collects the releases again after a tag on the same head commit, and only them', async () => {
    const before = await collectRepo(handle, options());
    await promisify(execFile)('git', ['-c', 'tag.gpgsign=false', 'tag', 'v9.9.9'], { cwd: handle.dir });
    const after = await collectRepo(handle, options());
    expect(before.facts.releases?.map((release) => release.name)).not.toContain('v9.9.9');
    expect(after.facts.releases?.map((release) => release.name)).toContain('v9.9.9');
    expect(after).toEqual(await collectRepo(handle, options({ cache: undefined })));
    const cached = JSON.parse(await readFile(join(cacheDir, 'ledger.json'), 'utf8')) as { facts: Record<string, { key: string }> };
    const beforeKeys = new Map(Object.entries(cached.facts).map(([id, entry]) => [id, entry.key]));
    await promisify(execFile)('git', ['tag', '-d', 'v9.9.9'], { cwd: handle.dir });
    await collectRepo(handle, options());
    const changed = Object.entries(
      (JSON.parse(await readFile(join(cacheDir, 'ledger.json'), 'utf8')) as { facts: Record<string, { key: string }> }).facts,
    ).flatMap(([id, entry]) => (entry.key === beforeKeys.get(id) ? [] : [id]));
    expect(changed).toEqual(['releases']);
  });

  it('keeps time-dependent facts for their day only, and says the repository is unchanged when only they are read again', async () => {
    const today = await collectRepo(handle, options());
    let hits = 0;
    const later = new Date('2026-12-01T12:00:00Z');
    const nextMonth = await collectRepo(handle, options({ now: later, onCacheHit: () => hits++ }));
    expect(nextMonth.facts.activity).toBeDefined();
    expect(nextMonth.facts.activity).not.toEqual(today.facts.activity);
    expect(nextMonth).toEqual(await collectRepo(handle, options({ now: later, cache: undefined })));
    expect(nextMonth.facts.readme).toEqual(today.facts.readme);
    expect(hits).toBe(1);
    await collectRepo(handle, options({ settings: { contentGlobs: ['docs/**'] }, onCacheHit: () => hits++ }));
    expect(hits).toBe(1);
  });

  it('ignores an entry made under other settings, and a corrupted file', async () => {
    const reference = await collectRepo(handle, options({ cache: undefined }));
    const file = join(cacheDir, 'ledger.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { facts: Record<string, { key: string; value: unknown }> };
    stored.facts.readme!.value = { path: 'README.md', title: 'Forged', headings: [], words: 1 };
    await writeFile(file, JSON.stringify(stored));
    expect((await collectRepo(handle, options({ settings: { contentGlobs: ['*.md'] } }))).facts.readme).toEqual(reference.facts.readme);
    await writeFile(file, '{ not json');
    expect(await collectRepo(handle, options())).toEqual(reference);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ repo: 'ledger' });
  });

  it('reads an entry back only under the shape its retriever has now: the key carries a digest of the schema', async () => {
    const reference = await collectRepo(handle, options({ cache: undefined }));
    await collectRepo(handle, options());
    const file = join(cacheDir, 'ledger.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { facts: Record<string, { key: string; value: unknown }> };
    const forged = { path: 'README.md', title: 'Forged', headings: [], words: 1 };
    const [id, version, shape, ...rest] = stored.facts.readme!.key.split('\0');
    expect(shape).toMatch(/^[\w-]{16}$/);
    // Keyed as this Cairn keys it, a value is trusted as it was written: it is not validated again.
    stored.facts.readme!.value = forged;
    await writeFile(file, JSON.stringify(stored));
    expect((await collectRepo(handle, options())).facts.readme).toEqual(forged);
    // Written by a Cairn whose readme fact had another shape (and the same version): collected again.
    stored.facts.readme!.key = [id, version, 'another-shape-00', ...rest].join('\0');
    await writeFile(file, JSON.stringify(stored));
    expect((await collectRepo(handle, options())).facts.readme).toEqual(reference.facts.readme);
  });

  it('gives back, from the cache, the problems a collection reported, byte for byte', async () => {
    const broken = await makeRepos({
      broken: files(
        { 'catalog-info.yaml': 'kind: Component\nmetadata: [unclosed\n', 'README.md': README },
        { date: '2026-10-20T10:00:00Z' },
      ),
    });
    const dir = await mkdtemp(join(tmpdir(), 'cairn-cache-'));
    try {
      const brokenHandle = { name: 'broken', dir: broken.dirs.broken, source: 'directory' };
      const cold = await collectRepo(brokenHandle, options({ cache: new FactCache(dir) }));
      expect(cold.problems.length).toBeGreaterThan(0);
      const warm = await collectRepo(brokenHandle, options({ cache: new FactCache(dir) }));
      expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
    } finally {
      await broken.remove();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
