import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readSnapshot } from '../../collectors/store/snapshot-file.ts';
import { cairn } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

let fixture: RepoFixture<'orders' | 'ledger' | 'handbook'>;

beforeAll(async () => {
  fixture = await makeRepos({
    orders: files({
      'README.md': '# Orders\n\nTakes and tracks customer orders.\n',
      '.github/CODEOWNERS': '* @acme/Payments\n/docs/ @acme/docs-team @someone\n',
    }),
    ledger: files({ 'README.md': '# Ledger\n\nDouble-entry bookkeeping.\n', CODEOWNERS: '* @acme/payments\n' }),
    handbook: files({ 'README.md': '# Handbook\n\nHow we work.\n' }),
  });
});

afterAll(() => fixture.remove());

describe('cairn init', () => {
  it('writes a portal with the default standards, a starter guide, the CODEOWNERS teams, a workflow and a README', async () => {
    const result = await cairn(fixture.root, 'init', 'portal', '--repos', 'repos-that-do-not-exist/*');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'No folder matches "repos-that-do-not-exist/*" (relative to the current folder): expected git work trees there.',
    );
    const unclosed = await cairn(fixture.root, 'init', 'portal', '--repos', '[repos');
    expect(unclosed.code).toBe(2);
    expect(unclosed.stderr).toBe(
      'cairn init: --repos: glob "[repos": "[" at character 1 is never closed; write \\[ or \\{ for the character itself\n',
    );

    const made = await cairn(fixture.root, 'init', 'portal', '--repos', '*', '--title', 'Acme Portal');
    expect(made.code).toBe(0);
    const portal = join(fixture.root, 'portal');
    expect((await readdir(join(portal, 'teams'))).sort()).toEqual(['docs-team.yaml', 'payments.yaml', 'platform.yaml']);
    expect(parse(await readFile(join(portal, 'teams', 'payments.yaml'), 'utf8'))).toMatchObject({
      kind: 'Group',
      metadata: { name: 'payments', description: 'Named in CODEOWNERS of ledger, orders.' },
    });
    expect((await readdir(join(portal, 'scorecards'))).sort()).toEqual(['catalog.yaml', 'security.yaml', 'service-maturity.yaml']);
    expect(await readFile(join(portal, 'scorecards', 'security.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/cairn-portal\/schemas\/scorecard\.schema\.json\n/,
    );
    expect(parse(await readFile(join(portal, 'portal.yaml'), 'utf8'))).toEqual({
      title: 'Acme Portal',
      sources: [{ type: 'directory', repos: '../*' }],
    });
    expect(JSON.parse(await readFile(join(portal, 'package.json'), 'utf8'))).toMatchObject({
      name: 'acme-portal',
      dependencies: { 'cairn-portal': expect.stringMatching(/^\^\d/) },
    });
    expect(await readFile(join(portal, '.github', 'workflows', 'portal.yml'), 'utf8')).toContain('npx cairn build --config portal.yaml');
    const readme = await readFile(join(portal, 'README.md'), 'utf8');
    expect(readme).toContain('## What to edit first');
    // The workflow installs with `npm ci`, which needs the lockfile the first `npm install` writes.
    expect(await readFile(join(portal, '.github', 'workflows', 'portal.yml'), 'utf8')).toContain('npm ci');
    expect(readme).toMatch(/Commit the `package-lock\.json`/);
  });

  it('refuses to overwrite anything, and writes nothing then', async () => {
    const portal = join(fixture.root, 'portal');
    await writeFile(join(portal, 'portal.yaml'), 'title: Mine\n');
    const again = await cairn(fixture.root, 'init', 'portal', '--repos', '*');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/portal\/package\.json, portal\/portal\.yaml, .* already exist; cairn init overwrites nothing/);
    expect(await readFile(join(portal, 'portal.yaml'), 'utf8')).toBe('title: Mine\n');
    await writeFile(join(portal, 'portal.yaml'), 'title: Acme Portal\nsources:\n  - type: directory\n    repos: ../*\n');
  });

  it('gives a portal whose every component has scorecard results, collected with no flag but the folder', async () => {
    const portal = join(fixture.root, 'portal');
    const collected = await cairn(portal, 'collect');
    expect(collected.code).toBe(0);
    const snapshot = await readSnapshot(join(portal, '.cache', 'snapshot.json'));
    expect(snapshot.standards?.scorecardsFrom).toBe('content');
    const components = snapshot.entities.filter((entity) => entity.kind === 'Component').map((entity) => entity.ref);
    expect(components.sort()).toEqual(['component:default/handbook', 'component:default/ledger', 'component:default/orders']);
    for (const ref of components) {
      expect(
        snapshot.results
          .filter((result) => result.entityRef === ref)
          .map((result) => result.scorecard)
          .sort(),
      ).toEqual(['catalog', 'security', 'service-maturity']);
    }
    expect(snapshot.guides.map((guide) => guide.id)).toEqual(['start/catalog']);
    // The hand-written teams of teams/ own what CODEOWNERS gives them.
    const payments = snapshot.entities.find((entity) => entity.ref === 'group:default/payments')!;
    expect(payments.source.repo).toBeUndefined();
    expect(
      payments.relations
        .filter((relation) => relation.type === 'ownerOf')
        .map((relation) => relation.targetRef)
        .sort(),
    ).toEqual(['component:default/ledger', 'component:default/orders']);
  });
});

