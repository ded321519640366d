import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IN_PROCESS_FOLDERS } from '../../collectors/repo/git-pool.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

/** The process ids of this process's children that are git runners. */
function runnerPids(): string[] {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('git-runner')).map((line) => line.trim().split(/\s+/)[0]!);
}

/** Runners started since the test began: other test files of this worker may have left their pool's runners. */
let earlierRunners: Set<string>;
const runnerChildren = () => runnerPids().filter((pid) => !earlierRunners.has(pid));

const names = Array.from({ length: IN_PROCESS_FOLDERS + 1 }, (_, index) => `repo-${index}`);
let fixture: RepoFixture;
let runGit: (typeof import('../../collectors/repo/git-pool.ts'))['runGit'];

beforeAll(async () => {
  // A pool of its own: test files share modules, and others may have used this process's folders already.
  vi.resetModules();
  ({ runGit } = await import('../../collectors/repo/git-pool.ts'));
  earlierRunners = new Set(runnerPids());
  fixture = await makeRepos(Object.fromEntries(names.map((name) => [name, files({ [`${name}.txt`]: `${name}\n` })])));
});

afterAll(() => fixture?.remove());

describe('runGit', () => {
  it('runs git in this process for the first folders, and in a runner process from the next one on', async () => {
    const inProcess = names.slice(0, IN_PROCESS_FOLDERS);
    for (const name of inProcess) expect(await runGit(fixture.dirs[name]!, ['ls-files'])).toBe(`${name}.txt\n`);
    // A folder asked again stays in this process.
    expect(await runGit(fixture.dirs[inProcess[0]!]!, ['ls-files'])).toBe(`${inProcess[0]}.txt\n`);
    expect(runnerChildren()).toEqual([]);

    const last = names.at(-1)!;
    expect(await runGit(fixture.dirs[last]!, ['ls-files'])).toBe(`${last}.txt\n`);
    expect(runnerChildren()).not.toEqual([]);
  });

  it("rejects with git's message alike, in this process and in a runner", async () => {
    const failing = ['rev-parse', '--verify', 'no-such-ref'];
    const here = await runGit(fixture.dirs[names[0]!]!, failing).catch((error: Error) => error);
    const inRunner = await runGit(fixture.dirs[names.at(-1)!]!, failing).catch((error: Error) => error);
    expect(here).toBeInstanceOf(Error);
    expect(inRunner).toBeInstanceOf(Error);
    expect((here as Error).message).toMatch(/Needed a single revision/);
    expect((inRunner as Error).message).toBe((here as Error).message);
  });

  it('passes extra configuration to git in this process', async () => {
    expect(await runGit(fixture.dirs[names[0]!]!, ['config', 'cairn.test'], { config: ['cairn.test=yes'] })).toBe('yes\n');
  });
});
