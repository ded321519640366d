import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../collectors/store/history-folder.ts';
import { readSnapshot } from '../../collectors/store/snapshot-file.ts';
import { PACKAGE_ROOT } from '../../scripts/cli/package-root.ts';
import { recoverOutput } from '../../scripts/cli/site.ts';
import { CAIRN, cairnEnv, runCairn as runInProcess } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

/**
 * Crash safety: `cairn build` and `cairn collect` killed with SIGKILL at each
 * milestone of a run (snapshot write, pages written, search index written, site swap, history
 * write) and in each phase between them (collect, site build), leave the previous snapshot,
 * history and published site byte-identical, and the next run completes. Runs are pinned to one
 * time (`SOURCE_DATE_EPOCH`), so a run that completes writes exactly what was there: any difference
 * after a kill is a file lost or half-written.
 */

/** Kills of `cairn collect` spread over its run by elapsed-time fractions, besides those at milestones. */
const COLLECT_KILLS = 4;

/** Where Cairn's site builds happen before the finished site replaces `--out`. */
const BUILDS = join(PACKAGE_ROOT, '.cache', 'builds');

/** What a run has reached, in order, seen as files appear; a kill's phase is the last one reached. */
const MILESTONES = ['snapshot write', 'pages written', 'search index written', 'site swap', 'history write'] as const;
type Milestone = (typeof MILESTONES)[number];

/** In every page of this test's portal: tells its build folders from those of other processes. */
const MARKER = `crash-safety-${process.pid}-${Date.now()}`;

const descriptor = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: The ${name} service (${MARKER}).\nspec:\n  type: service\n  lifecycle: production\n  owner: group:platform\n`;
const repo = (name: string) =>
  files({
    'catalog-info.yaml': descriptor(name),
    'README.md': `# ${name}\n\n${`The ${name} service keeps the ledger of record for its part of the business. `.repeat(8)}\n`,
    CODEOWNERS: '* @acme/platform\n',
    'docs/index.md': `# ${name} docs\n\nHow to run ${name}.\n`,
    'docs/operations.md': `# Operations\n\nRestart ${name} with care.\n`,
    'mkdocs.yml': `site_name: ${name}\n`,
  });

let fixture: RepoFixture<'ledger' | 'billing' | 'orders' | 'payments'>;
let work: string;
let paths: { snapshot: string; history: string; out: string; cache: string };

const runArgs = (command: 'build' | 'collect', cache: 'cache' | 'no-cache' = 'cache') => [
  command,
  '--repos',
  join(fixture.root, '*'),
  '--snapshot',
  paths.snapshot,
  '--history',
  paths.history,
  ...(cache === 'cache' ? ['--cache', paths.cache] : ['--no-cache']),
  ...(command === 'build' ? ['--out', paths.out] : []),
];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
  /** Milestones reached before the run ended, with their time. */
  reached: Array<[Milestone, number]>;
  /** Build folders of this run still there once it ended (a killed build's). */
  leftBuilds: string[];
}

/** When to kill: after some time, or the moment a milestone is seen. */
type KillAt = { afterMs: number } | { at: Milestone };

/**
 * Runs the command line in its own process group and SIGKILLs the whole group (Astro's workers
 * and Pagefind's binary too, as a cancelled CI job would) when `kill` says. Milestones are seen
 * with file watchers: temporary files beside the snapshot and history, Astro's pages and Pagefind's
 * index in the build folder, the finished site moved in beside `--out`.
 */
