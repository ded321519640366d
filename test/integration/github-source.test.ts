import { Octokit } from '@octokit/core';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../collectors/catalog/index.ts';
import { collect, collectRepos, NO_STANDARDS } from '../../collectors/collect.ts';
import { portalConfigSchema, type GitHubSource } from '../../collectors/config/schema.ts';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { failure, listGitHubSource, selectRepositories } from '../../collectors/sources/github.ts';
import { teamEntities, type OrganisationTeam } from '../../collectors/sources/github-teams.ts';
import { runCairn } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const run = promisify(execFile);
const TOKEN = 'ghp_CairnTestToken0123456789abcdefABCDEF';

let fixture: RepoFixture<'payments' | 'svc-ledger'>;
let remotes: string;
let server: Server;
let api: string;
const requests: Array<{ url: string; authorization?: string }> = [];
let failures: number[] = [];
let teamFailures: number[] = [];

/** A repository as GitHub's REST API returns it (the fields that matter, and enough of the rest). */
function apiRepository(id: number, name: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    node_id: `R_kgDO${id}`,
    name,
    full_name: `acme/${name}`,
    private: true,
    owner: { login: 'acme', id: 1, node_id: 'O_kgDO1', type: 'Organization', site_admin: false },
    html_url: `https://github.example.com/acme/${name}`,
    description: null,
    fork: false,
    url: `${api}/repos/acme/${name}`,
    clone_url: `file://${remotes}/${name}.git`,
    ssh_url: `git@github.example.com:acme/${name}.git`,
    default_branch: 'main',
    archived: false,
    disabled: false,
    visibility: 'private',
    topics: [],
    pushed_at: '2026-10-30T10:00:00Z',
    ...overrides,
  };
}

