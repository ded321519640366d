import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_SCHEMA_VERSION } from '../../collectors/contract/snapshot.ts';
import { cairn, runCairn } from '../helpers/cli.ts';
import { files, makeRepos, TEST_AUTHOR, TEST_DATE, type RepoFixture } from '../helpers/repos.ts';

/** A portal with one scorecard, and a service repository whose working tree a developer is changing. */
const SCORECARD = `id: basics
title: Basics
appliesTo: { kind: Component }
levels:
  - id: bronze
    checks: [readme-present]
  - id: silver
    checks: [changelog-present, codeowners-present]
`;

const DESCRIPTOR =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\n  annotations:\n    cairn.dev/exempt.codeowners-present: "2099-01-01: owners file arrives with the team split"\nspec:\n  type: service\n  lifecycle: production\n  owner: group:payments\n';

let fixture: RepoFixture<'orders'>;
let portal: string;

beforeAll(async () => {
  fixture = await makeRepos({
    orders: {
      commits: [
        {
          date: '2026-05-01T10:00:00Z',
          author: TEST_AUTHOR,
          message: 'Start',
          files: { 'catalog-info.yaml': DESCRIPTOR, 'README.md': `# Orders\n\n${'Takes and tracks customer orders. '.repeat(10)}\n` },
        },
      ],
    },
  });
  portal = join(fixture.root, 'portal');
  await mkdir(join(portal, 'scorecards'), { recursive: true });
  await writeFile(join(portal, 'portal.yaml'), 'title: Acme\n');
  await writeFile(join(portal, 'scorecards', 'basics.yaml'), SCORECARD);
  // The developer's change, not committed yet: a CHANGELOG lifts the service to silver.
  await writeFile(join(fixture.dirs.orders, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n- First release\n');
});

afterAll(() => fixture.remove());

describe('cairn check', () => {
  it('prints a readable report of the working tree, untracked files included, verdict first', async () => {
    const result = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'));
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Basics: Silver');
    expect(lines[1]).toMatch(/^Judged with the portal's standards from /);
    expect(result.stdout).toContain('3 checks pass (1 by exemption); --verbose lists them.');
    const verbose = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), '--verbose');
    expect(verbose.stdout).toContain('  Basics: Silver (score 100%)');
    expect(verbose.stdout).toContain('exempt until 2099-01-01: owners file arrives with the team split');
  });

  it('--compare leads with what the change does against a ref', async () => {
    const result = await cairn(
      fixture.dirs.orders,
      'check',
      '--config',
      join(portal, 'portal.yaml'),
      '--compare',
      'HEAD',
      '--format',
      'markdown',
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('<!-- cairn-check: orders -->');
    expect(lines[1]).toBe('**Cairn scorecards for `orders`:** ▲ Basics: Bronze → Silver · 1 check newly passing against HEAD');
    expect(result.stdout).toMatch(/\| Changelog present \| 🆕 ✅ pass \|/);
  });

  it('--format json and sarif', async () => {
    const json = JSON.parse(
      (await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), '--format', 'json')).stdout,
    );
    expect(json.results).toEqual([
      expect.objectContaining({ entityRef: 'component:default/orders', scorecard: 'basics', level: 'silver' }),
    ]);
    const out = join(fixture.root, 'cairn.sarif');
    expect(
      (await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), '--format', 'sarif', '--output', out)).code,
    ).toBe(0);
    const sarif = JSON.parse(await readFile(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    // codeowners-present fails but is exempt: reported, suppressed.
    // The owner is not in this portal's catalog: a warning on the descriptor, which does not fail the check.
    expect(sarif.runs[0].results).toEqual([
      // The exemption is an annotation in the descriptor: in source.
      expect.objectContaining({ ruleId: 'codeowners-present', suppressions: [expect.objectContaining({ kind: 'inSource' })] }),
      expect.objectContaining({
        ruleId: 'cairn/descriptor-problem',
        level: 'warning',
        message: { text: expect.stringContaining('refers to group:default/payments in spec.owner') },
      }),
    ]);
  });

  it.runIf(existsSync('/dev/full'))(
    'says in a line, exit 2, when the report cannot be written (a full disk), and replaces nothing',
    async () => {
      const run = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), '--output', '/dev/full');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^cairn check: could not write .*\(ENOSPC: no space left on device, write\); it is as it was before this run\.\n$/m,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it.each([
    [['--min-level', 'silver'], 0, ''],
    [['--min-level', 'gold'], 2, /--min-level gold: no scorecard has that level/],
    [['--scorecard', 'nope'], 2, /--scorecard nope: no such scorecard\. Scorecards: basics\./],
    [['--format', 'xml'], 2, /--format xml: expected one of terminal, json, markdown, sarif/],
    [['--compare', 'no-such-ref'], 2, /--compare no-such-ref: no such commit/],
    [['--compare', ''], 2, /cairn check: --compare: expected a git ref/],
    [['--catalog', ''], 2, /^cairn check: --catalog: expected a portal build's snapshot\.json or a portal's catalog\.json/],
    [
      ['--catalog', 'https://user:secret@portal.example/catalog.json'],
      2,
      /^cairn check: --catalog https:\/\/…@portal\.example\/catalog\.json: the URL carries a user name or password, which Cairn neither sends nor prints\.(?![\s\S]*secret)/,
    ],
    [
      ['--catalog', '/no/such/snapshot.json'],
      2,
      /cairn check: --catalog \/no\/such\/snapshot\.json: no such file; expected the snapshot\.json of a portal build/,
    ],
  ])('cairn check %j exits %i', async (args, code, message) => {
    const result = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), ...args);
    expect(result.code).toBe(code);
    if (message) expect(result.stderr).toMatch(message);
  });

  it.each([
    [
      'shard.json',
      { kind: 'cairn-partial-snapshot', schemaVersion: SNAPSHOT_SCHEMA_VERSION, repos: [] },
      'a partial snapshot of one shard; expected the snapshot.json',
    ],
    ['standards.json', { checks: [], scorecards: [] }, 'not a Cairn snapshot (it has no schemaVersion); expected the snapshot.json'],
    ['broken.json', { schemaVersion: SNAPSHOT_SCHEMA_VERSION, entities: 'x' }, 'not a valid Cairn snapshot; expected the snapshot.json'],
    [
      'catalog.json',
      { generatedAt: '2026-01-01T00:00:00.000Z', entities: [{ ref: 'x' }] },
      'not a valid catalog.json (entities.0.apiVersion: Invalid input: expected string, received undefined); expected the snapshot.json',
    ],
  ])('--catalog %s says in one line what the file is instead', async (name, json, reason) => {
    const file = join(portal, name);
    await writeFile(file, JSON.stringify(json));
    const result = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), '--catalog', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `cairn check: --catalog ${file}: ${reason} of a portal build (cairn build --snapshot), or a portal's catalog.json.\n`,
    );
  });

  it('judges the repository around the current folder, as git finds it from a subfolder', async () => {
    await mkdir(join(fixture.dirs.orders, 'src', 'deep'), { recursive: true });
    const fromRoot = await runCairn(fixture.dirs.orders, ['check', '--format', 'json']);
    const fromSubfolder = await runCairn(join(fixture.dirs.orders, 'src', 'deep'), ['check', '--format', 'json']);
    expect(fromSubfolder.code).toBe(fromRoot.code);
    expect(JSON.parse(fromSubfolder.stdout)).toEqual(JSON.parse(fromRoot.stdout));
  });

  it('--compare judges the base with the working tree’s history: a pull request’s own commit is no finding of its change', async () => {
    await using repos = await makeRepos({ quiet: files({ 'README.md': '# Quiet\n' }, { date: '2025-06-01T10:00:00Z' }) });
    const dir = repos.dirs.quiet;
    const env = {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_DATE: '2026-05-20T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-05-20T10:00:00Z',
    };
    const git = (...args: string[]) =>
      promisify(execFile)('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir,
        env,
      });
    const base = (await git('rev-parse', 'HEAD')).stdout.trim();
    await git('checkout', '--quiet', '-b', 'feature');
    await writeFile(join(dir, 'NOTES.md'), 'Notes.\n');
    await git('add', 'NOTES.md');
    await git('commit', '--quiet', '--message', 'Notes');
    const json = JSON.parse((await runCairn(dir, ['check', '--compare', base, '--format', 'json'])).stdout);
    const busFactor = json.results
      .flatMap((result: { checks: Array<{ checkId: string; outcome: string }> }) => result.checks)
      .find((check: { checkId: string }) => check.checkId === 'bus-factor');
    // One author made the one commit in the window: true of the working tree, and of the base judged with its history.
    expect(busFactor.outcome).toBe('fail');
    expect(JSON.stringify(json.comparison)).not.toContain('bus-factor');
  });

  it('says a repository without commits has nothing to compare with', async () => {
    const dir = join(fixture.root, 'unborn');
    await mkdir(dir, { recursive: true });
    await promisify(execFile)('git', ['init', '--quiet', dir]);
    const result = await runCairn(dir, ['check', '--compare', 'HEAD']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--compare HEAD: ${dir} has no commit yet, so there is nothing to compare with`);
  });

  it('refuses a work tree whose .git file points at a git folder that is gone', async () => {
    const dir = join(fixture.root, 'moved-worktree');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.git'), 'gitdir: /nowhere/.git/worktrees/moved\n');
    const result = await runCairn(dir, ['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a git work tree (its .git file names a git folder that is not there)');
  });

  it('names the repository root when given a folder inside it', async () => {
    await mkdir(join(fixture.dirs.orders, 'src'), { recursive: true });
    const result = await runCairn(fixture.dirs.orders, ['check', 'src']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `cairn check: ${join(fixture.dirs.orders, 'src')} is inside the repository at ${fixture.dirs.orders}; Cairn judges a whole repository: run it at ${fixture.dirs.orders}.`,
    );
  });

  it('exits 1 below --min-level, naming the entity', async () => {
    await writeFile(
      join(portal, 'scorecards', 'strict.yaml'),
      'id: strict\ntitle: Strict\nlevels:\n  - id: silver\n    checks: [contributing-present]\n',
    );
    try {
      const result = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'), '--min-level', 'silver');
      expect(result.code).toBe(1);
      // In the terminal report, after the verdict; stderr says the gate fails.
      expect(result.stdout).toContain('component:default/orders is below Silver on Strict (at no level).');
      expect(result.stderr).toContain('The gate fails (--fail-on level).');
    } finally {
      await writeFile(
        join(portal, 'scorecards', 'strict.yaml'),
        'id: strict\ntitle: Strict\nlevels:\n  - id: silver\n    checks: [readme-present]\n',
      );
    }
  });

  it('names a bad scorecard file, line and field of the portal it is given', async () => {
    await writeFile(
      join(portal, 'scorecards', 'typo.yaml'),
      'id: typo\ntitle: Typo\nlevels:\n  - id: bronze\n    checks: [readme-presnt]\n',
    );
    try {
      const result = await cairn(fixture.dirs.orders, 'check', '--config', join(portal, 'portal.yaml'));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /scorecards\/typo\.yaml:5: levels\[0\]\.checks\[0\]: unknown check "readme-presnt"; did you mean "readme-present"\?/,
      );
    } finally {
      await writeFile(
        join(portal, 'scorecards', 'typo.yaml'),
        'id: typo\ntitle: Typo\nlevels:\n  - id: bronze\n    checks: [readme-present]\n',
      );
    }
  });
});

describe('cairn checks', () => {
  it('lists every built-in check with its metadata, as text and as JSON', async () => {
    const json = JSON.parse(
      (await cairn(fixture.dirs.orders, 'checks', '--config', join(portal, 'portal.yaml'), '--format', 'json')).stdout,
    ) as Array<{ id: string; why: string; fix: string; source: string; options: Record<string, unknown> }>;
    expect(json.length).toBeGreaterThanOrEqual(40);
    expect(json.every((check) => check.why && check.fix && check.source === 'builtin')).toBe(true);
    const text = (await cairn(fixture.dirs.orders, 'checks', '--config', join(portal, 'portal.yaml'))).stdout;
    expect(text).toMatch(/^docs\n {2}changelog-present/m);
    expect(text).toContain(`${json.length} checks.`);
    expect(text).toContain('Options (defaults): days=90');
    expect(json.find((check) => check.id === 'readme-present')).toMatchObject({ options: { minWords: 50 } });
  });

  it('says which options the scorecards in use set, beside the checks’ own defaults', async () => {
    // Without a portal.yaml, Cairn's default standards: Service maturity asks for a commit within 180 days.
    const text = (await cairn(fixture.root, 'checks')).stdout;
    expect(text).toContain('Options (defaults): days=90\n');
    expect(text).toMatch(/^ +Set by the scorecards: days=180 \(Service maturity\)$/m);
  });

  it('adds the portal’s custom checks, with their rules in JSON, so what each tests can be reviewed', async () => {
    await mkdir(join(portal, 'checks'), { recursive: true });
    await writeFile(
      join(portal, 'checks', 'has-makefile.yaml'),
      'id: has-makefile\ntitle: Makefile present\ndescription: A Makefile at the root.\nwhy: One entry point for builds.\nfix: Add a Makefile.\neffort: low\nrule:\n  type: file-exists\n  any: [Makefile]\n',
    );
    const json = JSON.parse(
      (await cairn(fixture.dirs.orders, 'checks', '--config', join(portal, 'portal.yaml'), '--format', 'json')).stdout,
    ) as Array<{ id: string; source: string }>;
    expect(json.find((check) => check.id === 'has-makefile')).toMatchObject({
      source: 'custom',
      rule: { type: 'file-exists', any: ['Makefile'] },
    });
  });

  it('rejects an unknown format', async () => {
    expect(await cairn(fixture.dirs.orders, 'checks', '--format', 'yaml')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/expected text or json/),
    });
  });
});

describe('cairn check on a repository with problems', () => {
  const SERVICE =
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ledger\nspec:\n  type: service\n  lifecycle: production\n  owner: group:payments\n';
  const BROKEN_WORKFLOW = 'name: ci\non: [push\njobs:\n  build:\n    runs-on: ubuntu-latest\n';
  let repos: RepoFixture<'unparsable' | 'invalid' | 'warned' | 'documented'>;

  beforeAll(async () => {
    repos = await makeRepos({
      // The descriptor's second document does not parse; the first still loads.
      unparsable: files({
        'catalog-info.yaml': `${SERVICE}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: broken\n  tags: [unclosed\nspec: {}\n`,
        'README.md': '# Ledger\n',
      }),
      invalid: files({
        'catalog-info.yaml':
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "not a name!"\nspec:\n  type: service\n  lifecycle: production\n  owner: group:payments\n',
      }),
      // Only a warning: a workflow GitHub would reject too.
      warned: files({ 'catalog-info.yaml': SERVICE, '.github/workflows/ci.yml': BROKEN_WORKFLOW }),
      // Docs whose mkdocs nav names a page that is not there.
      documented: files({
        'catalog-info.yaml': SERVICE,
        'mkdocs.yml': 'site_name: Ledger\nnav:\n  - Home: index.md\n  - Runbook: runbook.md\n',
        'docs/index.md': '# Ledger\n\n```python\nprint("hello")\n```\n',
      }),
    });
  });

  afterAll(() => repos.remove());

  const sarifOf = async (dir: string, ...args: string[]) => {
    const result = await runCairn(dir, ['check', '--format', 'sarif', ...args]);
    return {
      ...result,
      run: JSON.parse(result.stdout).runs[0] as {
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<Record<string, unknown>>;
      },
    };
  };

  it('reports an unparsable descriptor as a SARIF error at its file and line, and exits 1', async () => {
    const { code, run, stderr } = await sarifOf(repos.dirs.unparsable);
    expect(code).toBe(1);
    const problems = run.results.filter((result) => result.ruleId === 'cairn/descriptor-problem' && result.level === 'error');
    expect(problems).toEqual([
      expect.objectContaining({
        level: 'error',
        message: { text: expect.stringMatching(/^YAML error in catalog-info\.yaml: /) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'catalog-info.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: expect.any(Number) },
            },
          },
        ],
      }),
    ]);
    expect(
      (problems[0]!.locations as Array<{ physicalLocation: { region: { startLine: number } } }>)[0]!.physicalLocation.region.startLine,
    ).toBeGreaterThanOrEqual(11);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toContain('cairn/descriptor-problem');
    expect(run.tool.driver.rules[problems[0]!.ruleIndex as number]!.id).toBe('cairn/descriptor-problem');
    expect(stderr).toMatch(/^unparsable: 1 error fails the run \(--fail-on-problems error;/m);
    // Reported, without failing, when the team says so; and a typo in the flag is bad usage.
    const lenient = await sarifOf(repos.dirs.unparsable, '--fail-on-problems', 'never');
    expect([lenient.code, lenient.run.results.some((result) => result.ruleId === 'cairn/descriptor-problem')]).toEqual([0, true]);
    expect((await runCairn(repos.dirs.unparsable, ['check', '--fail-on-problems', 'sometimes'])).code).toBe(2);
  });

  it('with --fail-on regression, fails only on the problems the base does not have', async () => {
    const dir = repos.dirs.unparsable;
    const regression = ['check', '--compare', 'HEAD', '--fail-on', 'regression', '--fail-on-problems', 'warning'];
    const before = await runCairn(dir, regression);
    expect(before.code).toBe(0);
    expect(before.stderr).toContain(
      'unparsable: No problem new since HEAD: the 2 problems HEAD has too do not fail the run (--fail-on regression).',
    );
    const workflow = join(dir, '.github', 'workflows', 'ci.yml');
    await mkdir(dirname(workflow), { recursive: true });
    await writeFile(workflow, BROKEN_WORKFLOW);
    try {
      const after = await runCairn(dir, [...regression, '--format', 'markdown']);
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/^unparsable: 1 problem new since HEAD fails the run \(--fail-on-problems warning;/m);
      expect(after.stdout).toContain('❌ 1 problem new since HEAD fails the run');
      const json = JSON.parse((await runCairn(dir, [...regression, '--format', 'json'])).stdout);
      expect(json.problemGate).toEqual({ failOn: 'warning', failing: 1, since: 'HEAD', onBase: 2, passes: false });
    } finally {
      await rm(join(dir, '.github'), { recursive: true });
    }
  });

  it('does not fail on warnings that name no file: a shallow clone, no known owner', async () => {
    await using origin = await makeRepos({
      ledger: {
        commits: [
          { date: TEST_DATE, author: TEST_AUTHOR, message: 'Start', files: { 'README.md': '# Ledger\n' } },
          { date: TEST_DATE, author: TEST_AUTHOR, message: 'Code', files: { 'main.go': 'package main\n' } },
        ],
      },
    });
    const clone = join(origin.root, 'clone');
    await promisify(execFile)('git', ['clone', '--quiet', '--depth', '1', `file://${origin.dirs.ledger}`, clone]);
    const result = await runCairn(clone, ['check', '--fail-on-problems', 'warning']);
    expect(result.stderr).toContain('warning: This is a shallow clone with only its newest commit');
    expect(result.stderr).toMatch(/^warning: No owner is known/m);
    expect(result.code).toBe(0);
  });

  it('reports an invalid entity as a SARIF error', async () => {
    const { code, run } = await sarifOf(repos.dirs.invalid);
    expect(code).toBe(1);
    expect(run.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'cairn/descriptor-problem',
        level: 'error',
        locations: [
          expect.objectContaining({
            physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'catalog-info.yaml', uriBaseId: '%SRCROOT%' } }),
          }),
        ],
      }),
    );
  });

  it('reports a warning at warning level without failing', async () => {
    const { code, run } = await sarifOf(repos.dirs.warned);
    expect(code).toBe(0);
    expect(run.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'cairn/configuration-problem',
        level: 'warning',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: '.github/workflows/ci.yml', uriBaseId: '%SRCROOT%' },
              region: { startLine: expect.any(Number) },
            },
          },
        ],
      }),
    );
  });

  it('reports the problems of the docs, as the portal build would', async () => {
    const { code, stderr } = await runCairn(repos.dirs.documented, ['check']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^warning: mkdocs\.yml:4: The nav entry "Runbook" points at runbook\.md, which is not a Markdown page in docs\.$/m,
    );
  });

  it('lists the problems in the json, markdown and terminal formats too', async () => {
    const json = await runCairn(repos.dirs.unparsable, ['check', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'catalog-info.yaml', message: expect.stringMatching(/^YAML error/) }),
    );
    const markdown = await runCairn(repos.dirs.unparsable, ['check', '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/### Problems\n\n- \*\*error\*\* `catalog-info\.yaml:\d+` YAML error/);
    const terminal = await runCairn(repos.dirs.unparsable, ['check']);
    expect(terminal.code).toBe(1);
    expect(terminal.stderr).toMatch(/^error: catalog-info\.yaml:\d+: YAML error in catalog-info\.yaml/m);
  });
});
