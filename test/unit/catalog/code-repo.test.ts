import { describe, expect, it } from 'vitest';
import { codeRepositories, entityFacts } from '../../../collectors/catalog/code-repo.ts';
import type { CatalogEntity } from '../../../collectors/catalog/schema.ts';

const repos = [
  { name: 'platform-catalog', webUrl: 'https://github.com/acme/platform-catalog' },
  { name: 'web-frontend', webUrl: 'https://github.com/Acme/web-frontend.git' },
  { name: 'billing', webUrl: 'https://gitlab.example.com/acme/finance/billing' },
  { name: 'no-web' },
];

const entity = (annotations: Record<string, string>, repo = 'platform-catalog', inferred = false): CatalogEntity => ({
  ref: 'component:default/storefront',
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'storefront', namespace: 'default', annotations },
  relations: [],
  source: { repo, file: 'catalog/extra.yaml', line: 4 },
  inferred,
});

describe('the repository an entity’s code is in', () => {
  it.each([
    [
      'a source-location into another repository',
      { 'backstage.io/source-location': 'url:https://github.com/acme/web-frontend/tree/main/' },
      'web-frontend',
    ],
    [
      'a source-location naming the repository, in any case, with .git',
      { 'backstage.io/source-location': 'url:https://GitHub.com/acme/Web-Frontend.git' },
      'web-frontend',
    ],
    [
      'a GitLab subgroup’s repository',
      { 'backstage.io/source-location': 'url:https://gitlab.example.com/acme/finance/billing/-/tree/main/src' },
      'billing',
    ],
    ['a GitHub project slug', { 'github.com/project-slug': 'acme/web-frontend' }, 'web-frontend'],
    [
      'a GitLab project slug on its instance',
      { 'gitlab.com/project-slug': 'acme/finance/billing', 'gitlab.com/instance': 'gitlab.example.com' },
      'billing',
    ],
    [
      'a GitLab project slug on gitlab.com, which the portal does not read',
      { 'gitlab.com/project-slug': 'acme/finance/billing' },
      undefined,
    ],
    [
      'a source-location inside the declaring repository',
      { 'backstage.io/source-location': 'url:https://github.com/acme/platform-catalog/tree/main/services/a' },
      undefined,
    ],
    ['a dir: source-location', { 'backstage.io/source-location': 'dir:.' }, undefined],
    ['no annotation', {}, undefined],
  ])('%s', (_, annotations, codeRepo) => {
    const { codeRepos, problems } = codeRepositories([entity(annotations)], repos);
    expect(codeRepos.get('component:default/storefront')).toBe(codeRepo);
    expect(problems).toEqual([]);
  });

  it('is the declaring repository for an inferred entity, whatever it says', () => {
    const inferred = entity({ 'github.com/project-slug': 'acme/web-frontend' }, 'platform-catalog', true);
    expect(codeRepositories([inferred], repos).codeRepos.size).toBe(0);
  });

  it('warns when the code is in a repository of the same forge that the portal does not read', () => {
    const { codeRepos, problems } = codeRepositories(
      [entity({ 'backstage.io/source-location': 'url:https://github.com/acme/mobile-app/tree/main/' })],
      repos,
    );
    expect(codeRepos.size).toBe(0);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'platform-catalog',
        entityRef: 'component:default/storefront',
        file: 'catalog/extra.yaml',
        line: 4,
        message:
          'component:default/storefront says its code is at https://github.com/acme/mobile-app/tree/main/, which is not among the repositories this run reads, so its checks read the files of platform-catalog, where it is declared. In a portal, add that repository as a source to judge it on its code.',
      },
    ]);
  });

  it('says nothing of an address on another host, nor for a repository whose own address is unknown', () => {
    const elsewhere = entity({ 'backstage.io/source-location': 'url:https://bitbucket.org/acme/other/src/main/' });
    const unknown = entity({ 'backstage.io/source-location': 'url:https://github.com/acme/other/' }, 'no-web');
    expect(codeRepositories([elsewhere, unknown], repos).problems).toEqual([]);
  });
});

describe('the facts that judge an entity', () => {
  const facts = new Map([
    ['platform-catalog', { descriptors: 'central', readme: 'catalog readme' }],
    ['web-frontend', { descriptors: 'own', readme: 'frontend readme', codeowners: 'frontend owners' }],
  ]);

  it('are its code repository’s, with the descriptors of the repository declaring it', () => {
    expect(entityFacts({ ...entity({}), codeRepo: 'web-frontend' }, facts)).toEqual({
      descriptors: 'central',
      readme: 'frontend readme',
      codeowners: 'frontend owners',
    });
  });

  it('are the declaring repository’s without a code repository, or when that one was not collected', () => {
    expect(entityFacts(entity({}), facts)).toEqual({ descriptors: 'central', readme: 'catalog readme' });
    expect(entityFacts({ ...entity({}), codeRepo: 'gone' }, facts)).toEqual({ descriptors: 'central', readme: 'catalog readme' });
  });
});
