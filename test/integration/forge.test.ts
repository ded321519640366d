import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, NO_STANDARDS } from '../../collectors/collect.ts';
import { portalConfigSchema } from '../../collectors/config/schema.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

/** A portal whose repositories live on a self-hosted GitLab: `forge` in portal.yaml gives GitLab's link shapes. */

const NOW = new Date('2026-06-01T00:00:00Z');
const DESCRIPTOR =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ledger\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n';

let fixture: RepoFixture<'ledger'>;

beforeAll(async () => {
  fixture = await makeRepos({ ledger: files({ 'catalog-info.yaml': DESCRIPTOR, 'README.md': '# Ledger\n' }) });
});

afterAll(() => fixture.remove());

async function entitySource(source: Record<string, unknown>): Promise<{ url?: string; forge?: string }> {
  const config = portalConfigSchema.parse({
    sources: [{ type: 'directory', repos: `${fixture.root}/*`, webUrl: 'https://code.acme.example/platform/{name}', ...source }],
  });
  const snapshot = await collect({ config, baseDir: fixture.root, standards: NO_STANDARDS, now: NOW });
  const entity = snapshot.entities.find((candidate) => candidate.metadata.name === 'ledger');
  const repo = snapshot.repos.find((candidate) => candidate.name === 'ledger');
  return { ...(entity?.source.url ? { url: entity.source.url } : {}), ...(repo?.forge ? { forge: repo.forge } : {}) };
}

describe('the forge of a source', () => {
  it('gives links in its shape when portal.yaml names it, and is kept in the snapshot', async () => {
    const { url, forge } = await entitySource({ forge: 'gitlab' });
    expect(forge).toBe('gitlab');
    expect(url).toMatch(/^https:\/\/code\.acme\.example\/platform\/ledger\/-\/blob\/[0-9a-f]{40}\/catalog-info\.yaml#L1$/);
  });

  it('is detected from the URL otherwise (GitHub shapes for an unknown host)', async () => {
    const { url, forge } = await entitySource({});
    expect(forge).toBeUndefined();
    expect(url).toMatch(/^https:\/\/code\.acme\.example\/platform\/ledger\/blob\/[0-9a-f]{40}\/catalog-info\.yaml#L1$/);
  });

  it('is one of the forges Cairn knows', () => {
    expect(portalConfigSchema.safeParse({ sources: [{ type: 'directory', repos: '*', forge: 'gitea' }] }).success).toBe(false);
  });
});
