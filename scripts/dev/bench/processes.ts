/**
 * Whole commands as a user runs them: each a process of its own, started by `sh -c` like a line
 * typed in a shell, timed from spawn to exit (start-up included), with its peak memory.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** Node 24 from the project's own `node` package, so the figures do not depend on PATH. */
export const NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node');

const GNU_TIME = '/usr/bin/time';

/**
 * How peak memory is measured, as the report states it. GNU time reports the child's `ru_maxrss`:
 * on Linux, the peak resident set of the largest single process among the command and the
 * children it waited for (Node itself, in practice), not the sum of processes running at once.
 */
export const MEMORY_METHOD = existsSync(GNU_TIME)
  ? `${GNU_TIME} -f %M: ru_maxrss, the peak resident set of the largest single process of the command's tree (not the sum of processes running at once)`
  : `not measured: ${GNU_TIME} is missing`;

/** A command line, run by `sh -c` in `cwd`. */
export interface Command {
  line: string;
  cwd: string;
  /** Exit codes that mean the command did its work (`cairn check` exits 1 on a failing gate). */
  okExitCodes?: readonly number[];
}

/** One run of a command. */
export interface Run {
  seconds: number;
  /** Peak resident set, in bytes; undefined when it cannot be measured. */
  peakBytes: number | undefined;
  exitCode: number;
}

/** A shell word: `'…'` unless it is plainly safe. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The environment of every measured command: the bench's own, without what `npm run` adds (a user
 * typing the command has none of it), with Node 24 first on PATH, so `npx` and `#!/usr/bin/env node`
 * run on the Node Cairn needs, and Astro's telemetry off for Cairn and bare Astro alike.
 */
export function commandEnvironment(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.entries(from).filter(([name]) => !name.startsWith('npm_') && name !== 'INIT_CWD' && name !== 'NODE');
  return { ...Object.fromEntries(kept), PATH: [dirname(NODE), from.PATH ?? ''].join(delimiter), ASTRO_TELEMETRY_DISABLED: '1' };
}

const environment = commandEnvironment();

/** Runs `command` once; throws with the end of its standard error when it fails. */
export async function runOnce(command: Command): Promise<Run> {
  const scratch = await mkdtemp(join(tmpdir(), 'cairn-bench-'));
  const timeFile = join(scratch, 'time');
  const [file, args] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, 'sh', '-c', command.line]]
    : ['sh', ['-c', command.line]];
  try {
    const started = performance.now();
    const { exitCode, stderr } = await new Promise<{ exitCode: number; stderr: string }>((done, fail) => {
      const child = spawn(file, args, { cwd: command.cwd, env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
      child.on('error', fail);
      child.on('close', (code, signal) => done({ exitCode: code ?? (signal ? 128 : 1), stderr }));
    });
    const seconds = (performance.now() - started) / 1000;
    if (!(command.okExitCodes ?? [0]).includes(exitCode))
      throw new Error(`\`${command.line}\` (in ${command.cwd}) exited ${exitCode}:\n${stderr}`);
    return { seconds, peakBytes: existsSync(timeFile) ? peakOf(await readFile(timeFile, 'utf8')) : undefined, exitCode };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** GNU time's `%M` (kilobytes) from its output file, whose last line it is (a note on a non-zero exit may precede it). */
function peakOf(output: string): number | undefined {
  const kilobytes = Number(output.trim().split('\n').at(-1));
  return Number.isFinite(kilobytes) ? kilobytes * 1024 : undefined;
}

/** The runs of a piece of work and of its floor, pair by pair. */
export interface Pairs {
  work: Run[];
  floor: Run[];
}

/**
 * `runs` pairs, interleaved (floor, work, floor, work … or work first), so that whatever else the
 * machine does at the time weighs on both alike. `beforeFloor` runs once, before the first floor
 * run (the bare Astro site is made to the page count of Cairn's first build).
 */
export async function interleave(options: {
  work: Command;
  floor: Command;
  runs: number;
  workFirst?: boolean;
  beforeFloor?: () => Promise<void>;
  onRun?: (pair: number, what: 'work' | 'floor', run: Run) => void;
}): Promise<Pairs> {
  const pairs: Pairs = { work: [], floor: [] };
  let floorReady = !options.beforeFloor;
  const runFloor = async (pair: number) => {
    if (!floorReady) await options.beforeFloor!();
    floorReady = true;
    const run = await runOnce(options.floor);
    pairs.floor.push(run);
    options.onRun?.(pair, 'floor', run);
  };
  const runWork = async (pair: number) => {
    const run = await runOnce(options.work);
    pairs.work.push(run);
    options.onRun?.(pair, 'work', run);
  };
  for (let pair = 1; pair <= options.runs; pair++) {
    if (options.workFirst) {
      await runWork(pair);
      await runFloor(pair);
    } else {
      await runFloor(pair);
      await runWork(pair);
    }
  }
  return pairs;
}
