/**
 * The work the bench measures, each phase a user's command against its floor: `cairn check` on one
 * repository, `cairn collect` cold and warm, `cairn build --from` a snapshot, and the built site's
 * page weights. Targets stand beside the organisations they were set for.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bareAstroBuild, gitFloor, nodeFloor, prepareBareAstro } from './floors.ts';
import type { Organisation } from './organisations.ts';
import { pageWeights, type PageWeights } from './page-weights.ts';
import { interleave, NODE, ROOT, runOnce, shellQuote, type Command, type Pairs } from './processes.ts';
import {
  bytesTarget,
  formatBytes,
  formatSeconds,
  ratioTarget,
  secondsTarget,
  type Figures,
  type Row,
  type Target,
  type TimedRow,
} from './report.ts';
import { median, pairwiseRatio } from './stats.ts';

/** The repository of the real-world corpus `cairn check` judges: a small library (34 files), as a pull request's repository often is. */
export const CHECK_REPO = 'chalk';
/** And the repository of the corpus with the most docs (75 Markdown pages, 465 KB), which `cairn check` reads too. */
export const CHECK_DOCS_REPO = 'typer';

/** The issue's targets, by organisation: only where they were set. */
const TARGETS: Record<
  string,
  {
    coldRatio?: number;
    warmRatio?: number;
    warmSeconds?: number;
    siteSeconds?: number;
    sitePeakBytes?: number;
    largestPageBytes?: number;
    bytesPerEntity?: number;
  }
> = {
  'real-world': { coldRatio: 12, warmRatio: 5 },
  'generated-1000': { coldRatio: 3, warmSeconds: 1, sitePeakBytes: 0.8e9 },
  'generated-10000': { siteSeconds: 90, sitePeakBytes: 3e9, largestPageBytes: 300e3, bytesPerEntity: 25e3 },
};
const CHECK_TARGETS = { seconds: 0.5, npxSeconds: 0.8, peakBytes: 150e6 };
/** Cairn's site build against bare Astro, on every organisation. */
const SITE_RATIO = 2;

export interface BenchContext {
  runs: number;
  cacheRoot: string;
  log: (line: string) => void;
}

const CAIRN = `${shellQuote(NODE)} ${shellQuote(join(ROOT, 'bin', 'cairn.js'))}`;

/**
 * `cairn check` on one repository of the real-world corpus, against starting Node: as a process, and
 * through `npx` where users type it, in a portal project with Cairn installed (`npm install` of this
 * folder, a link, as `cairn init`'s package.json would have it from the registry). `npx cairn` in
 * Cairn's own checkout is measured too, without a target: there npm finds the command of the
 * project itself by loading its whole dependency tree first.
 */
export async function checkPhase(context: BenchContext, realWorld: Organisation): Promise<Row[]> {
  const repoDir = join(realWorld.dir, CHECK_REPO);
  const portal = await portalProject(context);
  // Exit 1 is a failing gate, still a full run.
  const direct = (repo: string): Command => ({
    line: `${CAIRN} check ${shellQuote(join(realWorld.dir, repo))}`,
    cwd: ROOT,
    okExitCodes: [0, 1],
  });
  const npx: Command = { line: `npx cairn check ${shellQuote(repoDir)}`, cwd: portal, okExitCodes: [0, 1] };
  const npxHere: Command = { ...npx, cwd: ROOT };
  const rows: Row[] = [];
  for (const [work, command, seconds] of [
    [`check ${CHECK_REPO} (node bin/cairn.js)`, direct(CHECK_REPO), CHECK_TARGETS.seconds],
    [`check ${CHECK_DOCS_REPO}, with docs (node bin/cairn.js)`, direct(CHECK_DOCS_REPO), CHECK_TARGETS.seconds],
    [`check ${CHECK_REPO} (npx cairn, in a portal project)`, npx, CHECK_TARGETS.npxSeconds],
    [`check ${CHECK_REPO} (npx cairn, in Cairn's checkout)`, npxHere, undefined],
  ] as const) {
    const pairs = await interleave({ work: command, floor: nodeFloor(), runs: context.runs, onRun: progress(context, work) });
    rows.push(
      // The row without a target has none for memory either: its peak is npm's own process.
      timedRow(work, command, nodeFloor(), pairs, (cairn) =>
        seconds ? [secondsTarget(seconds, cairn.seconds), ...peakTarget(CHECK_TARGETS.peakBytes, cairn)] : [],
      ),
    );
  }
  return rows;
}

