import { execFile } from 'node:child_process';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSpec } from '../../scripts/dev/git-repo.ts';
import { files, makeRepo, makeRepos, TEST_AUTHOR, type RepoFixture } from '../helpers/repos.ts';

const run = promisify(execFile);

/** Runs git in a fixture, isolated from the machine's configuration like the code under test. */
async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd: dir,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  return stdout.trim();
}

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const liam = { name: "Liam O'Brien", email: 'liam.obrien@example.com' };
const PNG_HEADER = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x00]);

const history: RepoSpec = {
  branch: 'trunk',
  commits: [
    {
      date: '2025-03-01T09:30:00+01:00',
      author: ada,
      message: 'Initial commit',
      files: {
        'README.md': '# Demo\n',
        'src/index.ts': 'export const answer = 42;\n',
        'old.txt': 'to be deleted\n',
        'assets/logo.png': PNG_HEADER,
        'name with spaces and "quotes" é.txt': 'odd name\n',
      },
    },
    {
      date: '2025-06-15T18:05:00-07:00',
      author: liam,
      message: 'Second commit\n\nWith a body.',
      files: { 'old.txt': null, 'src/index.ts': 'export const answer = 43;\n', escape: { symlink: '../../../etc/passwd' } },
    },
    { date: '2026-01-02T00:00:00Z', author: ada, message: 'Empty commit', files: {} },
  ],
  tags: [
    { name: 'v1.0.0', commit: 0, date: '2025-03-02T10:00:00Z' },
    { name: 'v2.0.0', commit: 2, date: '2026-01-03T10:00:00Z' },
  ],
};

let fixture: RepoFixture<'history' | 'again' | 'other-author' | 'empty'>;

beforeAll(async () => {
  const otherAuthor: RepoSpec = {
    ...history,
    commits: history.commits.map((commit, index) => (index === 1 ? { ...commit, author: TEST_AUTHOR } : commit)),
  };
  fixture = await makeRepos({ history, again: history, 'other-author': otherAuthor, empty: { commits: [] } });
});

afterAll(() => fixture.remove());

