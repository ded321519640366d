import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import { collect, collectRepos, NO_STANDARDS, type Standards } from '../../collectors/collect.ts';
import { inShard } from '../../collectors/runs/shard.ts';
import { portalConfigSchema } from '../../collectors/config/schema.ts';
import { scorecardDefinitionSchema, type ScorecardDefinition } from '../../collectors/scorecards/definition.ts';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { clonesPartially, repoNameOf } from '../../collectors/sources/git.ts';
import { runCairn } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const run = promisify(execFile);
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_DATE: '2026-10-25T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-10-25T10:00:00Z',
};
const git = async (cwd: string, ...args: string[]) =>
  (
    await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      env: GIT_ENV,
    })
  ).stdout.trim();
const NOW = new Date('2026-11-01T12:00:00Z');

let fixture: RepoFixture<'alpha' | 'beta'>;
let remotes: string;
let clones: string;

beforeAll(async () => {
  fixture = await makeRepos({
    alpha: files({
      'README.md': '# Alpha\n\nThe first service.\n',
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: alpha\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  lifecycle: production\n  owner: team\n',
      'docs/index.md': '# Alpha docs\n\nHow to run Alpha.\n',
    }),
    beta: files({ 'README.md': '# Beta\n\nThe second one.\n' }),
  });
  remotes = await mkdtemp(join(tmpdir(), 'cairn-remotes-'));
  clones = join(remotes, 'clones');
  for (const name of ['alpha', 'beta'])
    await git(remotes, 'clone', '--quiet', '--bare', fixture.dirs[name as 'alpha' | 'beta'], `${name}.git`);
});

afterAll(async () => {
  await fixture?.remove();
  await rm(remotes, { recursive: true, force: true });
});

async function collectFrom(urls: Array<string | { url: string; name: string }>) {
  const config = portalConfigSchema.parse({
    sources: [{ type: 'git', repos: urls, clones: 'clones', webUrl: 'https://git.example.com/acme/{name}' }],
  });
  return collect({ config, baseDir: remotes, standards: NO_STANDARDS, now: NOW });
}

