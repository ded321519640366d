import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSafeGit } from '../../collectors/support/safe-git.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

let fixture: RepoFixture<'repo'>;
let dir: string;
const savedEnvironment = { ...process.env };

beforeAll(async () => {
  fixture = await makeRepos({ repo: files({ 'README.md': '# Repo\n' }) });
  dir = fixture.dirs.repo;
});

afterAll(() => fixture?.remove());

afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in savedEnvironment)) delete process.env[name];
  Object.assign(process.env, savedEnvironment);
});

describe('runSafeGit', () => {
  it("resolves with git's output, and with what it printed when it fails silently", async () => {
    expect(await runSafeGit(dir, ['ls-files'])).toBe('README.md\n');
    expect(await runSafeGit(dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/no-such-branch'])).toBe('');
  });

  it("rejects with git's message when git fails saying why, and names a folder that is not there", async () => {
    await expect(runSafeGit(dir, ['rev-parse', '--verify', 'no-such-ref'])).rejects.toThrow(/Needed a single revision/);
    await expect(runSafeGit(join(dir, 'gone'), ['status'])).rejects.toThrow(`no such folder: ${join(dir, 'gone')}`);
  });

  it("never runs the repository's own git, even when the user's PATH has a relative entry", async () => {
    const marker = join(dir, '..', 'fake-git-ran');
    await writeFile(join(dir, 'git'), `#!/bin/sh\necho ran > '${marker}'\necho fake\n`);
    await chmod(join(dir, 'git'), 0o755);
    process.env.PATH = `:.:${process.env.PATH}`;
    expect(await runSafeGit(dir, ['rev-parse', '--is-inside-work-tree'])).toBe('true\n');
    await expect(readFile(marker)).rejects.toThrow(/ENOENT/);
  });

  it("gives git none of the caller's git settings", async () => {
    process.env.GIT_DIR = '/nonexistent';
    process.env.GIT_CONFIG_PARAMETERS = "'cairn.leaked'='yes'";
    expect(await runSafeGit(dir, ['rev-parse', '--is-inside-work-tree'])).toBe('true\n');
    await expect(runSafeGit(dir, ['config', 'cairn.leaked']))
      .rejects.toBeDefined()
      .catch(() => undefined);
    expect(await runSafeGit(dir, ['config', '--default', 'absent', 'cairn.leaked'])).toBe('absent\n');
  });
});