async function runCairn(args: string[], kill?: KillAt): Promise<Run> {
  const env = cairnEnv(runOptions());
  await mkdir(join(work, 'tmp'), { recursive: true });
  await mkdir(BUILDS, { recursive: true });
  await mkdir(paths.history, { recursive: true });
  const reached: Run['reached'] = [];
  let killed = false;
  let child: ReturnType<typeof spawn> | undefined;
  // Build folders are named after the process that builds: those of other processes (other test
  // files' builds, at the same time) are not this run's.
  const ownBuild = (name: string) => child?.pid !== undefined && name.startsWith(`site-${child.pid}-`);
  const started = performance.now();
  const killNow = () => {
    if (killed || !child?.pid) return;
    killed = true;
    process.kill(-child.pid, 'SIGKILL');
  };
  const see = (milestone: Milestone) => {
    if (reached.some(([seen]) => seen === milestone)) return;
    reached.push([milestone, Math.round(performance.now() - started)]);
    if (kill && 'at' in kill && kill.at === milestone) killNow();
  };
  const watchers: FSWatcher[] = [
    watch(dirname(paths.snapshot), (_event, name) => {
      if (name?.startsWith('snapshot.json.') && name.endsWith('.tmp')) see('snapshot write');
      if (name?.startsWith('site.incoming-')) see('site swap');
    }),
    watch(paths.history, (_event, name) => {
      if (name?.endsWith('.tmp')) see('history write');
    }),
  ];
  // Astro's and Pagefind's files are both watched and looked for every few milliseconds: a recursive
  // watcher adds the folders Astro creates only after they appear, and can miss the first files
  // written into them, while a look can miss the search index between its writing and the swap.
  const seeBuildFile = (name: string) => {
    if (/^[^/]+\/dist\/.*\.html$/.test(name)) see('pages written');
    // The index is made from the written pages: seeing it first means the pages were missed.
    if (/^[^/]+\/dist\/pagefind(\/|$)/.test(name)) {
      see('pages written');
      see('search index written');
    }
  };
  const buildWatcher = watch(BUILDS, { recursive: true }, (_event, name) => {
    if (name && ownBuild(name.split('/')[0]!)) seeBuildFile(name);
  });
  // Out of inotify watches (other checkouts' builds in the folder): the looks below still see everything.
  buildWatcher.on('error', () => {});
  watchers.push(buildWatcher);
  const builds = setInterval(() => {
    try {
      for (const build of readdirSync(BUILDS).filter(ownBuild)) {
        const dist = join(BUILDS, build, 'dist');
        if (!existsSync(dist)) continue;
        // The search index first, and the whole folder's listing only until a page is seen: a look
        // must stay short, or it sleeps through the moment between the index and the swap.
        if (existsSync(join(dist, 'pagefind'))) seeBuildFile(`${build}/dist/pagefind`);
        if (reached.some(([seen]) => seen === 'pages written')) continue;
        const html = readdirSync(dist, { recursive: true, encoding: 'utf8' }).find((name) => name.endsWith('.html'));
        if (html) seeBuildFile(`${build}/dist/${html}`);
      }
    } catch {
      // The folder moved or went while being looked at: the next look, or the watcher, sees what follows.
    }
  }, 10);
  child = spawn(process.execPath, [CAIRN, ...args], { cwd: work, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = kill && 'afterMs' in kill ? setTimeout(killNow, kill.afterMs) : undefined;
  try {
    return await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, ms: performance.now() - started, stderr, reached, leftBuilds: [] }));
    }).then(async (run) => ({ ...(run as Run), leftBuilds: (await readdir(BUILDS)).filter(ownBuild) }));
  } finally {
    clearTimeout(timer);
    clearInterval(builds);
    for (const watcher of watchers) watcher.close();
  }
}

/** A killed run cannot remove its temporary files: they go in the test's own folder, removed with it. */
const runOptions = () => ({ env: { TMPDIR: join(work, 'tmp') } });

/** A run that is not killed, in this process. */
async function runToTheEnd(args: string[]) {
  await mkdir(join(work, 'tmp'), { recursive: true });
  return runInProcess(work, args, runOptions());
}

/** The phase a killed run was in: collecting before its snapshot is written, else after its last milestone. */
function phaseOf(run: Run): string {
  const last = run.reached.at(-1)?.[0];
  switch (last) {
    case undefined:
      return 'collect';
    case 'snapshot write':
      return 'snapshot write / site build';
    case 'pages written':
      return 'site build / search indexing';
    case 'search index written':
      return 'search index write';
    case 'site swap':
      return 'site swap';
    case 'history write':
      return 'history write';
  }
}

/** Relative path → SHA-256 of every file below `dir` (`{}` when it does not exist). */
async function hashTree(dir: string, filter: (path: string) => boolean = () => true): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const hashes: Record<string, string> = {};
  for (const entry of entries
    .filter((candidate) => candidate.isFile())
    .sort((a, b) => (join(a.parentPath, a.name) < join(b.parentPath, b.name) ? -1 : 1))) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (filter(path))
      hashes[path] = createHash('sha256')
        .update(await readFile(join(dir, path)))
        .digest('hex');
  }
  return hashes;
}

