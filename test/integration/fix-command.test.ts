import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import { assemble, collectRepo, NO_STANDARDS, type Standards } from '../../collectors/collect.ts';
import { portalConfigSchema } from '../../collectors/config/schema.ts';
import { scorecardDefinitionSchema } from '../../collectors/scorecards/definition.ts';
import { builtinMetadata } from '../../collectors/standards.ts';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { standardsExport } from '../../site/lib/standards-export.ts';
import { writeInside } from '../../scripts/cli/fix.ts';
import { runCairn } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

/**
 * `cairn fix` on real git repositories: it writes the files `cairn check --suggest` lists, and the
 * repository collected again (the real retrievers, the real checks) passes the checks they were for.
 */

const NOW = new Date('2026-05-28T20:26:40Z');
const FIXED_CHECKS = ['descriptor-valid', 'codeowners-present', 'codeowners-catch-all', 'dependency-updates', 'security-policy'];

const STANDARDS: Standards = {
  ...NO_STANDARDS,
  checks: [...builtinChecks],
  metadata: builtinChecks.map(builtinMetadata),
  scorecards: [scorecardDefinitionSchema.parse({ id: 'fixed', title: 'Fixed', levels: [{ id: 'one', checks: FIXED_CHECKS }] })],
};

/** Each check's effective outcome on the repository as it is on disk now, untracked files included. */
async function outcomes(dir: string, name: string): Promise<Record<string, string>> {
  const repo = await collectRepo(
    { name, dir, source: 'local' },
    { now: NOW, windowDays: 90, settings: { contentGlobs: [] }, untracked: true },
  );
  const snapshot = await assemble({
    repos: [repo],
    content: [],
    standards: STANDARDS,
    now: NOW,
    title: 'Test',
    guideSettings: portalConfigSchema.parse({}).guides,
    problems: [],
  });
  const result = snapshot.results.find((candidate) =>
    snapshot.entities.some((entity) => entity.ref === candidate.entityRef && entity.source.repo === name),
  );
  return Object.fromEntries((result?.checks ?? []).map((check) => [check.checkId, check.effective]));
}

const SERVICE = {
  'README.md': '# Orders\n\nTakes and tracks customer orders for the web shop.\n',
  'package.json': JSON.stringify(
    { name: 'orders', description: 'Takes and tracks customer orders.', private: true, dependencies: { express: '^5.0.0' } },
    null,
    2,
  ),
  'package-lock.json': '{}\n',
  'server.js': 'console.log("orders");\n',
  Dockerfile: 'FROM node:22\nEXPOSE 8080\nCMD ["node", "server.js"]\n',
  '.github/workflows/ci.yml':
    'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
  '.github/CODEOWNERS': '* @acme/orders-team\n',
};

let fixture: RepoFixture<'orders' | 'dry' | 'bare' | 'ignored' | 'linked' | 'templated' | 'elsewhere' | 'cased'>;
let outside: string;

beforeAll(async () => {
  fixture = await makeRepos({
    orders: files(SERVICE),
    dry: files(SERVICE),
    bare: files({ 'README.md': '# Bare\n\nA repository with nothing but a README in it.\n' }),
    ignored: files({ ...SERVICE, '.gitignore': 'SECURITY.md\n' }),
    linked: files({
      'README.md': '# Linked\n\nIts .github folder is a link that leaves the repository.\n',
      'go.mod': 'module example.com/linked\n\ngo 1.22\n',
    }),
    templated: files({ 'README.md': '# Templated\n\nJudged with a portal that has a security policy template.\n' }),
    cased: files({ ...SERVICE, '.github/Dependabot.yml': 'version: 2\nupdates: []\n', 'Docs/CODEOWNERS': '* @acme/orders-team\n' }),
    elsewhere: files({
      ...SERVICE,
      '.github/dependabot.yaml': 'version: 2\nupdates: []\n',
      'docs/SECURITY.md': '# Security\n\nWe take security seriously.\n',
    }),
  });
  outside = await mkdtemp(join(tmpdir(), 'cairn-fix-outside-'));
}, 60_000);

