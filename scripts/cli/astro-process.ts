/**
 * Astro for the command line, in a process of its own that `site.ts` starts. Astro takes the
 * portal's settings from the environment (astro.config.mjs, the snapshot loader) and writes chunks
 * that must resolve Cairn's dependencies under its working folder: both belong to the whole
 * process, so the command line hands them to this one (Cairn's folder, each build's environment)
 * instead of changing its own.
 *
 * Started with a server to run (`dev` or `preview`, the one argument, JSON), it serves until stopped.
 * Started without, it builds the sites it is sent, one at a time: a process that builds again
 * starts warm.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { build, dev, preview } from 'astro';
import { isLateDataStoreSave } from './late-data-store-save.ts';

export type AstroLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** A server to run until it is stopped. */
export interface AstroServer {
  command: 'dev' | 'preview';
  root: string;
  logLevel: AstroLogLevel;
  server: { port?: number; host?: string | boolean };
}

/** A site to build, sent as a message: the whole environment it is built with, and Astro's options. */
export interface AstroBuild {
  id: number;
  env: Record<string, string>;
  root: string;
  cacheDir: string;
  logLevel: AstroLogLevel;
  /** Send what Astro writes to stdout and stderr as messages, in order with the build's answer, instead of writing it. */
  forwardOutput: boolean;
}

/** What a build process sends back: Astro's output, then the build's end (with its error, if it failed). */
export type AstroMessage =
  | { id: number; output: { stream: 'stdout' | 'stderr'; text: string } }
  | { id: number; done: true }
  | { id: number; failure: AstroFailure };

/** An error of Astro's: its message, and the error as Node would print it. */
export interface AstroFailure {
  message: string;
  printed: string;
}

// The command line is gone (killed, as a cancelled CI job is): nothing waits for this site any more.
process.on('disconnect', () => process.exit(1));

// Astro saves its content data store on a timer after a build returns; by then the command line may
// have removed that build's folder. That save concerns a finished build only: it must not end the
// process that builds the next one.
/** The build under way, whose failure an error thrown outside it is. */
let building: number | undefined;

process.on('unhandledRejection', (error) => {
  if (isLateDataStoreSave(error)) return;
  // A guide's MDX that throws as it renders rejects outside the build's promise: it is that build's
  // failure, and this process, in a state nobody knows, ends once it is told.
  if (building === undefined) throw error;
  process.send!({ id: building, failure: failureOf(error) } satisfies AstroMessage, () => process.exit(1));
});

if (process.argv[2]) {
  const request = JSON.parse(process.argv[2]) as AstroServer;
  try {
    if (request.command === 'dev') await dev({ root: request.root, logLevel: request.logLevel, server: request.server });
    // Static hosts answer `/catalog` with the folder's page (or a redirect to `/catalog/`); the
    // preview does too, where the built site's `trailingSlash: 'always'` would make it a 404.
    else await preview({ root: request.root, logLevel: request.logLevel, server: request.server, trailingSlash: 'ignore' });
  } catch (error) {
    process.send!({ id: 0, failure: failureOf(error) } satisfies AstroMessage, () => process.exit(1));
  }
} else {
  process.on('message', (request: AstroBuild) => void buildSite(request));
}

async function buildSite(request: AstroBuild): Promise<void> {
  const send = (message: AstroMessage) => process.send!(message);
  setEnvironment(request.env);
  const restore = request.forwardOutput ? forwardOutput((stream, text) => send({ id: request.id, output: { stream, text } })) : () => {};
  building = request.id;
  try {
    const sync = await contentSync(request);
    // `sync` is an option of Astro's builder, which `build` passes on; its public type leaves it out.
    await build({ root: request.root, cacheDir: request.cacheDir, logLevel: request.logLevel }, { sync } as Parameters<typeof build>[1]);
    restore();
    send({ id: request.id, done: true });
  } catch (error) {
    restore();
    send({ id: request.id, failure: failureOf(error) });
  } finally {
    building = undefined;
  }
}

/**
 * The imports of content modules and assets that Astro's content sync lists for the build, in
 * `.astro/` of the root (which the builds of one folder share, taking turns).
 */
const SYNCED_IMPORTS = ['content-modules.mjs', 'content-assets.mjs'];

/**
 * Whether the build runs Astro's content sync. It loads the content config through a Vite server of
 * its own and writes types, half a second of each build, and the guides' MDX (the one collection) is
 * all it is for: a portal without guides skips it. The imports an earlier build's sync listed are
 * removed, so its guides are not bundled; the content store is the build's own cache folder's,
 * which is new and so empty.
 */
async function contentSync(request: AstroBuild): Promise<boolean> {
  if (request.env.CAIRN_GUIDES_DIR) return true;
  await Promise.all(SYNCED_IMPORTS.map((file) => rm(join(request.root, '.astro', file), { force: true })));
  return false;
}

function failureOf(error: unknown): AstroFailure {
  return { message: error instanceof Error ? error.message : String(error), printed: inspect(error) };
}

/** Makes `process.env` exactly `env`: each build is configured by its own environment only. */
function setEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}

/** Hands what is written to stdout and stderr to `write` until the returned function is called. */
function forwardOutput(write: (stream: 'stdout' | 'stderr', text: string) => void): () => void {
  const streams = { stdout: process.stdout, stderr: process.stderr };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of ['stdout', 'stderr'] as const) {
    streams[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      write(name, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  }
  return () => {
    streams.stdout.write = originals.stdout;
    streams.stderr.write = originals.stderr;
  };
}
