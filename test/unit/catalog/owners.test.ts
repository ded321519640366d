import { describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogRepo, type ContentDocument } from '../../../collectors/catalog/index.ts';
import { codeownersRef, inferOwners, ownerOrigin } from '../../../collectors/catalog/owners.ts';
import type { Facts } from '../../../collectors/facts/index.ts';

type Rule = { pattern: string; owners: string[]; line: number };

/** Facts of a repository whose CODEOWNERS holds `rules` (and, when given, a catch-all), with or without descriptors. */
function facts(rules: Rule[], descriptors: unknown[] = []): Facts {
  const catchAll = rules.findLast((rule) => rule.pattern === '*')?.owners;
  return {
    descriptors: {
      files: descriptors.length > 0 ? ['catalog-info.yaml'] : [],
      documents: descriptors.map((data, index) => ({ file: 'catalog-info.yaml', line: 1 + index * 10, data })),
    },
    codeowners: { path: '.github/CODEOWNERS', rules, ...(catchAll && catchAll.length > 0 ? { catchAll } : {}) },
  };
}
const rule = (line: number, pattern: string, ...owners: string[]): Rule => ({ pattern, owners, line });
const repo = (name: string, rules: Rule[], descriptors: unknown[] = []): CatalogRepo => ({ name, facts: facts(rules, descriptors) });

const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const group = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [], ...extra },
});
const inferredAnnotations = (handles: string, repositories = 'r') => ({
  'cairn.dev/inferred': 'true',
  'cairn.dev/inferred-from': 'CODEOWNERS',
  'cairn.dev/codeowners-handles': handles,
  'cairn.dev/codeowners-repositories': repositories,
});

describe('codeownersRef', () => {
  it.each([
    ['@acme/payments-team', 'group:default/payments-team'],
    ['@acme/Payments-Team', 'group:default/payments-team'],
    ['@MihaiTabara', 'user:default/mihaitabara'],
    ['ops@acme.dev', undefined],
    ['@acme/a/b', 'group:default/a-b'],
    ['@acme/bad name', undefined],
    ['payments-team', undefined],
  ])('%s → %s', (owner, ref) => {
    expect(codeownersRef(owner)).toBe(ref);
  });
});

describe('inferOwners', () => {
  it.each([
    { name: 'no CODEOWNERS', repos: [{ name: 'r', facts: {} }], refs: [] },
    {
      name: 'a catch-all team and a user',
      repos: [{ name: 'r', facts: facts([rule(1, '*', '@backstage/operations-maintainers', '@MihaiTabara')]) }],
      refs: ['Group operations-maintainers @backstage/operations-maintainers', 'User mihaitabara @MihaiTabara'],
    },
    {
      name: 'owners of every rule, not only the catch-all',
      repos: [
        {
          name: 'r',
          facts: facts([rule(1, '.github/workflows/', '@nateprewitt', '@sigmavirus24'), rule(2, 'HISTORY.md', '@nateprewitt')]),
        },
      ],
      refs: ['User nateprewitt @nateprewitt', 'User sigmavirus24 @sigmavirus24'],
    },
    {
      name: 'emails and malformed owners skipped',
      repos: [{ name: 'r', facts: facts([rule(1, '*', 'ops@acme.dev', 'payments', '@acme/')]) }],
      refs: [],
    },
    {
      name: 'the placeholder owner never',
      repos: [{ name: 'r', facts: facts([rule(1, '*', '@acme/unknown', '@acme/Unknown')]) }],
      refs: [],
    },
    {
      name: 'one Group across organisations and spellings, its handles listed',
      repos: [
        { name: 'billing', facts: facts([rule(1, '*', '@other/payments')]) },
        { name: 'api', facts: facts([rule(4, '/src/', '@acme/Payments', '@acme/payments')]) },
      ],
      refs: ['Group payments @acme/Payments, @acme/payments, @other/payments in api, billing'],
    },
  ])('$name', ({ repos, refs }) => {
    const owners = inferOwners(repos);
    expect(
      owners.map((data) => {
        const { kind, metadata } = data as { kind: string; metadata: { name: string; annotations: Record<string, string> } };
        const repositories = metadata.annotations['cairn.dev/codeowners-repositories'];
        return `${kind} ${metadata.name} ${metadata.annotations['cairn.dev/codeowners-handles']}${repositories === 'r' ? '' : ` in ${repositories}`}`;
      }),
    ).toEqual(refs);
  });

  it('gives Backstage-valid Groups and Users with their provenance', () => {
    expect(inferOwners([{ name: 'r', facts: facts([rule(1, '*', '@acme/team-a', '@alice')]) }])).toEqual([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a', annotations: inferredAnnotations('@acme/team-a') },
        spec: { type: 'team', children: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'alice', annotations: inferredAnnotations('@alice') },
        spec: { memberOf: [] },
      },
    ]);
  });
});

