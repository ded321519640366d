import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, NO_STANDARDS } from '../../collectors/collect.ts';
import { portalConfigSchema } from '../../collectors/config.ts';
import type { Snapshot } from '../../collectors/snapshot.ts';
import { selectRepositories } from '../../collectors/sources/github.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

const run = promisify(execFile);
const TOKEN = 'ghp_CairnTestToken0123456789abcdefABCDEF';

let fixture: RepoFixture<'payments' | 'svc-ledger'>;
let remotes: string;
let server: Server;
let api: string;
const requests: Array<{ url: string; authorization?: string }> = [];
let failures: number[] = [];

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

function respond(request: IncomingMessage): { status: number; headers: Record<string, string>; body: string } {
  const url = new URL(request.url ?? '/', api);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });
  if (url.pathname === '/orgs/acme/repos' && !url.searchParams.has('page')) {
    if (failures[0] === 401) {
      failures.shift();
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    const next = `${api}/organizations/1/repos?type=all&per_page=100&page=2`;
    return json(200, [apiRepository(1, 'payments', { topics: ['service'] }), apiRepository(2, 'old-billing', { archived: true }), apiRepository(3, 'payments-fork', { fork: true }), apiRepository(4, 'sandbox-tom')], {
      link: `<${next}>; rel="next", <${next}>; rel="last"`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
    });
  }
  if (url.pathname === '/organizations/1/repos' && url.searchParams.get('page') === '2') {
    const failure = failures.shift();
    if (failure === 403) {
      return json(403, { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' }, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
      });
    }
    if (failure === 502) return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    const prev = `${api}/organizations/1/repos?type=all&per_page=100&page=1`;
    return json(200, [apiRepository(5, 'svc-ledger')], { link: `<${prev}>; rel="prev", <${prev}>; rel="first"` });
  }
  return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#list-organization-repositories', status: '404' });
}

beforeAll(async () => {
  fixture = await makeRepos({
    payments: files({ 'README.md': '# Payments\n\nTakes the money.\n' }),
    'svc-ledger': files({ 'README.md': '# Ledger\n\nKeeps the books.\n' }),
  });
  remotes = await mkdtemp(join(tmpdir(), 'cairn-github-'));
  for (const name of ['payments', 'svc-ledger'] as const) await run('git', ['clone', '--quiet', '--bare', fixture.dirs[name], `${name}.git`], { cwd: remotes, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
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

async function collectOrg(org: string, extra: Record<string, unknown> = {}, previous?: Snapshot) {
  const config = portalConfigSchema.parse({ sources: [{ type: 'github', org, apiUrl: api, tokenEnv: 'CAIRN_TEST_GITHUB_TOKEN', exclude: ['sandbox-*'], clones: 'clones', ...extra }] });
  process.env.CAIRN_TEST_GITHUB_TOKEN = TOKEN;
  try {
    return await collect({ config, baseDir: remotes, standards: NO_STANDARDS, now: new Date('2026-11-01T12:00:00Z'), ...(previous ? { previous: async () => previous } : {}) });
  } finally {
    delete process.env.CAIRN_TEST_GITHUB_TOKEN;
  }
}

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

  it('reports an organisation it cannot list as one problem, without the token', async () => {
    const snapshot = await collectOrg('nobody');
    expect(snapshot.repos).toEqual([]);
    expect(snapshot.problems).toEqual([{ severity: 'error', message: `Could not list the repositories of nobody at ${api} (HTTP 404): Not Found - https://docs.github.com/rest/repos/repos#list-organization-repositories` }]);
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
  });

  it('keeps the previous snapshot’s repositories of an organisation it cannot list this time, marked stale', async () => {
    failures = [];
    const before = await collectOrg('acme');
    failures = [401];
    const after = await collectOrg('acme', {}, before);
    expect(after.repos.map((repo) => [repo.name, repo.webUrl, repo.stale])).toEqual([
      ['payments', 'https://github.example.com/acme/payments', 'could not list the repositories of acme; the data was collected on 2026-11-01'],
      ['svc-ledger', 'https://github.example.com/acme/svc-ledger', 'could not list the repositories of acme; the data was collected on 2026-11-01'],
    ]);
    expect(after.entities.map((entity) => entity.ref)).toEqual(before.entities.map((entity) => entity.ref));
    // The listing failure, then what the kept data still says (its catalog problems, found again).
    expect(after.problems).toEqual([{ severity: 'error', message: `Could not list the repositories of acme at ${api} (HTTP 401): Bad credentials - https://docs.github.com/rest` }, ...before.problems]);
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
    expect(selectRepositories(repositories, { archived: false, forks: false, ...filters }).map((repository) => repository.name)).toEqual(names);
  });
});
