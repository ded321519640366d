import { safeGit } from '../support/safe-git.ts';

/**
 * `git <args>` in `dir`, started by this process with the safe configuration: what a runner does
 * with a request. Rejects with a plain error carrying git's message, as an answer from a runner does.
 */
export function runGitHere(dir: string, args: string[], config?: string[]): Promise<string> {
  return safeGit(dir, config ? { config } : {})
    .raw(args)
    .catch((error: unknown) => {
      throw new Error(error instanceof Error ? error.message : String(error));
    });
}
