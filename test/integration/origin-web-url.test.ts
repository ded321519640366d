import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRepo, type CollectRepoOptions } from '../../collectors/collect.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const git = promisify(execFile);
const options: CollectRepoOptions = { now: new Date('2026-11-01T12:00:00Z'), windowDays: 90, settings: { contentGlobs: [] } };

let fixture: RepoFixture<'ledger' | 'internal' | 'plain'>;

beforeAll(async () => {
  const tree = files({ 'README.md': '# Ledger\n' }, { date: '2026-10-20T10:00:00Z' });
  fixture = await makeRepos({ ledger: tree, internal: tree, plain: tree });
  await git('git', ['-C', fixture.dirs.ledger, 'remote', 'add', 'origin', 'git@github.com:acme/ledger.git']);
  await git('git', ['-C', fixture.dirs.internal, 'remote', 'add', 'origin', 'https://git.acme.dev/acme/internal.git']);
});

afterAll(async () => {
  await fixture?.remove();
});

describe('a directory source without webUrl', () => {
  it("links to the repository's page on a public forge, from its origin remote", async () => {
    const ledger = await collectRepo({ name: 'ledger', dir: fixture.dirs.ledger, source: 'directory' }, options);
    expect(ledger.webUrl).toBe('https://github.com/acme/ledger');
  });

  it('links nowhere for a self-hosted remote or none, and the configured webUrl wins', async () => {
    expect((await collectRepo({ name: 'internal', dir: fixture.dirs.internal, source: 'directory' }, options)).webUrl).toBeUndefined();
    expect((await collectRepo({ name: 'plain', dir: fixture.dirs.plain, source: 'directory' }, options)).webUrl).toBeUndefined();
    const configured = { name: 'ledger', dir: fixture.dirs.ledger, source: 'directory', webUrl: 'https://git.acme.dev/acme/ledger' };
    expect((await collectRepo(configured, options)).webUrl).toBe('https://git.acme.dev/acme/ledger');
  });
});