/** What must survive every kill: the snapshot, the history's records and the published site. */
async function state() {
  const snapshot = await readFile(paths.snapshot).catch(() => undefined);
  return {
    snapshot: snapshot && createHash('sha256').update(snapshot).digest('hex'),
    history: await hashTree(paths.history, (path) => path.endsWith('.json')),
    site: await hashTree(paths.out),
  };
}

/** Files a killed run left beside the outputs (temporary names), for the record: they must not break the next run. */
async function leftovers(): Promise<string[]> {
  const around = async (dir: string, pattern: RegExp) =>
    (await readdir(dir).catch(() => [] as string[])).filter((name) => pattern.test(name)).map((name) => join(relative(work, dir), name));
  return [...(await around(dirname(paths.snapshot), /\.tmp$|\.incoming-|\.outgoing-/)), ...(await around(paths.history, /\.tmp$/))];
}

/** Whether a file below `dir` holds this test's marker. */
async function holdsMarker(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && (await readFile(join(entry.parentPath, entry.name), 'utf8').catch(() => '')).includes(MARKER)) return true;
  }
  return false;
}

async function assertIntact(expected: Awaited<ReturnType<typeof state>>, label: string): Promise<void> {
  const now = await state();
  expect(now.snapshot, `${label}: snapshot`).toBe(expected.snapshot);
  expect(now.history, `${label}: history`).toEqual(expected.history);
  expect(now.site, `${label}: site`).toEqual(expected.site);
  // Readable, not only unchanged.
  expect((await readSnapshot(paths.snapshot)).entities.length, label).toBeGreaterThanOrEqual(4);
  const records: string[] = [];
  expect((await readHistory(paths.history, (record) => records.push(record.generatedAt))).skipped, label).toEqual([]);
  expect(records, label).toHaveLength(1);
  expect(await readFile(join(paths.out, 'index.html'), 'utf8'), label).toContain('<html');
}

