import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeadFromRefs, readSymbolicRefFromFiles, tagsFingerprint } from '../../collectors/repo/head-ref.ts';
import { openRepo } from '../../collectors/repo/open.ts';
import { files, makeRepos, TEST_AUTHOR, type RepoFixture } from '../helpers/repos.ts';

/** Reading HEAD from git's files gives what `git rev-parse HEAD` gives, or leaves the answer to git. */
const two = {
  commits: [
    ...files({ 'a.txt': 'a\n' }).commits,
    { date: '2026-01-16T10:00:00Z', author: TEST_AUTHOR, message: 'Second', files: { 'b.txt': 'b\n' } },
  ],
};

let fixture: RepoFixture<'loose' | 'packed' | 'detached' | 'worktree' | 'symlinked' | 'unborn'>;
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'commit.gpgsign=false', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: '2026-01-17T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-17T10:00:00Z',
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
const revParse = (dir: string) => git(dir, 'rev-parse', 'HEAD');

beforeAll(async () => {
  fixture = await makeRepos({ loose: two, packed: two, detached: two, worktree: two, symlinked: two, unborn: two });
  git(fixture.dirs.packed, 'pack-refs', '--all');
  git(fixture.dirs.detached, 'checkout', '-q', '--detach', 'HEAD~1');
  git(fixture.dirs.worktree, 'worktree', 'add', '-q', '-b', 'feature', join(fixture.root, 'linked'), 'HEAD~1');
  // HEAD as a symlink, as very old git wrote it: never followed by the reader.
  await rm(join(fixture.dirs.symlinked, '.git', 'HEAD'));
  await symlink('refs/heads/main', join(fixture.dirs.symlinked, '.git', 'HEAD'));
  await writeFile(join(fixture.dirs.unborn, '.git', 'HEAD'), 'ref: refs/heads/never-committed\n');
}, 60_000);

afterAll(() => fixture.remove());

