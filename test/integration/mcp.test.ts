import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredCheck, Snapshot } from '../../collectors/contract/snapshot.ts';
import { checkReport } from '../../scripts/cli/check.ts';
import { failingChecks } from '../../scripts/cli/report/verdict.ts';
import type { McpPortal } from '../../scripts/cli/mcp/portal.ts';
import { publishedPortal } from '../../scripts/cli/mcp/published-portal.ts';
import { cairnServer } from '../../scripts/cli/mcp/server.ts';
import { snapshotPortal } from '../../scripts/cli/mcp/snapshot-portal.ts';
import { generateDemoOrg } from '../../scripts/dev/demo-org/generate.ts';
import { catalogExport, entityResults, entityResultsExport, llmsFullTxt, scorecardsExport } from '../../site/lib/exports.ts';
import { entityResultsPath } from '../../site/lib/paths.ts';
import { guideBodyMarkdown } from '../../site/lib/guide-markdown.ts';
import { entityScorecards } from '../../site/lib/scorecard-panel.ts';
import { standardsExport } from '../../site/lib/standards-export.ts';
import { runCairn } from '../helpers/cli.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EPOCH = '1793534400';
const SITE = 'https://portal.acme.example/';
const STOREFRONT = 'component:default/storefront';

let work: string;
let snapshot: Snapshot;
let fromSnapshot: McpPortal;
let client: Client;
let portalClient: Client;
let published: StaticServer;

/** A client talking to `cairnServer(portal)` in this process. */
async function connect(portal: McpPortal): Promise<Client> {
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await cairnServer(portal).connect(serverSide);
  const connected = new Client({ name: 'test', version: '1.0.0' });
  await connected.connect(clientSide);
  return connected;
}

/** The text of a resource (Cairn's are all text). */
async function readText(from: Client, uri: string): Promise<string> {
  const [content] = (await from.readResource({ uri })).contents;
  return content && 'text' in content ? content.text : '';
}

type Answer = Record<string, any>;

async function call(on: Client, name: string, args: Record<string, unknown>): Promise<Answer> {
  const result = (await on.callTool({ name, arguments: args })) as {
    structuredContent?: Answer;
    isError?: boolean;
    content: Array<{ text: string }>;
  };
  if (result.isError) throw new Error(result.content[0]!.text);
  return result.structuredContent!;
}

/**
 * The demo organisation collected as a portal team would (`cairn collect --config`), then the
 * files a build of it publishes (catalog.json, scorecards.json, standards.json, llms-full.txt),
 * written by the site's own export functions and served over HTTP.
 */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-mcp-'));
  const org = (await generateDemoOrg({ out: join(work, 'org') })).out;
  await cp(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  const config = (await readFile(join(ROOT, 'content', 'portal.yaml'), 'utf8')).replace('repos: ../.cache/demo-org/*', `repos: ${org}/*`);
  await writeFile(join(work, 'content', 'portal.yaml'), `${config}site: ${SITE}\n`);
  const collected = await runCairn(
    work,
    ['collect', '--config', 'content/portal.yaml', '--snapshot', 'snapshot.json', '--no-history', '--no-cache'],
    { epoch: EPOCH },
  );
  expect(collected.code, collected.stderr).toBe(0);
  snapshot = JSON.parse(await readFile(join(work, 'snapshot.json'), 'utf8')) as Snapshot;
  fromSnapshot = await snapshotPortal({ snapshot: join(work, 'snapshot.json'), config: join(work, 'content', 'portal.yaml') });
  client = await connect(fromSnapshot);

  const site = join(work, 'published');
  await mkdir(site);
  published = await serveStatic(site, '/portal/');
  const url = (path: string) => new URL(path, published.url).href;
  const { catalog, standards } = fromSnapshot;
  const bodies = new Map(
    await Promise.all(snapshot.guides.map(async (guide) => [guide.id, await fromSnapshot.guideBody(guide.id)] as const)),
  );
  const scored = entityResults(catalog, standards);
  const files = {
    'catalog.json': catalogExport(snapshot.entities, snapshot.generatedAt),
    'scorecards.json': scorecardsExport(standards, scored, snapshot.generatedAt, url),
    ...Object.fromEntries(scored.map((entity) => [entityResultsPath(entity.params), entityResultsExport(entity, snapshot.generatedAt)])),
    'standards.json': standardsExport({
      generatedAt: snapshot.generatedAt,
      scorecards: snapshot.scorecards,
      published: snapshot.standards,
      entities: snapshot.entities,
    }),
  };
  for (const [name, data] of Object.entries(files)) {
    await mkdir(dirname(join(site, name)), { recursive: true });
    await writeFile(join(site, name), JSON.stringify(data));
  }
  const markdown = (guide: Snapshot['guides'][number]) => {
    const body = bodies.get(guide.id);
    return body && 'mdx' in body
      ? guideBodyMarkdown({ guide, body: body.mdx, catalog, standards, url, headingShift: 2, minHeadingDepth: 4 })
      : undefined;
  };
  await writeFile(
    join(site, 'llms-full.txt'),
    llmsFullTxt({ title: snapshot.portal.title, guides: snapshot.guides, entities: snapshot.entities, url, markdown }),
  );
  portalClient = await connect(await publishedPortal(published.url));
}, 180_000);

