import { appendFile, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepo } from '../../collectors/repo/open.ts';
import type { RepoReader } from '../../collectors/repo/reader.ts';
import { listDirectorySource } from '../../collectors/sources/directory.ts';
import { makeRepos, TEST_AUTHOR, type RepoFixture } from '../helpers/repos.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const bob = { name: 'Bob', email: 'Bob@Example.com' };

let fixture: RepoFixture<'app' | 'stale' | 'empty-history'>;
let app: RepoReader;

beforeAll(async () => {
  fixture = await makeRepos({
    app: {
      branch: 'trunk',
      tags: [{ name: 'v1.0.0', commit: 1, date: '2026-05-02T09:00:00Z' }],
      commits: [
        { date: '2025-01-10T09:00:00Z', author: TEST_AUTHOR, message: 'old', files: { 'README.md': '# App\n' } },
        { date: '2026-05-01T09:00:00Z', author: bob, message: 'recent', files: { 'src/index.ts': 'export const a = 1;\n' } },
        {
          date: '2026-05-20T09:00:00+02:00',
          author: TEST_AUTHOR,
          message: 'latest',
          files: {
            'latin1.txt': Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
            'logo.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
            'big.txt': 'x'.repeat(2048),
            'escape-link': { symlink: '../../../../../../etc/passwd' },
            'inside-link': { symlink: 'README.md' },
            'git-config-link': { symlink: '.git/config' },
            'ignored-env-link': { symlink: '.env' },
            '.gitignore': '.env\n',
          },
        },
      ],
    },
    stale: { commits: [{ date: '2024-01-01T00:00:00Z', author: TEST_AUTHOR, message: 'once', files: { 'a.go': 'package a\n' } }] },
    'empty-history': { commits: [] },
  });
  // Work-tree changes git does not track must stay invisible.
  await writeFile(join(fixture.dirs.app, 'untracked.txt'), 'secret');
  await writeFile(join(fixture.dirs.app, '.env'), 'AWS_SECRET_ACCESS_KEY=supersecret');
  app = await openRepo(fixture.dirs.app, { name: 'app', now: NOW, windowDays: 90 });
});

afterAll(() => fixture.remove());