describe('ownerOrigin', () => {
  it.each([
    {
      name: 'inferred from CODEOWNERS',
      entity: { metadata: { annotations: inferredAnnotations('@acme/a') }, source: { file: '.', line: 1 } },
      origin: 'inferred from CODEOWNERS (@acme/a)',
    },
    {
      name: 'read from GitHub',
      entity: {
        metadata: { annotations: { 'backstage.io/managed-by-location': 'url:https://github.com/orgs/acme/teams/a' } },
        source: { file: 'orgs/acme/teams/a', line: 1 },
      },
      origin: 'read from https://github.com/orgs/acme/teams/a',
    },
    {
      name: 'content/teams',
      entity: { metadata: {}, source: { file: 'content/teams/a.yaml', line: 3 } },
      origin: 'declared in content/teams/a.yaml line 3',
    },
    {
      name: 'a repository, even with a location annotation copied from Backstage',
      entity: {
        metadata: { annotations: { 'backstage.io/managed-by-location': 'url:https://x' } },
        source: { repo: 'org', file: 'groups.yaml', line: 9 },
      },
      origin: 'declared in repository org, groups.yaml line 9',
    },
  ])('$name', ({ entity, origin }) => {
    expect(ownerOrigin(entity)).toBe(origin);
  });
});

describe('buildCatalog: owners', () => {
  it('infers a Group per CODEOWNERS team and a User per user, owning what CODEOWNERS gives them', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [
        repo('payments', [rule(1, '*', '@acme/Payments-Team')]),
        repo('docs-site', [rule(1, '*', '@alice'), rule(2, '/ops/', '@acme/payments-team')]),
      ],
      content: [],
    });
    expect(problems).toEqual([]);
    expect(entities.map((entity) => [entity.ref, entity.inferred, entity.source, entity.relations])).toEqual([
      [
        'component:default/docs-site',
        true,
        { repo: 'docs-site', file: '.', line: 1 },
        [{ type: 'ownedBy', targetRef: 'user:default/alice' }],
      ],
      [
        'component:default/payments',
        true,
        { repo: 'payments', file: '.', line: 1 },
        [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
      ],
      ['group:default/payments-team', true, { file: '.', line: 1 }, [{ type: 'ownerOf', targetRef: 'component:default/payments' }]],
      ['user:default/alice', true, { file: '.', line: 1 }, [{ type: 'ownerOf', targetRef: 'component:default/docs-site' }]],
    ]);
    expect(entities[2]!.metadata.annotations).toEqual(
      inferredAnnotations('@acme/Payments-Team, @acme/payments-team', 'docs-site, payments'),
    );
  });

  it('drops an inferred owner silently when a Group or User with its ref is declared, in content or in a repository', async () => {
    const content: ContentDocument[] = [{ file: 'content/teams/a.yaml', line: 1, data: group('Team-A') }];
    const user = { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'bob' }, spec: { memberOf: [] } };
    const { entities, problems } = await buildCatalog({
      repos: [repo('people', [rule(1, '*', '@acme/team-a', '@Bob')], [user]), repo('svc', [rule(1, '*', '@acme/team-a')])],
      content,
    });
    expect(problems).toEqual([]);
    expect(entities.map((entity) => [entity.ref, entity.inferred, entity.source.file])).toEqual([
      ['component:default/svc', true, '.'],
      ['group:default/team-a', false, 'content/teams/a.yaml'],
      ['user:default/bob', false, 'catalog-info.yaml'],
    ]);
    expect(entities[1]!.relations).toEqual([{ type: 'ownerOf', targetRef: 'component:default/svc' }]);
  });

  it('leaves a spec.owner no entity defines unresolved, with a hint when it reads like a GitHub team', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [
        repo(
          'demo',
          [rule(1, '*', '@backstage/operations-maintainers', '@MihaiTabara')],
          [component('backstage-demo', 'backstage/maintainers')],
        ),
      ],
      content: [],
    });
    expect(entities.map((entity) => entity.ref)).toEqual([
      'component:default/backstage-demo',
      'group:default/operations-maintainers',
      'user:default/mihaitabara',
    ]);
    expect(entities[0]!.relations).toEqual([{ type: 'ownedBy', targetRef: 'group:backstage/maintainers' }]);
    // Named only in CODEOWNERS of a repository with a descriptor: a page, owning nothing.
    expect(entities[1]!.relations).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'demo',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'component:default/backstage-demo',
        message:
          'component:default/backstage-demo refers to group:backstage/maintainers in spec.owner (written "backstage/maintainers"), which is not in the catalog. Expected an entity with that ref in some repository or in the portal\'s teams/ folder. Backstage reads "backstage/maintainers" as the Group "maintainers" of namespace "backstage"; a CODEOWNERS team @backstage/maintainers is the catalog\'s group:default/maintainers.',
      },
    ]);
  });

  it('gives no page to the placeholder owner: its Components stay owned by nobody, even beside a team named unknown', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [{ name: 'lonely', facts: { descriptors: { files: [], documents: [] }, codeowners: null } }],
      content: [],
    });
    expect(entities.map((entity) => [entity.ref, entity.spec?.owner, entity.relations])).toEqual([
      ['component:default/lonely', 'group:default/unknown', []],
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^No owner is known for lonely/)]);
    const withTeam = await buildCatalog({
      repos: [{ name: 'lonely', facts: { descriptors: { files: [], documents: [] }, codeowners: null } }],
      content: [{ file: 'teams/unknown.yaml', line: 1, data: group('unknown') }],
    });
    expect(withTeam.entities.map((entity) => [entity.ref, entity.relations])).toEqual([
      ['component:default/lonely', []],
      ['group:default/unknown', []],
    ]);
  });

  it('takes the forge’s Groups and Users below declared ones and above inferred ones, with hierarchy and membership relations', async () => {
    const forge: ContentDocument[] = [
      {
        file: 'orgs/acme/teams/platform',
        line: 1,
        url: 'https://github.com/orgs/acme/teams/platform',
        data: group('platform', { profile: { displayName: 'Platform' }, children: ['payments'], members: ['alice'] }),
      },
      {
        file: 'orgs/acme/teams/payments',
        line: 1,
        url: 'https://github.com/orgs/acme/teams/payments',
        data: group('payments', { parent: 'platform', members: ['alice', 'Bob'] }),
      },
      { file: 'orgs/acme/teams/team-a', line: 1, data: group('team-a', { profile: { displayName: 'From GitHub' } }) },
      {
        file: 'orgs/acme/members/alice',
        line: 1,
        data: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'alice' },
          spec: { memberOf: ['payments', 'platform'] },
        },
      },
      {
        file: 'orgs/acme/members/Bob',
        line: 1,
        data: { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'Bob' }, spec: { memberOf: ['payments'] } },
      },
    ];
    const { entities, problems } = await buildCatalog({
      repos: [repo('svc', [rule(1, '*', '@acme/payments', '@alice')])],
      content: [{ file: 'content/teams/a.yaml', line: 1, data: group('team-a') }],
      forge,
    });
    expect(problems).toEqual([]);
    const byRef = new Map(entities.map((entity) => [entity.ref, entity]));
    expect([...byRef.keys()]).toEqual([
      'component:default/svc',
      'group:default/payments',
      'group:default/platform',
      'group:default/team-a',
      'user:default/alice',
      'user:default/bob',
    ]);
    expect(byRef.get('group:default/team-a')!.source).toEqual({ file: 'content/teams/a.yaml', line: 1 });
    expect(byRef.get('group:default/payments')).toMatchObject({
      inferred: false,
      source: { file: 'orgs/acme/teams/payments', line: 1, url: 'https://github.com/orgs/acme/teams/payments' },
      relations: [
        { type: 'childOf', targetRef: 'group:default/platform' },
        { type: 'hasMember', targetRef: 'user:default/alice' },
        { type: 'hasMember', targetRef: 'user:default/bob' },
        { type: 'ownerOf', targetRef: 'component:default/svc' },
      ],
    });
    expect(byRef.get('group:default/platform')!.relations).toEqual([
      { type: 'hasMember', targetRef: 'user:default/alice' },
      { type: 'parentOf', targetRef: 'group:default/payments' },
    ]);
    expect(byRef.get('user:default/alice')!.relations).toEqual([
      { type: 'memberOf', targetRef: 'group:default/payments' },
      { type: 'memberOf', targetRef: 'group:default/platform' },
    ]);
  });
});
