import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import type { GitReply, GitRequest } from './git-runner.ts';
import { entryPoint } from '../support/entry-point.ts';
import { runSafeGit } from '../support/safe-git.ts';

// Beside this module, in its language: the sources (`.ts`) in a checkout, compiled (`.js`) when installed.
const RUNNER = fileURLToPath(entryPoint('git-runner', import.meta.url));
/**
 * Runners started at most by this thread; each runs the git processes it is asked for (the
 * collection bounds how many repositories are read at once). A worker thread of the collection
 * has one of its own.
 */
const RUNNERS = isMainThread ? 2 : 1;
/**
 * Folders whose git commands run in this process, the first ones asked for. Starting git costs the
 * parent time in proportion to its memory: a collector that reads one repository (`cairn check`)
 * or a few stays small, and starting runners would cost more than it saves; an organisation's
 * collection grows large, and hands every later repository to the runners.
 */
export const IN_PROCESS_FOLDERS = 8;
/** A worker thread only runs in an organisation's collection: large from the start, it hands every folder to its runner. */
const inProcessFolders = isMainThread ? IN_PROCESS_FOLDERS : 0;

interface Runner {
  child: ChildProcess;
  pending: Map<number, { resolve(stdout: string): void; reject(error: Error): void }>;
}

const runners = new Map<number, Runner>();
const inProcess = new Set<string>();
let nextId = 0;

/**
 * Runs `git <args>` in `dir` and resolves with its standard output; rejects with git's message
 * when it fails. `config` adds `-c` settings to the safe ones. The first few folders run git from
 * this process, later ones in the git runner processes; runners start on first use and never keep
 * the collector alive.
 */
export function runGit(dir: string, args: string[], options: { config?: string[] } = {}): Promise<string> {
  if (inProcess.size < inProcessFolders) inProcess.add(dir);
  if (inProcess.has(dir)) return runSafeGit(dir, args, options);
  const id = nextId++;
  const runner = runnerFor(id);
  return new Promise((resolve, reject) => {
    runner.pending.set(id, { resolve, reject });
    runner.child.send({ id, dir, args, ...(options.config ? { config: options.config } : {}) } satisfies GitRequest);
    // Only while a request is pending does the runner keep the collector's event loop alive.
    runner.child.ref();
    (runner.child.channel as { ref?(): void } | undefined)?.ref?.();
  });
}

function runnerFor(id: number): Runner {
  const index = id % RUNNERS;
  const existing = runners.get(index);
  if (existing && existing.child.connected) return existing;
  const child = fork(RUNNER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const runner: Runner = { child, pending: new Map() };
  child.on('message', (reply: GitReply) => {
    const waiting = runner.pending.get(reply.id);
    if (!waiting) return;
    runner.pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.stdout);
    if (runner.pending.size === 0) idle(runner);
  });
  child.on('exit', (code) => {
    for (const waiting of runner.pending.values()) waiting.reject(new Error(`the git runner stopped (exit code ${code})`));
    runner.pending.clear();
    if (runners.get(index) === runner) runners.delete(index);
  });
  runners.set(index, runner);
  return runner;
}

function idle(runner: Runner): void {
  runner.child.unref();
  (runner.child.channel as { unref?(): void } | undefined)?.unref?.();
}