describe('openRepo', () => {
  it('lists tracked files only, sorted', () => {
    expect(app.files()).toEqual(['.gitignore', 'README.md', 'big.txt', 'escape-link', 'git-config-link', 'ignored-env-link', 'inside-link', 'latin1.txt', 'logo.png', 'src/index.ts']);
    expect(app.has('untracked.txt')).toBe(false);
    expect(app.glob('**/*.ts')).toEqual(['src/index.ts']);
  });

  it.each([
    ['a tracked text file', 'README.md', undefined, '# App\n'],
    ['an untracked file', 'untracked.txt', undefined, undefined],
    ['a path outside the repository', '../stale/a.go', undefined, undefined],
    ['a symlink leaving the repository', 'escape-link', undefined, undefined],
    ['a symlink inside the repository', 'inside-link', undefined, '# App\n'],
    ['a symlink to .git/config', 'git-config-link', undefined, undefined],
    ['a symlink to an ignored, untracked file', 'ignored-env-link', undefined, undefined],
    ['a binary file', 'logo.png', undefined, undefined],
    ['a file over the size cap', 'big.txt', 1024, undefined],
    ['a file under a raised cap', 'big.txt', 4096, 'x'.repeat(2048)],
    ['non-UTF-8 text, replaced not rejected', 'latin1.txt', undefined, 'caf\uFFFD\n'],
  ])('readText: %s', async (_name, path, maxBytes, expected) => {
    expect(await app.readText(path, maxBytes ? { maxBytes } : {})).toBe(expected);
  });

  it('lists untracked, not ignored files too when asked (a working tree under `cairn check`)', async () => {
    await mkdir(join(fixture.dirs.app, '.git', 'info'), { recursive: true });
    await writeFile(join(fixture.dirs.app, '.git', 'info', 'exclude'), 'ignored.log\n');
    await writeFile(join(fixture.dirs.app, 'ignored.log'), 'noise');
    const worktree = await openRepo(fixture.dirs.app, { name: 'app', now: NOW, windowDays: 90, untracked: true });
    expect(worktree.files()).toContain('untracked.txt');
    expect(worktree.files()).not.toContain('ignored.log');
    expect(await worktree.readText('untracked.txt')).toBe('secret');
  });

  it('sizes only confined files', async () => {
    expect(await app.size('big.txt')).toBe(2048);
    expect(await app.size('escape-link')).toBeUndefined();
  });

  it('reads head, branch and the activity window in one pass', async () => {
    const history = await app.history();
    expect(history.branch).toBe('trunk');
    expect(history.head).toMatchObject({ date: '2026-05-20T09:00:00+02:00', authorEmail: TEST_AUTHOR.email });
    expect(history.recent.map((commit) => commit.authorName)).toEqual([TEST_AUTHOR.name, 'Bob']);
    expect(history.since).toBe('2026-03-03T00:00:00.000Z');
    expect(history.tags).toEqual([{ name: 'v1.0.0', commit: expect.stringMatching(/^[0-9a-f]{40}$/), date: '2026-05-01T09:00:00+00:00' }]);
  });

  it('reads HEAD of a repository with no commit in the window', async () => {
    const stale = await openRepo(fixture.dirs.stale, { name: 'stale', now: NOW, windowDays: 90 });
    const history = await stale.history();
    expect(history.recent).toEqual([]);
    expect(history.head?.date).toBe('2024-01-01T00:00:00+00:00');
    expect(history.branch).toBe('main');
  });

  it('handles a repository without commits', async () => {
    const empty = await openRepo(fixture.dirs['empty-history'], { name: 'empty', now: NOW, windowDays: 90 });
    expect(empty.files()).toEqual([]);
    expect(await empty.history()).toEqual({ recent: [], since: '2026-03-03T00:00:00.000Z', tags: [] });
  });

  it("never runs what the repository's own git config asks for", async () => {
    const marker = join(fixture.root, 'fsmonitor-ran');
    const hook = join(fixture.root, 'hook.sh');
    await writeFile(hook, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    await appendFile(join(fixture.dirs.stale, '.git', 'config'), `[core]\n\tfsmonitor = ${hook}\n\tpager = ${hook}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${hook}\n`);
    const stale = await openRepo(fixture.dirs.stale, { name: 'stale', now: NOW, windowDays: 90 });
    await stale.history();
    await expect(stat(marker)).rejects.toThrow();
  });

  it('rejects a folder that is not a git work tree', async () => {
    const plain = join(fixture.root, 'plain');
    await mkdir(plain);
    await expect(openRepo(plain, { name: 'plain', now: NOW, windowDays: 90 })).rejects.toThrow();
  });
});

describe('listDirectorySource', () => {
  it('lists git work trees and reports other matches', async () => {
    await mkdir(join(fixture.root, 'not-a-repo'), { recursive: true });
    const listing = await listDirectorySource({ type: 'directory', repos: '*', webUrl: 'https://git.example.com/acme/{name}' }, fixture.root);
    expect(listing.repos.map((repo) => repo.name)).toEqual(['app', 'empty-history', 'stale']);
    expect(listing.repos[0]).toMatchObject({ dir: fixture.dirs.app, source: 'directory', webUrl: 'https://git.example.com/acme/app' });
    expect(listing.problems.map((problem) => problem.repo).sort()).toEqual(['not-a-repo', 'plain']);
    expect(listing.problems[0]!.message).toMatch(/not a git work tree/);
    expect(await readFile(join(fixture.dirs.app, 'README.md'), 'utf8')).toBe('# App\n');
  });

  it('scans a symbolic link to a work tree under its own name, and reports a link that leads nowhere', async () => {
    const links = join(fixture.root, 'links');
    await mkdir(links);
    await symlink(fixture.dirs.app, join(links, 'app-link'));
    await symlink(join(fixture.root, 'gone'), join(links, 'dangling'));
    await symlink(join(fixture.dirs.app, 'README.md'), join(links, 'readme-link'));
    const listing = await listDirectorySource({ type: 'directory', repos: 'links/*' }, fixture.root);
    expect(listing.repos.map((repo) => [repo.name, repo.dir])).toEqual([['app-link', join(links, 'app-link')]]);
    expect(listing.problems.map((problem) => problem.message)).toEqual([
      'links/dangling matches "links/*" but is a symbolic link to nothing that exists; it was skipped.',
      'links/readme-link matches "links/*" but is a symbolic link to a file; it was skipped.',
    ]);
  });

  it.each(['nowhere/*', 'nowhere', '*/nothing-here-*'])('refuses a glob that matches no folder: %s', async (glob) => {
    await expect(listDirectorySource({ type: 'directory', repos: glob }, fixture.root)).rejects.toThrow(`No folder matches "${glob}" (relative to`);
  });

  it('names an absolute glob that matches no folder as it is', async () => {
    const glob = join(fixture.root, 'nowhere', '*');
    await expect(listDirectorySource({ type: 'directory', repos: glob }, fixture.root)).rejects.toThrow(`No folder matches "${glob}": expected git work trees there.`);
  });

  it('finds work trees at any depth with **, never inside .git', async () => {
    const listing = await listDirectorySource({ type: 'directory', repos: '**/stale' }, fixture.root);
    expect(listing.repos.map((repo) => repo.name)).toEqual(['stale']);
  });
});
