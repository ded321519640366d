import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
/** npm and the installed `cairn` run on this Node (24), whatever Node the machine has on its PATH. */
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  SOURCE_DATE_EPOCH: '1793534400',
};
delete ENV.BASE_URL;

/** A Node older than Cairn supports, when the machine has one besides the Node 24 the tests run on (Debian's is 20). */
const OLD_NODE = await findOldNode();

async function findOldNode(): Promise<{ path: string; version: string } | undefined> {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    const version = await run(path, ['-p', 'process.versions.node']).then(
      ({ stdout }) => stdout.trim(),
      () => undefined,
    );
    if (version && Number(version.split('.')[0]) < 22) return { path, version };
  }
  return undefined;
}

let work: string;
let portal: string;
let fixture: RepoFixture<'billing'>;

/**
 * Cairn as an organisation uses it: the tarball `npm pack` makes, installed in a fresh folder that
 * holds only the organisation's portal.yaml and content, then `npx cairn build --config ./portal.yaml`.
 */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-package-'));
  await run('npm', ['pack', '--pack-destination', work], { cwd: ROOT, env: ENV, maxBuffer: 64 * 1024 * 1024 });
  const tarball = (await readdir(work)).find((file) => file.endsWith('.tgz'))!;
  portal = join(work, 'acme-portal');
  await mkdir(join(portal, 'teams'), { recursive: true });
  await writeFile(join(portal, 'package.json'), JSON.stringify({ name: 'acme-portal', private: true, type: 'module' }));
  await run('npm', ['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: portal,
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  const service = (name: string) =>
    files({
      'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: finance\n`,
      'README.md': `# ${name}\n\nSends invoices.\n`,
      'docs/index.md': `# ${name} handbook\n\n\`\`\`ts\nconst total: number = 1;\n\`\`\`\n`,
    });
  fixture = await makeRepos({ billing: service('billing'), ledger: service('ledger') });
  // A render worker beside the main thread, whatever the machine: the compiled one is tested too.
  await writeFile(join(portal, 'portal.yaml'), `title: Acme\nworkers: 1\nsources:\n  - type: directory\n    repos: ${fixture.root}/*\n`);
  await writeFile(
    join(portal, 'teams', 'finance.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: finance\nspec:\n  type: team\n  children: []\n',
  );
}, 300_000);

afterAll(async () => {
  await fixture?.remove();
  await rm(work, { recursive: true, force: true });
});

describe('Cairn installed from its package', () => {
  it('ships the compiled command line, the site and the collectors, and not the tests or the demo', async () => {
    const installed = join(portal, 'node_modules', 'cairn-portal');
    const shipped = await readdir(installed);
    expect(shipped.sort()).toEqual(
      expect.arrayContaining(['astro.config.mjs', 'bin', 'build', 'collectors', 'package.json', 'schemas', 'site']),
    );
    expect(shipped).not.toContain('test');
    expect(shipped).not.toContain('scripts');
    // Exactly the product: the command line compiled, one file per process it starts and the chunks
    // they share, without the development tools (demo, bench, generators).
    const build = await readdir(join(installed, 'build'));
    expect(build.filter((file) => !/^chunk-\w+\.js$/.test(file)).sort()).toEqual([
      'astro-process.js',
      'build-id',
      'cairn.js',
      'git-runner.js',
      'inputs.json',
      'render-worker.js',
      'repo-worker.js',
      'snapshot-summary-worker.js',
    ]);
  });

  it('judges a repository with npx cairn check, from the compiled command line', async () => {
    const failed = await run('npx', ['cairn', 'check', join(fixture.root, 'billing'), '--format', 'json'], { cwd: portal, env: ENV }).then(
      (result) => ({ ...result, code: 0 }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    // Billing has only a README and a descriptor: below the default standards' levels, so exit 1.
    expect([0, 1]).toContain(failed.code);
    const report = JSON.parse(failed.stdout) as { verdict: string; results: Array<{ entityRef: string; scorecard: string }> };
    expect(report.results.map((result) => result.entityRef)).toContain('component:default/billing');
    // Cairn's default scorecards, which the compile read into the command line.
    expect(new Set(report.results.map((result) => result.scorecard))).toEqual(new Set(['catalog', 'security', 'service-maturity']));
  });

  /** `npx cairn collect` with a configuration `text`, written as `name`.yaml, that it should refuse. */
  async function collectWith(name: string, text: string): Promise<{ code: number; stderr: string }> {
    await writeFile(join(portal, `${name}.yaml`), text);
    return run('npx', ['cairn', 'collect', '--config', `${name}.yaml`, '--snapshot', `${name}.json`], { cwd: portal, env: ENV }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
  }

  it('names the line of a configuration fault found as the run goes, from the compiled command line', async () => {
    // Located by reading portal.yaml again once the fault is found: code the sources never run alone.
    const failed = await collectWith('nowhere', 'title: Acme\nsources:\n  - type: directory\n    repos: ./nowhere/*\n');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^cairn collect: nowhere\.yaml:4: sources\[0\]\.repos: No folder matches "\.\/nowhere\/\*"/m);
  });

  it('says what a field expects in English, from the compiled command line (which has no other language of zod)', async () => {
    const failed = await collectWith('negative', 'title: Acme\nsources: []\nactivity:\n  windowDays: -3\n');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('negative.yaml:4: activity.windowDays: Too small: expected number to be >0');
  });

  it('builds the organisation’s portal with npx cairn build, printing nothing but its summary', async () => {
    const { stderr } = await run('npx', ['cairn', 'build', '--config', './portal.yaml', '--out', 'site'], {
      cwd: portal,
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    // No warning of any dependency (simple-git's unlisted configuration, Node's experimental features …).
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^Collected 2 repositories, 3 entities, 0 problems/),
      'Built the portal → site',
    ]);
    expect(await readFile(join(portal, 'site', 'catalog', 'default', 'component', 'billing', 'index.html'), 'utf8')).toContain('billing');
    // Both docs sites rendered, highlighted, one of them on the worker.
    for (const name of ['billing', 'ledger'])
      expect(await readFile(join(portal, 'site', 'catalog', 'default', 'component', name, 'docs', 'index.html'), 'utf8')).toContain(
        '<span class="code-keyword">const</span>',
      );
    expect(await readdir(join(portal, 'site', 'pagefind'))).toContain('pagefind.js');
    const { stdout } = await run('npx', ['cairn', '--version'], { cwd: portal, env: ENV });
    expect(stdout.trim()).toBe(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('serves the built portal to AI assistants with cairn mcp, from the compiled command line', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(portal, 'node_modules', '.bin', 'cairn'), 'mcp'],
      cwd: portal,
      env: ENV as Record<string, string>,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const found = (await client.callTool({ name: 'search_catalog', arguments: { text: 'billing' } })) as unknown as {
        structuredContent: { entities: Array<{ ref: string }> };
      };
      expect(found.structuredContent.entities.map((entity) => entity.ref)).toContain('component:default/billing');
      const explained = (await client.callTool({ name: 'explain_scorecard', arguments: { entity: 'billing' } })) as unknown as {
        isError?: boolean;
        structuredContent: { scorecards: unknown[] };
      };
      expect(explained.isError).toBeFalsy();
      expect(explained.structuredContent.scorecards.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it.runIf(OLD_NODE)('exits 2 on a Node older than it needs, naming both versions, before anything else runs', async () => {
    const failed = await run(OLD_NODE!.path, [join(portal, 'node_modules', '.bin', 'cairn'), 'build'], { cwd: portal, env: ENV }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        new RegExp(
          `^Cairn needs Node 22\\.\\d+\\.\\d+ or newer; this is ${OLD_NODE!.version.replaceAll('.', '\\.')}\\. Install a newer Node`,
        ),
      ),
    });
  });
});