describe('the head commit from git files', () => {
  it.each(['loose', 'packed', 'detached'] as const)('matches git rev-parse for a %s HEAD', async (name) => {
    expect(readHeadFromRefs(fixture.dirs[name])).toBe(revParse(fixture.dirs[name]));
  });

  it('follows a linked worktree to its own HEAD and the shared refs', async () => {
    const linked = join(fixture.root, 'linked');
    const head = readHeadFromRefs(linked);
    expect(head).toBe(revParse(linked));
    expect(head).not.toBe(revParse(fixture.dirs.worktree));
  });

  it.each([
    ['a symlinked HEAD', 'symlinked'],
    ['an unborn branch', 'unborn'],
  ] as const)('leaves %s to git', async (_label, name) => {
    expect(readHeadFromRefs(fixture.dirs[name])).toBeUndefined();
  });

  it('leaves a folder that is no repository, and a reftable store, to git', async () => {
    const plain = join(fixture.root, 'plain');
    await mkdir(join(plain, '.git', 'reftable'), { recursive: true });
    await writeFile(join(plain, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect(readHeadFromRefs(plain)).toBeUndefined();
    expect(readHeadFromRefs(join(fixture.root, 'missing'))).toBeUndefined();
  });
});

describe('the tags fingerprint from git files', () => {
  it('changes with every change of a tag, and only then: added, annotated, nested, moved, packed, deleted', async () => {
    const clone = join(fixture.root, 'tagged');
    git(fixture.root, 'clone', '-q', fixture.dirs.loose, clone);
    const seen = [tagsFingerprint(clone)];
    const after = (...args: string[]) => {
      git(clone, ...args);
      const fingerprint = tagsFingerprint(clone);
      expect(seen).not.toContain(fingerprint);
      seen.push(fingerprint);
    };
    expect(tagsFingerprint(clone)).toBe(seen[0]);
    after('tag', 'v1.0.0', 'HEAD~1');
    after('tag', '-a', '-m', 'Release', 'release/v2.0.0');
    after('tag', '-f', 'release/v2.0.0', 'HEAD~1');
    after('pack-refs', '--all');
    after('tag', '-f', 'v1.0.0', 'HEAD');
    after('tag', '-d', 'v1.0.0');
    after('tag', '-d', 'release/v2.0.0');
    // A branch is no tag.
    git(clone, 'branch', 'topic');
    expect(tagsFingerprint(clone)).toBe(seen.at(-1));
    expect(seen.every((fingerprint) => typeof fingerprint === 'string')).toBe(true);
  });

  it('leaves a symlinked tags folder or packed-refs, and a reftable store, to git', async () => {
    const odd = join(fixture.root, 'odd-tags');
    git(fixture.root, 'clone', '-q', fixture.dirs.loose, odd);
    expect(tagsFingerprint(odd)).toBeTypeOf('string');
    await rm(join(odd, '.git', 'packed-refs'), { force: true });
    await symlink('/etc/hostname', join(odd, '.git', 'packed-refs'));
    expect(tagsFingerprint(odd)).toBeUndefined();
    await rm(join(odd, '.git', 'packed-refs'));
    await rm(join(odd, '.git', 'refs', 'tags'), { recursive: true });
    await symlink('../heads', join(odd, '.git', 'refs', 'tags'));
    expect(tagsFingerprint(odd)).toBeUndefined();
    await rm(join(odd, '.git', 'refs', 'tags'));
    expect(tagsFingerprint(odd)).toBeTypeOf('string');
    await mkdir(join(odd, '.git', 'reftable'));
    expect(tagsFingerprint(odd)).toBeUndefined();
  });
});

describe('origin/HEAD from git files', () => {
  const ORIGIN_HEAD = 'refs/remotes/origin/HEAD';
  /** What `git symbolic-ref --quiet` says, or null when it says there is no such symbolic ref. */
  const symbolicRef = (dir: string) => {
    try {
      return git(dir, 'symbolic-ref', '--quiet', ORIGIN_HEAD);
    } catch {
      return null;
    }
  };

  it('reads the branch a clone’s origin/HEAD names, as git symbolic-ref does, in the clone and its linked worktrees', async () => {
    const clone = join(fixture.root, 'clone');
    git(fixture.root, 'clone', '-q', fixture.dirs.packed, clone);
    git(clone, 'worktree', 'add', '-q', '-b', 'other', join(fixture.root, 'clone-linked'));
    for (const dir of [clone, join(fixture.root, 'clone-linked')]) {
      expect(readSymbolicRefFromFiles(dir, ORIGIN_HEAD)).toBe('refs/remotes/origin/main');
      expect(readSymbolicRefFromFiles(dir, ORIGIN_HEAD)).toBe(symbolicRef(dir));
    }
    // Packing refs never packs a symbolic one.
    git(clone, 'pack-refs', '--all');
    expect(readSymbolicRefFromFiles(clone, ORIGIN_HEAD)).toBe(symbolicRef(clone));
  });

  it('says there is none where git says so: no remote, or origin/HEAD as a plain ref', async () => {
    expect(readSymbolicRefFromFiles(fixture.dirs.loose, ORIGIN_HEAD)).toBeNull();
    expect(symbolicRef(fixture.dirs.loose)).toBeNull();
    const plainRef = join(fixture.root, 'plain-ref');
    git(fixture.root, 'clone', '-q', fixture.dirs.loose, plainRef);
    git(plainRef, 'update-ref', '--no-deref', ORIGIN_HEAD, 'HEAD');
    expect(readSymbolicRefFromFiles(plainRef, ORIGIN_HEAD)).toBeNull();
    expect(symbolicRef(plainRef)).toBeNull();
  });

  it('leaves a symlinked ref, an unknown file and a reftable store to git', async () => {
    const odd = join(fixture.root, 'odd-origin');
    git(fixture.root, 'clone', '-q', fixture.dirs.loose, odd);
    const file = join(odd, '.git', ORIGIN_HEAD);
    await writeFile(file, 'not a ref\n');
    expect(readSymbolicRefFromFiles(odd, ORIGIN_HEAD)).toBeUndefined();
    await rm(file);
    await symlink('main', file);
    expect(readSymbolicRefFromFiles(odd, ORIGIN_HEAD)).toBeUndefined();
    const reftable = join(fixture.root, 'reftable-store');
    await mkdir(join(reftable, '.git', 'reftable'), { recursive: true });
    expect(readSymbolicRefFromFiles(reftable, ORIGIN_HEAD)).toBeUndefined();
  });
});

describe('the default branch a repository reader reports', () => {
  const defaultBranch = async (dir: string) =>
    (await (await openRepo(dir, { name: 'repo', now: new Date('2026-02-01T00:00:00Z'), windowDays: 90 })).history()).defaultBranch;

  it('is the branch origin/HEAD names, from its file or, where the file cannot tell, from git', async () => {
    const clone = join(fixture.root, 'reader-clone');
    git(fixture.root, 'clone', '-q', fixture.dirs.loose, clone);
    expect(await defaultBranch(clone)).toBe('main');
    // An old-style symbolic ref, a symlink: the file reader leaves it to git, which still follows it.
    const legacy = join(fixture.root, 'reader-legacy');
    git(fixture.root, 'clone', '-q', fixture.dirs.loose, legacy);
    const originHead = join(legacy, '.git', 'refs', 'remotes', 'origin', 'HEAD');
    await rm(originHead);
    await symlink('refs/remotes/origin/main', originHead);
    expect(readSymbolicRefFromFiles(legacy, 'refs/remotes/origin/HEAD')).toBeUndefined();
    expect(await defaultBranch(legacy)).toBe('main');
  });

  it('is unknown without a remote', async () => {
    expect(await defaultBranch(fixture.dirs.loose)).toBeUndefined();
  });
});
