import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { collect, NO_STANDARDS, type Standards } from '../../collectors/collect.ts';
import { portalConfigSchema } from '../../collectors/config/schema.ts';
import type { HistoryRecord } from '../../collectors/contract/history.ts';
import { appendHistory, readHistory } from '../../collectors/store/history-folder.ts';
import { writeSnapshot } from '../../collectors/store/snapshot-file.ts';
import { addRun, emptyHistory } from '../../site/lib/run-history.ts';
import { buildSite, indexForSearch } from '../cli/site.ts';
import { loadStandards } from '../../collectors/standards.ts';
import { checkTimings, resetCheckTimings } from '../../collectors/checks/run.ts';
import { generateDemoOrg } from './demo-org/generate.ts';
import { generateSyntheticOrg } from './demo-org/synthetic.ts';

/**
 * Cairn's benchmark: collection time on generated repositories, next to a floor that no
 * collector can beat — one `git ls-files` and one `git log -1` per repository, run with the same
 * concurrency — and what the demo portal's checks and scorecards add to it. Prints figures and
 * ratios; it asserts nothing (tests assert behaviour only).
 *
 * With `--history <entities>`, also the run history as the site reads it: a year of nightly records
 * of that many entities, folded, next to the floor of reading and parsing the files.
 *
 *   npm run bench [-- --repos 200 --runs 3 --history 10000]
 */
const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
const count = Number(args.get('repos') ?? 200);
const runs = Number(args.get('runs') ?? 3);
const TARGET_RATIO = 3;
const MAX_CHECKS_SHARE = 0.2;

const root = resolve(import.meta.dirname, '../..');
const concurrency = availableParallelism() * 2;
const run = promisify(execFile);

const generatedDir = join(root, '.cache', `bench-org-${count}`);
if (!existsSync(join(generatedDir, '.complete'))) {
  const started = performance.now();
  await generateSyntheticOrg(generatedDir, count);
  await writeFile(join(generatedDir, '.complete'), '');
  console.log(`generated ${count} repositories in ${seconds(performance.now() - started)}`);
}
const demoDir = join(root, '.cache', 'demo-org');
await generateDemoOrg({ out: demoDir });

const standards = await loadStandards(join(root, 'content'), join(root, 'defaults'));

