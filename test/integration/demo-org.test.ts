import { execFile } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateDemoOrg, STAMP_FILE } from '../../scripts/dev/demo-org/generate.ts';
import { FEEDBACK_ISSUES_FILE } from '../../scripts/dev/demo-org/feedback.ts';
import { DEMO_NOW, DEMO_PROBLEMS, demoRepos, PEOPLE } from '../../scripts/dev/demo-org/spec.ts';
import { generateSyntheticOrg, syntheticRepo } from '../../scripts/dev/demo-org/synthetic.ts';

const run = promisify(execFile);

async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd: dir,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim();
}

const { priya, marcus, sofia, jonas, amara, liam, yuki, noor, elodie, tom, renovate, dependabot } = PEOPLE;

/** Who commits where: written out so that a change to the spec's authorship shows up here. */
const EXPECTED_AUTHORS: Record<string, Array<{ email: string }>> = {
  checkout: [amara, priya, liam, marcus, renovate],
  payments: [priya, marcus, elodie, dependabot],
  orders: [marcus, priya, jonas],
  storefront: [amara, liam],
  'design-system': [liam, amara, renovate],
  'auth-service': [sofia, jonas, elodie, dependabot],
  'fraud-detection': [marcus],
  'search-indexer': [yuki, noor, dependabot],
  'ml-recommender': [noor, yuki],
  'data-pipelines': [yuki, noor],
  notifications: [jonas, sofia],
  'legacy-billing': [tom],
  'platform-infra': [sofia, jonas, renovate],
  org: [sofia, elodie, amara],
  'status-page': [liam],
};

/** Repositories nobody has touched in the 90 days before DEMO_NOW. */
const STALE = ['legacy-billing', 'ml-recommender', 'status-page'];

const DAY = 86_400_000;
const TEAMS_DIR = fileURLToPath(new URL('../../content/teams', import.meta.url));
let root: string;
let out: string;
let firstRun: Awaited<ReturnType<typeof generateDemoOrg>>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-test-'));
  out = join(root, 'demo-org');
  firstRun = await generateDemoOrg({ out });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('generateDemoOrg', () => {
  it('writes the fifteen repositories, a stamp and the exported feedback issues, and nothing else', async () => {
    expect(firstRun.generated).toBe(true);
    expect(firstRun.repos).toHaveLength(15);
    expect((await readdir(out)).sort()).toEqual([STAMP_FILE, FEEDBACK_ISSUES_FILE, ...firstRun.repos].sort());
    expect((await readdir(root)).sort()).toEqual(['demo-org']);
    for (const repo of firstRun.repos) expect(await git(join(out, repo), 'status', '--porcelain')).toBe('');
  });

  it('skips a second run, and regenerates the same hashes when forced or when the stamp differs', async () => {
    const heads = async () => Promise.all(firstRun.repos.map((repo) => git(join(out, repo), 'rev-parse', 'HEAD')));
    const before = await heads();

    const again = await generateDemoOrg({ out });
    expect(again.generated).toBe(false);

    const forced = await generateDemoOrg({ out, force: true });
    expect(forced.generated).toBe(true);
    expect(await heads()).toEqual(before);

    await writeFile(join(out, STAMP_FILE), 'an older spec\n');
    expect((await generateDemoOrg({ out })).generated).toBe(true);
    expect(await heads()).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['demo-org']);
  });

  it('checks out exactly the tree each repository declares', async () => {
    for (const repo of demoRepos()) {
      const dir = join(out, repo.name);
      expect((await git(dir, 'ls-files', '-z')).split('\0').filter(Boolean).sort(), repo.name).toEqual(Object.keys(repo.tree).sort());
      for (const [path, content] of Object.entries(repo.tree)) {
        if (typeof content === 'string') expect(await readFile(join(dir, path), 'utf8'), `${repo.name}/${path}`).toBe(content);
        else if (content instanceof Uint8Array)
          expect(new Uint8Array(await readFile(join(dir, path))), `${repo.name}/${path}`).toEqual(content);
        else expect(await readlink(join(dir, path)), `${repo.name}/${path}`).toBe(content.symlink);
      }
    }
  });

  it('gives each repository its expected authors', async () => {
    for (const repo of firstRun.repos) {
      const emails = new Set((await git(join(out, repo), 'log', '--format=%ae')).split('\n'));
      expect([...emails].sort(), repo).toEqual(EXPECTED_AUTHORS[repo]!.map(({ email }) => email).sort());
    }
  });

  it('dates every commit before DEMO_NOW, active repositories within 90 days, stale ones before', async () => {
    const now = Date.parse(DEMO_NOW);
    for (const repo of firstRun.repos) {
      const dates = (await git(join(out, repo), 'log', '--format=%cI')).split('\n').map((date) => Date.parse(date));
      expect(Math.max(...dates), repo).toBeLessThan(now);
      expect(now - Math.max(...dates) > 90 * DAY, repo).toBe(STALE.includes(repo));
      // Histories are long enough for trends: the oldest commit is at least five months back.
      expect(now - Math.min(...dates), repo).toBeGreaterThan(150 * DAY);
    }
  });

  it('tags releases on the day their CHANGELOG entry gives', async () => {
    const dir = join(out, 'payments');
    const tags = (await git(dir, 'for-each-ref', 'refs/tags', '--format=%(refname:short) %(taggerdate:short)')).split('\n');
    const changelog = await readFile(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(tags).toHaveLength(4);
    for (const tag of tags) {
      const [name, day] = tag.split(' ');
      expect(changelog).toContain(`## [${name!.slice(1)}] - ${day}`);
    }
  });

  it('keeps the deliberate problems where DEMO_PROBLEMS says they are', async () => {
    const { syntaxError, invalidEntity } = DEMO_PROBLEMS;
    const documents = parseAllDocuments(await readFile(join(out, syntaxError.repo, syntaxError.path), 'utf8'));
    expect(documents.map((document) => document.errors.length > 0)).toEqual([false, true, false, false]);
    expect(documents[syntaxError.document - 1]!.errors[0]!.linePos?.[0].line).toBe(syntaxError.line);
    expect(documents[invalidEntity.document - 1]!.toJS().metadata.name).toBe(invalidEntity.name);

    expect(await readdir(join(out, DEMO_PROBLEMS.withoutDescriptor))).not.toContain('catalog-info.yaml');
    const link = join(out, DEMO_PROBLEMS.symlinkOutside.repo, DEMO_PROBLEMS.symlinkOutside.path);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    const latin1 = await readFile(join(out, DEMO_PROBLEMS.notUtf8.repo, DEMO_PROBLEMS.notUtf8.path));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(latin1)).toThrow();
  });

  it('matches every human author to a User in content/teams or the org repository', async () => {
    const sources = [
      ...(await Promise.all((await readdir(TEAMS_DIR)).map((file) => readFile(join(TEAMS_DIR, file), 'utf8')))),
      await readFile(join(out, 'org', 'users.yaml'), 'utf8'),
    ];
    const userEmails = new Set(
      sources
        .flatMap((text) => parseAllDocuments(text).map((document) => document.toJS()))
        .filter((entity) => entity?.kind === 'User')
        .map((user) => user.spec.profile.email),
    );
    const humans = Object.values(PEOPLE).filter((person) => !person.name.endsWith('[bot]') && person !== tom);
    for (const person of humans) expect(userEmails, person.email).toContain(person.email);
    expect(userEmails).not.toContain(tom.email);
  });
});

