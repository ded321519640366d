import { describe, expect, it } from 'vitest';
import { inferComponent, ownerFromCodeowners, toEntityName, toTag, UNKNOWN_OWNER } from '../../../collectors/catalog/infer.ts';
import { validateEntity } from '../../../collectors/catalog/validate.ts';
import type { Facts } from '../../../collectors/facts/index.ts';

const readme = (summary?: string): NonNullable<Facts['readme']> => ({ path: 'README.md', ...(summary ? { summary } : {}), headings: [], words: 10 });
const manifest = (path: string, description?: string): NonNullable<Facts['manifests']>[number] => ({ ecosystem: 'npm', path, ...(description ? { description } : {}), dependencies: [] });
const codeowners = (...catchAll: string[]): NonNullable<Facts['codeowners']> => ({ path: '.github/CODEOWNERS', rules: [{ pattern: '*', owners: catchAll, line: 1 }], ...(catchAll.length ? { catchAll } : {}) });
const dockerfile: NonNullable<Facts['dockerfiles']>[number] = { path: 'Dockerfile', from: [], users: [], adds: [] };
const language = (name: string): NonNullable<Facts['languages']>[number] => ({ name, bytes: 100, share: 1 });

describe('toEntityName', () => {
  it.each([
    ['payments', 'payments'],
    ['Payments-API', 'payments-api'],
    ['my repo (old)', 'my-repo-old'],
    ['.github', 'github'],
    ['__init__', 'init'],
    ['café-service', 'caf-service'],
    ['a'.repeat(70), 'a'.repeat(63)],
    [`${'a'.repeat(62)}-b`, 'a'.repeat(62)],
    ['---', 'unnamed'],
  ])('%s → %s', (input, expected) => {
    expect(toEntityName(input)).toBe(expected);
  });
});

describe('toTag', () => {
  it.each([
    ['TypeScript', 'typescript'],
    ['C++', 'c++'],
    ['C#', 'c#'],
    ['Vim Script', 'vim-script'],
    ['Objective-C', 'objective-c'],
    ['Jupyter Notebook', 'jupyter-notebook'],
    ['Ren\'Py', 'ren-py'],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(toTag(input)).toBe(expected);
  });
});

describe('ownerFromCodeowners', () => {
  it.each([
    { owners: ['@acme/data'], expected: 'group:default/data' },
    { owners: ['@alice'], expected: 'user:default/alice' },
    { owners: ['@Acme/Platform-Team'], expected: 'group:default/platform-team' },
    { owners: ['alice@example.com'], expected: undefined },
    { owners: ['alice@example.com', '@acme/data'], expected: 'group:default/data' },
    { owners: ['@acme/a/b'], expected: undefined },
    { owners: [], expected: undefined },
  ])('$owners → $expected', ({ owners, expected }) => {
    expect(ownerFromCodeowners(owners)).toBe(expected);
  });
});

describe('inferComponent', () => {
  it.each<{ name: string; facts: Facts; description?: string; type: string; owner: string; tags?: string[]; problems: number }>([
    { name: 'bare repository', facts: {}, type: 'other', owner: UNKNOWN_OWNER, problems: 1 },
    {
      name: 'service with a README and a team',
      facts: { readme: readme('Takes payments.'), dockerfiles: [dockerfile], manifests: [manifest('package.json', 'npm says')], codeowners: codeowners('@acme/payments'), languages: [language('Go'), language('Shell')] },
      description: 'Takes payments.',
      type: 'service',
      owner: 'group:default/payments',
      tags: ['go'],
      problems: 0,
    },
    {
      name: 'library: description from the root manifest when the README has none',
      facts: { readme: readme(), manifests: [manifest('examples/demo/package.json', 'the demo'), manifest('package.json', 'the library')], codeowners: codeowners('@alice') },
      description: 'the library',
      type: 'library',
      owner: 'user:default/alice',
      problems: 0,
    },
    {
      name: 'email-only CODEOWNERS: no owner known',
      facts: { codeowners: codeowners('alice@example.com'), languages: [language('C++')] },
      type: 'other',
      owner: UNKNOWN_OWNER,
      tags: ['c++'],
      problems: 1,
    },
  ])('$name', async ({ facts, description, type, owner, tags, problems }) => {
    const inferred = inferComponent({ name: 'Payments Service', facts });
    expect(inferred.data).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments-service', ...(description ? { description } : {}), ...(tags ? { tags } : {}), annotations: { 'cairn.dev/inferred': 'true' } },
      spec: { type, lifecycle: 'unknown', owner },
    });
    expect(inferred.problems).toHaveLength(problems);
    // Inferred entities must pass the same validation as declared ones.
    expect(await validateEntity(inferred.data)).toMatchObject({ ok: true });
  });

  it('points the no-owner problem at the CODEOWNERS file when there is one', () => {
    expect(inferComponent({ name: 'x', facts: { codeowners: codeowners('ops@example.com') } }).problems).toEqual([
      { severity: 'warning', file: '.github/CODEOWNERS', message: expect.stringContaining('No owner is known for x') },
    ]);
  });
});
