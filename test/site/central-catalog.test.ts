import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';
import { buildPortal } from '../helpers/cli.ts';

/**
 * An organisation whose platform team declares some services in a central catalog repository, each
 * naming where its code is with `backstage.io/source-location`: the service is judged on its code's
 * repository, and its descriptor's evidence still points at the catalog repository.
 */
let fixture: RepoFixture<'platform-catalog' | 'web-frontend'>;
let snapshot: Snapshot;

const STOREFRONT =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: storefront-central\n  description: The shop front, declared centrally.\n  annotations:\n    backstage.io/source-location: url:https://github.com/acme/web-frontend/tree/main/\nspec:\n  type: website\n  lifecycle: production\n  owner: web\n';
const REGISTRY =
  'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: central\nspec:\n  targets: [./catalog/extra-entities.yaml]\n';

beforeAll(async () => {
  fixture = await makeRepos({
    'platform-catalog': files({
      'catalog-info.yaml': REGISTRY,
      'catalog/extra-entities.yaml': STOREFRONT,
      'README.md': '# Catalog\n',
      'docs/index.md': '# Catalog\n\nHow the platform team keeps the catalog.\n',
    }),
    'web-frontend': files({
      '.github/CODEOWNERS': '* @acme/web\n',
      'README.md': `# Web frontend\n\nThe shop front of Acme, in TypeScript. ${'It lists products, takes orders and shows where they are. '.repeat(6)}\n`,
      'package.json': '{ "name": "web-frontend", "scripts": { "test": "vitest" } }\n',
      'docs/index.md': '# Web frontend\n\nHow the shop front is built and released.\n',
    }),
  });
  snapshot = await buildPortal(
    fixture.root,
    "title: Acme\nsources:\n  - type: directory\n    repos: ./*\n    webUrl: 'https://github.com/acme/{name}'\n",
  );
}, 300_000);

afterAll(() => fixture.remove());

const resultOf = (scorecard: string, check: string) =>
  snapshot.results
    .find((result) => result.entityRef === 'component:default/storefront-central' && result.scorecard === scorecard)!
    .checks.find((scored) => scored.checkId === check)!;

describe('an entity declared in a central catalog repository', () => {
  it('is judged on the repository its source-location names', () => {
    expect(snapshot.entities.find((entity) => entity.ref === 'component:default/storefront-central')).toMatchObject({
      source: { repo: 'platform-catalog', file: 'catalog/extra-entities.yaml' },
      codeRepo: 'web-frontend',
    });
    expect(resultOf('catalog', 'codeowners-present')).toMatchObject({ outcome: 'pass', evidence: [{ path: '.github/CODEOWNERS' }] });
    expect(resultOf('service-maturity', 'readme-present')).toMatchObject({ outcome: 'pass', evidence: [{ path: 'README.md' }] });
  });

  it('stands for its code’s repository, which gets no inferred entry beside it', () => {
    expect(snapshot.entities.filter((entity) => entity.kind === 'Component').map((entity) => entity.ref)).toEqual([
      'component:default/storefront-central',
    ]);
    expect(snapshot.problems.filter((problem) => problem.repo === 'web-frontend')).toEqual([]);
  });

  it('keeps its descriptor’s checks, and their evidence, in the catalog repository', () => {
    expect(resultOf('catalog', 'descriptor-valid')).toMatchObject({
      outcome: 'pass',
      evidence: [{ path: 'catalog/extra-entities.yaml', repo: 'platform-catalog', line: 1 }],
    });
  });

  it('links its evidence to the repository each file is in, and shows its code’s repository', async () => {
    const page = await readFile(join(fixture.root, 'site', 'catalog', 'default', 'component', 'storefront-central', 'index.html'), 'utf8');
    // links-set fails on the descriptor: its evidence is the catalog repository's file.
    expect(page).toMatch(/href="https:\/\/github\.com\/acme\/platform-catalog\/blob\/[0-9a-f]{40}\/catalog\/extra-entities\.yaml#L1"/);
    expect(page).not.toMatch(/github\.com\/acme\/web-frontend\/blob\/[0-9a-f]{40}\/catalog\/extra-entities\.yaml/);
    expect(page).toMatch(/<h2>Repository<\/h2>[\s\S]*web-frontend/);
  });

  it('shows the docs of its code’s repository, not the catalog repository’s', async () => {
    const docs = await readFile(
      join(fixture.root, 'site', 'catalog', 'default', 'component', 'storefront-central', 'docs', 'index.html'),
      'utf8',
    );
    expect(docs).toContain('How the shop front is built and released.');
    expect(docs).not.toContain('How the platform team keeps the catalog.');
    expect(resultOf('service-maturity', 'docs-present')).toMatchObject({ outcome: 'pass' });
  });
});
