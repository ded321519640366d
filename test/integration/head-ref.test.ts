import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeadFromRefs } from '../../collectors/repo/head-ref.ts';
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
    expect(await readHeadFromRefs(fixture.dirs[name])).toBe(revParse(fixture.dirs[name]));
  });

  it('follows a linked worktree to its own HEAD and the shared refs', async () => {
    const linked = join(fixture.root, 'linked');
    const head = await readHeadFromRefs(linked);
    expect(head).toBe(revParse(linked));
    expect(head).not.toBe(revParse(fixture.dirs.worktree));
  });

  it.each([
    ['a symlinked HEAD', 'symlinked'],
    ['an unborn branch', 'unborn'],
  ] as const)('leaves %s to git', async (_label, name) => {
    expect(await readHeadFromRefs(fixture.dirs[name])).toBeUndefined();
  });

  it('leaves a folder that is no repository, and a reftable store, to git', async () => {
    const plain = join(fixture.root, 'plain');
    await mkdir(join(plain, '.git', 'reftable'), { recursive: true });
    await writeFile(join(plain, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect(await readHeadFromRefs(plain)).toBeUndefined();
    expect(await readHeadFromRefs(join(fixture.root, 'missing'))).toBeUndefined();
  });
});