/** A team as `GET /orgs/{org}/teams` returns it; `parent` is a team object too, or null. */
function apiTeam(id: number, slug: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    node_id: `T_kwDO${id}`,
    url: `${api}/organizations/1/team/${id}`,
    html_url: `https://github.example.com/orgs/acme/teams/${slug}`,
    name,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/organizations/1/team/${id}/members{/member}`,
    repositories_url: `${api}/organizations/1/team/${id}/repos`,
    parent: null,
    ...overrides,
  };
}

/** A user as a team's member list returns it. */
function apiMember(id: number, login: string) {
  return {
    login,
    id,
    node_id: `U_kgDO${id}`,
    avatar_url: `https://avatars.github.example.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${api}/users/${login}`,
    html_url: `https://github.example.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

function respond(request: IncomingMessage): { status: number; headers: Record<string, string>; body: string } {
  const url = new URL(request.url ?? '/', api);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  });
  const platform = apiTeam(10, 'platform', 'Platform', { description: 'Runs the paved road.' });
  const secret = apiTeam(12, 'security-response', 'Security Response', { privacy: 'secret' });
  if (url.pathname === '/orgs/acme/teams') {
    if (teamFailures[0] === 403) {
      teamFailures.shift();
      return json(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/teams/teams#list-teams',
        status: '403',
      });
    }
    const next = `${api}/organizations/1/teams?per_page=100&page=2`;
    return json(200, [platform, apiTeam(11, 'payments', 'Payments', { parent: platform }), secret], {
      link: `<${next}>; rel="next", <${next}>; rel="last"`,
    });
  }
  if (url.pathname === '/organizations/1/teams' && url.searchParams.get('page') === '2') {
    return json(200, [apiTeam(13, 'incident-tooling', 'Incident tooling', { parent: secret })]);
  }
  if (url.pathname === '/orgs/acme/teams/platform/members') {
    const next = `${api}/organizations/1/team/10/members?per_page=100&page=2`;
    return json(200, [apiMember(100, 'alice')], { link: `<${next}>; rel="next", <${next}>; rel="last"` });
  }
  if (url.pathname === '/organizations/1/team/10/members') return json(200, [apiMember(101, 'Bob')]);
  if (url.pathname === '/orgs/acme/teams/payments/members') return json(200, [apiMember(100, 'alice'), apiMember(102, 'carol')]);
  if (url.pathname === '/orgs/acme/repos' && !url.searchParams.has('page')) {
    if (failures[0] === 401) {
      failures.shift();
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    const next = `${api}/organizations/1/repos?type=all&per_page=100&page=2`;
    return json(
      200,
      [
        apiRepository(1, 'payments', { topics: ['service'] }),
        apiRepository(2, 'old-billing', { archived: true }),
        apiRepository(3, 'payments-fork', { fork: true }),
        apiRepository(4, 'sandbox-tom'),
      ],
      {
        link: `<${next}>; rel="next", <${next}>; rel="last"`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
      },
    );
  }
  if (url.pathname === '/organizations/1/repos' && url.searchParams.get('page') === '2') {
    const failure = failures.shift();
    if (failure === 403) {
      return json(
        403,
        {
          message: 'API rate limit exceeded for user ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-resource': 'core',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
        },
      );
    }
    if (failure === 502)
      return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    const prev = `${api}/organizations/1/repos?type=all&per_page=100&page=1`;
    return json(200, [apiRepository(5, 'svc-ledger')], { link: `<${prev}>; rel="prev", <${prev}>; rel="first"` });
  }
  return json(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest/repos/repos#list-organization-repositories',
    status: '404',
  });
}

beforeAll(async () => {
  fixture = await makeRepos({
    payments: files({ 'README.md': '# Payments\n\nTakes the money.\n' }),
    'svc-ledger': files({ 'README.md': '# Ledger\n\nKeeps the books.\n' }),
  });
  remotes = await mkdtemp(join(tmpdir(), 'cairn-github-'));
  for (const name of ['payments', 'svc-ledger'] as const)
    await run('git', ['clone', '--quiet', '--bare', fixture.dirs[name], `${name}.git`], {
      cwd: remotes,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) });
    const { status, headers, body } = respond(request);
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  await fixture?.remove();
  await rm(remotes, { recursive: true, force: true });
});

/** The environment collection reads the token from (never this process's). */
const withToken = () => ({ cwd: remotes, env: { CAIRN_TEST_GITHUB_TOKEN: TOKEN } });

async function collectOrg(org: string, extra: Record<string, unknown> = {}, previous?: Snapshot) {
  const config = portalConfigSchema.parse({
    sources: [
      { type: 'github', org, apiUrl: api, tokenEnv: 'CAIRN_TEST_GITHUB_TOKEN', exclude: ['sandbox-*'], clones: 'clones', ...extra },
    ],
  });
  return collect({
    config,
    baseDir: remotes,
    standards: NO_STANDARDS,
    now: new Date('2026-11-01T12:00:00Z'),
    environment: withToken(),
    ...(previous ? { previous: async () => previous } : {}),
  });
}

describe('the github source with teams', () => {
  const source = (): GitHubSource =>
    portalConfigSchema.parse({
      sources: [
        {
          type: 'github',
          org: 'acme',
          apiUrl: api,
          tokenEnv: 'CAIRN_TEST_GITHUB_TOKEN',
          include: ['payments'],
          clones: 'clones',
          teams: true,
        },
      ],
    }).sources[0] as GitHubSource;
  const environment = { CAIRN_TEST_GITHUB_TOKEN: TOKEN };

  it('reads every page of teams and members as Groups and Users Backstage-shaped, leaving secret teams out', async () => {
    requests.length = 0;
    failures = [];
    const listing = await listGitHubSource(source(), remotes, () => true, environment);
    const teamRequests = requests.map((request) => request.url).filter((url) => url.includes('/team'));
    expect(teamRequests.toSorted()).toEqual([
      '/organizations/1/team/10/members?per_page=100&page=2',
      '/organizations/1/teams?per_page=100&page=2',
      '/orgs/acme/teams/incident-tooling/members?per_page=100',
      '/orgs/acme/teams/payments/members?per_page=100',
      '/orgs/acme/teams/platform/members?per_page=100',
      '/orgs/acme/teams?per_page=100',
    ]);
    expect(requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(true);
    expect(listing.repos.map((repo) => repo.name)).toEqual(['payments']);
    // The server has no member list for incident-tooling: its Group stays, without members.
    expect(listing.problems).toEqual([
      {
        severity: 'warning',
        message: 'Could not list the members of the GitHub team acme/incident-tooling (HTTP 404); its Group has no members this run.',
      },
    ]);
    expect(listing.entities.map((document) => [document.file, document.url])).toEqual([
      ['orgs/acme/teams/incident-tooling', 'https://github.example.com/orgs/acme/teams/incident-tooling'],
      ['orgs/acme/teams/payments', 'https://github.example.com/orgs/acme/teams/payments'],
      ['orgs/acme/teams/platform', 'https://github.example.com/orgs/acme/teams/platform'],
      ['orgs/acme/members/alice', 'https://github.example.com/alice'],
      ['orgs/acme/members/Bob', 'https://github.example.com/Bob'],
      ['orgs/acme/members/carol', 'https://github.example.com/carol'],
    ]);
    expect(listing.entities[1]!.data).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'payments',
        annotations: {
          'github.com/team-slug': 'acme/payments',
          'backstage.io/managed-by-location': 'url:https://github.example.com/orgs/acme/teams/payments',
          'backstage.io/managed-by-origin-location': 'url:https://github.example.com/orgs/acme/teams/payments',
        },
      },
      spec: { type: 'team', profile: { displayName: 'Payments' }, parent: 'platform', children: [], members: ['alice', 'carol'] },
    });
    expect(listing.entities[2]!.data).toMatchObject({
      metadata: { description: 'Runs the paved road.' },
      spec: { children: ['payments'], members: ['alice', 'Bob'] },
    });
    // Its parent is secret: not named.
    expect(listing.entities[0]!.data).toMatchObject({ spec: { children: [], members: [] } });
    expect((listing.entities[0]!.data.spec as Record<string, unknown>).parent).toBeUndefined();
    expect(listing.entities[3]!.data).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: 'alice',
        annotations: {
          'github.com/user-login': 'alice',
          'backstage.io/managed-by-location': 'url:https://github.example.com/alice',
          'backstage.io/managed-by-origin-location': 'url:https://github.example.com/alice',
        },
      },
      spec: { profile: { picture: 'https://avatars.github.example.com/u/100?v=4' }, memberOf: ['payments', 'platform'] },
    });
    expect(JSON.stringify(listing)).not.toContain('security-response');
    expect(JSON.stringify(listing)).not.toContain(TOKEN);

    // The catalog takes them as they are: every one valid, linked both ways.
    const catalog = await buildCatalog({ repos: [], content: [], forge: listing.entities });
    expect(catalog.problems).toEqual([]);
    expect(catalog.entities.find((entity) => entity.ref === 'group:default/platform')!.relations).toEqual([
      { type: 'hasMember', targetRef: 'user:default/alice' },
      { type: 'hasMember', targetRef: 'user:default/bob' },
      { type: 'parentOf', targetRef: 'group:default/payments' },
    ]);
  }, 30_000);

  it('puts the teams in the catalog of a run, with members and parents, and in the listing of every shard', async () => {
    failures = [];
    teamFailures = [];
    const snapshot = await collectOrg('acme', { include: ['payments'], teams: true });
    const payments = snapshot.entities.find((entity) => entity.ref === 'group:default/payments')!;
    expect(payments).toMatchObject({
      inferred: false,
      source: { file: 'orgs/acme/teams/payments', url: 'https://github.example.com/orgs/acme/teams/payments' },
    });
    expect(payments.relations).toEqual(
      expect.arrayContaining([
        { type: 'hasMember', targetRef: 'user:default/alice' },
        { type: 'childOf', targetRef: 'group:default/platform' },
      ]),
    );
    expect(snapshot.entities.filter((entity) => entity.kind === 'User').map((entity) => entity.ref)).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/carol',
    ]);

    const config = portalConfigSchema.parse({ sources: [{ ...source(), apiUrl: api }] });
    const shards = await Promise.all(
      [1, 2].map((index) =>
        collectRepos({
          config,
          baseDir: remotes,
          standards: NO_STANDARDS,
          now: new Date('2026-11-01T12:00:00Z'),
          shard: { index, count: 2 },
          environment: withToken(),
        }),
      ),
    );
    expect(shards.map((shard) => shard.entities.length)).toEqual([6, 6]);
  }, 60_000);

  it('reports teams it may not read as one problem without the token, and still lists the repositories', async () => {
    failures = [];
    teamFailures = [403];
    const listing = await listGitHubSource(source(), remotes, () => true, environment);
    expect(listing.entities).toEqual([]);
    expect(listing.repos.map((repo) => repo.name)).toEqual(['payments']);
    expect(listing.problems).toEqual([
      {
        severity: 'error',
        message: `Could not list the teams of acme at ${api} (HTTP 403): Resource not accessible by integration - https://docs.github.com/rest/teams/teams#list-teams; its teams are missing from the catalog this run. Reading teams needs a token that can read the organisation (read:org).`,
      },
    ]);
  }, 30_000);

  it('reads teams only from an organisation', () => {
    expect(
      portalConfigSchema
        .safeParse({ sources: [{ type: 'github', user: 'octocat', teams: true }] })
        .error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
    ).toEqual([['sources.0.teams', 'teams are read from an organisation: set org, not user']]);
  });

  const team = (slug: string, parent?: string): OrganisationTeam['team'] => ({
    slug,
    name: slug.toUpperCase(),
    ...(parent ? { parent: { slug: parent } } : {}),
  });
  const member = (login: string) => ({ login });
  it.each([
    { name: 'no teams', teams: [], refs: [] },
    {
      name: 'children from parents, members once whatever their case, users by login',
      teams: [
        { team: team('b', 'a'), members: [member('Zoe'), member('zoe'), member('amy')] },
        { team: team('a'), members: [member('amy')] },
      ],
      refs: [
        'Group a parent=- children=b members=amy',
        'Group b parent=a children=- members=amy,Zoe',
        'User amy memberOf=a,b',
        'User Zoe memberOf=b',
      ],
    },
    {
      name: 'a parent that is not listed is not named',
      teams: [{ team: team('c', 'hidden'), members: [] }],
      refs: ['Group c parent=- children=- members='],
    },
  ])('teamEntities: $name', ({ teams, refs }) => {
    const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(',') : '-');
    expect(
      teamEntities('acme', teams).map(({ data }) => {
        const { kind, metadata, spec } = data as { kind: string; metadata: { name: string }; spec: Record<string, unknown> };
        return kind === 'Group'
          ? `Group ${metadata.name} parent=${(spec.parent as string) ?? '-'} children=${list(spec.children)} members=${(spec.members as string[]).join(',')}`
          : `User ${metadata.name} memberOf=${list(spec.memberOf)}`;
      }),
    ).toEqual(refs);
  });
});

