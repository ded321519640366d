import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../collectors/contract/snapshot.ts';
import { main } from '../../scripts/cli/main.ts';
import { CAIRN_BIN, cairn, cairnEnv, spawnCairn } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

let fixture: RepoFixture<'orders' | 'docs-site' | 'broken'>;

beforeAll(async () => {
  fixture = await makeRepos({
    orders: files({
      'catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n',
      ].join('---\n'),
      'README.md': '# Orders\n\nTakes orders.\n',
    }),
    'docs-site': files({ 'README.md': '# Docs site\n\nThe handbook.\n', CODEOWNERS: '* @acme/writers\n' }),
    broken: files({ 'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: oops: bad\nspec: {}\n' }),
  });
  await mkdir(join(fixture.root, 'not-a-repo'));
});

afterAll(() => fixture.remove());

describe('cairn collect', () => {
  it('collects every work tree matching --repos without a config file, problems included', async () => {
    const snapshotPath = join(fixture.root, 'out', 'snapshot.json');
    const result = await cairn(fixture.root, 'collect', '--repos', '*', '--snapshot', snapshotPath);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Collected 3 repositories, \d+ entities, \d+ problems/m);
    const snapshot = snapshotSchema.parse(JSON.parse(await readFile(snapshotPath, 'utf8')));
    expect(snapshot.generatedAt).toBe('2026-05-28T20:26:40.000Z');
    expect(snapshot.repos.map((repo) => repo.name)).toEqual(['broken', 'docs-site', 'orders']);
    // `broken`'s descriptor does not load: the repository is kept in the catalog, inferred.
    expect(snapshot.entities.map((entity) => entity.ref)).toEqual([
      'component:default/broken',
      'component:default/docs-site',
      'component:default/orders',
      'group:default/team-a',
      'group:default/writers',
    ]);
    expect(snapshot.entities.find((entity) => entity.ref === 'component:default/docs-site')).toMatchObject({ inferred: true });
    expect(snapshot.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ repo: 'not-a-repo', severity: 'warning' }),
        expect.objectContaining({ repo: 'broken', file: 'catalog-info.yaml', line: 4 }),
      ]),
    );
  });

  it('exits 1 with --strict when there are errors', async () => {
    const result = await cairn(fixture.root, 'collect', '--repos', '*', '--snapshot', join(fixture.root, 'strict.json'), '--strict');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--strict: \d+ errors? \(see the problems page/);
  });

  it('exits 0 with --strict on warnings alone, and 1 with --fail-on warning', async () => {
    // A folder that is not a repository is a warning; docs-site collects cleanly.
    const args = ['collect', '--repos', '{docs-site,not-a-repo}', '--snapshot', join(fixture.root, 'warnings.json'), '--strict'];
    const lenient = await cairn(fixture.root, ...args);
    expect(lenient.stderr).toMatch(/, [1-9]\d* problems? \(0 errors\)/);
    expect(lenient.code).toBe(0);
    const strict = await cairn(fixture.root, ...args, '--fail-on', 'warning');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: [1-9]\d* problems? \(see the problems page/);
  });

  it('exits 2 when --repos matches no folder, or only folders that are not git work trees', async () => {
    const none = await cairn(fixture.root, 'collect', '--repos', 'nothing-*', '--snapshot', join(fixture.root, 'none.json'), '--strict');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^cairn \w+: No folder matches "nothing-\*" \(relative to the current folder\): expected git work trees there/m,
    );
    const notRepos = await cairn(
      fixture.root,
      'collect',
      '--repos',
      'not-a-repo',
      '--snapshot',
      join(fixture.root, 'none.json'),
      '--strict',
    );
    expect(notRepos.code).toBe(2);
    expect(notRepos.stderr).toMatch(
      /^cairn \w+: "not-a-repo" \(relative to the current folder\) matches a folder but no git work tree \(none has \.git\): not-a-repo\./m,
    );
    expect(notRepos.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns of a portal.yaml that lists no sources', async () => {
    const config = join(fixture.root, 'no-sources.yaml');
    await writeFile(config, 'title: Nothing to scan\n');
    const snapshot = join(fixture.root, 'no-sources.json');
    const result = await cairn(fixture.root, 'collect', '--config', config, '--snapshot', snapshot);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Collected 0 repositories, .*1 problem \(0 errors\)/);
    const { problems } = JSON.parse(await readFile(snapshot, 'utf8')) as { problems: Array<{ file?: string; message: string }> };
    expect(problems).toEqual([
      expect.objectContaining({ file: 'no-sources.yaml', message: expect.stringMatching(/^no-sources\.yaml lists no sources/) }),
    ]);
  });

  it('names portal.yaml, the line and the field of a directory source whose glob matches nothing or never closes a bracket', async () => {
    const config = join(fixture.root, 'globs.yaml');
    const collect = async (repos: string) => {
      await writeFile(
        config,
        `title: Globs\nsources:\n  - type: directory\n    repos: docs-site\n  - type: directory\n    repos: '${repos}'\n`,
      );
      return cairn(fixture.root, 'collect', '--config', config, '--snapshot', join(fixture.root, 'globs.json'));
    };
    const none = await collect('nothing-*');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^cairn \w+: globs\.yaml:6: sources\[1\]\.repos: No folder matches "nothing-\*"/m);
    const plain = await collect('not-a-repo');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(
      /^cairn \w+: globs\.yaml:6: sources\[1\]\.repos: "not-a-repo" \(relative to the current folder\) matches a folder but no git work tree/m,
    );
    const unclosed = await collect('[docs-site');
    expect(unclosed.code).toBe(2);
    expect(unclosed.stderr).toMatch(
      /^cairn collect: globs\.yaml:6: sources\[1\]\.repos: glob "\[docs-site": "\[" at character 1 is never closed/m,
    );
    const flag = await cairn(fixture.root, 'collect', '--repos', '[docs-site', '--snapshot', join(fixture.root, 'globs.json'));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^cairn collect: --repos: glob "\[docs-site": "\[" at character 1 is never closed/m);
    expect(flag.stderr + none.stderr + unclosed.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 with --strict when all is well', async () => {
    const result = await cairn(fixture.root, 'collect', '--repos', 'orders', '--snapshot', join(fixture.root, 'clean.json'), '--strict');
    expect(result.stderr).toMatch(/, 0 problems/);
    expect(result.code).toBe(0);
  });
});

