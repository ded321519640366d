import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/** The command line's entry, run from the sources as `npx cairn` does in a checkout. */
export const CAIRN = resolve(import.meta.dirname, '../../scripts/cli/cairn.ts');

const run = promisify(execFile);

/** What a run of the command line gave. */
export interface CairnRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command line in `cwd`, as a user would, at a pinned time (`SOURCE_DATE_EPOCH`,
 * default 2026-05-28T20:26:40Z); resolves with the exit code and output, whatever the code.
 */
export async function runCairn(cwd: string, args: readonly string[], options: { epoch?: string } = {}): Promise<CairnRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: options.epoch ?? '1780000000' };
  // vitest sets BASE_URL, which Astro would take for the site's base path.
  delete env.BASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [CAIRN, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CairnRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