describe('the github source', () => {
  it('lists every page, waits out a rate limit, retries a 502, filters, and clones what is left', async () => {
    requests.length = 0;
    failures = [403, 502];
    const snapshot = await collectOrg('acme');
    expect(requests.map((request) => request.url)).toEqual([
      '/orgs/acme/repos?type=all&per_page=100',
      '/organizations/1/repos?type=all&per_page=100&page=2',
      '/organizations/1/repos?type=all&per_page=100&page=2',
      '/organizations/1/repos?type=all&per_page=100&page=2',
    ]);
    expect(requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(true);
    expect(snapshot.repos.map((repo) => [repo.name, repo.source, repo.webUrl])).toEqual([
      ['payments', 'github', 'https://github.example.com/acme/payments'],
      ['svc-ledger', 'github', 'https://github.example.com/acme/svc-ledger'],
    ]);
    expect(snapshot.repos[0]!.facts.readme?.title).toBe('Payments');
    expect(snapshot.problems.filter((problem) => /list|clone|fetch/i.test(problem.message))).toEqual([]);
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
  }, 30_000);

  it('takes the token from the environment the command line runs with', async () => {
    requests.length = 0;
    failures = [];
    await writeFile(
      join(remotes, 'github-portal.yaml'),
      `sources:\n  - type: github\n    org: acme\n    apiUrl: ${api}\n    tokenEnv: CAIRN_TEST_GITHUB_TOKEN\n    include: [payments]\n    clones: clones\n`,
    );
    const run = await runCairn(
      remotes,
      ['collect', '--config', 'github-portal.yaml', '--snapshot', 'github.json', '--no-cache', '--no-history'],
      { env: { CAIRN_TEST_GITHUB_TOKEN: TOKEN } },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Collected 1 repository/);
    expect(process.env.CAIRN_TEST_GITHUB_TOKEN).toBeUndefined();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(true);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  }, 30_000);

  it('tells an API that does not answer from one that answers with an error', async () => {
    // A port nothing listens on any more, and the client without its retries: the connection is refused at once.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await new Octokit({ baseUrl: `http://127.0.0.1:${port}` })
      .request('GET /orgs/{org}/repos', { org: 'acme' })
      .catch((error: unknown) => error);
    expect(failure(unreachable, undefined)).toMatch(/^: .*ECONNREFUSED/);
    const answered = await new Octokit({ baseUrl: api })
      .request('GET /orgs/{org}/repos', { org: 'nobody' })
      .catch((error: unknown) => error);
    expect(failure(answered, undefined)).toMatch(/^ \(HTTP 404\): Not Found/);
  });

  it('reports an organisation it cannot list as one problem, without the token', async () => {
    const snapshot = await collectOrg('nobody');
    expect(snapshot.repos).toEqual([]);
    expect(snapshot.problems).toEqual([
      {
        severity: 'error',
        message: `Could not list the repositories of nobody at ${api} (HTTP 404): Not Found - https://docs.github.com/rest/repos/repos#list-organization-repositories`,
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
  });

  it('publishes nothing when no repository was collected because the source failed: the last portal stays', async () => {
    await writeFile(
      join(remotes, 'nobody-portal.yaml'),
      `sources:\n  - type: github\n    org: nobody\n    apiUrl: ${api}\n    tokenEnv: CAIRN_TEST_GITHUB_TOKEN\n    clones: clones\n`,
    );
    await writeFile(join(remotes, 'nobody.json'), 'the last good snapshot');
    for (const command of [
      ['collect', '--config', 'nobody-portal.yaml', '--snapshot', 'nobody.json', '--no-cache', '--history', 'nobody-history'],
      [
        'build',
        '--config',
        'nobody-portal.yaml',
        '--snapshot',
        'nobody.json',
        '--no-cache',
        '--history',
        'nobody-history',
        '--out',
        'nobody-site',
      ],
    ]) {
      const run = await runCairn(remotes, command, { env: { CAIRN_TEST_GITHUB_TOKEN: TOKEN } });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(
        'No repository was collected, as the sources failed (could not list the repositories of nobody); the snapshot, the site and the history were left as they were.\n' +
          `error: Could not list the repositories of nobody at ${api} (HTTP 404)`,
      );
    }
    expect(await readFile(join(remotes, 'nobody.json'), 'utf8')).toBe('the last good snapshot');
    expect(existsSync(join(remotes, 'nobody-site'))).toBe(false);
    expect(existsSync(join(remotes, 'nobody-history'))).toBe(false);
  }, 60_000);

  it('keeps the previous snapshot’s repositories of an organisation it cannot list this time, marked stale', async () => {
    failures = [];
    const before = await collectOrg('acme');
    failures = [401];
    const after = await collectOrg('acme', {}, before);
    expect(after.repos.map((repo) => [repo.name, repo.webUrl, repo.stale])).toEqual([
      [
        'payments',
        'https://github.example.com/acme/payments',
        'could not list the repositories of acme; the data was collected on 2026-11-01',
      ],
      [
        'svc-ledger',
        'https://github.example.com/acme/svc-ledger',
        'could not list the repositories of acme; the data was collected on 2026-11-01',
      ],
    ]);
    expect(after.entities.map((entity) => entity.ref)).toEqual(before.entities.map((entity) => entity.ref));
    // The listing failure, then what the kept data still says (its catalog problems, found again).
    expect(after.problems).toEqual([
      {
        severity: 'error',
        message: `Could not list the repositories of acme at ${api} (HTTP 401): Bad credentials - https://docs.github.com/rest`,
      },
      ...before.problems,
    ]);
  }, 30_000);

  it.each([
    { filters: {}, names: ['a', 'lib-b'] },
    { filters: { include: ['lib-*'] }, names: ['lib-b'] },
    { filters: { exclude: ['LIB-*'] }, names: ['a'] },
    { filters: { topics: ['Service'] }, names: ['a'] },
    { filters: { archived: true }, names: ['a', 'archived', 'lib-b'] },
    { filters: { forks: true, archived: true }, names: ['a', 'archived', 'fork', 'lib-b'] },
  ])('selects $names with $filters', ({ filters, names }) => {
    const repositories = [
      { name: 'lib-b', html_url: '', topics: ['library'] },
      { name: 'fork', html_url: '', fork: true },
      { name: 'archived', html_url: '', archived: true },
      { name: 'a', html_url: '', topics: ['service'] },
    ];
    expect(selectRepositories(repositories, { archived: false, forks: false, ...filters }).map((repository) => repository.name)).toEqual(
      names,
    );
  });
});
