import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files as filesFact } from '../../collectors/facts/files.ts';
import { activity as activityFact } from '../../collectors/facts/activity.ts';
import { head as headFact } from '../../collectors/facts/head.ts';
import { releases as releasesFact } from '../../collectors/facts/releases.ts';
import { openRepo } from '../../collectors/repo/open.ts';
import { describeRefusal, type FileRefusal, type RepoReader } from '../../collectors/repo/reader.ts';
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
            'logo.png': Uint8Array.from([
              0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
            ]),
            'big.txt': 'x'.repeat(2048),
            'model.md': `version https://git-lfs.github.com/spec/v1\noid sha256:${'0a'.repeat(32)}\nsize 52428800\n`,
            'about-lfs.md': 'version https://git-lfs.github.com/spec/v1 is the spec a pointer names.\n',
            'escape-link': { symlink: '../../../../../../etc/passwd' },
            'inside-link': { symlink: 'README.md' },
            'folder-link': { symlink: 'src' },
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
    expect(app.files()).toEqual([
      '.gitignore',
      'README.md',
      'about-lfs.md',
      'big.txt',
      'escape-link',
      'folder-link',
      'git-config-link',
      'ignored-env-link',
      'inside-link',
      'latin1.txt',
      'logo.png',
      'model.md',
      'src/index.ts',
    ]);
    expect(app.has('untracked.txt')).toBe(false);
    expect(app.glob('**/*.ts')).toEqual(['src/index.ts']);
    expect(app.symlinks()).toEqual(['escape-link', 'folder-link', 'git-config-link', 'ignored-env-link', 'inside-link']);
  });

  it("names, in the files fact, each tracked symbolic link that leads outside the repository's tracked files", async () => {
    const problems: Array<{ file?: string; message: string }> = [];
    await filesFact.collect({ repo: app, settings: { contentGlobs: [] }, problem: (problem) => problems.push(problem) });
    // Out of the root, into .git/, or to a file git ignores: none is the repository's content. A
    // link to one of its folders is not a file to read, and nothing to warn about.
    expect(await app.inspect('folder-link')).toEqual({ ok: false, reason: 'not-a-file' });
    expect(problems).toEqual(
      ['escape-link', 'git-config-link', 'ignored-env-link'].map((file) => ({
        severity: 'warning',
        file,
        message: `${file} is a symbolic link to something outside the repository's tracked files; Cairn never follows it, so what it points at is not read.`,
      })),
    );
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
    ['Latin-1 text, decoded as Windows-1252', 'latin1.txt', undefined, 'caf\u00e9\n'],
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

  it('leaves out a tracked file deleted from the working tree when it reads the working tree, not otherwise', async () => {
    await rename(join(fixture.dirs.app, 'big.txt'), join(fixture.dirs.app, 'big.moved'));
    try {
      const worktree = await openRepo(fixture.dirs.app, { name: 'app', now: NOW, windowDays: 90, untracked: true });
      expect(worktree.files()).not.toContain('big.txt');
      expect(worktree.files()).toContain('big.moved');
      const tracked = await openRepo(fixture.dirs.app, { name: 'app', now: NOW, windowDays: 90 });
      expect(tracked.files()).toContain('big.txt');
      // What the repository holds, read from git as a clone would show it.
      expect(await tracked.size('big.txt')).toBe(2048);
      expect(await tracked.readText('big.txt', { maxBytes: 4096 })).toBe('x'.repeat(2048));
    } finally {
      await rename(join(fixture.dirs.app, 'big.moved'), join(fixture.dirs.app, 'big.txt'));
    }
  });

  it('reads the files a sparse checkout leaves out of the work tree from git, in a repository and in a working tree alike', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cairn-sparse-'));
    const sparse = join(root, 'sparse');
    git(root, 'clone', '-q', '--no-local', fixture.dirs.app, sparse);
    git(sparse, 'sparse-checkout', 'set', '--no-cone', '/src/');
    await expect(stat(join(sparse, 'README.md'))).rejects.toThrow();
    for (const untracked of [false, true]) {
      const reader = await openRepo(sparse, { name: 'sparse', now: NOW, windowDays: 90, untracked });
      expect(reader.files()).toContain('README.md');
      expect(await reader.readText('README.md')).toBe('# App\n');
      expect(await reader.readBytes('logo.png')).toHaveLength(20);
      expect(await reader.size('big.txt')).toBe(2048);
      // A symbolic link is never read from git: its object holds where it points, not a file.
      expect(await reader.read('inside-link')).toMatchObject({ ok: false });
    }
    // A partial clone lacks the objects of what it did not check out, and git would fetch them one by one: nothing is asked.
    git(fixture.dirs.app, 'config', 'uploadpack.allowFilter', 'true');
    const partial = join(root, 'partial');
    git(root, 'clone', '-q', '--no-local', '--filter=blob:none', '--no-checkout', `file://${fixture.dirs.app}`, partial);
    git(partial, 'sparse-checkout', 'set', '--no-cone', '/src/');
    git(partial, 'checkout', '-q');
    const lazy = await openRepo(partial, { name: 'partial', now: NOW, windowDays: 90 });
    expect(lazy.files()).toContain('README.md');
    expect(await lazy.read('README.md')).toEqual({ ok: false, reason: 'unreadable', detail: 'missing from the work tree' });
    expect(await lazy.readText('src/index.ts')).toBe('export const a = 1;\n');
    await rm(root, { recursive: true, force: true });
  });

  it('refuses a Git LFS pointer as the text of the file it stands for, and reads text that only mentions LFS', async () => {
    const pointer = await app.read('model.md');
    expect(pointer).toEqual({ ok: false, reason: 'lfs' });
    expect(describeRefusal('model.md', pointer as FileRefusal)).toBe(
      'model.md is stored in Git LFS: the repository holds only a pointer to it, and Cairn does not fetch LFS objects.',
    );
    expect(await app.readText('about-lfs.md')).toBe('version https://git-lfs.github.com/spec/v1 is the spec a pointer names.\n');
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

  it('starts the activity window at the start of a day, so every run that day reads the same window', async () => {
    const at = async (iso: string) =>
      (await (await openRepo(fixture.dirs.app, { name: 'app', now: new Date(iso), windowDays: 90 })).history()).since;
    expect(await at('2026-06-01T09:43:15.095Z')).toBe('2026-03-03T00:00:00.000Z');
    expect(await at('2026-06-01T23:59:59.000Z')).toBe('2026-03-03T00:00:00.000Z');
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
    await appendFile(
      join(fixture.dirs.stale, '.git', 'config'),
      `[core]\n\tfsmonitor = ${hook}\n\tpager = ${hook}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${hook}\n`,
    );
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
    const listing = await listDirectorySource(
      { type: 'directory', repos: '*', webUrl: 'https://git.example.com/acme/{name}' },
      fixture.root,
    );
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

  it('says why a folder is no work tree, and reads a symbolic link to a submodule’s work tree', async () => {
    // Apart from the fixture's folder, whose other listings must not meet these.
    const root = await mkdtemp(join(tmpdir(), 'cairn-odd-'));
    const odd = join(root, 'odd');
    await mkdir(odd);
    git(root, 'clone', '-q', '--bare', fixture.dirs.app, join(odd, 'bare.git'));
    await symlink(join(root, 'gone'), join(await mkdirIn(odd, 'dangling-dot-git'), '.git'));
    await writeFile(join(await mkdirIn(odd, 'orphan-worktree'), '.git'), 'gitdir: ../../deleted/.git/worktrees/orphan\n');
    // A superproject whose submodule's .git is a file with a relative gitdir, reached through a link.
    const superproject = join(root, 'superproject');
    await cp(fixture.dirs.app, superproject, { recursive: true });
    git(superproject, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', fixture.dirs.stale, 'vendor/stale');
    await symlink(join(superproject, 'vendor', 'stale'), join(odd, 'submodule-link'));
    const listing = await listDirectorySource({ type: 'directory', repos: 'odd/*' }, root);
    expect(listing.repos.map((repo) => repo.name)).toEqual(['submodule-link']);
    expect(listing.problems.map((problem) => problem.message)).toEqual([
      'odd/bare.git matches "odd/*" but is a bare repository, with no work tree to read: clone it, or list its URL in a git source; it was skipped.',
      'odd/dangling-dot-git matches "odd/*" but has a .git that is a symbolic link to nothing that exists; it was skipped.',
      `odd/orphan-worktree matches "odd/*" but has a .git file pointing at ../../deleted/.git/worktrees/orphan, which does not exist (the worktree's or submodule's repository moved or was deleted); it was skipped.`,
    ]);
    const submodule = await openRepo(join(odd, 'submodule-link'), { name: 'submodule-link', now: NOW, windowDays: 90 });
    expect(submodule.files()).toEqual(['a.go']);
    await rm(root, { recursive: true, force: true });
  });

  it.each(['nowhere/*', 'nowhere', '*/nothing-here-*'])('refuses a glob that matches no folder: %s', async (glob) => {
    await expect(listDirectorySource({ type: 'directory', repos: glob }, fixture.root)).rejects.toThrow(
      `No folder matches "${glob}" (relative to`,
    );
  });

  it('refuses a glob that matches folders but no work tree, naming them', async () => {
    const plainOnly = join(fixture.root, 'plain-only');
    await mkdir(join(plainOnly, 'notes'), { recursive: true });
    await mkdir(join(plainOnly, 'drafts'), { recursive: true });
    await expect(listDirectorySource({ type: 'directory', repos: 'plain-only/*' }, fixture.root, fixture.root)).rejects.toThrow(
      '"plain-only/*" (relative to the current folder) matches 2 folders but no git work tree (none has .git): plain-only/drafts, plain-only/notes.',
    );
  });

  it('names the config folder itself "." when the glob matches it and it is no work tree', async () => {
    const portal = join(fixture.root, 'portal-folder');
    await mkdir(portal, { recursive: true });
    const glob = `${fixture.root}/{portal-folder,app}`;
    const listing = await listDirectorySource({ type: 'directory', repos: glob }, portal);
    expect(listing.problems.map((problem) => problem.message)).toEqual([
      `. matches "${glob}" but is not a git work tree (no .git); it was skipped.`,
    ]);
  });

  it('names an absolute glob that matches no folder as it is', async () => {
    const glob = join(fixture.root, 'nowhere', '*');
    await expect(listDirectorySource({ type: 'directory', repos: glob }, fixture.root)).rejects.toThrow(
      `No folder matches "${glob}": expected git work trees there.`,
    );
  });

  it('finds work trees at any depth with **, never inside .git', async () => {
    const listing = await listDirectorySource({ type: 'directory', repos: '**/stale' }, fixture.root);
    expect(listing.repos.map((repo) => repo.name)).toEqual(['stale']);
  });
});

/** Runs git in `dir` with a fixed identity and date, for repositories the fixture writer cannot make. */
async function mkdirIn(parent: string, name: string): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir);
  return dir;
}

function git(dir: string, ...args: string[]): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: '2026-05-01T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-05-01T10:00:00Z',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: dir,
  };
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.symlinks=true', ...args],
    { cwd: dir, env, encoding: 'utf8' },
  );
}

