import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute } from 'node:path';

/**
 * Configuration that neutralises what a scanned repository's own `.git/config` could make git run:
 * filesystem monitors, hooks, signature verification, pagers, diff drivers and credential or ssh
 * helpers. Passed as `-c`, which wins over the repository's config.
 */
export const SAFE_GIT_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.untrackedCache=false',
  'log.showSignature=false',
  'diff.external=',
  'credential.helper=',
  'protocol.allow=never',
  'safe.directory=*',
];

/**
 * Git-specific environment: never prompt, take no locks in a repository Cairn only reads, ignore
 * the machine-wide config and replace refs. With PATH, HOME and LANG it is all git gets: nothing
 * from the user's shell (EDITOR, GIT_SSH_COMMAND …) reaches it.
 */
export const GIT_ENVIRONMENT = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
};

/** Everything git gets from the environment: PATH, HOME, LANG and the settings above. */
export function gitEnvironment(extra?: Record<string, string>): Record<string, string> {
  return { PATH: absolutePath(), HOME: process.env.HOME ?? '/', LANG: 'C.UTF-8', ...GIT_ENVIRONMENT, ...extra };
}

/**
 * The user's PATH without its relative entries. Git runs inside the scanned repository, and is
 * looked up along this PATH: an empty or `.` entry would find the repository's own `git` file.
 */
function absolutePath(): string {
  const entries = (process.env.PATH ?? '').split(delimiter).filter((entry) => isAbsolute(entry));
  return entries.length > 0 ? entries.join(delimiter) : '/usr/bin:/bin';
}

/**
 * `git <args>` in `dir` with the safe configuration (and `config` on top), started directly: what
 * the repository reader runs for every repository, where simple-git's own work cost as much as a
 * fast git command. Resolves with git's standard output, and rejects with its output when it fails
 * saying why, as simple-git does: a command that fails silently (`rev-parse --verify --quiet`)
 * resolves with what it printed. `args` are Cairn's own, never a user's.
 */
export function runSafeGit(dir: string, args: readonly string[], config: readonly string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const settings = [...SAFE_GIT_CONFIG, ...config].flatMap((setting) => ['-c', setting]);
    const child = spawn('git', [...settings, ...args], { cwd: dir, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      // Node says `spawn git ENOENT` for a missing folder as for a missing git.
      reject(error.code === 'ENOENT' && !existsSync(dir) ? new Error(`no such folder: ${dir}`) : error),
    );
    child.on('close', (code, signal) => {
      if (signal) reject(new Error(`git ${args[0]} was stopped by ${signal}`));
      else if (code && stderr.length > 0) reject(new Error(Buffer.concat([...stdout, ...stderr]).toString('utf8')));
      else resolve(Buffer.concat(stdout).toString('utf8'));
    });
  });
}
