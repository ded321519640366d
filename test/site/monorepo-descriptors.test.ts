import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardsFileSchema, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';
import { buildPortal, cairn } from '../helpers/cli.ts';

/**
 * A monorepo that declares one entity per service, below its root, as Backstage discovery with
 * `catalogPath: '**\/catalog-info.yaml'` reads it: by default Cairn says where they are and how to
 * read them; with portal.yaml's `catalog.paths` it reads them, and so does `cairn check` with the
 * portal's standards.json.
 */
let fixture: RepoFixture<'monorepo'>;
let snapshot: Snapshot;

const service = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: The ${name} service.\nspec:\n  type: service\n  lifecycle: production\n  owner: team-mono\n`;

beforeAll(async () => {
  fixture = await makeRepos({
    monorepo: files({
      'services/alpha/catalog-info.yaml': service('mono-alpha'),
      'services/beta/catalog-info.yaml': service('mono-beta'),
      'README.md': '# Monorepo\n\nEvery service of the shop, one folder each.\n',
    }),
  });
  snapshot = await buildPortal(
    fixture.root,
    "title: Shop\nsources:\n  - type: directory\n    repos: ./monorepo\ncatalog:\n  paths: ['/**/catalog-info.yaml']\n",
  );
}, 300_000);

afterAll(() => fixture.remove());

describe("descriptors below a repository's root", () => {
  it("are read where portal.yaml's catalog.paths names them, each service an entity with its page", async () => {
    expect(snapshot.entities.filter((entity) => entity.kind === 'Component').map((entity) => entity.ref)).toEqual([
      'component:default/mono-alpha',
      'component:default/mono-beta',
    ]);
    const alpha = await readFile(join(fixture.root, 'site', 'catalog', 'default', 'component', 'mono-alpha', 'index.html'), 'utf8');
    expect(alpha).toContain('The mono-alpha service.');
  });

  it('are read by cairn check with the standards.json the portal publishes, as the portal reads them', async () => {
    const standards = join(fixture.root, 'site', 'standards.json');
    expect(standardsFileSchema.parse(JSON.parse(await readFile(standards, 'utf8'))).descriptorPaths).toEqual(['/**/catalog-info.yaml']);
    const checked = await cairn(fixture.dirs.monorepo, 'check', '--standards', standards, '--format', 'json');
    const report = JSON.parse(checked.stdout) as { results: Array<{ entityRef: string }> };
    expect([...new Set(report.results.map((result) => result.entityRef))]).toEqual([
      'component:default/mono-alpha',
      'component:default/mono-beta',
    ]);
  });

  it('are named, with how to read them, where the portal does not read them', async () => {
    const checked = await cairn(fixture.dirs.monorepo, 'check', '--format', 'json');
    const report = JSON.parse(checked.stdout) as {
      results: Array<{ entityRef: string }>;
      problems: Array<{ file?: string; message: string }>;
    };
    expect([...new Set(report.results.map((result) => result.entityRef))]).toEqual(['component:default/monorepo']);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        file: 'services/alpha/catalog-info.yaml',
        message: expect.stringContaining('and 1 more descriptor file below the root are not read'),
      }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('its descriptors are not read (see their warning)') }),
    );
  });

  it('are named on the page of the entry inferred where the portal does not read them', async () => {
    const built = await cairn(
      fixture.root,
      'build',
      '--repos',
      'monorepo',
      '--out',
      'site-default',
      '--snapshot',
      'default.json',
      '--no-history',
    );
    expect(built.code, built.stderr).toBe(0);
    const page = await readFile(join(fixture.root, 'site-default', 'catalog', 'default', 'component', 'monorepo', 'index.html'), 'utf8');
    expect(page).toContain(
      "Cairn does not read this repository's descriptors, <code>services/alpha/catalog-info.yaml</code>, <code>services/beta/catalog-info.yaml</code>",
    );
    expect(page).not.toContain('This repository has no catalog descriptor');
  });

  it('refuses a path that leaves the repository, naming the line', async () => {
    await writeFile(join(fixture.root, 'outside.yaml'), "sources: []\ncatalog:\n  paths: ['../other/catalog-info.yaml']\n");
    const refused = await cairn(fixture.root, 'collect', '--config', 'outside.yaml', '--snapshot', 'outside.json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('outside.yaml:3: catalog.paths[0]: expected a glob of files inside the repository');
  });
});