/** Path of a loose object in `dir`. */
function objectPath(dir: string, hash: string): string {
  return join(dir, '.git', 'objects', hash.slice(0, 2), hash.slice(2));
}

describe('openRepo on hostile repositories', () => {
  let root: RepoFixture<'base'>;
  let dir: string;
  let hostile: RepoReader;
  const bigLine = 'x'.repeat(2 * 1024 * 1024);
  const descriptor = 'kind: Component\nmetadata:\n  name: caf\u00e9\n';

  beforeAll(async () => {
    root = await makeRepos({ base: { commits: [] } });
    dir = root.dirs.base;
    await writeFile(join(dir, 'README.md'), `# Big\n${bigLine}\n`);
    await writeFile(join(dir, 'utf16le-bom.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(descriptor, 'utf16le')]));
    await writeFile(join(dir, 'utf16be.yaml'), Buffer.from(descriptor, 'utf16le').swap16());
    await writeFile(join(dir, 'utf32.yaml'), Buffer.from([0xff, 0xfe, 0, 0, 0x6b, 0, 0, 0]));
    await writeFile(join(dir, 'latin1.md'), Buffer.from('R\u00e9sum\u00e9 na\u00efve\n', 'latin1'));
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('caf\xe9.txt', 'latin1')]), 'a name that is not UTF-8\n');
    await writeFile(join(dir, 'quoted "name"\twith tab.txt'), 'ok\n');
    await writeFile(join(dir, 'fifo'), 'a file now, a FIFO after the commit\n');
    await symlink('/etc/passwd', join(dir, 'LICENSE'));
    await symlink('missing-target', join(dir, 'dangling'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'hostile');
    await unlink(join(dir, 'fifo'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    hostile = await openRepo(dir, { name: 'hostile', now: NOW, windowDays: 90 });
  });

  afterAll(() => root.remove());

  it('leaves out a name that is not UTF-8, and gives it as git quotes it', () => {
    expect(hostile.unlisted()).toEqual(['"caf\\351.txt"']);
    expect(hostile.files()).not.toContain('caf\ufffd.txt');
    expect(hostile.files()).toContain('quoted "name"\twith tab.txt');
  });

  it.each([
    [
      'a file over the cap, with its size',
      'README.md',
      {},
      { ok: false, reason: 'too-large', size: 2 * 1024 * 1024 + 7, maxBytes: 1024 * 1024 },
    ],
    ['a symlink leaving the repository', 'LICENSE', {}, { ok: false, reason: 'symlink-outside' }],
    ['a symlink to nothing', 'dangling', {}, { ok: false, reason: 'unreadable', detail: 'a symlink to nothing' }],
    ['a FIFO where git tracks a file', 'fifo', {}, { ok: false, reason: 'not-a-file' }],
    ['UTF-32', 'utf32.yaml', {}, { ok: false, reason: 'encoding', encoding: 'UTF-32LE' }],
    ['an untracked path', 'nothing-here', {}, { ok: false, reason: 'not-tracked' }],
    [
      'UTF-16 LE with a byte order mark',
      'utf16le-bom.yaml',
      {},
      { ok: true, text: descriptor, encoding: 'utf-16le', size: 2 + descriptor.length * 2, truncated: false },
    ],
    [
      'UTF-16 BE without a byte order mark',
      'utf16be.yaml',
      {},
      { ok: true, text: descriptor, encoding: 'utf-16be', size: descriptor.length * 2, truncated: false },
    ],
    ['Latin-1', 'latin1.md', {}, { ok: true, text: 'R\u00e9sum\u00e9 na\u00efve\n', encoding: 'windows-1252', size: 13, truncated: false }],
    [
      'the first part of a file over the cap, when asked',
      'README.md',
      { maxBytes: 1000, truncate: true },
      { ok: true, text: `# Big\n${'x'.repeat(994)}`, encoding: 'utf-8', size: 2 * 1024 * 1024 + 7, truncated: true },
    ],
  ])('read: %s', async (_, path, options, expected) => {
    expect(await hostile.read(path, options)).toEqual(expected);
  });

  it('inspects without reading: the symlinked LICENSE is refused, a file is sized', async () => {
    expect(await hostile.inspect('LICENSE')).toEqual({ ok: false, reason: 'symlink-outside' });
    expect(await hostile.inspect('latin1.md')).toEqual({ ok: true, size: 13 });
    expect(await hostile.readText('fifo')).toBeUndefined();
  });
});

describe('history of a damaged clone', () => {
  let fixture: RepoFixture<'damaged' | 'headless'>;
  const commits: Record<'damaged' | 'headless', string[]> = { damaged: [], headless: [] };

  beforeAll(async () => {
    fixture = await makeRepos({ damaged: { commits: [] }, headless: { commits: [] } });
    for (const name of ['damaged', 'headless'] as const) {
      const dir = fixture.dirs[name];
      for (const step of ['one', 'two', 'three']) {
        await writeFile(join(dir, 'file.txt'), `${step}\n`);
        git(dir, 'add', 'file.txt');
        git(dir, 'commit', '-q', '-m', step);
        commits[name].push(git(dir, 'rev-parse', 'HEAD').trim());
      }
    }
    // A parent's object is gone (a damaged copy, or a shallow clone that lost its shallow file): `git log` fails at once.
    await rm(objectPath(fixture.dirs.damaged, commits.damaged[1]!));
    await rm(objectPath(fixture.dirs.headless, commits.headless[2]!));
  });

  afterAll(() => fixture.remove());

  it('keeps HEAD when a parent commit is missing, and says what git could not read', async () => {
    const reader = await openRepo(fixture.dirs.damaged, { name: 'damaged', now: NOW, windowDays: 90 });
    const history = await reader.history();
    expect(history.head).toMatchObject({ hash: commits.damaged[2], date: '2026-05-01T10:00:00Z'.replace('Z', '+00:00') });
    expect(history.recent.map((commit) => commit.hash)).toEqual([commits.damaged[2]]);
    expect(history.error).toContain(`Could not read ${commits.damaged[1]}`);
  });

  it('says a shallow clone is one, and the head fact warns that its history is cut short', async () => {
    const shallow = join(fixture.root, 'shallow');
    git(fixture.root, 'clone', '-q', '--depth', '1', `file://${fixture.dirs.damaged}`, shallow);
    const reader = await openRepo(shallow, { name: 'shallow', now: NOW, windowDays: 90 });
    expect((await reader.history()).shallow).toEqual({ commits: 1 });
    const problems: Array<{ message: string }> = [];
    await headFact.collect({ repo: reader, settings: { contentGlobs: [] }, problem: (problem) => problems.push(problem) });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^This is a shallow clone with only its newest commit: activity and release tags older than it are not seen, .*fetch-depth: 0\)\.$/,
        ),
      }),
    ]);
    const full = await openRepo(fixture.dirs.damaged, { name: 'damaged', now: NOW, windowDays: 90 });
    expect((await full.history()).shallow).toBeUndefined();
  });

  it('calls a repository whose HEAD git cannot read unreadable, not new: its history facts are unknown, not empty', async () => {
    // gin with `garbage` in .git/HEAD was judged a repository without commits, its checks failing on it.
    const garbled = join(fixture.root, 'garbled');
    await cp(fixture.dirs.damaged, garbled, { recursive: true });
    await writeFile(join(garbled, '.git', 'HEAD'), 'garbage\n');
    const reader = await openRepo(garbled, { name: 'garbled', now: NOW, windowDays: 90 });
    const history = await reader.history();
    expect(history.head).toBeUndefined();
    expect(history.error).toMatch(/not a git repository/);
    expect(history.shallow).toBeUndefined();
    const context = { repo: reader, settings: { contentGlobs: [] }, problem: () => {} };
    await expect(activityFact.collect(context)).rejects.toThrow(/git could not read the repository's history: .*not a git repository/);
    await expect(releasesFact.collect(context)).rejects.toThrow(/git could not read/);
  });

  it('reports the error when HEAD itself cannot be read', async () => {
    const reader = await openRepo(fixture.dirs.headless, { name: 'headless', now: NOW, windowDays: 90 });
    const history = await reader.history();
    expect(history.head).toBeUndefined();
    expect(history.error).toMatch(/bad object|could not read|unable to read/i);
  });
});
