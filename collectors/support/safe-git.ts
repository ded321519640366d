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

/** A git command's arguments behind the safe configuration and `config`'s settings on top of it. */
export function safeGitArguments(args: readonly string[], config: readonly string[] = []): string[] {
  return [...[...SAFE_GIT_CONFIG, ...config].flatMap((setting) => ['-c', setting]), ...args];
}

/** What `runSafeGit` adds to the safe configuration and environment. */
export interface SafeGitOptions {
  /** `-c` settings on top of the safe ones. */
  config?: readonly string[];
  /** Variables on top of `gitEnvironment()`'s: how a source hands git a token. */
  env?: Record<string, string>;
  /**
   * Milliseconds git may print nothing before it is stopped, with the helpers it started (a
   * `git remote-http` outlives a killed `git clone`, holding its connection open).
   */
  stallMs?: number;
}

/**
 * Process groups of the git commands running in groups of their own: they do not get the
 * terminal's signals with Cairn, so a run that ends while one is running stops them itself.
 */
const ownGroups = new Set<number>();
let watchingGroups = false;

function stopOwnGroups(): void {
  for (const group of ownGroups) killGroup(group);
}

/**
 * On the first group: stop them all when the run ends, and on the signals that end it (Ctrl-C, a
 * CI job cancelled). A signal is then raised again as it came, unless someone else handles it.
 */
function watchOwnGroups(): void {
  if (watchingGroups) return;
  watchingGroups = true;
  process.once('exit', stopOwnGroups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      stopOwnGroups();
      if (process.listenerCount(signal) > 1) return;
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/** A git command stopped for printing nothing for `ms`. */
export class GitStalled extends Error {
  readonly ms: number;
  constructor(ms: number) {
    super(`git printed nothing for ${ms / 1000} s`);
    this.ms = ms;
  }
}

/**
 * `git <args>` in `dir` with the safe configuration, started directly: what the repository reader
 * runs for every repository, where simple-git's own work cost as much as a fast git command, and
 * what the sources clone and fetch with. Resolves with git's standard output, and rejects with its
 * output when it fails saying why, as simple-git does: a command that fails silently (`rev-parse
 * --verify --quiet`) resolves with what it printed. `args` are Cairn's own, never a user's.
 */
export function runSafeGit(dir: string, args: readonly string[], options: SafeGitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stallMs } = options;
    // Its own process group when it may be stopped, so that stopping it stops its helpers too.
    const detached = stallMs !== undefined && process.platform !== 'win32';
    const child = spawn('git', safeGitArguments(args, options.config), {
      cwd: dir,
      env: gitEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stalled: GitStalled | undefined;
    let timer: NodeJS.Timeout | undefined;
    const group = detached ? child.pid : undefined;
    if (group !== undefined) {
      ownGroups.add(group);
      watchOwnGroups();
    }
    const stop = () => {
      stalled = new GitStalled(stallMs!);
      if (group === undefined) child.kill('SIGKILL');
      else killGroup(group);
    };
    const moved = () => {
      if (stallMs === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(stop, stallMs);
    };
    moved();
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      moved();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      moved();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // Node says `spawn git ENOENT` for a missing folder as for a missing git.
      reject(error.code === 'ENOENT' && !existsSync(dir) ? new Error(`no such folder: ${dir}`) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (group !== undefined) ownGroups.delete(group);
      if (stalled) reject(stalled);
      else if (signal) reject(new Error(`git ${args[0]} was stopped by ${signal}`));
      else if (code && stderr.length > 0) reject(new Error(Buffer.concat([...stdout, ...stderr]).toString('utf8')));
      else resolve(Buffer.concat(stdout).toString('utf8'));
    });
  });
}