beforeAll(async () => {
  fixture = await makeRepos({ ledger: repo('ledger'), billing: repo('billing'), orders: repo('orders'), payments: repo('payments') });
  work = join(fixture.root, '..', `${fixture.root.split('/').pop()}-work`);
  paths = {
    snapshot: join(work, 'out', 'snapshot.json'),
    history: join(work, 'out', 'history'),
    out: join(work, 'out', 'site'),
    cache: join(work, 'cache'),
  };
  await rm(work, { recursive: true, force: true });
  await mkdir(dirname(paths.snapshot), { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await fixture.remove();
});

/**
 * One killed run: the outputs are as they were, and the next run (in this process: it is not
 * killed) completes and writes them again. Returns the run and a line for the log (phase of the
 * kill, files left behind).
 */
async function killAndRecover(
  point: { command: 'build' | 'collect'; emptyCache: boolean; kill: KillAt },
  name: string,
  baseline: Awaited<ReturnType<typeof state>>,
): Promise<Run & { line: string }> {
  if (point.emptyCache) await rm(paths.cache, { recursive: true, force: true });
  const label = `${name}: cairn ${point.command}${point.emptyCache ? ' (no cache)' : ''} ${'at' in point.kill ? `at ${point.kill.at}` : `after ${point.kill.afterMs} ms`}`;
  const run = await runCairn(runArgs(point.command), point.kill);
  await assertIntact(baseline, label);
  const left = [...(await leftovers()), ...run.leftBuilds.map((build) => `.cache/builds/${build}`)];
  // The build folders a kill left in the checkout stay there (nothing removes them): the test
  // removes those that hold this portal's pages, never another process's build.
  for (const build of run.leftBuilds)
    if (await holdsMarker(join(BUILDS, build))) await rm(join(BUILDS, build), { recursive: true, force: true });
  // The next run completes, whatever the killed one left behind, and writes the same outputs.
  const next = await runToTheEnd(runArgs(point.command));
  expect(next.code, `${label}, next run: ${next.stderr}`).toBe(0);
  await assertIntact(baseline, `${label}, next run`);
  return {
    ...run,
    line: `${label}: ${run.signal ? `killed in ${phaseOf(run)} at ${Math.round(run.ms)} ms` : `finished first (exit ${run.code})`}${left.length ? `, left ${left.join(' ')}` : ''}`,
  };
}

/** Milliseconds into a run half-way between two of its moments (`undefined`: its start). */
function between(run: Run, from: Milestone | undefined, to: Milestone): number {
  const at = (milestone: Milestone | undefined) => (milestone === undefined ? 0 : run.reached.find(([seen]) => seen === milestone)![1]);
  return Math.round((at(from) + at(to)) / 2);
}

describe('a killed run leaves the previous outputs intact', () => {
  /** The outputs of a full run, which every kill must leave as they are. */
  let baseline: Awaited<ReturnType<typeof state>>;
  /** A full run, with the moments it reached each milestone. */
  let full: Run;

  beforeAll(async () => {
    full = await runCairn(runArgs('build'));
    expect(full.code, full.stderr).toBe(0);
    expect(full.reached.map(([milestone]) => milestone)).toEqual([
      'snapshot write',
      'pages written',
      'search index written',
      'site swap',
      'history write',
    ]);
    baseline = await state();
    expect(Object.keys(baseline.site)).toContain('pagefind/pagefind.js');
  }, 120_000);

  it('a second full run writes the same bytes: the comparisons after a kill can only see damage', async () => {
    const again = await runToTheEnd(runArgs('build'));
    expect(again.code, again.stderr).toBe(0);
    expect(await state()).toEqual(baseline);
  });

  it(
    'SIGKILL at each milestone and in each phase of cairn build and cairn collect',
    async () => {
      const collect = await runCairn(runArgs('collect', 'no-cache'));
      expect(collect.code, collect.stderr).toBe(0);
      const collectMs = 0.9 * collect.ms;
      const plan: Array<{ command: 'build' | 'collect'; emptyCache: boolean; kill: KillAt }> = [
        // Each phase once, half-way between the milestones around it in the full run: collecting
        // (with the fact cache emptied, so collection reads the repositories and writes the cache),
        // and Astro's build before it writes the pages. Later phases start at a milestone below.
        { command: 'build', emptyCache: true, kill: { afterMs: between(full, undefined, 'snapshot write') } },
        { command: 'build', emptyCache: false, kill: { afterMs: between(full, 'snapshot write', 'pages written') } },
        ...(['snapshot write', 'pages written', 'search index written', 'history write'] as const).map((at) => ({
          command: 'build' as const,
          emptyCache: false,
          kill: { at },
        })),
        ...Array.from({ length: COLLECT_KILLS }, (_, i) => ({
          command: 'collect' as const,
          emptyCache: true,
          kill: { afterMs: Math.round((collectMs * (i + 1)) / (COLLECT_KILLS + 1)) },
        })),
        ...(['snapshot write', 'history write'] as const).map((at) => ({ command: 'collect' as const, emptyCache: false, kill: { at } })),
      ];
      const log: string[] = [
        `full build ${Math.round(full.ms)} ms (${full.reached.map(([milestone, ms]) => `${milestone} ${ms} ms`).join(', ')}), collect ${Math.round(collect.ms)} ms`,
      ];
      let killed = 0;
      for (const [index, point] of plan.entries()) {
        const run = await killAndRecover(point, `kill ${index + 1}`, baseline);
        if (run.signal === 'SIGKILL') killed++;
        log.push(run.line);
      }
      process.stderr.write(`${log.join('\n')}\n`);
      // Nearly every point falls inside the run (a loaded machine may finish a short one first).
      expect(killed).toBeGreaterThanOrEqual(plan.length - 2);
    },
    15 * 60_000,
  );

  // The one window a rename cannot close: replacing the site moves the published one aside
  // (`<out>.outgoing-<pid>`) before the new one moves in, and a kill between the two leaves no site
  // at --out. The previous site is kept whole beside it, and every command that reads or replaces
  // the site (build, preview) puts it back first: held here with that step, then with the next run.
  it(
    'SIGKILL while the finished site replaces the published one: the previous site is put back',
    async () => {
      for (const attempt of [1, 2, 3]) {
        const run = await runCairn(runArgs('build'), { at: 'site swap' });
        await recoverOutput(paths.out);
        await assertIntact(baseline, `site swap ${attempt}: killed ${run.signal ? `in ${phaseOf(run)}` : 'too late'}, then recovered`);
        expect(
          (await readdir(dirname(paths.out))).filter((name) => /\.(incoming|outgoing)-\d+$/.test(name)),
          `site swap ${attempt}`,
        ).toEqual([]);
        const next = await runToTheEnd(runArgs('build'));
        expect(next.code, next.stderr).toBe(0);
        await assertIntact(baseline, `site swap ${attempt}, next run`);
      }
    },
    10 * 60_000,
  );
});