/** A portal project under the bench's cache with this Cairn installed, as npm installs a folder (a link): made once. */
async function portalProject(context: BenchContext): Promise<string> {
  const dir = join(context.cacheRoot, 'portal-project');
  if (existsSync(join(dir, 'node_modules', '.bin', 'cairn'))) return dir;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-portal', private: true, type: 'module' }, null, 2)}\n`);
  await runOnce({
    line: `npm install --offline --no-audit --no-fund --ignore-scripts --install-links=false ${shellQuote(ROOT)}`,
    cwd: dir,
  });
  return dir;
}

/** The folder of an organisation's snapshot, fact cache and site. */
function workspaceOf(context: BenchContext, organisation: Organisation): string {
  return join(context.cacheRoot, 'runs', organisation.id);
}

function collectCommand(workspace: string, organisation: Organisation, cache: 'none' | 'warm'): Command {
  const cacheOption = cache === 'none' ? '--no-cache' : `--cache ${shellQuote(join(workspace, 'facts'))}`;
  // No portal.yaml in the workspace and none given: `--repos` alone collects with Cairn's default standards.
  return {
    line: `${CAIRN} collect --repos ${shellQuote(`${organisation.dir}/*`)} --snapshot ${shellQuote(join(workspace, 'snapshot.json'))} ${cacheOption} --no-history`,
    cwd: workspace,
  };
}

/**
 * `cairn collect` with no fact cache (cold), then with the cache one untimed run filled (warm: a
 * nightly run where nothing changed), each against reading every repository with git.
 */
export async function collectPhase(context: BenchContext, organisation: Organisation): Promise<Row[]> {
  const workspace = workspaceOf(context, organisation);
  await mkdir(workspace, { recursive: true });
  const targets = TARGETS[organisation.id] ?? {};
  const floor = gitFloor(organisation.dir);
  const label = `${organisation.name} (${organisation.repos} repos)`;

  const cold = collectCommand(workspace, organisation, 'none');
  const coldWork = `collect cold, ${label}`;
  const coldPairs = await interleave({ work: cold, floor, runs: context.runs, onRun: progress(context, coldWork) });
  const coldRow = timedRow(coldWork, cold, floor, coldPairs, (_cairn, ratio) =>
    targets.coldRatio ? [ratioTarget(targets.coldRatio, ratio)] : [],
  );

  const warm = collectCommand(workspace, organisation, 'warm');
  const warmWork = `collect warm, ${label}`;
  await rm(join(workspace, 'facts'), { recursive: true, force: true });
  context.log(`${warmWork}: filling the fact cache (untimed)`);
  await runOnce(warm);
  const warmPairs = await interleave({ work: warm, floor, runs: context.runs, onRun: progress(context, warmWork) });
  const warmRow = timedRow(warmWork, warm, floor, warmPairs, (cairn, ratio) => [
    ...(targets.warmRatio ? [ratioTarget(targets.warmRatio, ratio)] : []),
    ...(targets.warmSeconds ? [secondsTarget(targets.warmSeconds, cairn.seconds)] : []),
  ]);
  return [coldRow, warmRow];
}

/** What the site phase measured: its rows and the built site's page weights. */
export interface SiteResult {
  rows: Row[];
  pageWeights: PageWeights;
  pages: number;
}

/**
 * `cairn build --from` the organisation's snapshot against bare Astro building as many pages, then
 * the built site's page weights. Unless the collect phase has just written the snapshot, one
 * untimed collection (with the fact cache an earlier bench left, if any) writes it.
 */
export async function sitePhase(
  context: BenchContext,
  organisation: Organisation,
  options: { snapshotWritten: boolean },
): Promise<SiteResult> {
  const workspace = workspaceOf(context, organisation);
  await mkdir(workspace, { recursive: true });
  const snapshotPath = join(workspace, 'snapshot.json');
  if (!options.snapshotWritten || !existsSync(snapshotPath)) {
    context.log(`site, ${organisation.name}: writing the snapshot first (untimed)`);
    await runOnce(collectCommand(workspace, organisation, 'warm'));
  }
  const entities = (JSON.parse(await readFile(snapshotPath, 'utf8')) as { entities: unknown[] }).entities.length;
  const siteDir = join(workspace, 'site');
  const build: Command = {
    line: `${CAIRN} build --from ${shellQuote(snapshotPath)} --out ${shellQuote(siteDir)} --no-history`,
    cwd: workspace,
  };
  const bareDir = join(context.cacheRoot, 'bare-astro');
  const floor = bareAstroBuild(bareDir);
  let pages = 0;
  const work = `site build, ${organisation.name} (${entities} entities)`;
  // Cairn builds first in each pair: the bare site is made to the page count of its first build.
  const pairs = await interleave({
    work: build,
    floor,
    runs: context.runs,
    workFirst: true,
    beforeFloor: async () => {
      pages = await countPages(siteDir);
      context.log(`${work}: bare Astro site of ${pages} pages in ${bareDir}`);
      await prepareBareAstro(bareDir, pages);
    },
    onRun: progress(context, work),
  });
  const targets = TARGETS[organisation.id] ?? {};
  const siteRow = timedRow(`${work}, ${pages} pages`, build, floor, pairs, (cairn, ratio) => [
    ratioTarget(SITE_RATIO, ratio, 'bare Astro'),
    ...(targets.siteSeconds ? [secondsTarget(targets.siteSeconds, cairn.seconds)] : []),
    ...(targets.sitePeakBytes ? peakTarget(targets.sitePeakBytes, cairn) : []),
  ]);
  const weights = await pageWeights(siteDir, entities);
  return { rows: [siteRow, ...weightRows(organisation, weights, targets)], pageWeights: weights, pages };
}

function weightRows(organisation: Organisation, weights: PageWeights, targets: (typeof TARGETS)[string]): Row[] {
  const { largestPage, entityPages, scriptBytesPerPage } = weights;
  return [
    {
      kind: 'figure',
      work: `largest page, ${organisation.name}`,
      figure: `${formatBytes(largestPage.bytes)} (gzip ${formatBytes(largestPage.gzipBytes)}): /${largestPage.path}`,
      targets: targets.largestPageBytes ? [bytesTarget(targets.largestPageBytes, largestPage.bytes)] : [],
    },
    {
      kind: 'figure',
      work: `typical entity page, ${organisation.name}`,
      figure: `${formatBytes(entityPages.medianBytes)} (gzip ${formatBytes(entityPages.medianGzipBytes)}), median of ${entityPages.count}`,
      targets: [],
    },
    {
      kind: 'figure',
      work: `JS per page, ${organisation.name}`,
      figure: `median ${formatBytes(scriptBytesPerPage.median)}, most ${formatBytes(scriptBytesPerPage.max)}: /${scriptBytesPerPage.maxPath}`,
      targets: [],
    },
    {
      kind: 'figure',
      work: `output, ${organisation.name}`,
      figure: `${formatBytes(weights.totalBytes)} in ${weights.files} files, ${formatBytes(weights.bytesPerEntity)}/entity`,
      targets: targets.bytesPerEntity ? [bytesTarget(targets.bytesPerEntity, weights.bytesPerEntity, '/entity')] : [],
    },
  ];
}

/** HTML pages in a built site. */
async function countPages(siteDir: string): Promise<number> {
  return (await readdir(siteDir, { recursive: true })).filter((path) => path.endsWith('.html')).length;
}

function timedRow(
  work: string,
  command: Command,
  floor: Command,
  runs: Pairs,
  targetsOf: (cairn: Figures, ratio: number) => Target[],
): TimedRow {
  const cairn = figuresOf(runs.work);
  const ratio = pairwiseRatio(
    runs.work.map((run) => run.seconds),
    runs.floor.map((run) => run.seconds),
  );
  return {
    kind: 'timed',
    work,
    command,
    floorCommand: floor,
    cairn,
    floor: figuresOf(runs.floor),
    ratio,
    targets: targetsOf(cairn, ratio),
    runs,
  };
}

/** Median time; the largest peak memory of the runs (the conservative one). */
function figuresOf(runs: Pairs['work']): Figures {
  const peaks = runs.map((run) => run.peakBytes).filter((peak) => peak !== undefined);
  return { seconds: median(runs.map((run) => run.seconds)), peakBytes: peaks.length ? Math.max(...peaks) : undefined };
}

function peakTarget(limit: number, cairn: Figures): Target[] {
  return cairn.peakBytes === undefined ? [] : [bytesTarget(limit, cairn.peakBytes)];
}

function progress(context: BenchContext, work: string) {
  return (pair: number, what: 'work' | 'floor', run: { seconds: number; peakBytes: number | undefined }) =>
    context.log(
      `${work}: run ${pair}/${context.runs} ${what === 'work' ? 'cairn' : 'floor'} ${formatSeconds(run.seconds)}${run.peakBytes === undefined ? '' : `, ${formatBytes(run.peakBytes)}`}`,
    );
}