afterAll(async () => {
  await fixture.remove();
  await rm(outside, { recursive: true, force: true });
});

describe('cairn fix', () => {
  it('--all writes every suggested file, and the repository collected again passes their checks', async () => {
    const dir = fixture.dirs.orders;
    const before = await outcomes(dir, 'orders');
    expect(before).toMatchObject({
      'descriptor-valid': 'fail',
      'dependency-updates': 'fail',
      'security-policy': 'fail',
      'codeowners-present': 'pass',
    });
    const run = await runCairn(fixture.root, ['fix', '--all', '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('catalog-info.yaml\n.github/dependabot.yml\nSECURITY.md\n');
    expect(run.stderr).toContain(
      'Wrote catalog-info.yaml (for descriptor-valid): The descriptor of component:default/orders as Cairn inferred it (owner orders-team from CODEOWNERS, type service)',
    );
    expect(await outcomes(dir, 'orders')).toEqual(Object.fromEntries(FIXED_CHECKS.map((id) => [id, 'pass'])));
    expect(await readFile(join(dir, 'catalog-info.yaml'), 'utf8')).toMatch(
      /^spec:\n {2}type: service\n {2}lifecycle: unknown\n {2}owner: orders-team\n$/m,
    );
    // Run again: nothing fails that a file would fix, so nothing is written.
    const again = await runCairn(dir, ['fix', '--all']);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toContain('Nothing to write');
  });

  it('--dry-run prints the files and writes none', async () => {
    const dir = fixture.dirs.dry;
    const run = await runCairn(dir, ['fix', 'descriptor-valid', 'security-policy', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- catalog-info.yaml (for descriptor-valid; not written: --dry-run)\n# Written by Cairn');
    expect(run.stdout).toContain('--- SECURITY.md (for security-policy; not written: --dry-run)\n# Security policy');
    expect(run.stdout).not.toContain('dependabot');
    expect((await readdir(dir)).sort()).toEqual([
      '.git',
      '.github',
      'Dockerfile',
      'README.md',
      'package-lock.json',
      'package.json',
      'server.js',
    ]);
  });

  it('names the checks one at a time, and says why a named check gets nothing', async () => {
    const dir = fixture.dirs.bare;
    const run = await runCairn(dir, ['fix', 'codeowners-present', 'dependency-updates']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('.github/CODEOWNERS\n');
    // No package manager: nothing for a bot to update, so the check does not apply.
    expect(run.stderr).toContain('dependency-updates: nothing to write, it does not fail here');
    expect(run.stderr).toContain('commented placeholder');
    expect(await readFile(join(dir, '.github/CODEOWNERS'), 'utf8')).toContain('# *  @your-org/your-team\n');
    const again = await runCairn(dir, ['fix', 'codeowners-present']);
    expect(again.stderr).toContain('codeowners-present: nothing to write, .github/CODEOWNERS exists already');
  });

  it('never overwrites a file, even one git ignores', async () => {
    const dir = fixture.dirs.ignored;
    await writeFile(join(dir, 'SECURITY.md'), 'kept\n');
    const run = await runCairn(dir, ['fix', 'security-policy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Skipped SECURITY.md (for security-policy): it exists, and cairn fix overwrites nothing.');
    expect(await readFile(join(dir, 'SECURITY.md'), 'utf8')).toBe('kept\n');
  });

  it('writes nothing through a symbolic link that leaves the repository, and still writes the other files', async () => {
    const dir = fixture.dirs.linked;
    await symlink(outside, join(dir, '.github'));
    const run = await runCairn(dir, ['fix', '--all']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Skipped .github/dependabot.yml (for dependency-updates): .github is not a folder (a file or a symbolic link), and cairn fix writes only inside the repository.',
    );
    expect(run.stdout).toBe('catalog-info.yaml\nSECURITY.md\n');
    expect(await readdir(outside)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('says which file the file system refused, and goes on: /proc takes no new folder', async () => {
    expect(await writeInside('/proc/self', '.github/CODEOWNERS', '* @acme/team\n')).toEqual({
      failed: 'could not write it (ENOENT: no such file or directory)',
    });
  });

  it('tells a file in a letter case GitHub does not read to be renamed, with a command that works', async () => {
    const run = await runCairn(fixture.dirs.cased, ['fix', 'dependency-updates']);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain(
      'dependency-updates: nothing to write, .github/Dependabot.yml exists, but GitHub and Cairn read it only as .github/dependabot.yml: rename it (git mv .github/Dependabot.yml .github/dependabot.yml).',
    );
  });

  it('--all says which failing checks get no file because theirs is elsewhere, and never writes a second one', async () => {
    const dir = fixture.dirs.elsewhere;
    const run = await runCairn(dir, ['fix', '--all']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('catalog-info.yaml\n');
    expect(run.stderr).toContain('dependency-updates: nothing to write, .github/dependabot.yaml exists already');
    expect(run.stderr).toContain('security-policy: nothing to write, docs/SECURITY.md exists already');
    expect(await readdir(join(dir, '.github'))).not.toContain('dependabot.yml');
  });

  it("writes the portal's security policy template with --config, and with the standards.json the portal publishes", async () => {
    const portal = join(fixture.root, 'portal');
    await mkdir(join(portal, 'templates'), { recursive: true });
    await writeFile(join(portal, 'portal.yaml'), 'title: Acme\n');
    await writeFile(join(portal, 'templates', 'SECURITY.md'), '# Security at Acme\n\nReport vulnerabilities to security@acme.example.\n');
    const dir = fixture.dirs.templated;
    // What a portal build publishes: its standards.json, from the snapshot.
    const collected = await runCairn(portal, [
      'collect',
      '--config',
      'portal.yaml',
      '--repos',
      dir,
      '--snapshot',
      'snapshot.json',
      '--no-history',
      '--no-cache',
    ]);
    expect(collected.code, collected.stderr).toBe(0);
    const snapshot = JSON.parse(await readFile(join(portal, 'snapshot.json'), 'utf8')) as Snapshot;
    const standards = standardsExport({
      generatedAt: snapshot.generatedAt,
      scorecards: snapshot.scorecards,
      published: snapshot.standards,
      entities: snapshot.entities,
    });
    await writeFile(join(portal, 'standards.json'), JSON.stringify(standards));
    const published = await runCairn(dir, ['fix', 'security-policy', '--standards', join(portal, 'standards.json'), '--dry-run']);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toContain('Report vulnerabilities to security@acme.example.');
    const run = await runCairn(dir, ['fix', 'security-policy', '--config', join(portal, 'portal.yaml')]);
    expect(run).toMatchObject({ code: 0, stdout: 'SECURITY.md\n' });
    expect(await readFile(join(dir, 'SECURITY.md'), 'utf8')).toBe(
      '# Security at Acme\n\nReport vulnerabilities to security@acme.example.\n',
    );
    expect((await outcomes(dir, 'templated'))['security-policy']).toBe('pass');
  });

  it.each([
    [
      ['fix', 'readme-present'],
      /readme-present has no fix Cairn can write\. Checks with a fix: codeowners-catch-all, codeowners-present, dependency-updates, descriptor-valid, security-policy\./,
    ],
    [
      ['fix', 'security-polcy'],
      /cairn fix: security-polcy is not a built-in check; did you mean "security-policy"\? Cairn writes fixes for some built-in checks: /,
    ],
    // A portal's own check, or a typo of a check with no fix: no suggestion of a check it cannot fix.
    [['fix', 'readme-presnt'], /cairn fix: readme-presnt is not a built-in check\. Cairn writes fixes for some built-in checks: /],
    [['fix'], /name the checks to fix, or pass --all/],
    [['fix', '--all', 'security-policy'], /name checks or pass --all, not both/],
    [['fix', '--all', '--dir', 'no-such-folder'], /no-such-folder: no such folder/],
  ])('cairn %j is bad usage', async (args, message) => {
    const run = await runCairn(fixture.dirs.bare, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('--help describes the command', async () => {
    const run = await runCairn(fixture.root, ['fix', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: cairn fix <check-id…> [options]');
    expect(run.stdout).toContain('--dry-run');
  });
});