describe('generateSyntheticOrg', () => {
  it('writes varied repositories within the benchmark bounds, the same on every run', async () => {
    const synthetic = join(root, 'synthetic');
    const names = await generateSyntheticOrg(synthetic, 10);
    expect(names).toEqual(Array.from({ length: 10 }, (_, index) => `svc-${String(index).padStart(4, '0')}`));
    expect((await readdir(synthetic)).sort()).toEqual(names);

    const languages = new Set<string>();
    let withDescriptor = 0;
    for (const name of names) {
      const dir = join(synthetic, name);
      const files = (await git(dir, 'ls-files')).split('\n');
      const commits = Number(await git(dir, 'rev-list', '--count', 'HEAD'));
      expect(files.length, name).toBeGreaterThanOrEqual(20);
      expect(files.length, name).toBeLessThanOrEqual(200);
      expect(commits, name).toBeGreaterThanOrEqual(5);
      expect(commits, name).toBeLessThanOrEqual(50);
      if (files.includes('catalog-info.yaml')) withDescriptor++;
      for (const manifest of ['package.json', 'go.mod', 'pyproject.toml', 'pom.xml', 'Cargo.toml'])
        if (files.includes(manifest)) languages.add(manifest);
    }
    expect(languages.size).toBe(5);
    expect(withDescriptor).toBeGreaterThan(0);
    expect(withDescriptor).toBeLessThan(10);
    expect(syntheticRepo(7)).toEqual(syntheticRepo(7));
    expect(syntheticRepo(7)).not.toEqual(syntheticRepo(8));
  });
});

describe('the demo build', () => {
  it.each(['build', 'dev'])('npm run %s pins the run time to DEMO_NOW, so the demo looks the same every day', async (script) => {
    const scripts = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>;
    const epoch = Number(scripts[script]!.match(/SOURCE_DATE_EPOCH=(\d+)/)?.[1]) * 1000;
    expect(new Date(epoch).toISOString()).toBe(new Date(DEMO_NOW).toISOString());
  });
});
