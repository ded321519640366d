import { resolve } from 'node:path';

/** Where a run of the command line writes: a stream of the process, or a buffer of a test. */
export interface OutputStream {
  write(text: string): unknown;
  /** Set on a terminal: colour, and progress on one rewritten line. */
  isTTY?: boolean;
  columns?: number;
}

/**
 * What a run of the command line takes from the world: its working folder, environment and output
 * streams. Commands read these, never the process's own, so a run can happen inside another
 * program (the tests) as it would in a process of its own.
 */
export interface CommandContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** One command line to run: its arguments (without `node cairn`) and its context. */
export interface Invocation extends CommandContext {
  argv: readonly string[];
}

/** The context of the process itself: what `cairn` gets when run from a shell. */
export function processContext(): CommandContext {
  // A reader that goes away (`cairn check 2>&1 | head -3`) closes the pipe: what is left to say is
  // dropped, and the run ends with its own exit code, not with an unhandled EPIPE.
  // Output that cannot be written at all (standard output on a full disk) ends the run as bad
  // usage, in a line: a report half written is no verdict.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return;
      if (stream === process.stdout) process.stderr.write(`cairn: cannot write to standard output: ${error.message}\n`);
      process.exit(2);
    });
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** A path the user gave, absolute: relative ones are relative to the run's working folder. */
export function pathIn(context: Pick<CommandContext, 'cwd'>, path: string): string {
  return resolve(context.cwd, path);
}