afterAll(async () => {
  await client?.close();
  await portalClient?.close();
  await published?.close();
  await rm(work, { recursive: true, force: true });
});

const isOpen = (check: ScoredCheck) => check.effective === 'fail' || check.effective === 'error';
const location = (evidence: { path: string; line?: number }) =>
  evidence.line === undefined ? evidence.path : `${evidence.path}:${evidence.line}`;
const storefrontResults = () => snapshot.results.filter((result) => result.entityRef === STOREFRONT);

describe('"Why is storefront below silver, and what is the cheapest fix?"', () => {
  it('explain_scorecard gives each level and the checks that need work, with the messages and evidence of the snapshot and the entity page', async () => {
    const answer = await call(client, 'explain_scorecard', { entity: 'storefront' });
    expect(answer.entity).toBe(STOREFRONT);
    const page = entityScorecards(fromSnapshot.catalog, fromSnapshot.standards, fromSnapshot.catalog.byRef.get(STOREFRONT)!);
    expect(answer.scorecards.map((scorecard: Answer) => scorecard.scorecard.id)).toEqual(page.map((panel) => panel.scorecard.id));
    for (const result of storefrontResults()) {
      const explained = answer.scorecards.find((scorecard: Answer) => scorecard.scorecard.id === result.scorecard);
      const definition = snapshot.scorecards.find((scorecard) => scorecard.id === result.scorecard)!;
      expect(explained.level).toBe(
        result.level === null ? 'No level' : (definition.levels.find((level) => level.id === result.level)!.title ?? result.level),
      );
      // The snapshot's failing checks, in the scorecard's order, each with its message and evidence.
      expect(
        explained.needsWork.map((check: Answer) => [
          check.check.id,
          check.message,
          check.evidence.map((evidence: Answer) => evidence.location),
        ]),
      ).toEqual(
        result.checks
          .filter((check) => isOpen(check) || check.exemption)
          .map((check) => [check.checkId, check.message, check.evidence.map(location)]),
      );
      // What the entity page's panel shows (status and guide), with the text of the check page's How to fix.
      const panel = page.find((candidate) => candidate.scorecard.id === result.scorecard)!;
      const shown = panel.levels.flatMap((group) => group.open);
      expect(explained.needsWork.map((check: Answer) => [check.status, check.fix, check.guide?.title])).toEqual(
        shown.map((check) => [
          check.status,
          snapshot.checks.find((metadata) => metadata.id === check.check.id)?.fix.trim(),
          check.guide?.text,
        ]),
      );
    }
    const security = answer.scorecards.find((scorecard: Answer) => scorecard.scorecard.id === 'security');
    expect(security).toMatchObject({ level: 'Bronze', next: { level: 'Silver' } });
    const dockerfile = security.needsWork.find((check: Answer) => check.check.id === 'dockerfile-no-latest');
    expect(dockerfile.evidence).toEqual([
      {
        location: 'Dockerfile:1',
        note: 'FROM node:latest',
        url: expect.stringMatching(/^https:\/\/github\.com\/acme\/storefront\/blob\/[0-9a-f]{40}\/Dockerfile#L1$/),
      },
    ]);
    expect(dockerfile.guide).toEqual({
      title: 'Containerise a service › Name a version, never latest',
      url: `${SITE}guides/build/containerise/#name-a-version-never-latest`,
      resource: 'cairn://guides/build/containerise',
    });
  });

  it('next_level lists what blocks silver on every scorecard, cheapest fix first, as cairn check orders it', async () => {
    const answer = await call(client, 'next_level', { entity: 'storefront', level: 'silver' });
    const blocking = new Map<string, ScoredCheck[]>();
    for (const result of storefrontResults()) {
      const definition = snapshot.scorecards.find((scorecard) => scorecard.id === result.scorecard)!;
      const silver = definition.levels.findIndex((level) => level.id === 'silver');
      if (silver === -1) continue;
      const upToSilver = new Set(definition.levels.slice(0, silver + 1).map((level) => level.id));
      blocking.set(
        result.scorecard,
        result.checks.filter((check) => upToSilver.has(check.level) && isOpen(check)),
      );
      const standing = answer.scorecards.find((scorecard: Answer) => scorecard.scorecard.id === result.scorecard);
      expect(new Set(standing.blockingChecks)).toEqual(new Set(blocking.get(result.scorecard)!.map((check) => check.checkId)));
    }
    expect([...blocking.keys()].sort()).toEqual(['production-readiness', 'security']);
    // Each check once, with every level it blocks, its message and evidence as the snapshot has them.
    const expected = [...new Set([...blocking.values()].flat().map((check) => check.checkId))];
    expect(answer.fixes.map((fix: Answer) => fix.check.id).sort()).toEqual(expected.sort());
    for (const fix of answer.fixes) {
      const scored = [...blocking.values()].flat().filter((check) => check.checkId === fix.check.id);
      expect(
        fix.findings.map((finding: Answer) => [finding.message, finding.evidence.map((evidence: Answer) => evidence.location)]),
      ).toEqual([...new Map(scored.map((check) => [check.message, [check.message, check.evidence.map(location)]])).values()]);
    }
    expect(answer.fixes.find((fix: Answer) => fix.check.id === 'dependency-updates').findings[0].blocks).toEqual([
      { scorecard: 'production-readiness', level: 'Silver' },
      { scorecard: 'security', level: 'Silver' },
    ]);
    // Cheapest first: the order of cairn check's report, low effort before medium and high.
    const order = failingChecks({
      results: storefrontResults().map((result) => ({ ...result, checks: blocking.get(result.scorecard) ?? [] })),
      checks: fromSnapshot.standards.checksById,
    });
    expect(answer.fixes.map((fix: Answer) => fix.check.id)).toEqual(order.map((check) => check.checkId));
    const efforts = answer.fixes.map((fix: Answer) => ['low', 'medium', 'high'].indexOf(fix.check.effort));
    expect(efforts).toEqual([...efforts].sort((a, b) => a - b));
    expect(answer.cheapestFirst).toBe(answer.fixes[0].check.id);
    expect(answer.fixes[0].check.effort).toBe('low');
  });

  it('next_level without a level blocks what the snapshot says stands before each next level', async () => {
    const answer = await call(client, 'next_level', { entity: STOREFRONT });
    for (const result of storefrontResults().filter((candidate) => candidate.next)) {
      const standing = answer.scorecards.find((scorecard: Answer) => scorecard.scorecard.id === result.scorecard);
      expect(standing.blockingChecks.sort()).toEqual([...result.next!.checks].sort());
    }
  });
});

describe('the other tools on the demo portal', () => {
  it('get_entity: owner, system, relations and links to the portal', async () => {
    const answer = await call(client, 'get_entity', { entity: 'storefront' });
    expect(answer).toMatchObject({
      ref: STOREFRONT,
      kind: 'Component',
      owner: { ref: 'group:default/web', url: `${SITE}catalog/default/group/web/` },
      url: `${SITE}catalog/default/component/storefront/`,
      resource: 'cairn://entities/default/component/storefront',
    });
    expect(answer.scorecards.map((standing: Answer) => standing.scorecard).sort()).toEqual(
      storefrontResults()
        .map((result) => result.scorecard)
        .sort(),
    );
  });

  it('search_catalog filters by owner and kind', async () => {
    const answer = await call(client, 'search_catalog', { owner: 'web', kind: 'component' });
    const owned = snapshot.entities.filter(
      (entity) =>
        entity.kind === 'Component' &&
        entity.relations.some((relation) => relation.type === 'ownedBy' && relation.targetRef === 'group:default/web'),
    );
    expect(answer.entities.map((entity: Answer) => entity.ref).sort()).toEqual(owned.map((entity) => entity.ref).sort());
    expect(answer.total).toBe(owned.length);
  });

  it.each([
    ['how do I set up CI?', 'build/set-up-ci'],
    ['dockerfile base image', 'build/containerise'],
    ['CODEOWNERS', 'catalog/codeowners'],
    ['changelog', 'docs/document-your-service'],
  ])('find_golden_path "%s" leads with %s', async (topic, id) => {
    const answer = await call(client, 'find_golden_path', { topic });
    expect(answer.guides[0]).toMatchObject({ id, resource: `cairn://guides/${id}`, url: `${SITE}guides/${id}/` });
  });

  it('owner_services: what web owns, and its to-do list as the group page orders it, page by page', async () => {
    const first = await call(client, 'owner_services', { owner: 'web', limit: 2 });
    expect(first.owner.ref).toBe('group:default/web');
    expect(first.owns.map((entity: Answer) => entity.ref)).toContain(STOREFRONT);
    expect(first.todo).toHaveLength(2);
    const rest = await call(client, 'owner_services', { owner: 'group:web', cursor: first.nextCursor, limit: 100 });
    expect(first.todo.length + rest.todo.length).toBe(first.todoTotal);
    const sizes = [...first.todo, ...rest.todo].map((item: Answer) => item.checks.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it('owner_services: what names an owner the catalog does not define, and says so', async () => {
    const answer = await call(client, 'owner_services', { owner: 'billing-team' });
    expect(answer.owner).toEqual({
      ref: 'group:default/billing-team',
      defined: false,
      note: 'group:default/billing-team is named as an owner, but the catalog defines no Group or User of that ref.',
    });
    expect(answer.owns.map((entity: Answer) => entity.ref)).toEqual(['component:default/legacy-billing']);
    await expect(call(client, 'owner_services', { owner: 'nobody-at-all' })).rejects.toThrow(/No entity "nobody-at-all"/);
  });

  it('next_level takes a level by its title too, in any case, as its answers name levels', async () => {
    const [byId, byTitle] = await Promise.all([
      call(client, 'next_level', { entity: 'storefront', level: 'silver' }),
      call(client, 'next_level', { entity: 'storefront', level: 'Silver' }),
    ]);
    // Only the note of a scorecard without such a level quotes what was asked.
    const withoutNotes = (answer: Answer) => ({
      ...answer,
      scorecards: answer.scorecards.map(({ note: _, ...standing }: Answer) => standing),
    });
    expect(withoutNotes(byTitle)).toEqual(withoutNotes(byId));
    expect(byTitle.fixes.length).toBeGreaterThan(0);
  });

  it('describe_check takes an id in any case, and names the ids that hold a word it does not know', async () => {
    expect((await call(client, 'describe_check', { check: 'README-Present' })).id).toBe('readme-present');
    await expect(call(client, 'describe_check', { check: 'codeowners' })).rejects.toThrow(
      /^No check "codeowners"\. Checks whose id holds it: codeowners-[a-z-]+(, codeowners-[a-z-]+)+\.$/,
    );
    await expect(call(client, 'describe_check', { check: 'zzz' })).rejects.toThrow(/The portal's checks: .*readme-present/);
  });

  it('describe_check: the reference page of a check, with where it fails', async () => {
    const answer = await call(client, 'describe_check', { check: 'readme-present' });
    expect(answer).toMatchObject({
      id: 'readme-present',
      effort: 'low',
      url: `${SITE}checks/readme-present/`,
      guide: { resource: 'cairn://guides/docs/document-your-service' },
    });
    expect(answer.failing.map((entry: Answer) => entry.entity)).toContain(STOREFRONT);
  });

  it('serves each guide as Markdown, llms.txt, and each entity', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toEqual(
      expect.arrayContaining([
        'cairn://llms.txt',
        ...snapshot.guides.map((guide) => `cairn://guides/${guide.id}`),
        ...snapshot.entities.map(
          (entity) => `cairn://entities/${entity.metadata.namespace}/${entity.kind.toLowerCase()}/${entity.metadata.name}`,
        ),
      ]),
    );
    const guide = await readText(client, 'cairn://guides/build/set-up-ci');
    expect(guide).toMatch(/^# Set up CI\n\n> A GitHub Actions workflow/);
    expect(guide).toContain(`- Page: [Set up CI](${SITE}guides/build/set-up-ci/)`);
    expect(guide).toMatch(/\*\*\d+ of \d+\*\* applicable services follow this path/);
    expect(guide).not.toMatch(/<(Adoption|CheckList|Examples|Steps|Callout)\b/);
    const llms = await readText(client, 'cairn://llms.txt');
    expect(llms).toContain(`- [Set up CI](${SITE}guides/build/set-up-ci/): `);
    const entity = JSON.parse(await readText(client, 'cairn://entities/default/component/storefront'));
    expect(entity.ref).toBe(STOREFRONT);
  });
});

describe('check_repository', () => {
  it('gives the verdict of cairn check --standards <this portal’s standards.json> --catalog <snapshot>, through the same function', async () => {
    const dir = join(work, 'org', 'storefront');
    const standardsFile = join(work, 'published', 'standards.json');
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    try {
      const answer = await call(client, 'check_repository', { path: dir });
      const command = await runCairn(work, ['check', dir, '--standards', standardsFile, '--catalog', 'snapshot.json', '--format', 'json'], {
        epoch: EPOCH,
      });
      expect(command.code, command.stderr).toBe(0);
      const printed = JSON.parse(command.stdout) as { verdict: { line: string } };
      expect(answer.verdict).toBe(printed.verdict.line);
      const { report } = await checkReport({ standards: standardsFile, catalog: join(work, 'snapshot.json') }, dir, {
        cwd: work,
        env: process.env,
      });
      expect(answer.failing.map((check: Answer) => check.check.id)).toEqual(failingChecks(report).map((check) => check.checkId));
      expect(answer.standards).toMatch(/^the standards of the snapshot .*snapshot\.json \(\d{4}-\d\d-\d\d\)$/);
      // The published portal's catalog.json, as a file or at its URL, resolves what the snapshot does, which without it does not.
      const alone = await runCairn(work, ['check', dir, '--standards', standardsFile, '--format', 'json'], { epoch: EPOCH });
      expect(JSON.parse(alone.stdout).results).not.toEqual(JSON.parse(command.stdout).results);
      for (const catalog of [join(work, 'published', 'catalog.json'), `${published.url}catalog.json`]) {
        const fromCatalog = await runCairn(work, ['check', dir, '--standards', standardsFile, '--catalog', catalog, '--format', 'json'], {
          epoch: EPOCH,
        });
        expect(fromCatalog.code, fromCatalog.stderr).toBe(0);
        expect(JSON.parse(fromCatalog.stdout).results).toEqual(JSON.parse(command.stdout).results);
      }
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });

  it('refuses a folder that is not a repository’s root, as cairn check does', async () => {
    await expect(call(client, 'check_repository', { path: join(work, 'content') })).rejects.toThrow(/is not a git work tree/);
  });
});

describe('a published portal (--portal)', () => {
  it('answers as the snapshot does: the same levels, failing checks, messages and evidence, the same cheapest fix', async () => {
    const [local, remote] = await Promise.all([
      call(client, 'explain_scorecard', { entity: 'storefront' }),
      call(portalClient, 'explain_scorecard', { entity: 'storefront' }),
    ]);
    const shape = (answer: Answer) =>
      answer.scorecards.map((scorecard: Answer) => [
        scorecard.scorecard.id,
        scorecard.level,
        scorecard.next,
        scorecard.needsWork.map((check: Answer) => [
          check.check.id,
          check.status,
          check.message,
          check.evidence.map((evidence: Answer) => evidence.location),
          check.fix,
        ]),
      ]);
    expect(shape(remote)).toEqual(shape(local));
    const [localNext, remoteNext] = await Promise.all([
      call(client, 'next_level', { entity: 'storefront', level: 'silver' }),
      call(portalClient, 'next_level', { entity: 'storefront', level: 'silver' }),
    ]);
    expect(remoteNext.fixes.map((fix: Answer) => fix.check.id)).toEqual(localNext.fixes.map((fix: Answer) => fix.check.id));
  });

  it('computes every next level and its blocking checks as the snapshot has them', async () => {
    const portal = await publishedPortal(published.url);
    const byKey = new Map(snapshot.results.map((result) => [`${result.scorecard} ${result.entityRef}`, result.next]));
    expect(portal.standards.results.length).toBe(snapshot.results.length);
    for (const result of portal.standards.results)
      expect(result.next, `${result.scorecard} ${result.entityRef}`).toEqual(byKey.get(`${result.scorecard} ${result.entityRef}`));
  });

  it('finds the guides in llms-full.txt, each teaching its checks, with its text', async () => {
    const answer = await call(portalClient, 'find_golden_path', { topic: 'set up CI' });
    expect(answer.guides[0]).toMatchObject({ id: 'build/set-up-ci', url: `${published.url}guides/build/set-up-ci/` });
    expect(answer.guides[0].teaches.map((check: Answer) => check.id)).toEqual(
      snapshot.guides.find((guide) => guide.id === 'build/set-up-ci')!.checks,
    );
    const text = await readText(portalClient, 'cairn://guides/build/set-up-ci');
    expect(text).toMatch(/^# Set up CI\n/);
    expect(text).toMatch(/\n## Add the workflow\n/);
  });
});

describe('links to the portal', () => {
  it.each([
    ['https://acme.github.io/portal', 'https://acme.github.io/portal/catalog/default/component/storefront/'],
    ['https://acme.github.io/portal/', 'https://acme.github.io/portal/catalog/default/component/storefront/'],
  ])('are under --site %s', async (site, url) => {
    const portal = await snapshotPortal({ snapshot: join(work, 'snapshot.json'), config: join(work, 'content', 'portal.yaml'), site });
    const linked = await connect(portal);
    try {
      expect((await call(linked, 'get_entity', { entity: 'storefront' })).url).toBe(url);
    } finally {
      await linked.close();
    }
  });

  it('are under portal.yaml’s site without --site, and --site must be an http(s) URL', async () => {
    expect(fromSnapshot.portalUrl).toBe(SITE);
    await expect(snapshotPortal({ snapshot: join(work, 'snapshot.json'), site: 'acme.github.io' })).rejects.toThrow(
      'cairn mcp: --site acme.github.io: expected the http(s) URL the portal is published at, e.g. https://acme.github.io/portal/.',
    );
  });
});

describe('cairn mcp', () => {
  it('serves the snapshot over stdio: node bin/cairn.js mcp --snapshot … answers as the server in this process', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(ROOT, 'bin', 'cairn.js'), 'mcp', '--snapshot', 'snapshot.json', '--config', 'content/portal.yaml'],
      cwd: work,
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const overStdio = new Client({ name: 'test', version: '1.0.0' });
    await overStdio.connect(transport);
    try {
      expect(overStdio.getServerVersion()).toMatchObject({ name: 'cairn' });
      const [viaStdio, inProcess] = await Promise.all([
        call(overStdio, 'next_level', { entity: 'storefront', level: 'silver' }),
        call(client, 'next_level', { entity: 'storefront', level: 'silver' }),
      ]);
      expect(viaStdio).toEqual(inProcess);
      expect(stderr).toMatch(/^Cairn MCP server: Acme Developer Portal, \d+ entities, from the snapshot snapshot\.json, on stdio\.\n$/);
    } finally {
      await overStdio.close();
    }
  }, 60_000);

  it.each([
    [
      ['mcp', '--snapshot', 'missing.json'],
      /^cairn mcp: --snapshot missing\.json: file not found; expected the snapshot\.json of cairn collect or cairn build/,
    ],
    [
      ['mcp', '--snapshot', 'content/portal.yaml'],
      /^cairn mcp: --snapshot content\/portal\.yaml: .*; expected the snapshot\.json of cairn collect or cairn build/,
    ],
    [['mcp', '--portal', 'ftp://example.com/'], /^cairn mcp: --portal ftp:\/\/example\.com\/: expected an http\(s\) URL/],
    [
      ['mcp', '--portal', 'https://example.com/', '--snapshot', 'snapshot.json'],
      /^cairn mcp: --portal serves a published portal as it is; --snapshot does not apply\./,
    ],
  ])('exits 2 before serving: cairn %j', async (args, message) => {
    const result = await runCairn(work, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 saying where a snapshot is not one, as cairn build --from does', async () => {
    const snapshot = JSON.parse(await readFile(join(work, 'snapshot.json'), 'utf8'));
    snapshot.entities[3].metadata.name = null;
    await writeFile(join(work, 'bad-name.json'), JSON.stringify(snapshot));
    // A path from the process's own folder: the server, on stdio, is a process of its own.
    const result = await runCairn(work, ['mcp', '--snapshot', join(work, 'bad-name.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad-name\.json: not a valid Cairn snapshot; .*\n[^]*entities\[3\]\.metadata\.name/);
  });

  it('exits 2 naming the URL when a published portal lacks a file', async () => {
    const result = await runCairn(work, ['mcp', '--portal', `${published.url}nothing/`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^cairn mcp: --portal ${published.url}nothing/: ${published.url}nothing/(catalog|scorecards|standards)\\.json: not found; expected a Cairn portal's`,
      ),
    );
  });
});
