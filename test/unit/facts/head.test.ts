import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head } from '../../../collectors/facts/head.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { openRepo } from '../../../collectors/repo/open.ts';
import { syncClones } from '../../../collectors/sources/git.ts';
import { files, makeRepos, type RepoFixture } from '../../helpers/repos.ts';

const run = promisify(execFile);
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = async (cwd: string, ...args: string[]) =>
  (
    await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      env: GIT_ENV,
    })
  ).stdout.trim();

async function headOf(dir: string, problems: Problem[] = []) {
  const repo = await openRepo(dir, { name: 'repo', now: new Date('2026-02-01T00:00:00Z'), windowDays: 90 });
  return head.collect({ repo, settings: { contentGlobs: [] }, problem: (problem) => problems.push({ ...problem, repo: 'repo' }) });
}

let fixture: RepoFixture<'upstream'>;
let scratch: string;

beforeAll(async () => {
  fixture = await makeRepos({ upstream: files({ 'README.md': '# Upstream\n' }) });
  scratch = await mkdtemp(join(tmpdir(), 'cairn-head-'));
  await git(scratch, 'clone', '--quiet', '--bare', fixture.dirs.upstream, 'remote.git');
});

afterAll(async () => {
  await fixture?.remove();
  await rm(scratch, { recursive: true, force: true });
});

describe('the default branch', () => {
  it('is unknown in a repository without a remote', async () => {
    const found = await headOf(fixture.dirs.upstream);
    expect(found).toMatchObject({ branch: 'main' });
    expect(found).not.toHaveProperty('defaultBranch');
  });

  it("comes from a clone's origin/HEAD, also when another branch is checked out", async () => {
    const clone = join(scratch, 'clone');
    await git(scratch, 'clone', '--quiet', join(scratch, 'remote.git'), clone);
    expect(await headOf(clone)).toMatchObject({ branch: 'main', defaultBranch: 'main' });
    await git(clone, 'checkout', '--quiet', '-b', 'feature');
    expect(await headOf(clone)).toMatchObject({ branch: 'feature', defaultBranch: 'main' });
  });

  it("follows the remote's HEAD when the git source fetches again", async () => {
    const clones = join(scratch, 'clones');
    const remote = { name: 'svc', url: `file://${join(scratch, 'remote.git')}` };
    await syncClones([remote], clones, 'git', { stallSeconds: 120 });
    expect(await headOf(join(clones, 'svc'))).toMatchObject({ defaultBranch: 'main' });
    // The remote's owners make `trunk` the default branch.
    await git(join(scratch, 'remote.git'), 'branch', 'trunk', 'main');
    await git(join(scratch, 'remote.git'), 'symbolic-ref', 'HEAD', 'refs/heads/trunk');
    const listing = await syncClones([remote], clones, 'git', { stallSeconds: 120 });
    expect(listing.problems).toEqual([]);
    // And the clone checks it out: the portal shows the default branch, as the remote's page does.
    expect(await headOf(join(clones, 'svc'))).toMatchObject({ branch: 'trunk', defaultBranch: 'trunk' });
  });
});

describe('a damaged history', () => {
  it('keeps the head commit and reports what git could not read', async () => {
    const dir = join(scratch, 'damaged');
    await git(scratch, 'init', '--quiet', '--initial-branch=main', 'damaged');
    const hashes: string[] = [];
    for (const step of ['one', 'two']) {
      await writeFile(join(dir, 'file.txt'), `${step}\n`);
      await git(dir, 'add', 'file.txt');
      await git(dir, 'commit', '--quiet', '-m', step);
      hashes.push(await git(dir, 'rev-parse', 'HEAD'));
    }
    // The parent's object is gone, as in a copied shallow clone without its shallow file.
    await rm(join(dir, '.git', 'objects', hashes[0]!.slice(0, 2), hashes[0]!.slice(2)));
    const problems: Problem[] = [];
    expect(await headOf(dir, problems)).toMatchObject({ commit: hashes[1], branch: 'main' });
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'repo',
        message: expect.stringMatching(
          new RegExp(`^Git could not read this repository's history .*Could not read ${hashes[0]}.*Only the head commit was read`),
        ),
      },
    ]);
  });

  it('is no problem in a repository without commits', async () => {
    await git(scratch, 'init', '--quiet', 'empty');
    const problems: Problem[] = [];
    expect(await headOf(join(scratch, 'empty'), problems)).toBeNull();
    expect(problems).toEqual([]);
  });
});