describe('bad usage and configuration exit 2 without a stack trace', () => {
  it.each([
    [['collect', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['collect', '--repos'], /--repos/],
    [['collect', '--config', 'missing.yaml'], /^cairn \w+: missing\.yaml: file not found$/m],
    // A file named like Cairn's package still gets the command's name before it.
    [['collect', '--config', 'cairn-portal.yaml'], /^cairn collect: cairn-portal\.yaml: file not found$/m],
    [['collect'], /No portal\.yaml or content\/portal\.yaml here/],
    [['collect', '--repos', '*', '--strict', '--fail-on', 'notice'], /--fail-on notice: expected error or warning\./],
    [
      ['collect', '--repos', '*', '--fail-on', 'warning'],
      /^cairn \w+: --fail-on warning applies with --strict, .*: add --strict, or leave --fail-on out\.$/m,
    ],
    [
      ['collect', '--repos', '*', '--no-cache', '--cache', 'facts'],
      /^cairn \w+: --cache facts and --no-cache contradict each other: give one of them\.$/m,
    ],
    [
      ['build', '--repos', '*', '--history', 'runs', '--no-history'],
      /^cairn \w+: --history runs and --no-history contradict each other: give one of them\.$/m,
    ],
    [['collect', '--repos', ''], /--repos: expected a glob/],
    [['build', '--repos', '*', '--base', 'https://x/y/'], /--base https:\/\/x\/y\/: expected a path starting with \//],
    [['build', '--repos', '*', '--site', 'not a url'], /--site not a url: .*URL/i],
    [['build', '--repos', '*', '--out', '.'], /--out .* already holds files that are not a Cairn site/],
    [
      ['build', '--repos', '*', '--out', 'site', '--snapshot', 'site/snapshot.json'],
      /--snapshot site\/snapshot\.json is inside --out site/,
    ],
    [['collect', '--repos', '*', '--snapshot', '.'], /--snapshot \. is a folder/],
    // Where a file is in the way of an output, before any repository is read.
    [
      ['collect', '--repos', '*', '--snapshot', 'orders/README.md/s.json'],
      /^cairn \w+: --snapshot orders\/README\.md\/s\.json: \S+orders\/README\.md is a file, not a folder/m,
    ],
    [['collect', '--repos', '*', '--cache', 'orders/README.md'], /^cairn \w+: --cache orders\/README\.md is a file; expected a folder\.$/m],
    // A file system that refuses new folders, where Node's recursive mkdir would retry forever.
    [
      ['collect', '--repos', '*', '--snapshot', '/proc/nope/s.json'],
      /^cairn \w+: --snapshot \/proc\/nope\/s\.json: \/proc\/nope cannot be created \(ENOENT\)\.$/m,
    ],
    [
      ['build', '--repos', '*', '--history', 'orders/README.md/runs'],
      /^cairn \w+: --history orders\/README\.md\/runs: \S+ is a file, not a folder/m,
    ],
    [['build', '--repos', '*', '--out', 'orders/README.md/site'], /^cairn \w+: --out \S*orders\/README\.md\/site: a file is in the way/m],
    [
      ['check', 'orders', '--output', 'orders/README.md/report.txt'],
      /^cairn \w+: --output orders\/README\.md\/report\.txt: \S+ is a file, not a folder/m,
    ],
    [['collect', '--config', '.'], /^cairn \w+: \.: is a folder; expected a YAML file$/m],
    [['preview', '--out', 'nowhere'], /is not a site built by Cairn/],
    [['preview', '--port', '70000'], /^cairn \w+: --port 70000: expected a whole number from 1 to 65535\.$/m],
    [['dev', '--port', 'http'], /^cairn \w+: --port http: expected a whole number from 1 to 65535\.$/m],
  ])('cairn %j', async (args, message) => {
    const result = await cairn(fixture.root, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each([
    [
      'sources:\n  - type: github\n    apiUrl: https://ghe.example.com/api/v3\n',
      'cairn collect: portal.yaml:2: sources[0].org: expected exactly one of org or user',
    ],
    [
      'sources:\n  - type: git\n    repos: https://git.example.com/acme/a.git\n',
      'cairn collect: portal.yaml:3: sources[0].repos: expected array, received string',
    ],
    [
      'sources:\n  - type: github\n    org: acme\n    tokenEnv: $GITHUB_TOKEN\n',
      'cairn collect: portal.yaml:4: sources[0].tokenEnv: expected the name of an environment variable',
    ],
  ])('names the file, line and field of a bad remote source: %j', async (yaml, message) => {
    await writeFile(join(fixture.root, 'portal.yaml'), yaml);
    const result = await cairn(fixture.root, 'collect', '--config', 'portal.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });

  it('names the file, line and field of a bad portal.yaml', async () => {
    await writeFile(join(fixture.root, 'portal.yaml'), 'title: Acme\nsources:\n  - type: directory\n    repos: 42\n');
    const result = await cairn(fixture.root, 'collect', '--config', 'portal.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('cairn collect: portal.yaml:4: sources[0].repos: expected string, received number');
  });
});

describe('bad guides exit 2 naming file, line and field, before anything is collected', () => {
  const frontmatter = [
    'title: Set up CI',
    'summary: Build every change.',
    'category: Build',
    'owner: team-a',
    'status: recommended',
    'reviewed: 2026-05-01',
    'checks: [ci-configured]',
  ];
  async function portalWithGuide(name: string, text: string): Promise<string> {
    const dir = join(fixture.root, `guides-${name}`);
    await mkdir(join(dir, 'guides', 'build'), { recursive: true });
    await writeFile(join(dir, 'portal.yaml'), 'sources:\n  - type: directory\n    repos: ../orders\n');
    await writeFile(join(dir, 'guides', 'build', 'set-up-ci.mdx'), text);
    return join(dir, 'portal.yaml');
  }

  it.each([
    {
      name: 'status',
      text: `---\n${frontmatter.join('\n').replace('status: recommended', 'status: golden')}\n---\n# CI\n`,
      message: /^cairn \w+: guides-status\/guides\/build\/set-up-ci\.mdx:6: status: expected one of "draft"\|"recommended"\|"deprecated"$/m,
    },
    {
      name: 'check',
      text: `---\n${frontmatter.join('\n').replace('[ci-configured]', '[ci-configure]')}\n---\n# CI\n`,
      message: /set-up-ci\.mdx:8: checks\[0\]: unknown check "ci-configure"; did you mean "ci-configured"\?/,
    },
    {
      name: 'link',
      text: `---\n${frontmatter.join('\n')}\n---\n# CI\n\nSee [containers](/guides/build/containerise/#base-image).\n`,
      message: /set-up-ci\.mdx:12: link \/guides\/build\/containerise\/#base-image: no guide "build\/containerise"/,
    },
    {
      name: 'section',
      text: `---\n${frontmatter.join('\n')}\n---\n## Add the workflow\n\n[below](#pin-actions)\n`,
      message: /set-up-ci\.mdx:12: link #pin-actions: guide "build\/set-up-ci" has no section "pin-actions"/,
    },
  ])('a bad $name', async ({ name, text, message }) => {
    const config = await portalWithGuide(name, text);
    const result = await cairn(fixture.root, 'build', '--config', config, '--out', join(fixture.root, `guides-${name}-site`));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('progress', () => {
  it('is shown on one rewritten line when stderr is a terminal, and not in a pipe', async () => {
    const args = ['collect', '--repos', 'orders', '--snapshot', join(fixture.root, 'progress.json'), '--no-history', '--no-cache'];
    const written: string[] = [];
    const terminal = { isTTY: true, columns: 80, write: (text: string) => written.push(text) };
    expect(await main({ argv: args, cwd: fixture.root, env: cairnEnv(), stdout: { write: () => true }, stderr: terminal })).toBe(0);
    expect(written.join('')).toMatch(/^\r\x1b\[2KCollecting 1\/1 orders\r\x1b\[2KCollected 1 repository, /);
    const piped = await cairn(fixture.root, ...args);
    expect(piped.stderr).toMatch(/^Collected 1 repository, /);
  });

  it('is cut to 80 columns on a terminal that does not say its width', async () => {
    const args = ['collect', '--repos', 'docs-site', '--snapshot', join(fixture.root, 'progress.json'), '--no-history', '--no-cache'];
    const written: string[] = [];
    const terminal = { isTTY: true, columns: 0, write: (text: string) => written.push(text) };
    expect(await main({ argv: args, cwd: fixture.root, env: cairnEnv(), stdout: { write: () => true }, stderr: terminal })).toBe(0);
    expect(written.join('')).toMatch(/^\r\x1b\[2KCollecting 1\/1 docs-site\r/);
  });
});

describe('colour', () => {
  it('is used for a report shown on a terminal, never in an --output file written from one', async () => {
    const shown: string[] = [];
    const terminal = { isTTY: true, columns: 80, write: (text: string) => shown.push(text) };
    const dir = join(fixture.root, 'orders');
    const quiet = { write: () => true };
    expect(await main({ argv: ['check', dir], cwd: fixture.root, env: cairnEnv(), stdout: terminal, stderr: quiet })).toBe(0);
    expect(shown.join('')).toContain('\x1b[');
    const file = join(fixture.root, 'report.txt');
    expect(
      await main({ argv: ['check', dir, '--output', file], cwd: fixture.root, env: cairnEnv(), stdout: terminal, stderr: quiet }),
    ).toBe(0);
    const written = await readFile(file, 'utf8');
    expect(written).toMatch(/\S/);
    expect(written).not.toContain('\x1b');
  });
});

describe('the cairn binary', () => {
  it('prints the version and exits 0', async () => {
    const result = await spawnCairn(fixture.root, ['--version']);
    expect(result).toEqual({
      code: 0,
      stdout: `${JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`,
      stderr: '',
    });
  });

  it('ends with its own exit code when the reader of its output goes away (cairn check 2>&1 | head -1)', async () => {
    const expected = (await spawnCairn(fixture.root, ['check', 'orders'])).code;
    const child = spawn(process.execPath, [CAIRN_BIN, 'check', 'orders'], {
      cwd: fixture.root,
      env: cairnEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    child.stderr.destroy();
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(expected);
  });

  it('exits 2 on bad usage, with the message and no stack trace', async () => {
    const result = await spawnCairn(fixture.root, ['collect', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cairn collect: Unknown option '--bogus'/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('previews a built site on the port and address given, a folder answered with or without its slash', async () => {
    const site = join(fixture.root, 'preview-site');
    await mkdir(join(site, 'catalog'), { recursive: true });
    await writeFile(join(site, '.cairn-site.json'), '{"base":"/"}\n');
    await writeFile(join(site, 'index.html'), '<!DOCTYPE html><title>Home</title>');
    await writeFile(join(site, 'catalog', 'index.html'), '<!DOCTYPE html><title>The catalog</title>');
    await writeFile(join(site, '404.html'), '<!DOCTYPE html><title>Not found</title>');
    const port = await freePort();
    const child = spawn(process.execPath, [CAIRN_BIN, 'preview', '--out', 'preview-site', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: fixture.root,
      env: cairnEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      while (!printed.includes(`http://127.0.0.1:${port}/`)) await Promise.race([once(child.stdout, 'data'), once(child, 'close')]);
      const page = async (path: string) => {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        return `${response.status} ${/<title>([^<]*)/.exec(await response.text())?.[1]}`;
      };
      expect(await page('/catalog/')).toBe('200 The catalog');
      expect(await page('/catalog')).toBe('200 The catalog');
      expect(await page('/nowhere/')).toBe('404 Not found');
    } finally {
      child.kill();
    }
  });

  it('exits 2 with the usage when given no command', async () => {
    const result = await spawnCairn(fixture.root, []);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^Usage: cairn <command>/);
  });
});

describe('--version', () => {
  it('prints the version', async () => {
    const result = await cairn(fixture.root, '--version');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('--help', () => {
  it.each(['build', 'collect', 'merge', 'check', 'checks', 'fix', 'mcp', 'dev', 'preview'])('cairn %s --help', async (command) => {
    const result = await cairn(fixture.root, command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: cairn ${command}`));
    expect(result.stdout).toMatch(/--help/);
  });

  it("cairn help <command> is that command's help; an unknown one is bad usage", async () => {
    expect(await cairn(fixture.root, 'help', 'check')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: cairn check/) });
    expect(await cairn(fixture.root, 'help', 'nope')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "nope"') });
  });

  it('cairn --help lists the commands', async () => {
    const result = await cairn(fixture.root, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/build .*\n\s+collect/);
  });
});

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