describe('writeGitRepo', () => {
  it('checks out the last commit, with a clean work tree on the requested branch', async () => {
    const dir = fixture.dirs.history;
    expect((await git(dir, 'ls-files', '-z')).split('\0').filter(Boolean)).toEqual([
      'README.md',
      'assets/logo.png',
      'escape',
      'name with spaces and "quotes" é.txt',
      'src/index.ts',
    ]);
    expect(await readFile(join(dir, 'src/index.ts'), 'utf8')).toBe('export const answer = 43;\n');
    expect(await readFile(join(dir, 'name with spaces and "quotes" é.txt'), 'utf8')).toBe('odd name\n');
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    expect(await git(dir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/trunk');
  });

  it('deletes files whose content is null', async () => {
    await expect(lstat(join(fixture.dirs.history, 'old.txt'))).rejects.toThrow(/ENOENT/);
    expect(await git(fixture.dirs.history, 'show', 'HEAD~2:old.txt')).toBe('to be deleted');
  });

  it('writes binary files byte for byte', async () => {
    expect(new Uint8Array(await readFile(join(fixture.dirs.history, 'assets/logo.png')))).toEqual(PNG_HEADER);
  });

  it('writes symlinks as symlinks, without following them', async () => {
    const path = join(fixture.dirs.history, 'escape');
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
    expect(await readlink(path)).toBe('../../../etc/passwd');
    expect(await git(fixture.dirs.history, 'ls-files', '-s', 'escape')).toMatch(/^120000 /);
  });

  it('keeps authors, messages and dates with their time zones; the committer is the author', async () => {
    const log = await git(fixture.dirs.history, 'log', '--format=%an|%ae|%aI|%cn|%cI|%s');
    expect(log.split('\n')).toEqual([
      'Ada Lovelace|ada@example.com|2026-01-02T00:00:00+00:00|Ada Lovelace|2026-01-02T00:00:00+00:00|Empty commit',
      "Liam O'Brien|liam.obrien@example.com|2025-06-15T18:05:00-07:00|Liam O'Brien|2025-06-15T18:05:00-07:00|Second commit",
      'Ada Lovelace|ada@example.com|2025-03-01T09:30:00+01:00|Ada Lovelace|2025-03-01T09:30:00+01:00|Initial commit',
    ]);
    expect(await git(fixture.dirs.history, 'log', '-1', '--skip=1', '--format=%B')).toBe('Second commit\n\nWith a body.');
  });

  it('creates annotated tags on the right commits with their own dates', async () => {
    const tags = await git(
      fixture.dirs.history,
      'for-each-ref',
      'refs/tags',
      '--format=%(refname:short) %(objecttype) %(taggerdate:iso-strict) %(*objectname)',
    );
    const [first, last] = [await git(fixture.dirs.history, 'rev-parse', 'HEAD~2'), await git(fixture.dirs.history, 'rev-parse', 'HEAD')];
    expect(tags.split('\n')).toEqual([`v1.0.0 tag 2025-03-02T10:00:00+00:00 ${first}`, `v2.0.0 tag 2026-01-03T10:00:00+00:00 ${last}`]);
  });

  it('is deterministic: the same spec gives the same hashes, another author another hash', async () => {
    const head = (name: keyof typeof fixture.dirs) => git(fixture.dirs[name], 'rev-parse', 'HEAD');
    expect(await head('again')).toBe(await head('history'));
    expect(await head('other-author')).not.toBe(await head('history'));
    // Pinned: object hashes depend only on content, so they are the same on every machine.
    expect(await git(fixture.dirs.history, 'rev-parse', 'HEAD~2')).toBe(FIRST_COMMIT_HASH);
  });

  it('creates a repository without commits from an empty history', async () => {
    expect(await git(fixture.dirs.empty, 'rev-parse', '--git-dir')).toBe('.git');
    await expect(git(fixture.dirs.empty, 'rev-parse', '--verify', '--quiet', 'HEAD')).rejects.toThrow();
  });

  it('ignores the git environment of the caller', async () => {
    const saved = process.env.GIT_DIR;
    // Inside the fixture, so that a regression writes nowhere else.
    process.env.GIT_DIR = join(fixture.root, 'elsewhere.git');
    try {
      const single = await makeRepo(files({ 'a.txt': 'a\n' }));
      delete process.env.GIT_DIR;
      expect(await git(single.dir, 'log', '--format=%an <%ae> %aI')).toBe(
        `${TEST_AUTHOR.name} <${TEST_AUTHOR.email}> 2026-01-15T10:00:00+00:00`,
      );
      await expect(lstat(join(fixture.root, 'elsewhere.git'))).rejects.toThrow(/ENOENT/);
      await single.remove();
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });

  it('refuses paths that would escape the repository and tags on missing commits', async () => {
    await expect(makeRepo(files({ '../outside.txt': 'x' }))).rejects.toThrow(/Invalid path/);
    await expect(makeRepo(files({ '.git/config': 'x' }))).rejects.toThrow(/Invalid path/);
    await expect(makeRepo({ ...files({ 'a.txt': 'a' }), tags: [{ name: 'v1', commit: 3, date: '2026-01-01T00:00:00Z' }] })).rejects.toThrow(
      /points at commit 3/,
    );
  });
});

describe('test repository helpers', () => {
  it('remove() deletes the temporary folder', async () => {
    const single = await makeRepo(files({ 'a.txt': 'a\n' }));
    expect((await lstat(single.dir)).isDirectory()).toBe(true);
    await single.remove();
    await expect(lstat(single.dir)).rejects.toThrow(/ENOENT/);
  });
});

/** `git rev-parse HEAD~2` of the `history` fixture: the hash plain `git commit` gives the same tree, author and date. */
const FIRST_COMMIT_HASH = '7a82ecb75bfceaa9838e09e398dfb2b122faed87';
