import { runSafeGit } from '../support/safe-git.ts';

/**
 * A small child process that runs git for the collector. Starting a process costs the parent time
 * in proportion to its memory, and a collector holding an organisation's facts is large: forked
 * from this small process instead, each git command is cheap and the collector's own thread stays
 * free for reading files. Requests and replies travel over the IPC channel; git runs as the
 * collector runs it itself for its first few repositories (`runSafeGit`).
 */
export interface GitRequest {
  id: number;
  dir: string;
  args: string[];
  /** Extra `-c` settings for this command (on top of the safe configuration). */
  config?: string[];
}

export type GitReply = { id: number; stdout: string } | { id: number; error: string };

process.on('message', (request: GitRequest) => {
  runSafeGit(request.dir, request.args, request.config ? { config: request.config } : {}).then(
    (stdout) => process.send?.({ id: request.id, stdout } satisfies GitReply),
    (error: Error) => process.send?.({ id: request.id, error: error.message } satisfies GitReply),
  );
});

// The collector is gone (finished, or killed): so is its runner.
process.on('disconnect', () => process.exit(0));
