/**
 * Cairn's benchmark: the commands a user runs, each a whole process started from a shell (start-up
 * included), timed against a floor no implementation can beat and run interleaved with it; peak
 * memory of each; the built site's page weights. Prints a Markdown table and writes the figures
 * as JSON. It asserts nothing (tests assert behaviour only). `--help` says how to run it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedOrganisation, realWorldOrganisation, type Organisation } from './bench/organisations.ts';
import { CHECK_DOCS_REPO, CHECK_REPO, checkPhase, collectPhase, sitePhase, type BenchContext, type SiteResult } from './bench/phases.ts';
import { MEMORY_METHOD, NODE, ROOT } from './bench/processes.ts';
import { renderTable, type Row } from './bench/report.ts';
import { compile } from './compile.ts';

const PHASES = ['check', 'collect', 'site'] as const;
type Phase = (typeof PHASES)[number];

const HELP = `Usage: npm run bench -- [options]

Times Cairn's commands as a user runs them, each a process of its own, against a floor, in
interleaved runs (floor, Cairn, floor, Cairn …): medians, and the ratio taken pair by pair.

  check    cairn check on ${CHECK_REPO} (real-world corpus), as node bin/cairn.js and through npx (in a
           portal project with Cairn installed, and in this checkout), and on ${CHECK_DOCS_REPO}, the
           corpus's repository with the most docs, against node -e 0
  collect  cairn collect cold (--no-cache) and warm (the cache of a first run) with the default
           standards, against git ls-files + git log -1 on every repository (xargs -P2)
  site     cairn build --from the snapshot, against bare Astro 7 building as many trivial pages;
           the built site's page weights

Organisations, made once under .cache/bench/: the real-world corpus (../shared/real-world), 1,000
generated repositories, and with --scale 10000, 10,000 (it takes long).

Options:
  --runs <n>        Runs of each command and of its floor (default 5).
  --only <phases>   Comma-separated: check, collect, site (default all).
  --generated <n>   Size of the generated organisation (default 1000; 0 for none).
  --scale <n>       Also an organisation of n generated repositories (10000 for the targets at scale).
  --json <file>     Also write the results there (always: .cache/bench/results.json).
  -h, --help        Show this help.
`;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: PHASES.join(',') },
    generated: { type: 'string', default: '1000' },
    scale: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const runs = wholeNumber('--runs', values.runs, 1);
const generated = wholeNumber('--generated', values.generated, 0);
const scale = values.scale === undefined ? undefined : wholeNumber('--scale', values.scale, 1);
const phases = new Set(values.only.split(',').map((phase) => phase.trim()));
for (const phase of phases) if (!(PHASES as readonly string[]).includes(phase)) usage(`--only ${phase}: expected ${PHASES.join(', ')}`);
const selected = (phase: Phase) => phases.has(phase);

const cacheRoot = join(ROOT, '.cache', 'bench');
const log = (line: string) => process.stderr.write(`${line}\n`);
const context: BenchContext = { runs, cacheRoot, log };

await mkdir(cacheRoot, { recursive: true });
// Cairn as users run it: compiled, whatever was edited since the last install.
const compiled = await compile();
log(`compiled the command line (${compiled.inputs} source files)`);
const organisations: Organisation[] = [await realWorldOrganisation(cacheRoot)];
for (const count of new Set([generated, scale ?? 0])) if (count > 0) organisations.push(await generatedOrganisation(cacheRoot, count, log));

const rows: Row[] = [];
const sites: Record<string, Omit<SiteResult, 'rows'>> = {};
if (selected('check')) rows.push(...(await checkPhase(context, organisations[0]!)));
for (const organisation of organisations) {
  if (selected('collect')) rows.push(...(await collectPhase(context, organisation)));
  if (selected('site')) {
    const { rows: siteRows, ...site } = await sitePhase(context, organisation, { snapshotWritten: selected('collect') });
    rows.push(...siteRows);
    sites[organisation.id] = site;
  }
}

const environment = {
  node: execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
  nodePath: NODE,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryBytes: totalmem(),
  commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
  memoryMethod: MEMORY_METHOD,
};
const notes = [
  `Node ${environment.node}, ${environment.cpus} CPUs. Times: median of ${runs} run${runs === 1 ? '' : 's'}, each a process from \`sh -c\`, interleaved with the floor's; ratio: the median of the pairs' own ratios.`,
  `Memory: peak RSS, the largest of the runs; ${MEMORY_METHOD}.`,
  'Floors: check, `node -e 0`; collect, `ls -d <org>/*/ | xargs -P2` running `git ls-files -z` and `git log -1` in each; site, bare Astro 7 building as many trivial pages.',
];
process.stdout.write(`${notes.join('\n')}\n\n${renderTable(rows)}`);

const results = { generatedAt: new Date().toISOString(), environment, runs, phases: [...phases], organisations, rows, sites };
for (const file of [join(cacheRoot, 'results.json'), ...(values.json ? [resolve(values.json)] : [])]) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
log(`results → ${join(cacheRoot, 'results.json')}${values.json ? ` and ${values.json}` : ''}`);

function wholeNumber(flag: string, value: string, least: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < least) usage(`${flag} ${value}: expected a whole number of at least ${least}`);
  return number;
}

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}
