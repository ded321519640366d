import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardsFileSchema, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { readSnapshot } from '../../collectors/store/snapshot-file.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';
import { cairn, type CairnRun } from '../helpers/cli.ts';

/** A run that must succeed, as a user's script would stop at the first that does not. */
const succeeds = (run: CairnRun) => {
  expect(run, run.stderr).toMatchObject({ code: 0 });
  return run;
};

/**
 * A new organisation's first portal: `cairn init --repos`, then `cairn build` in the new folder,
 * then `cairn check --standards <the site's standards.json>` in each repository, as a pull request would.
 */
let fixture: RepoFixture<'orders' | 'ledger' | 'handbook'>;
let portal: string;
let snapshot: Snapshot;

const ORDERS =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\n  description: Takes orders.\nspec:\n  type: service\n  lifecycle: production\n  owner: payments\n';

beforeAll(async () => {
  fixture = await makeRepos({
    orders: files({
      'catalog-info.yaml': ORDERS,
      'README.md': '# Orders\n\nTakes and tracks customer orders.\n',
      '.github/CODEOWNERS': '* @acme/payments\n',
      Makefile: 'test:\n\tgo test ./...\n',
    }),
    ledger: files({ 'README.md': '# Ledger\n\nDouble-entry bookkeeping for the payments team.\n', CODEOWNERS: '* @acme/payments\n' }),
    handbook: files({ 'README.md': '# Handbook\n\nHow we work.\n', CODEOWNERS: '* @acme/people-ops\n' }),
  });
  portal = join(fixture.root, 'portal');
  succeeds(await cairn(fixture.root, 'init', 'portal', '--repos', '*'));
  // What a platform team adds next: a custom check in a level, and an exemption.
  await mkdir(join(portal, 'checks'), { recursive: true });
  await writeFile(
    join(portal, 'checks', 'makefile-test.yaml'),
    'id: makefile-test\ntitle: Makefile has a test target\ndescription: A Makefile with a test target.\nwhy: One command runs the tests.\nfix: Add a test target.\neffort: low\nrule:\n  type: file-contains\n  files: [Makefile]\n  pattern: "^test:"\n',
  );
  const maturity = await readFile(join(portal, 'scorecards', 'service-maturity.yaml'), 'utf8');
  await writeFile(
    join(portal, 'scorecards', 'service-maturity.yaml'),
    maturity.replace('      - ci-configured\n', '      - makefile-test\n'),
  );
  await writeFile(
    join(portal, 'exemptions.yaml'),
    'exemptions:\n  - entity: orders\n    check: codeowners-present\n    reason: moving to the new team layout\n    expires: 2099-01-01\n',
  );
  succeeds(await cairn(portal, 'build', '--out', 'site'));
  snapshot = await readSnapshot(join(portal, '.cache', 'snapshot.json'));
}, 300_000);

afterAll(() => fixture.remove());

describe('the first portal of an organisation', () => {
  it('judges every component with the default standards it was given', () => {
    const components = snapshot.entities.filter((entity) => entity.kind === 'Component');
    expect(components).toHaveLength(3);
    for (const component of components) {
      expect(
        snapshot.results
          .filter((result) => result.entityRef === component.ref)
          .map((result) => result.scorecard)
          .sort(),
      ).toEqual(['catalog', 'security', 'service-maturity']);
    }
  });

  it('gives every CODEOWNERS team a page with its roll-up', async () => {
    for (const team of ['payments', 'people-ops']) {
      const html = await readFile(join(portal, 'site', 'catalog', 'default', 'group', team, 'index.html'), 'utf8');
      expect(html).toContain('Service maturity');
    }
    const payments = await readFile(join(portal, 'site', 'catalog', 'default', 'group', 'payments', 'index.html'), 'utf8');
    expect(payments).toContain('ledger');
    expect(payments).toContain('orders');
  });

  it('publishes standards.json with what judges an entity', async () => {
    const published = standardsFileSchema.parse(JSON.parse(await readFile(join(portal, 'site', 'standards.json'), 'utf8')));
    expect(published.scorecards.map((scorecard) => scorecard.id)).toEqual(['catalog', 'security', 'service-maturity']);
    expect(published.customChecks.map((check) => check.id)).toEqual(['makefile-test']);
    expect(published.exemptions).toEqual([
      {
        entityRef: 'component:default/orders',
        checkId: 'codeowners-present',
        reason: 'moving to the new team layout',
        expires: '2099-01-01',
      },
    ]);
    expect(published.teams.map((team) => team.ref)).toEqual(
      expect.arrayContaining(['group:default/payments', 'group:default/people-ops', 'group:default/platform']),
    );
  });

  it('gives, in each repository, the verdict the portal gives with cairn check --standards', async () => {
    for (const repo of ['orders', 'ledger', 'handbook'] as const) {
      const { stdout } = succeeds(
        await cairn(fixture.dirs[repo], 'check', '--standards', join(portal, 'site', 'standards.json'), '--format', 'json'),
      );
      const report = JSON.parse(stdout) as {
        standards: string;
        results: Array<{ entityRef: string; scorecard: string; level: string | null; score: number }>;
      };
      expect(report.standards).toMatch(/^the portal's standards published at .*standards\.json \(2026-05-28\)$/);
      const portalVerdict = snapshot.results
        .filter((result) => result.entityRef === `component:default/${repo}`)
        .map(({ entityRef, scorecard, level, score }) => ({ entityRef, scorecard, level, score }));
      expect(report.results.map(({ entityRef, scorecard, level, score }) => ({ entityRef, scorecard, level, score }))).toEqual(
        portalVerdict,
      );
    }
  });
});
