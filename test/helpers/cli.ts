import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inspect, promisify } from 'node:util';
import type { OutputStream } from '../../scripts/cli/context.ts';
import { main } from '../../scripts/cli/main.ts';
import { expect } from 'vitest';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { readSnapshot } from '../../collectors/store/snapshot-file.ts';

/** The command line's entry, run from the sources as `npx cairn` does in a checkout. */
export const CAIRN = resolve(import.meta.dirname, '../../scripts/cli/cairn.ts');

/** The package's `bin`: what `npx cairn` runs, Node's version check first. */
export const CAIRN_BIN = resolve(import.meta.dirname, '../../bin/cairn.js');

const run = promisify(execFile);

/** What a run of the command line gave. */
export interface CairnRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CairnOptions {
  /** `SOURCE_DATE_EPOCH`: the run's time, default 2026-05-28T20:26:40Z. */
  epoch?: string;
  /** Variables added to (or, `undefined`, removed from) this process's environment. */
  env?: NodeJS.ProcessEnv;
}

/** A run's environment: this process's, at the pinned time, without vitest's `BASE_URL` (Astro would take it for the site's base path). */
export function cairnEnv(options: CairnOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: options.epoch ?? '1780000000', ...options.env };
  delete env.BASE_URL;
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

/**
 * Runs the command line in `cwd` as a user would, at a pinned time, but inside this process:
 * `main()` with this working folder and environment, its output captured. Resolves with the exit
 * code and output, whatever the code; an error `main()` throws (the real `cairn` dies of it with
 * its stack trace) is exit code 1 with the error on stderr.
 */
export async function runCairn(cwd: string, args: readonly string[], options: CairnOptions = {}): Promise<CairnRun> {
  const stdout = captured();
  const stderr = captured();
  try {
    const code = await main({ argv: args, cwd, env: cairnEnv(options), stdout, stderr });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } catch (error) {
    stderr.write(`${inspect(error)}\n`);
    return { code: 1, stdout: stdout.text(), stderr: stderr.text() };
  }
}

/** `cairn(cwd, ...args)`, run in-process with `options` (`runCairn`). */
export function cairnWith(options: CairnOptions): (cwd: string, ...args: string[]) => Promise<CairnRun> {
  return (cwd, ...args) => runCairn(cwd, args, options);
}

/** Runs `cairn <args>` in `cwd` in-process, at the pinned time (`runCairn`). */
export const cairn = cairnWith({});

/**
 * Runs the real `cairn` (the package's `bin`) in a process of its own, for what only a process
 * shows: its exit code as the shell sees it, the binary's own checks. Resolves whatever the code.
 */
export async function spawnCairn(cwd: string, args: readonly string[], options: CairnOptions = {}): Promise<CairnRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CAIRN_BIN, ...args], {
      cwd,
      env: cairnEnv(options),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CairnRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** An output stream that keeps what is written, as a pipe would (no terminal). */
function captured(): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return {
    write: (text: string) => chunks.push(text),
    text: () => chunks.join(''),
  };
}

/**
 * A portal of the repositories in `root`: its `portal.yaml` written, then `cairn build` into
 * `root/site` (no history); the snapshot it wrote. Fails the test when the build does.
 */
export async function buildPortal(root: string, portalYaml: string): Promise<Snapshot> {
  await writeFile(join(root, 'portal.yaml'), portalYaml);
  const built = await cairn(root, 'build', '--out', 'site', '--snapshot', 'snapshot.json', '--no-history');
  expect(built.code, built.stderr).toBe(0);
  return readSnapshot(join(root, 'snapshot.json'));
}