/** The floor: what reading any repository costs at least, with the same concurrency. */
function floor(repos: string[]): () => Promise<void> {
  return async () => {
    const limit = pLimit(concurrency);
    await Promise.all(
      repos.map((dir) =>
        limit(async () => {
          await run('git', ['ls-files', '-z'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
          await run('git', ['log', '-1', '--format=%H %cI'], { cwd: dir });
        }),
      ),
    );
  };
}

/** Collection of an organisation, with the demo portal's checks and scorecards or none, and a fact cache or none. */
function collection(orgDir: string, expected: number, withStandards: Standards, cacheDir?: string): () => Promise<void> {
  return async () => {
    const config = portalConfigSchema.parse({ sources: [{ type: 'directory', repos: `${orgDir}/*` }], concurrency });
    const snapshot = await collect({ config, baseDir: root, standards: withStandards, now: new Date('2026-11-01T12:00:00Z'), ...(cacheDir ? { cacheDir } : {}) });
    if (snapshot.repos.length !== expected) throw new Error(`collected ${snapshot.repos.length} of ${expected} repositories`);
  };
}

/** Median of `runs` timings after one warm-up, so the page cache is equally warm for all. */
async function median(task: () => Promise<void>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

console.log(`concurrency ${concurrency}, median of ${runs} runs`);
for (const [label, orgDir] of [['demo organisation', demoDir], [`${count} generated repositories`, generatedDir]] as const) {
  const repos = (await readdir(orgDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => join(orgDir, entry.name));
  const floorMs = await median(floor(repos));
  const bareMs = await median(collection(orgDir, repos.length, NO_STANDARDS));
  resetCheckTimings();
  const checkedMs = await median(collection(orgDir, repos.length, standards));
  const slowest = checkTimings().slice(0, 3);
  // The warm-up run fills the cache: the timed runs are a nightly run where nothing changed.
  const cacheDir = await mkdtemp(join(tmpdir(), 'cairn-bench-cache-'));
  const cachedMs = await median(collection(orgDir, repos.length, standards, cacheDir));
  await rm(cacheDir, { recursive: true, force: true });
  const ratio = checkedMs / floorMs;
  const checksShare = checkedMs / bareMs - 1;
  console.log(`\n${label} (${repos.length})`);
  console.log(`  floor (ls-files+log)    ${seconds(floorMs)}`);
  console.log(`  collect, no scorecards  ${seconds(bareMs)}`);
  console.log(`  collect, demo standards ${seconds(checkedMs)}  ${ratio.toFixed(2)}x floor (target < ${TARGET_RATIO}x) ${ratio < TARGET_RATIO ? 'ok' : 'SLOW'}`);
  console.log(`  checks and scorecards   ${checksShare >= 0 ? '+' : ''}${(checksShare * 100).toFixed(1)}% (target < ${MAX_CHECKS_SHARE * 100}%) ${checksShare < MAX_CHECKS_SHARE ? 'ok' : 'SLOW'}`);
  console.log(`  slowest checks          ${slowest.map((timing) => `${timing.id} ${timing.totalMs.toFixed(0)} ms/${timing.runs} runs`).join(', ')}`);
  console.log(`  warm fact cache         ${seconds(cachedMs)}  ${(cachedMs / floorMs).toFixed(2)}x floor, ${(checkedMs / cachedMs).toFixed(1)}x faster than collecting`);
}

// The demo portal's site: Astro's build with the search index, and the index alone on the built pages.
{
  const workDir = await mkdtemp(join(tmpdir(), 'cairn-bench-site-'));
  try {
    const config = portalConfigSchema.parse({ sources: [{ type: 'directory', repos: `${demoDir}/*` }], concurrency });
    const snapshotPath = join(workDir, 'snapshot.json');
    await writeSnapshot(snapshotPath, await collect({ config, baseDir: root, standards, now: new Date('2026-11-01T12:00:00Z') }));
    const outDir = join(workDir, 'site');
    const buildMs = await median(() => buildSite({ snapshot: snapshotPath, outDir, guidesDir: join(root, 'content', 'guides'), logLevel: 'error' }));
    const pages = (await readdir(outDir, { recursive: true })).filter((path) => path.endsWith('index.html')).length;
    const indexMs = await median(() => indexForSearch(outDir));
    console.log(`\ndemo portal site (${pages} pages)`);
    console.log(`  astro build + search index ${seconds(buildMs)}  ${(buildMs / pages).toFixed(1)} ms per page`);
    console.log(`  search index alone         ${seconds(indexMs)}  ${((indexMs / buildMs) * 100).toFixed(1)}% of the build`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

// The run history as the site reads it (opt-in: a year of records of a large organisation is big).
if (args.has('history')) {
  const entities = Number(args.get('history') || 10_000);
  const dir = join(root, '.cache', `bench-history-${entities}`);
  if (!existsSync(join(dir, '.complete'))) {
    const started = performance.now();
    await writeSyntheticHistory(dir, entities, 365);
    await writeFile(join(dir, '.complete'), '');
    console.log(`\ngenerated 365 records of ${entities} entities in ${seconds(performance.now() - started)}`);
  }
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  const parseMs = await median(async () => {
    for (const file of files) JSON.parse(await readFile(join(dir, file), 'utf8'));
  });
  // Collected before and after (npm run bench exposes the collector), so the difference is what the history keeps.
  const heapUsed = () => (globalThis.gc?.(), process.memoryUsage().heapUsed);
  let heap = 0;
  const foldMs = await median(async () => {
    const before = heapUsed();
    const history = emptyHistory();
    await readHistory(dir, (record) => addRun(history, record));
    heap = heapUsed() - before;
    if (history.runs.length !== files.length) throw new Error(`folded ${history.runs.length} of ${files.length} records`);
  });
  console.log(`\nrun history, 365 records of ${entities} entities`);
  console.log(`  floor (read + JSON.parse)  ${seconds(parseMs)}`);
  console.log(`  read, validate and fold    ${seconds(foldMs)}  ${(foldMs / parseMs).toFixed(2)}x floor, about ${Math.round(heap / 2 ** 20)} MB kept`);
}

/** `runs` nightly records of `entities` components in 200 teams on three scorecards, levels and scores drifting run by run. */
async function writeSyntheticHistory(dir: string, entities: number, runs: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const levels = ['bronze', 'silver', 'gold', null];
  for (let run = 0; run < runs; run++) {
    const scorecards: HistoryRecord['scorecards'] = { 'production-readiness': {}, security: {}, 'catalog-hygiene': {} };
    const owners: HistoryRecord['entities'] = {};
    for (let index = 0; index < entities; index++) {
      const ref = `component:default/service-${index}`;
      owners[ref] = { owner: `group:default/team-${index % 200}` };
      for (const standings of Object.values(scorecards)) standings[ref] = [levels[(index + run) % 4]!, ((index * 7 + run) % 100) / 100, index % 3 === 0 ? ['readme-present', 'ci-configured'] : []];
    }
    const record: HistoryRecord = { schemaVersion: 1, generatedAt: new Date(Date.UTC(2025, 10, 1) + run * 86_400_000).toISOString(), entities: owners, scorecards, checks: { 'readme-present': [entities / 2, entities] }, guides: {}, initiatives: {} };
    await appendHistory(dir, record, runs);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
