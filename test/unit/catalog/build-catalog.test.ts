import { describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogRepo } from '../../../collectors/catalog/index.ts';
import type { CatalogEntity } from '../../../collectors/catalog/schema.ts';
import { parseYamlDocuments } from '../../../collectors/yaml/documents.ts';

const component = (name: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, ...metadata },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
});
const group = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [], ...spec },
});

/** Each entity's ref, marked when inferred: a repository whose descriptors are all rejected is kept, inferred. */
function refs(entities: readonly CatalogEntity[]): string[] {
  return entities.map((entity) => `${entity.ref}${entity.inferred ? ' (inferred)' : ''}`);
}

/** A repository whose catalog-info.yaml holds `documents`, one every 10 lines. */
function repo(name: string, documents: unknown[], extra: Partial<CatalogRepo> = {}): CatalogRepo {
  return {
    name,
    facts: {
      descriptors: {
        files: ['catalog-info.yaml'],
        documents: documents.map((data, index) => ({ file: 'catalog-info.yaml', line: 1 + index * 10, data })),
      },
    },
    ...extra,
  };
}

const teams = [{ file: 'content/teams/team-a.yaml', line: 1, data: group('team-a') }];

describe('buildCatalog', () => {
  it('loads valid entities with namespace, relations both ways and a pinned source link', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [
        repo(
          'shop',
          [
            component('checkout', { system: 'shop' }),
            { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 'shop' }, spec: { owner: 'team-a' } },
          ],
          { webUrl: 'https://git.example.com/acme/shop/', headCommit: 'abc123' },
        ),
      ],
      content: teams,
    });
    expect(problems).toEqual([]);
    expect(entities.map((entity) => entity.ref)).toEqual(['component:default/checkout', 'group:default/team-a', 'system:default/shop']);
    const [checkout, team, shop] = entities;
    expect(checkout).toMatchObject({
      metadata: { name: 'checkout', namespace: 'default' },
      source: {
        repo: 'shop',
        file: 'catalog-info.yaml',
        line: 1,
        url: 'https://git.example.com/acme/shop/blob/abc123/catalog-info.yaml#L1',
      },
      inferred: false,
      relations: [
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
        { type: 'partOf', targetRef: 'system:default/shop' },
      ],
    });
    expect(team!.source).toEqual({ file: 'content/teams/team-a.yaml', line: 1 });
    expect(team!.relations).toEqual([
      { type: 'ownerOf', targetRef: 'component:default/checkout' },
      { type: 'ownerOf', targetRef: 'system:default/shop' },
    ]);
    expect(shop!.relations).toEqual([
      { type: 'hasPart', targetRef: 'component:default/checkout' },
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
    ]);
  });

  it("drops an invalid entity with a located problem quoting Backstage, while the file's other entities load", async () => {
    const { entities, problems } = await buildCatalog({
      repos: [repo('shop', [component('good-one'), component('Bad Name'), component('good-two')])],
      content: teams,
    });
    expect(entities.map((entity) => entity.ref)).toEqual([
      'component:default/good-one',
      'component:default/good-two',
      'group:default/team-a',
    ]);
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'shop',
        file: 'catalog-info.yaml',
        line: 11,
        message: expect.stringMatching(
          /^component:default\/bad name is not valid.*"metadata\.name" is not valid; expected a string that is sequences of \[a-zA-Z0-9\].*"Bad Name"/,
        ),
      },
    ]);
  });

  it('puts the problem of a rejected document at the field Backstage names, where the fix goes', async () => {
    // The real-world corpus's demo: an API without its definition.
    const yaml = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: API',
      'metadata:',
      '  name: github-mcp-server',
      '  description: |',
      "    GitHub's MCP server.",
      'spec:',
      '  type: mcp-server',
      '  lifecycle: production',
      '  owner: team-a',
      '',
    ].join('\n');
    const [document] = parseYamlDocuments(yaml).documents;
    const { problems } = await buildCatalog({
      repos: [{ name: 'demo', facts: { descriptors: { files: ['api.yaml'], documents: [{ file: 'api.yaml', ...document! }] } } }],
      content: teams,
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'api.yaml',
        line: 7,
        message: expect.stringMatching(/\/spec must have required property 'definition'/),
      }),
    );
  });

  it.each([
    { name: 'not an object', data: 'hello', message: /Expected object at root, got string/ },
    {
      name: 'missing kind',
      data: { apiVersion: 'backstage.io/v1alpha1', metadata: { name: 'x' } },
      message: /must have required property 'kind'/,
    },
    { name: 'lowercase kind', data: { ...component('x'), kind: 'component' }, message: /No processor recognized/ },
    {
      name: 'a known kind of an unknown apiVersion',
      data: { ...component('x'), apiVersion: 'backstage.io/v2' },
      message: /No processor recognized/,
    },
    { name: 'foreign root field', data: { ...component('x'), relations: [] }, message: /Unknown field relations/ },
    {
      name: 'dependsOn without a kind',
      data: component('x', { dependsOn: ['orders-db'] }),
      message: /spec\.dependsOn: Entity reference "orders-db" had missing or empty kind/,
    },
  ])('rejects $name with an error', async ({ data, message }) => {
    const { entities, problems } = await buildCatalog({ repos: [repo('r', [data])], content: [] });
    expect(refs(entities)).toEqual(['component:default/r (inferred)']);
    expect(problems.filter((problem) => problem.file)).toEqual([
      { severity: 'error', repo: 'r', file: 'catalog-info.yaml', line: 1, message: expect.stringMatching(message) },
    ]);
  });

  it.each(['Service', 'AiResource'])(
    "leaves out a kind Backstage has not (%s, perhaps a plugin's) with a warning, which --strict does not fail on",
    async (kind) => {
      const { entities, problems } = await buildCatalog({
        repos: [repo('r', [{ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'x' }, spec: {} }])],
        content: [],
      });
      expect(refs(entities)).toEqual(['component:default/r (inferred)']);
      expect(problems.filter((problem) => problem.file)).toEqual([
        {
          severity: 'warning',
          repo: 'r',
          file: 'catalog-info.yaml',
          line: 1,
          message: expect.stringMatching(
            new RegExp(
              `^${kind.toLowerCase()}:default/x is not in the catalog: No processor recognized the entity .*\\. Cairn catalogs kind API, Component`,
            ),
          ),
        },
      ]);
    },
  );

  it('leaves out an mcp-server API without a definition with a warning: an app with the AI model module takes it', async () => {
    const mcp = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'github-mcp' },
      spec: {
        type: 'mcp-server',
        lifecycle: 'production',
        owner: 'team-a',
        remotes: [{ type: 'streamable-http', url: 'https://mcp.example.com' }],
      },
    };
    const { entities, problems } = await buildCatalog({ repos: [repo('r', [mcp, component('r')])], content: teams });
    expect(refs(entities)).toEqual(['component:default/r', 'group:default/team-a']);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'r',
        file: 'catalog-info.yaml',
        line: 1,
        message: expect.stringMatching(
          /^api:default\/github-mcp is not in the catalog: Backstage's standard API kind rejects it \(.*definition.*\)\. An app with the AI model catalog module .* takes an mcp-server API with spec\.remotes instead/,
        ),
      },
    ]);
  });

  it('says when an entity name is one Windows reserves, since its pages move to another folder', async () => {
    const { entities, problems } = await buildCatalog({ repos: [repo('r', [component('con'), component('console')])], content: teams });
    expect(entities.map((entity) => entity.ref)).toContain('component:default/con');
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'r',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'component:default/con',
        message:
          "component:default/con: con is a name Windows reserves, so the entity's pages are published under con_/ instead (Backstage's URL would have con/). Rename it to keep one URL everywhere.",
      },
    ]);
  });

  it('catalogs a scaffolder Template beside the other kinds, and explains a broken one', async () => {
    const template = (name: string, spec: Record<string, unknown>) => ({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name },
      spec,
    });
    const { entities, problems } = await buildCatalog({
      repos: [
        repo('templates', [
          template('new-service', { type: 'service', owner: 'team-a', steps: [{ id: 'fetch', action: 'fetch:template' }] }),
          template('no-steps', { type: 'service' }),
        ]),
      ],
      content: teams,
    });
    expect(entities.map((entity) => [entity.ref, entity.kind, entity.apiVersion])).toEqual([
      ['group:default/team-a', 'Group', 'backstage.io/v1alpha1'],
      ['template:default/new-service', 'Template', 'scaffolder.backstage.io/v1beta3'],
    ]);
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'templates',
        file: 'catalog-info.yaml',
        line: 11,
        message: expect.stringMatching(/^template:default\/no-steps is not valid.*must have required property 'steps'/),
      },
    ]);
    // Owned as Backstage's scaffolder processor relates it: the team's page lists it.
    expect(entities.find((entity) => entity.kind === 'Template')!.relations).toEqual([
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
    ]);
    expect(entities.find((entity) => entity.kind === 'Group')!.relations).toContainEqual({
      type: 'ownerOf',
      targetRef: 'template:default/new-service',
    });
  });

  it('keeps the first of two declarations (content first, then repositories by name) and reports both places', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [
        repo('zeta', [component('shared', { lifecycle: 'zeta' })]),
        repo('alpha', [component('shared', { lifecycle: 'alpha' })]),
        repo('mid', [group('team-a')]),
      ],
      content: teams,
    });
    expect(entities.find((entity) => entity.ref === 'component:default/shared')!.spec).toMatchObject({ lifecycle: 'alpha' });
    expect(entities.find((entity) => entity.ref === 'group:default/team-a')!.source).toEqual({
      file: 'content/teams/team-a.yaml',
      line: 1,
    });
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'mid',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'group:default/team-a',
        message: expect.stringContaining('content/teams/team-a.yaml line 1'),
      },
      {
        severity: 'warning',
        file: 'content/teams/team-a.yaml',
        line: 1,
        entityRef: 'group:default/team-a',
        message: expect.stringContaining('repository mid, catalog-info.yaml line 1'),
      },
      {
        severity: 'error',
        repo: 'zeta',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'component:default/shared',
        message: expect.stringContaining('repository alpha, catalog-info.yaml line 1'),
      },
      {
        severity: 'warning',
        repo: 'alpha',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'component:default/shared',
        message: expect.stringContaining('repository zeta, catalog-info.yaml line 1'),
      },
    ]);
  });

  it('treats refs case-insensitively when finding duplicates, as Backstage does', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [repo('r', [component('Checkout'), component('checkout')])],
      content: teams,
    });
    expect(entities.filter((entity) => entity.kind === 'Component').map((entity) => entity.metadata.name)).toEqual(['Checkout']);
    expect(problems.map((problem) => problem.severity)).toEqual(['error', 'warning']);
  });

  it('takes a reference to an entity catalogued elsewhere (cairn check --catalog) as resolved', async () => {
    const { problems } = await buildCatalog({
      repos: [repo('r', [component('checkout', { owner: 'ghosts', consumesApis: ['payments'], dependsOn: ['component:nowhere'] })])],
      content: [],
      knownRefs: new Set(['group:default/ghosts', 'api:default/payments']),
    });
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('component:default/nowhere in spec.dependsOn')]);
  });

  it('reports a dangling reference at the line of its field', async () => {
    const checkout = component('checkout', { owner: 'ghosts' });
    const { problems } = await buildCatalog({
      repos: [
        {
          name: 'r',
          facts: {
            descriptors: {
              files: ['catalog-info.yaml'],
              documents: [{ file: 'catalog-info.yaml', line: 1, data: checkout, fields: { '/spec': 6, '/spec/owner': 9 } }],
            },
          },
        },
      ],
      content: [],
    });
    expect(problems.map(({ file, line }) => `${file}:${line}`)).toEqual(['catalog-info.yaml:9']);
  });

  it('warns about a dangling reference and still records the relation', async () => {
    const { entities, problems } = await buildCatalog({
      repos: [repo('r', [component('checkout', { owner: 'ghosts', consumesApis: ['payments', 'payments'] })])],
      content: [],
    });
    expect(entities[0]!.relations).toEqual([
      { type: 'consumesApi', targetRef: 'api:default/payments' },
      { type: 'ownedBy', targetRef: 'group:default/ghosts' },
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'r',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'component:default/checkout',
        message: expect.stringMatching(/group:default\/ghosts in spec\.owner \(written "ghosts"\), which is not in the catalog/),
      },
      {
        severity: 'warning',
        repo: 'r',
        file: 'catalog-info.yaml',
        line: 1,
        entityRef: 'component:default/checkout',
        message: expect.stringContaining('api:default/payments in spec.consumesApis'),
      },
    ]);
  });

  it('names the entity of another kind a dangling reference may have meant: `owner: jdoe` for the User jdoe', async () => {
    const { problems } = await buildCatalog({
      repos: [repo('r', [component('checkout', { owner: 'jdoe' })])],
      content: [
        {
          file: 'content/teams/people.yaml',
          line: 1,
          data: { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'jdoe' }, spec: { memberOf: [] } },
        },
      ],
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining(
        'group:default/jdoe in spec.owner (written "jdoe"), which is not in the catalog. Expected an entity with that ref in some repository or in the portal\'s teams/ folder. user:default/jdoe is: write `user:jdoe` if that is the one meant.',
      ),
    ]);
  });

  it('names only an entity of a kind the field may refer to', async () => {
    const user = { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'payments' }, spec: { memberOf: [] } };
    const { problems } = await buildCatalog({
      repos: [
        repo('r', [
          component('payments'),
          user,
          component('checkout', { owner: 'payments', providesApis: ['payments'], system: 'payments' }),
        ]),
      ],
      content: [],
    });
    const hints = Object.fromEntries(
      problems.map((problem) => [/in spec\.(\w+)/.exec(problem.message)![1], /\. (\S+) is: write/.exec(problem.message)?.[1] ?? null]),
    );
    expect(hints).toEqual({ owner: 'user:default/payments', providesApis: null, system: null });
  });

  it('infers a Component for a repository without descriptors, and never over a declared one', async () => {
    const bare = (name: string): CatalogRepo => ({
      name,
      webUrl: 'https://git.example.com/acme/x',
      headCommit: 'c0ffee',
      facts: { descriptors: { files: [], documents: [] }, codeowners: { path: 'CODEOWNERS', rules: [], catchAll: ['@acme/team-a'] } },
    });
    const { entities, problems } = await buildCatalog({
      repos: [bare('Tools'), bare('checkout'), repo('z-declares', [component('checkout')])],
      content: teams,
    });
    expect(entities.map((entity) => [entity.ref, entity.inferred])).toEqual([
      ['component:default/checkout', false],
      ['component:default/tools', true],
      ['group:default/team-a', false],
    ]);
    expect(entities[1]!.source).toEqual({ repo: 'Tools', file: '.', line: 1, url: 'https://git.example.com/acme/x/tree/c0ffee' });
    expect(entities[1]!.relations).toEqual([{ type: 'ownedBy', targetRef: 'group:default/team-a' }]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'checkout',
        entityRef: 'component:default/checkout',
        message: expect.stringContaining('repository z-declares, catalog-info.yaml line 1 already declares it'),
      },
    ]);
  });

  it.each([
    [
      'GitLab',
      'https://gitlab.com/acme/shop',
      'https://gitlab.com/acme/shop/-/blob/abc123/catalog-info.yaml#L11',
      'https://gitlab.com/acme/shop/-/tree/abc123',
    ],
    [
      'Bitbucket Server',
      'https://git.example.com/projects/ACME/repos/shop/',
      'https://git.example.com/projects/ACME/repos/shop/browse/catalog-info.yaml?at=abc123#11',
      'https://git.example.com/projects/ACME/repos/shop/browse?at=abc123',
    ],
  ])('links sources on %s in its own URL shape', async (_forge, webUrl, declared, inferred) => {
    const { entities } = await buildCatalog({
      repos: [
        repo('shop', [component('a'), component('b')], { webUrl, headCommit: 'abc123' }),
        { name: 'tools', webUrl, headCommit: 'abc123', facts: { descriptors: { files: [], documents: [] } } },
      ],
      content: teams,
    });
    expect(entities.find((entity) => entity.metadata.name === 'b')!.source.url).toBe(declared);
    expect(entities.find((entity) => entity.metadata.name === 'tools')!.source.url).toBe(inferred);
  });

  it('gives no source link for a web URL that is not http(s), and the repository page without a commit', async () => {
    const bare = (name: string, webUrl: string, headCommit?: string): CatalogRepo => ({
      name,
      webUrl,
      ...(headCommit ? { headCommit } : {}),
      facts: { descriptors: { files: [], documents: [] } },
    });
    const { entities } = await buildCatalog({
      repos: [
        repo('shop', [component('a')], { webUrl: 'javascript:alert(1)', headCommit: 'abc123' }),
        bare('tools', 'https://git.example.com/acme/tools/'),
        bare('web', 'javascript:alert(1)', 'abc123'),
      ],
      content: teams,
    });
    expect(entities.map((entity) => [entity.metadata.name, entity.source.url])).toEqual([
      ['a', undefined],
      ['tools', 'https://git.example.com/acme/tools'],
      ['web', undefined],
      ['team-a', undefined],
    ]);
  });

  it('infers a Component for a repository whose descriptors give no entity, so it stays in the catalog', async () => {
    const { entities } = await buildCatalog({ repos: [repo('broken', [{ kind: 'Nope' }])], content: [] });
    expect(entities.map((entity) => [entity.ref, entity.inferred])).toEqual([['component:default/broken', true]]);
    // A file that yields no document at all (invalid YAML) is the same.
    const unreadable = await buildCatalog({
      repos: [{ name: 'unreadable', facts: { descriptors: { files: ['catalog-info.yaml'], documents: [] } } }],
      content: [],
    });
    expect(unreadable.entities.map((entity) => [entity.ref, entity.inferred])).toEqual([['component:default/unreadable', true]]);
    expect(unreadable.problems.map((problem) => problem.message)).toEqual([
      'No owner is known for unreadable: its catalog-info.yaml gives no entity and no CODEOWNERS catch-all rule (`* @org/team`) naming a team or user. Fix the one or add the other to give it an owner.',
    ]);
    // One entity that loads is enough: nothing is inferred beside it.
    const partly = await buildCatalog({ repos: [repo('partly', [{ kind: 'Nope' }, component('x')])], content: [] });
    expect(partly.entities.map((entity) => [entity.ref, entity.inferred])).toEqual([['component:default/x', false]]);
    // Nor beside a valid declaration that gives way to an earlier one: that repository declares it too.
    const twice = await buildCatalog({ repos: [repo('a', [component('x')]), repo('b', [component('x')])], content: [] });
    expect(twice.entities.map((entity) => entity.ref)).toEqual(['component:default/x']);
    // A Location only points at descriptors: when its targets give nothing, the repository has no entity of its own.
    const location = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'pointer' },
      spec: { targets: ['./services/*/catalog-info.yaml'] },
    };
    const pointing = await buildCatalog({ repos: [repo('pointing', [location])], content: [] });
    expect(refs(pointing.entities)).toEqual(['component:default/pointing (inferred)', 'location:default/pointer']);
    expect(pointing.problems.map((problem) => problem.message)).toEqual([
      'No owner is known for pointing: its catalog-info.yaml holds only a Location, whose targets (./services/*/catalog-info.yaml) give no entity and no CODEOWNERS catch-all rule (`* @org/team`) naming a team or user. Fix the one or add the other to give it an owner.',
    ]);
    const pointed = await buildCatalog({ repos: [repo('pointed', [location, component('service')])], content: [] });
    expect(refs(pointed.entities)).toEqual(['component:default/service', 'location:default/pointer']);
  });

  it('is deterministic: input order does not change the output', async () => {
    const repos = [
      repo('b', [component('x'), component('y', { dependsOn: ['component:x'] })]),
      repo('a', [component('x', { lifecycle: 'other' })]),
      repo('c', []),
    ];
    const first = await buildCatalog({ repos, content: teams });
    const second = await buildCatalog({ repos: [...repos].reverse(), content: teams });
    expect(second).toEqual(first);
  });

  it('never throws, whatever the documents hold', async () => {
    const garbage = [
      null,
      42,
      [],
      { kind: {} },
      { apiVersion: 1, kind: 'Component', metadata: 'x' },
      { ...component('x'), metadata: { name: 'x', annotations: { a: 1 } } },
      { ...component('y'), spec: null },
    ];
    const { entities, problems } = await buildCatalog({
      repos: [repo('junk', garbage)],
      content: [{ file: 'content/teams/x.yaml', line: 1, data: undefined }],
    });
    expect(refs(entities)).toEqual(['component:default/junk (inferred)']);
    const rejected = problems.filter((problem) => problem.file);
    expect(rejected).toHaveLength(garbage.length + 1);
    expect(rejected.every((problem) => problem.severity === 'error' && problem.line !== undefined)).toBe(true);
  });
});
