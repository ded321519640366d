import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { collect, type Standards } from '../collectors/collect.ts';
import { portalConfigSchema } from '../collectors/config.ts';
import { loadStandards } from './cli/standards.ts';
import { generateSyntheticOrg } from './demo-org/synthetic.ts';

/**
 * Cairn's benchmark: collection time on generated repositories, next to a floor that no
 * collector can beat — one `git ls-files` and one `git log -1` per repository, run with the same
 * concurrency — and what the demo portal's checks and scorecards add to it. Prints figures and
 * ratios; it asserts nothing (tests assert behaviour only).
 *
 *   npm run bench [-- --repos 200 --runs 3]
 */
const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
const count = Number(args.get('repos') ?? 200);
const runs = Number(args.get('runs') ?? 3);
const TARGET_RATIO = 3;
const MAX_CHECKS_SHARE = 0.2;

const root = resolve(import.meta.dirname, '..');
const orgDir = join(root, '.cache', `bench-org-${count}`);
const concurrency = availableParallelism() * 2;
const run = promisify(execFile);

if (!existsSync(join(orgDir, '.complete'))) {
  const started = performance.now();
  await generateSyntheticOrg(orgDir, count);
  await import('node:fs/promises').then(({ writeFile }) => writeFile(join(orgDir, '.complete'), ''));
  console.log(`generated ${count} repositories in ${seconds(performance.now() - started)}`);
}
const repos = (await readdir(orgDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => join(orgDir, entry.name));

async function floor(): Promise<void> {
  const limit = pLimit(concurrency);
  await Promise.all(
    repos.map((dir) =>
      limit(async () => {
        await run('git', ['ls-files', '-z'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
        await run('git', ['log', '-1', '--format=%H %cI'], { cwd: dir });
      }),
    ),
  );
}

const standards = await loadStandards(join(root, 'content'));
const noStandards: Standards = { checks: [], metadata: [], scorecards: [], exemptions: [], contentGlobs: [] };

/** Collection of the generated organisation, with the demo portal's checks and scorecards or none. */
function collection(withStandards: Standards): () => Promise<void> {
  return async () => {
    const config = portalConfigSchema.parse({ sources: [{ type: 'directory', repos: `${orgDir}/*` }], concurrency });
    const snapshot = await collect({ config, baseDir: root, standards: withStandards, now: new Date('2026-11-01T12:00:00Z') });
    if (snapshot.repos.length !== repos.length) throw new Error(`collected ${snapshot.repos.length} of ${repos.length} repositories`);
  };
}

/** Median of `runs` timings after one warm-up, so the page cache is equally warm for both. */
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

const floorMs = await median(floor);
const bareMs = await median(collection(noStandards));
const checkedMs = await median(collection(standards));
const ratio = checkedMs / floorMs;
const checksShare = checkedMs / bareMs - 1;
console.log(`repositories           ${repos.length} (concurrency ${concurrency}, median of ${runs} runs)`);
console.log(`floor (ls-files+log)   ${seconds(floorMs)}`);
console.log(`collect, no scorecards ${seconds(bareMs)}`);
console.log(`collect, demo checks   ${seconds(checkedMs)}  ${ratio.toFixed(2)}x floor (target < ${TARGET_RATIO}x) ${ratio < TARGET_RATIO ? 'ok' : 'SLOW'}`);
console.log(`checks and scorecards  +${(checksShare * 100).toFixed(1)}% over collection (target < ${MAX_CHECKS_SHARE * 100}%) ${checksShare < MAX_CHECKS_SHARE ? 'ok' : 'SLOW'}`);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
