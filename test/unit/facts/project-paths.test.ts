import { describe, expect, it } from 'vitest';
import { pathExclusion, skeletonFolders } from '../../../collectors/facts/paths/project.ts';

describe('skeletonFolders', () => {
  it.each<[string, string[], Set<string> | undefined, Record<string, string>]>([
    [
      'skeleton/ beside a template.yaml',
      ['demo-template/template/template.yaml', 'demo-template/template/skeleton/index.html', 'demo-template/app/index.html'],
      undefined,
      { 'demo-template/template/skeleton': 'demo-template/template/template.yaml' },
    ],
    ['content/ beside a root template.yml', ['template.yml', 'content/.env', 'README.md'], undefined, { content: 'template.yml' }],
    [
      'only templates known to be scaffolder Templates',
      ['a/template.yaml', 'a/skeleton/x', 'b/template.yaml', 'b/skeleton/y'],
      new Set(['b/template.yaml']),
      { 'b/skeleton': 'b/template.yaml' },
    ],
    ['a skeleton/ folder with no template beside it', ['skeleton/x', 'other/template.yaml'], undefined, {}],
  ])('%s', (_name, files, templates, expected) => {
    expect(Object.fromEntries(skeletonFolders(files, templates))).toEqual(expected);
  });
});

describe('pathExclusion', () => {
  const skeletons = new Map([['templates/api/skeleton', 'templates/api/template.yaml']]);
  it.each([
    ['testdata/certificate/key.pem', { reason: 'test-fixture', detail: 'under testdata/' }],
    ['pkg/testdata/x.bin', { reason: 'test-fixture', detail: 'under pkg/testdata/' }],
    ['test/fixtures/a.zip', { reason: 'test-fixture', detail: 'under test/' }],
    ['src/__fixtures__/key.pem', { reason: 'test-fixture', detail: 'under src/__fixtures__/' }],
    ['tests/certs/valid/server/server.key', { reason: 'test-fixture', detail: 'under tests/' }],
    ['spec/fixtures/id_rsa', { reason: 'test-fixture', detail: 'under spec/' }],
    ['src/test/resources/keystore.jks', { reason: 'test-fixture', detail: 'under src/test/' }],
    ['templates/api/skeleton/tests/key.pem', { reason: 'template-skeleton', detail: 'in the skeleton of templates/api/template.yaml' }],
    [
      '{{cookiecutter.project_slug}}/.env',
      { reason: 'template-skeleton', detail: 'in the cookiecutter template {{cookiecutter.project_slug}}/' },
    ],
    ['deploy/tls/server.key', undefined],
    ['latest/app.jar', undefined],
    ['contest/x.pem', undefined],
    ['src/testing.pem', undefined],
  ])('%s', (path, expected) => {
    expect(pathExclusion(path, skeletons)).toEqual(expected);
  });
});