describe('the git source', () => {
  it('clones each URL, file:// and a plain path alike, with web URLs from the template', async () => {
    const snapshot = await collectFrom([`file://${remotes}/alpha.git`, join(remotes, 'beta.git')]);
    expect(snapshot.repos.map((repo) => [repo.name, repo.source, repo.webUrl, repo.stale])).toEqual([
      ['alpha', 'git', 'https://git.example.com/acme/alpha', undefined],
      ['beta', 'git', 'https://git.example.com/acme/beta', undefined],
    ]);
    expect(snapshot.entities.map((entity) => entity.ref)).toEqual(['component:default/alpha', 'component:default/beta']);
    // Whole, not partial: from a shallow folder, a partial clone fetched again without end (clonesPartially).
    await expect(git(join(clones, 'alpha'), 'config', 'remote.origin.partialclonefilter')).rejects.toThrow();
    expect(snapshot.problems.filter((problem) => /clone|fetch/i.test(problem.message))).toEqual([]);
  });

  it('clones two repositories whose URLs end alike under the names given, and refuses to clone both under one', async () => {
    // GitLab's finance/alpha beside platform/alpha: here beta's history under another group's folder.
    await mkdir(join(remotes, 'finance'), { recursive: true });
    await git(remotes, 'clone', '--quiet', '--bare', fixture.dirs.beta, join('finance', 'alpha.git'));
    const platform = `file://${remotes}/alpha.git`;
    const finance = `file://${remotes}/finance/alpha.git`;
    const refused = await collectFrom([platform, finance]);
    expect(refused.repos.map((repo) => repo.name)).toEqual(['alpha']);
    expect(refused.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        repo: 'alpha',
        message: expect.stringContaining(`are both named "alpha", and only the first is cloned. Give the other a name of its own`),
      }),
    );
    const named = await collectFrom([platform, { url: finance, name: 'finance-alpha' }]);
    const heads = Object.fromEntries(named.repos.map((repo) => [repo.name, repo.facts.head?.commit]));
    expect(heads).toEqual({
      alpha: await git(fixture.dirs.alpha, 'rev-parse', 'HEAD'),
      'finance-alpha': await git(fixture.dirs.beta, 'rev-parse', 'HEAD'),
    });
  });

  it('points a clone at its URL when portal.yaml gives its name to another', async () => {
    await collectFrom([{ url: `file://${remotes}/alpha.git`, name: 'renamed' }]);
    const moved = await collectFrom([{ url: `file://${remotes}/beta.git`, name: 'renamed' }]);
    expect(moved.repos[0]!.facts.head?.commit).toBe(await git(fixture.dirs.beta, 'rev-parse', 'HEAD'));
  });

  it('fetches new commits on a later run', async () => {
    await writeFile(join(fixture.dirs.alpha, 'README.md'), '# Alpha\n\nThe first service, now with more to say about itself.\n');
    await git(fixture.dirs.alpha, 'commit', '--quiet', '--all', '--message', 'More README');
    await git(fixture.dirs.alpha, 'push', '--quiet', join(remotes, 'alpha.git'), 'main');
    const pushed = await git(fixture.dirs.alpha, 'rev-parse', 'HEAD');
    const snapshot = await collectFrom([`file://${remotes}/alpha.git`]);
    expect(snapshot.repos[0]!.facts.head?.commit).toBe(pushed);
    expect(snapshot.repos[0]!.facts.readme?.words).toBeGreaterThan(5);
  });

  it('follows the remote when its default branch is renamed or moved', async () => {
    await git(remotes, 'clone', '--quiet', '--bare', fixture.dirs.beta, 'trunk.git');
    const url = `file://${remotes}/trunk.git`;
    await collectFrom([url]);
    // master → main, as organisations rename theirs: the old branch is gone, the new one has moved on.
    const work = join(remotes, 'trunk-work');
    await git(remotes, 'clone', '--quiet', url, work);
    await git(work, 'checkout', '--quiet', '-b', 'trunk');
    await writeFile(join(work, 'README.md'), '# Beta\n\nNow on trunk.\n');
    await git(work, 'commit', '--quiet', '--all', '--message', 'On trunk');
    await git(work, 'push', '--quiet', 'origin', 'trunk');
    await git(join(remotes, 'trunk.git'), 'symbolic-ref', 'HEAD', 'refs/heads/trunk');
    await git(join(remotes, 'trunk.git'), 'branch', '--quiet', '-D', 'main');
    const renamed = await collectFrom([url]);
    expect(renamed.repos[0]!.facts.head?.commit).toBe(await git(work, 'rev-parse', 'HEAD'));
    expect(renamed.repos[0]!.facts.head?.branch).toBe('trunk');
    expect(renamed.problems.filter((problem) => /clone|fetch/i.test(problem.message))).toEqual([]);
    // Moved back to a branch that still exists beside it.
    await git(join(remotes, 'trunk.git'), 'branch', '--quiet', 'main', 'trunk~1');
    await git(join(remotes, 'trunk.git'), 'symbolic-ref', 'HEAD', 'refs/heads/main');
    const moved = await collectFrom([url]);
    expect(moved.repos[0]!.facts.head?.commit).toBe(await git(fixture.dirs.beta, 'rev-parse', 'HEAD'));
    expect(moved.repos[0]!.facts.head?.branch).toBe('main');
  });

  it('picks up the first commits of a remote that was empty when it was cloned', async () => {
    await git(remotes, 'init', '--quiet', '--bare', '--initial-branch', 'main', 'empty.git');
    const url = `file://${remotes}/empty.git`;
    const empty = await collectFrom([url]);
    expect(empty.repos.map((repo) => [repo.name, repo.facts.head ?? null])).toEqual([['empty', null]]);
    await git(fixture.dirs.alpha, 'push', '--quiet', join(remotes, 'empty.git'), 'main:master');
    await git(join(remotes, 'empty.git'), 'symbolic-ref', 'HEAD', 'refs/heads/master');
    const filled = await collectFrom([url]);
    expect(filled.repos[0]!.facts.head?.commit).toBe(await git(fixture.dirs.alpha, 'rev-parse', 'HEAD'));
    expect(filled.repos[0]!.stale).toBeUndefined();
    expect(filled.problems.filter((problem) => /clone|fetch/i.test(problem.message))).toEqual([]);
  });

  it('keeps an unreachable repository’s earlier clone, marked stale, and reports the failure', async () => {
    await rename(join(remotes, 'alpha.git'), join(remotes, 'moved.git'));
    try {
      const snapshot = await collectFrom([`file://${remotes}/alpha.git`, join(remotes, 'nowhere.git')]);
      expect(snapshot.repos.map((repo) => [repo.name, repo.stale])).toEqual([
        ['alpha', `could not fetch file://${remotes}/alpha.git; the data is from an earlier clone`],
      ]);
      expect(snapshot.entities.map((entity) => entity.ref)).toEqual(['component:default/alpha']);
      expect(
        snapshot.problems
          .filter((problem) => /clone|fetch/i.test(problem.message))
          .map((problem) => [problem.severity, problem.repo, problem.message.split(':')[0]]),
      ).toEqual([
        ['error', 'alpha', 'Could not fetch file'],
        ['error', 'nowhere', 'Could not clone ' + join(remotes, 'nowhere.git')],
      ]);
    } finally {
      await rename(join(remotes, 'moved.git'), join(remotes, 'alpha.git'));
    }
  });

  it('keeps an unreachable repository’s data from the previous snapshot when there is no earlier clone, marked stale', async () => {
    // recent-commit within 300 days: the fixture's commits (2026-01-15, or 2026-10-25 once the test above pushed) pass on NOW, not a year later.
    const entry = (id: string) => (id === 'recent-commit' ? { id, options: { days: 300 } } : { id });
    const scorecard = (checks: string[]): ScorecardDefinition =>
      scorecardDefinitionSchema.parse({ id: 'basics', title: 'Basics', levels: [{ id: 'bronze', checks: checks.map(entry) }] });
    const standards = (checks: string[]): Standards => ({ ...NO_STANDARDS, checks: [...builtinChecks], scorecards: [scorecard(checks)] });
    const run = (clonesDir: string, checks: string[], previous?: Snapshot, now = NOW) =>
      collect({
        config: portalConfigSchema.parse({ sources: [{ type: 'git', repos: [`file://${remotes}/alpha.git`], clones: clonesDir }] }),
        baseDir: remotes,
        standards: standards(checks),
        now,
        ...(previous ? { previous: async () => previous } : {}),
      });
    const before = await run('clones-before', ['lifecycle-set', 'gitignore-present', 'recent-commit']);
    expect(before.results[0]!.checks.map((check) => [check.checkId, check.outcome])).toEqual([
      ['lifecycle-set', 'pass'],
      ['gitignore-present', 'fail'],
      ['recent-commit', 'pass'],
    ]);
    expect(before.docs.map((docs) => docs.entityRef)).toEqual(['component:default/alpha']);

    await rename(join(remotes, 'alpha.git'), join(remotes, 'moved.git'));
    try {
      // A fresh clones folder: nothing cloned earlier to fall back on.
      const after = await run('clones-after', ['lifecycle-set', 'gitignore-present', 'recent-commit', 'contributing-present'], before);
      expect(after.repos.map((repo) => [repo.name, repo.stale])).toEqual([
        ['alpha', `could not clone file://${remotes}/alpha.git; the data was collected on 2026-11-01`],
      ]);
      expect(after.repos[0]!.facts).toEqual(before.repos[0]!.facts);
      expect(after.entities).toEqual(before.entities);
      expect(after.docs).toEqual(before.docs);
      // A check that needs the file list (which snapshots do not keep) takes the recorded outcome;
      // the others run again; one the snapshot did not record cannot be run without the files.
      expect(after.results[0]!.checks.map((check) => [check.checkId, check.outcome, check.message.slice(0, 40)])).toEqual([
        ...before.results[0]!.checks.map((check) => [check.checkId, check.outcome, check.message.slice(0, 40)]),
        ['contributing-present', 'error', 'The "files" fact of repository alpha cou'],
      ]);

      // Carried again a year later: the date the data was collected stays, and "recent" checks age.
      const later = await run(
        'clones-later',
        ['lifecycle-set', 'gitignore-present', 'recent-commit'],
        after,
        new Date('2027-11-01T12:00:00Z'),
      );
      expect(later.repos.map((repo) => [repo.stale, repo.collectedAt])).toEqual([
        [`could not clone file://${remotes}/alpha.git; the data was collected on 2026-11-01`, NOW.toISOString()],
      ]);
      expect(later.results[0]!.checks.map((check) => [check.checkId, check.outcome])).toEqual([
        ['lifecycle-set', 'pass'],
        ['gitignore-present', 'fail'],
        ['recent-commit', 'fail'],
      ]);
      expect(after.problems.filter((problem) => /clone/.test(problem.message)).map((problem) => problem.repo)).toEqual(['alpha']);

      const nothingEarlier = await run('clones-none', ['lifecycle-set']);
      expect(nothingEarlier.repos).toEqual([]);
    } finally {
      await rename(join(remotes, 'moved.git'), join(remotes, 'alpha.git'));
    }
  });

  it('clones only the repositories of its shard', async () => {
    const config = portalConfigSchema.parse({
      sources: [{ type: 'git', repos: [`file://${remotes}/alpha.git`, `file://${remotes}/beta.git`], clones: 'clones-sharded' }],
    });
    for (const index of [1, 2]) {
      const shard = { index, count: 2 };
      const { repos } = await collectRepos({ config, baseDir: remotes, standards: NO_STANDARDS, now: NOW, shard });
      const mine = ['alpha', 'beta'].filter((name) => inShard(name, shard));
      expect(repos.map((repo) => repo.name)).toEqual(mine);
      expect((await readdir(join(remotes, 'clones-sharded'))).sort()).toEqual(index === 1 ? mine : ['alpha', 'beta']);
    }
  });

  it('never shows the credentials of a URL', async () => {
    const snapshot = await collectFrom(['https://cairn:s3cret-token@127.0.0.1:1/acme/private.git']);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('s3cret-token');
    expect(snapshot.problems[0]!.message).toMatch(/^Could not clone https:\/\/\*\*\*@127\.0\.0\.1:1\/acme\/private\.git: /);
  });

  it('stops a clone, and a fetch, that makes no progress, and goes on with the rest', async () => {
    // A server that takes the connection and never answers, as a hung forge does.
    const held = new Set<Socket>();
    const server = createServer((socket) => {
      held.add(socket);
      socket.on('close', () => held.delete(socket)).resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const stalled = `http://127.0.0.1:${port}/acme/stalled.git`;
    const collectStalling = (repos: string[]) =>
      collect({
        config: portalConfigSchema.parse({ sources: [{ type: 'git', repos, clones: 'clones-stalling', stallSeconds: 1 }] }),
        baseDir: remotes,
        standards: NO_STANDARDS,
        now: NOW,
      });
    try {
      const first = await collectStalling([stalled, `file://${remotes}/beta.git`]);
      expect(first.repos.map((repo) => repo.name)).toEqual(['beta']);
      expect(
        first.problems.filter((problem) => /clone|fetch/.test(problem.message)).map((problem) => [problem.repo, problem.message]),
      ).toEqual([['stalled', `Could not clone ${stalled}: no progress for 1 s, so it was stopped`]]);

      // An earlier clone whose remote now hangs is fetched no longer than that, and scanned as it was.
      await git(join(remotes, 'clones-stalling', 'beta'), 'remote', 'set-url', 'origin', stalled.replace('stalled', 'beta'));
      const later = await collectStalling([stalled.replace('stalled', 'beta')]);
      expect(later.repos.map((repo) => [repo.name, repo.stale])).toEqual([
        ['beta', `could not fetch ${stalled.replace('stalled', 'beta')}; the data is from an earlier clone`],
      ]);
      // The stopped git let go of its connections.
      await expect.poll(() => held.size, { timeout: 5_000 }).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('removes the half-made clones of runs that ended mid-clone, and no other', async () => {
    const clonesDir = join(remotes, 'clones-abandoned');
    await mkdir(join(clonesDir, 'alpha.cloning-999999999'), { recursive: true });
    await mkdir(join(clonesDir, `beta.cloning-${process.ppid}`), { recursive: true });
    await collect({
      config: portalConfigSchema.parse({ sources: [{ type: 'git', repos: [`file://${remotes}/alpha.git`], clones: clonesDir }] }),
      baseDir: remotes,
      standards: NO_STANDARDS,
      now: NOW,
    });
    expect((await readdir(clonesDir)).sort()).toEqual(['alpha', `beta.cloning-${process.ppid}`]);
  });

  it('says why git failed, not what it printed first', async () => {
    const snapshot = await collectFrom([join(remotes, 'nowhere.git')]);
    expect(snapshot.problems.map((problem) => problem.message)).toContain(
      `Could not clone ${join(remotes, 'nowhere.git')}: fatal: repository '${join(remotes, 'nowhere.git')}' does not exist`,
    );
  });

  it.each([
    ['https://github.com/acme/payments.git', 'payments'],
    ['git@github.com:acme/payments.git', 'payments'],
    ['file:///srv/git/ledger', 'ledger'],
    ['/srv/git/ledger.git/', 'ledger'],
    ['https://github.com/', undefined],
    ['https://host/acme/..', undefined],
  ])('names %s %s', (url, name) => {
    expect(repoNameOf(url)).toBe(name);
  });

  it.each([
    ['https://github.com/acme/payments.git', true],
    ['ssh://git@host/acme/payments.git', true],
    ['git@github.com:acme/payments.git', true],
    ['file:///srv/git/ledger', false],
    ['/srv/git/ledger.git/', false],
    ['../ledger.git', false],
  ])('clones %s partially: %s', (url, partially) => {
    expect(clonesPartially(url)).toBe(partially);
  });
});

describe('a directory source', () => {
  it('keeps a repository whose .git is gone for a night from the previous snapshot, marked stale, instead of dropping it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cairn-directory-'));
    try {
      await git(folder, 'clone', '--quiet', fixture.dirs.alpha, 'alpha');
      await git(folder, 'clone', '--quiet', fixture.dirs.beta, 'beta');
      const run = (previous?: Snapshot) =>
        collect({
          config: portalConfigSchema.parse({ sources: [{ type: 'directory', repos: '*' }] }),
          baseDir: folder,
          standards: NO_STANDARDS,
          now: NOW,
          ...(previous ? { previous: async () => previous } : {}),
        });
      const before = await run();
      await rename(join(folder, 'alpha', '.git'), join(folder, 'alpha-git'));
      const after = await run(before);
      expect(after.entities.map((entity) => entity.ref)).toEqual(before.entities.map((entity) => entity.ref));
      expect(after.repos.map((repo) => [repo.name, repo.stale])).toEqual([
        ['alpha', 'alpha is not a git work tree; the data was collected on 2026-11-01'],
        ['beta', undefined],
      ]);
      expect(after.problems.map((problem) => problem.message)).toContain(
        'alpha matches "*" but is not a git work tree (no .git); it was skipped.',
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a partial failure', () => {
  it('still builds the site, lists the failure on the problems page, and fails --strict', async () => {
    await writeFile(
      join(remotes, 'portal.yaml'),
      `sources:\n  - type: git\n    clones: clones\n    repos:\n      - file://${remotes}/beta.git\n      - file://${remotes}/missing.git\n`,
    );
    const cairn = async (...args: string[]) => (await runCairn(remotes, args, { epoch: '1793534400' })).code;
    const build = (...extra: string[]) => cairn('build', '--config', 'portal.yaml', '--out', 'site', '--no-history', ...extra);
    expect(await build()).toBe(0);
    const problems = await readFile(join(remotes, 'site', 'problems', 'index.html'), 'utf8');
    expect(problems).toContain(`Could not clone file://${remotes}/missing.git`);
    expect(await readFile(join(remotes, 'site', 'catalog', 'default', 'component', 'beta', 'index.html'), 'utf8')).toContain('beta');
    expect(await build('--strict')).toBe(1);

    // The next night beta cannot be cloned either, and its clone is gone: the last snapshot stands in.
    await rename(join(remotes, 'beta.git'), join(remotes, 'beta-moved.git'));
    try {
      await rm(join(remotes, 'clones'), { recursive: true, force: true });
      expect(await build()).toBe(0);
      const page = await readFile(join(remotes, 'site', 'catalog', 'default', 'component', 'beta', 'index.html'), 'utf8');
      expect(page).toContain(`Possibly out of date: could not clone file://${remotes}/beta.git; the data was collected on 2026-11-01.`);

      // Sharded, the merge does the same from the snapshot it replaces.
      expect(await cairn('collect', '--config', 'portal.yaml', '--shard', '1/1', '--snapshot', 'shard.json', '--no-history')).toBe(0);
      expect(await cairn('merge', 'shard.json', '--config', 'portal.yaml', '--no-history')).toBe(0);
      const merged = JSON.parse(await readFile(join(remotes, '.cache', 'snapshot.json'), 'utf8')) as Snapshot;
      expect(merged.repos.map((repo) => [repo.name, repo.stale?.split(';')[1]])).toEqual([
        ['beta', ' the data was collected on 2026-11-01'],
      ]);

      // A previous snapshot that cannot be read keeps nothing, and says so among the problems.
      await writeFile(join(remotes, '.cache', 'snapshot.json'), 'garbage{{{');
      await writeFile(
        join(remotes, 'portal.yaml'),
        `sources:\n  - type: directory\n    repos: ${fixture.dirs.alpha}\n  - type: git\n    clones: clones\n    repos: [file://${remotes}/beta.git]\n`,
      );
      expect(await cairn('collect', '--config', 'portal.yaml', '--no-history')).toBe(0);
      const collected = JSON.parse(await readFile(join(remotes, '.cache', 'snapshot.json'), 'utf8')) as Snapshot;
      expect(collected.repos.map((repo) => repo.name)).toEqual(['alpha']);
      expect(collected.problems.map((problem) => problem.message)).toContain(
        'The previous snapshot .cache/snapshot.json cannot be read (Unexpected token \'g\', "garbage{{{" is not valid JSON), so the repositories that could not be fetched are not kept from it.',
      );

      // Nothing collected at all, as the sources failed: the snapshot there is kept, and the run fails.
      await writeFile(join(remotes, '.cache', 'snapshot.json'), 'garbage{{{');
      await writeFile(
        join(remotes, 'portal.yaml'),
        `sources:\n  - type: git\n    clones: clones\n    repos: [file://${remotes}/beta.git]\n`,
      );
      expect(await cairn('collect', '--config', 'portal.yaml', '--no-history')).toBe(1);
      expect(await readFile(join(remotes, '.cache', 'snapshot.json'), 'utf8')).toBe('garbage{{{');
    } finally {
      await rename(join(remotes, 'beta-moved.git'), join(remotes, 'beta.git'));
    }
  }, 90_000);
});
