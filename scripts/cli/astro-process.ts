/**
 * One Astro command (build, dev or preview) of the portal, in a process of its own that
 * `site.ts` starts. Astro takes the portal's settings from the environment (astro.config.mjs, the
 * snapshot loader) and writes chunks that must resolve Cairn's dependencies under its working
 * folder: both belong to the whole process, so the command line hands them to this process (Cairn's
 * folder, the run's environment) instead of changing its own.
 */
import { inspect } from 'node:util';
import { build, dev, preview } from 'astro';

export type AstroLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What to run, passed as the one argument (JSON). */
export type AstroRequest =
  | { command: 'build'; root: string; cacheDir: string; logLevel: AstroLogLevel }
  | { command: 'dev' | 'preview'; root: string; logLevel: AstroLogLevel; server: { port?: number; host?: string | boolean } };

/** Sent to the command line when Astro fails: the error's message, and the error as Node would print it. */
export interface AstroFailure {
  message: string;
  printed: string;
}

// The command line is gone (killed, as a cancelled CI job is): nothing waits for this site any more.
process.on('disconnect', () => process.exit(1));

const request = JSON.parse(process.argv[2] ?? '{}') as AstroRequest;
try {
  if (request.command === 'build') {
    await build({ root: request.root, cacheDir: request.cacheDir, logLevel: request.logLevel });
    process.exit(0);
  }
  // A server keeps this process alive until it is stopped.
  const start = request.command === 'dev' ? dev : preview;
  await start({ root: request.root, logLevel: request.logLevel, server: request.server });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.send!({ message, printed: inspect(error) } satisfies AstroFailure, () => process.exit(1));
}