describe('Cairn without a portal', () => {
  it('collects with the default standards', async () => {
    const snapshotFile = join(fixture.root, 'bare.json');
    const collected = await cairn(fixture.root, 'collect', '--repos', '*', '--snapshot', snapshotFile, '--no-history', '--no-cache');
    expect(collected.code).toBe(0);
    const snapshot = await readSnapshot(snapshotFile);
    expect(snapshot.standards?.scorecardsFrom).toBe('defaults');
    expect(snapshot.scorecards.map((scorecard) => scorecard.id).sort()).toEqual(['catalog', 'security', 'service-maturity']);
    expect(new Set(snapshot.results.map((result) => result.entityRef)).size).toBe(3);
  });

  it('checks a repository with the default standards and says so right after the verdict, whatever portal.yaml is in the current folder', async () => {
    const terminal = await cairn(join(fixture.root, 'portal'), 'check', fixture.dirs.orders);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout.split('\n')[1]).toBe(
      "Judged with Cairn's default standards (Catalog, Security, Service maturity); pass --standards <your portal's standards.json> or --config <portal.yaml> to judge with your portal's.",
    );
    const markdown = await cairn(join(fixture.root, 'portal'), 'check', fixture.dirs.orders, '--format', 'markdown');
    expect(markdown.stdout.split('\n')[3]).toMatch(/^Judged with Cairn's default standards \\\(Catalog, Security, Service maturity\\\)/);
    const json = JSON.parse((await cairn(fixture.root, 'check', fixture.dirs.orders, '--format', 'json')).stdout);
    expect(json.standards).toMatch(/^Cairn's default standards/);
  });

  it('says what is wrong with a --standards file that is not one', async () => {
    const bad = join(fixture.root, 'bad.json');
    await writeFile(bad, '{"format":"something-else"}');
    const checked = await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', bad);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`--standards ${bad}: not a Cairn standards.json (format:`);
    // A portal built by another Cairn, whose scorecards use a check this one does not have.
    // A standards.json with one scorecard, `ready`, whose level `bronze` has these checks.
    const standardsWith = async (name: string, checks: unknown[]) => {
      const file = join(fixture.root, name);
      const scorecard = { id: 'ready', title: 'Ready', levels: [{ id: 'bronze', checks }] };
      const standards = { format: 'cairn-standards/1', generatedAt: '2026-11-01T00:00:00.000Z', scorecardsFrom: 'content' };
      await writeFile(file, JSON.stringify({ ...standards, scorecards: [scorecard], customChecks: [], exemptions: [], teams: [] }));
      return file;
    };
    const future = await standardsWith('future.json', ['readme-present', 'from-the-future']);
    const judged = await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', future);
    expect(judged.code).toBe(2);
    expect(judged.stderr).toBe(
      `cairn check: --standards ${future}: its scorecards use a check this Cairn does not have (from-the-future). The portal is built by another version of Cairn: run the cairn-portal version it is built with.\n`,
    );
    // Cairn's format in another shape: a custom check whose pattern an earlier Cairn took, and this one refuses.
    const earlier = join(fixture.root, 'earlier.json');
    const lookahead = {
      id: 'no-placeholder',
      title: 'T',
      description: 'd',
      why: 'w',
      fix: 'f',
      effort: 'low',
      rule: { type: 'file-contains', files: 'LICENSE', pattern: 'x(?!y)' },
    };
    await writeFile(earlier, JSON.stringify({ ...JSON.parse(await readFile(future, 'utf8')), customChecks: [lookahead] }));
    const refused = await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', earlier);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^cairn check: --standards .*earlier\.json: a standards\.json this Cairn cannot use \(customChecks\.0\.rule\.pattern: not a pattern custom checks can match .*\)\. The portal was probably built by another version of Cairn: build it again with this one, or check with the version it was built with\.\n$/,
    );
    // Options a check rejects: bad input, as in portal.yaml, not an error result on every entity.
    const optioned = await standardsWith('optioned.json', [{ id: 'readme-present', options: { minWords: 'lots' } }]);
    const rejected = await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', optioned);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(
      new RegExp(
        `^cairn check: --standards ${optioned.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: scorecard ready, level bronze, check readme-present: options\\.minWords: .+\\.\n$`,
      ),
    );
    const missing = await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', join(fixture.root, 'nowhere.json'));
    expect(missing.stderr).toContain('file not found');
    const both = await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', bad, '--config', 'portal/portal.yaml');
    expect(both.stderr).toContain('--standards and --config both say what to judge with');
    expect((await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', 'portal')).stderr).toBe(
      "cairn check: --standards portal: a folder; expected a portal's standards.json (e.g. dist/standards.json).\n",
    );
    expect((await cairn(fixture.root, 'check', fixture.dirs.orders, '--standards', 'portal/portal.yaml')).stderr).toMatch(
      /^cairn check: --standards portal\/portal\.yaml: not JSON \(.*\)\. A portal\.yaml goes with --config\.\n$/,
    );
    const nowhere = await cairn(fixture.root, 'check', join(fixture.root, 'nowhere'));
    expect([nowhere.code, nowhere.stderr]).toEqual([
      2,
      `cairn check: ${join(fixture.root, 'nowhere')}: no such folder; expected the folder of a git repository (default: the current one).\n`,
    ]);
    const file = join(fixture.dirs.orders, 'README.md');
    expect((await cairn(fixture.root, 'check', file)).stderr).toBe(
      `cairn check: ${file}: a file; expected the folder of a git repository (default: the current one).\n`,
    );
    // A portal.yaml given by its absolute path is named by it, not by a path climbing out of the current folder.
    const absolute = join(fixture.root, 'portal', 'portal.yaml');
    const judgedByPath = await cairn(fixture.dirs.orders, 'check', '--config', absolute);
    expect(judgedByPath.stdout).toContain(`the portal's standards from ${absolute}`);
  });
});
