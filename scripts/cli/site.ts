import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isRunning, removeLeftovers, replaceDirectory } from '../../collectors/store/atomic-write.ts';
import { temporaryFolder } from '../../collectors/support/temporary-folder.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import type { AstroBuild, AstroFailure, AstroLogLevel, AstroMessage, AstroServer } from './astro-process.ts';
import { processContext, type CommandContext } from './context.ts';
import { withLock } from './lock.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { entryPoint } from '../../collectors/support/entry-point.ts';

/** What the site is built from and where it goes. Relative paths resolve against the run's working folder. */
export interface SiteOptions {
  /** The snapshot JSON to render. */
  snapshot: string;
  /** Folder the static site is written to. */
  outDir: string;
  /** Base path, e.g. `/portal/` for a GitHub Pages project site. Default `/`. */
  base?: string;
  /** Absolute URL the site is served from, e.g. `https://acme.github.io`. */
  site?: string;
  /** README badges: `true` for every scorecard, or the ids of the scorecards to publish them for (portal.yaml's `badges`). Default none. */
  badges?: boolean | readonly string[];
  /** The portal's `guides/` folder (content/guides), whose MDX the snapshot's guides are rendered from. */
  guidesDir?: string;
  /** The run history folder, for trends and "what changed". */
  historyDir?: string;
  /**
   * This run's history record, when it is not in `historyDir` yet: `cairn build` adds it there only
   * once the site is published, so a run killed before then leaves no trace in the history.
   */
  runRecord?: string;
  /** Astro's log level. Default `error`: its warnings (an empty collection, in a portal without scorecards yet) are not the portal's problems. */
  logLevel?: AstroLogLevel;
}

/** Where a dev or preview server listens. */
export interface ServerOptions {
  port?: number;
  host?: string | boolean;
}

/**
 * Builds the static site for a snapshot into `outDir`. Astro builds into a fresh folder inside
 * Cairn's own, and the finished site then replaces `outDir` whole: a failed or killed build leaves
 * the previous site in place. Astro's own messages go to the context's streams.
 */
export async function buildSite(options: SiteOptions, context: CommandContext = processContext()): Promise<void> {
  const outDir = resolve(context.cwd, options.outDir);
  await recoverOutput(outDir);
  // The process id in the name lets a later build remove what a killed one left.
  const root = await buildRoot();
  const work = await temporaryFolder(root, `site-${process.pid}-`);
  const workDir = work.path;
  const builtDir = join(workDir, 'dist');
  try {
    // Astro bundles the content store from a file in its cache folder: builds sharing one folder
    // (tests, CI jobs on one checkout) could publish each other's snapshot. Each build gets its own.
    // The rest of a build's state (the imports of the guides' modules …) goes to `.astro/` of
    // Cairn's folder, whatever the cache folder: builds of one checkout take turns there.
    const astro = { root: PACKAGE_ROOT, cacheDir: join(workDir, 'cache'), logLevel: options.logLevel ?? 'error' } as const;
    // The lock names Astro's process too: killed with the command line, it may write to `.astro/` a
    // moment longer, and the next build waits for it.
    const builder = astroBuilder(context);
    await withLock(
      join(root, ASTRO_LOCK),
      () => buildWithAstro(builder, astro, astroEnvironment({ ...options, outDir: builtDir }, context), context),
      builder.child.pid === undefined ? [] : [builder.child.pid],
    ).catch(async (error: unknown) => {
      throw (await guideRenderError(error, options.guidesDir, context.cwd)) ?? error;
    });
    await indexForSearch(builtDir);
    await writeFile(join(builtDir, SITE_MARKER), `${JSON.stringify({ base: options.base ?? '/' })}\n`);
    // GitHub Pages' Jekyll would otherwise hide `_astro/`, the stylesheets' folder.
    await writeFile(join(builtDir, '.nojekyll'), '');
    await assertReplaceableOutput(outDir);
    await replaceDirectory(builtDir, outDir);
  } finally {
    await work.remove();
  }
}

/** Characters after the file name in the name of a chunk Astro writes: `_` and an 8-character hash, which may hold `_` and `-` itself. */
const CHUNK_SUFFIX = 9;

/**
 * A guide whose MDX throws as it renders (`{someVariable}`: guides have no variables) is the
 * guide's fault, not Cairn's: a ConfigError naming its file. The stack names only the chunk Astro
 * compiled it into (`catalog_lCT4ohCZ.mjs` for `…/catalog.mdx`), which holds the guide's path when
 * two guides share a file name. Undefined for any other error.
 */
export async function guideRenderError(error: unknown, guidesDir: string | undefined, cwd: string): Promise<ConfigError | undefined> {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const found = /_createMdxContent \((file:\/\/.*\/chunks\/([^/]+)\.mjs):\d+:\d+\)/.exec(stack);
  if (!found || !guidesDir) return undefined;
  const [, chunkUrl, chunkName] = found;
  const name = chunkName!.slice(0, -CHUNK_SUFFIX);
  const named = (await readdir(guidesDir, { recursive: true })).filter((path) => /\.mdx$/.test(path) && basename(path, '.mdx') === name);
  const chunk = named.length > 1 ? await readFile(new URL(chunkUrl!), 'utf8').catch(() => '') : '';
  const inChunk = named.filter((path) => chunk.includes(join(guidesDir, path)));
  const guides = inChunk.length === 1 ? inChunk : named;
  const where = guides.length ? guides.map((path) => relative(cwd, join(guidesDir, path))).join(' or ') : `the guide "${name}"`;
  return new ConfigError(
    `${where}: the guide fails as it renders: ${stack.split('\n')[0]}. Guides have no variables: an {expression} may hold literals and JavaScript's built-ins.`,
  );
}

/**
 * Pagefind's index of the built pages, in `pagefind/`: only pages whose main content is marked
 * `data-pagefind-body` (entities, guides, checks, docs) are indexed.
 */
export async function indexForSearch(builtDir: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: builtDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(builtDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Astro runs in a process of its own (`astro-process.ts`), in Cairn's folder, with the portal's
 * settings in its environment: Astro writes its prerender chunks under the working folder when the
 * output folder is outside it, and those chunks must resolve Cairn's dependencies. Its output goes
 * to the context's streams, or straight to the terminal when they are the process's own.
 */
const ASTRO_PROCESS = fileURLToPath(entryPoint('astro-process', import.meta.url));

/** Whether a context writes to this process's own streams (a terminal keeps its colours). */
function ownsStreams(context: CommandContext): boolean {
  return context.stdout === process.stdout && context.stderr === process.stderr;
}

/**
 * Astro's process for builds: started on first use and kept, so that later builds of this process
 * start warm. Idle, it keeps nothing alive, and it ends with the command line. Builds take turns;
 * one is kept for each way output is shown.
 */
interface AstroBuilder {
  child: ChildProcess;
  /** The end of the last build asked for: the next one starts after it. */
  turn: Promise<unknown>;
  pending?: { id: number; context: CommandContext; answer(message: AstroMessage): void };
}

const builders = new Map<boolean, AstroBuilder>();
let nextBuild = 0;

/** The builder process for a context's way of showing output: the one started ahead, else a new one. */
function astroBuilder(context: CommandContext): AstroBuilder {
  const own = ownsStreams(context);
  return builders.get(own) ?? startBuilder(own);
}

/** Builds a site with Astro in the builder process, with `env` as its whole environment; an error of Astro's rejects as if thrown here. */
function buildWithAstro(
  builder: AstroBuilder,
  options: Pick<AstroBuild, 'root' | 'cacheDir' | 'logLevel'>,
  env: Record<string, string>,
  context: CommandContext,
): Promise<void> {
  const own = ownsStreams(context);
  // One that stopped while this build waited for its turn at the lock is started again.
  if (builders.get(own) !== builder) builder = startBuilder(own);
  const built = builder.turn.then(
    () =>
      new Promise<void>((resolve, reject) => {
        const id = nextBuild++;
        builder.pending = {
          id,
          context,
          answer(message) {
            if ('output' in message) return void context[message.output.stream].write(message.output.text);
            builder.pending = undefined;
            keepAlive(builder.child, false);
            if ('done' in message) resolve();
            else reject(astroError(message.failure));
          },
        };
        keepAlive(builder.child, true);
        builder.child.send({ id, env, ...options, forwardOutput: !own } satisfies AstroBuild);
      }),
  );
  builder.turn = built.catch(() => undefined);
  return built;
}

/**
 * Starts Astro's build process ahead of the build, so that it loads its modules (half a second)
 * while the command line reads its configuration, collects or reads the snapshot.
 */
export function prepareSiteBuild(context: CommandContext = processContext()): void {
  astroBuilder(context);
}

function startBuilder(own: boolean): AstroBuilder {
  const child = fork(ASTRO_PROCESS, [], {
    cwd: PACKAGE_ROOT,
    stdio: own ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const builder: AstroBuilder = { child, turn: Promise.resolve() };
  // What Astro's own processes (esbuild …) write past the forwarding goes to the build under way.
  if (!own)
    for (const stream of ['stdout', 'stderr'] as const) forward(child[stream]!, (text) => builder.pending?.context[stream].write(text));
  child.on('message', (message: AstroMessage) => {
    if (builder.pending?.id === message.id) builder.pending.answer(message);
  });
  child.on('exit', (code, signal) => {
    if (builders.get(own) === builder) builders.delete(own);
    builder.pending?.answer({
      id: builder.pending.id,
      failure: { message: `Astro's build process stopped (${signal ?? `exit code ${code}`}).`, printed: '' },
    });
  });
  keepAlive(child, false);
  builders.set(own, builder);
  return builder;
}

/** Only while a build is under way does the builder keep the command line running. */
function keepAlive(child: ChildProcess, alive: boolean): void {
  const channel = child.channel as { ref?(): void; unref?(): void } | undefined;
  if (alive) {
    child.ref();
    channel?.ref?.();
  } else {
    child.unref();
    channel?.unref?.();
  }
}

/** Runs Astro's dev or preview server in a process of its own until it stops. */
function serveWithAstro(request: AstroServer, env: Record<string, string>, context: CommandContext): Promise<void> {
  const own = ownsStreams(context);
  const child = fork(ASTRO_PROCESS, [JSON.stringify(request)], {
    cwd: PACKAGE_ROOT,
    env,
    stdio: own ? ['inherit', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  if (!own) for (const stream of ['stdout', 'stderr'] as const) forward(child[stream]!, (text) => context[stream].write(text));
  return new Promise((resolve, reject) => {
    let failure: AstroFailure | undefined;
    child.on('message', (message: AstroMessage) => {
      if ('failure' in message) failure = message.failure;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          astroError(failure ?? { message: `Astro's ${request.command} server stopped (${signal ?? `exit code ${code}`}).`, printed: '' }),
        );
    });
  });
}

/** Astro's error, printed as it would have been in this process: its message, its stack and its hints. */
function astroError(failure: AstroFailure): Error {
  const error = new Error(failure.message);
  if (failure.printed) error.stack = failure.printed;
  return error;
}

function forward(from: Readable, write: (text: string) => void): void {
  from.setEncoding('utf8');
  from.on('data', write);
}

/** Held by the build that has Astro's turn, in the builds' folder. */
const ASTRO_LOCK = 'astro.lock';

async function buildRoot(): Promise<string> {
  const root = join(PACKAGE_ROOT, '.cache', 'builds');
  await mkdir(root, { recursive: true });
  await removeLeftovers(root, builderOf);
  return root;
}

/**
 * The process that made an entry of the builds' folder, when it holds one build's leftovers: its
 * folder (`site-<pid>-…`), or the temporary file of its turn at the lock (`astro.lock.<pid>.….tmp`),
 * which a build killed while waiting leaves behind.
 */
export function builderOf(name: string): number | undefined {
  const match = /^site-(\d+)-/.exec(name) ?? /^astro\.lock\.(\d+)\.[^/]*\.tmp$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Undoes what a build killed while replacing the site left beside `outDir`: between moving the
 * published site aside (`<out>.outgoing-<pid>`) and moving the new one in (`<out>.incoming-<pid>`),
 * there is no site at `outDir`. The previous site goes back; the leftovers of dead builds are removed.
 * Every command that reads or replaces a site calls it first.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.`;
  const leftovers = (await readdir(parent).catch(() => [] as string[]))
    .map((name) => ({ name, match: name.startsWith(prefix) ? name.slice(prefix.length).match(/^(incoming|outgoing)-(\d+)$/) : null }))
    .filter((entry): entry is { name: string; match: RegExpMatchArray } => entry.match !== null && !isRunning(Number(entry.match[2])))
    // The previous site (outgoing) before a new one that never got in (incoming).
    .sort((a, b) => (a.match[1] === b.match[1] ? (a.name < b.name ? -1 : 1) : a.match[1] === 'outgoing' ? -1 : 1));
  for (const { name } of leftovers) {
    const path = join(parent, name);
    const published = await stat(outDir).then(
      () => true,
      () => false,
    );
    if (
      !published &&
      (await stat(join(path, SITE_MARKER)).then(
        () => true,
        () => false,
      ))
    )
      await rename(path, outDir);
    else await rm(path, { recursive: true, force: true });
  }
}

/** Written into every built site: marks a folder Cairn may replace, and tells `preview` its base path. */
const SITE_MARKER = '.cairn-site.json';

/**
 * Refuses an output folder that holds anything but an earlier Cairn site: `--out` is replaced whole,
 * and `--out .` or a folder of repositories must never be deleted by mistake.
 */
export async function assertReplaceableOutput(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new ConfigError(`--out ${outDir}: a file is in the way; expected a folder for the site.`);
    throw error;
  });
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new ConfigError(
      `--out ${outDir} already holds files that are not a Cairn site (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}). The site replaces its output folder whole: give it a new or empty folder.`,
    );
  }
}

/** The base path a built site was made for, from its marker. */
export async function builtSiteBase(outDir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(outDir, SITE_MARKER), 'utf8')) as { base?: string }).base;
  } catch {
    return undefined;
  }
}

/**
 * Runs Astro's dev server on a snapshot until it stops; pages are rendered on request and reload
 * when the snapshot changes. Astro's JavaScript API stays in the foreground: only its CLI detaches
 * when it detects automation.
 */
export async function devSite(
  options: Omit<SiteOptions, 'outDir'> & ServerOptions,
  context: CommandContext = processContext(),
): Promise<void> {
  await serveWithAstro(
    { command: 'dev', root: PACKAGE_ROOT, logLevel: options.logLevel ?? 'info', server: serverConfig(options) },
    astroEnvironment(options, context),
    context,
  );
}

/** Serves a built site from `outDir` with Astro's preview server, until it stops. */
export async function previewSite(
  options: Omit<SiteOptions, 'snapshot'> & ServerOptions,
  context: CommandContext = processContext(),
): Promise<void> {
  const outDir = resolve(context.cwd, options.outDir);
  await recoverOutput(outDir);
  const builtBase = await builtSiteBase(outDir);
  if (builtBase === undefined)
    throw new ConfigError(`${options.outDir} is not a site built by Cairn. Run \`cairn build --out ${options.outDir}\` first.`);
  const request: AstroServer = {
    command: 'preview',
    root: PACKAGE_ROOT,
    logLevel: options.logLevel ?? 'info',
    server: serverConfig(options),
  };
  await serveWithAstro(request, astroEnvironment({ ...options, outDir, base: options.base ?? builtBase }, context), context);
}

/**
 * The environment of Astro's process: the run's, with the settings astro.config.mjs and the
 * snapshot loader read (paths absolute) in place of any the run's environment had.
 */
function astroEnvironment(options: Partial<SiteOptions>, { cwd, env }: Pick<CommandContext, 'cwd' | 'env'>): Record<string, string> {
  // Astro lets any environment variable shadow `import.meta.env` in server code, so a `BASE_URL` set
  // for something else (vitest sets one, a CI job may) would replace the configured base in every link.
  const { BASE_URL, CAIRN_SITE, CAIRN_BADGES, CAIRN_GUIDES_DIR, CAIRN_HISTORY_DIR, CAIRN_RUN_RECORD, ...inherited } = env;
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(cwd, value));
  const settings = {
    ASTRO_TELEMETRY_DISABLED: '1',
    CAIRN_SNAPSHOT: path(options.snapshot) ?? inherited.CAIRN_SNAPSHOT,
    CAIRN_OUT_DIR: path(options.outDir) ?? inherited.CAIRN_OUT_DIR,
    CAIRN_BASE: options.base ?? '/',
    CAIRN_SITE: options.site || undefined,
    CAIRN_BADGES: options.badges === undefined || options.badges === false ? undefined : JSON.stringify(options.badges),
    CAIRN_GUIDES_DIR: path(options.guidesDir),
    CAIRN_HISTORY_DIR: path(options.historyDir),
    CAIRN_RUN_RECORD: path(options.runRecord),
  };
  return Object.fromEntries(
    Object.entries({ ...inherited, ...settings }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function serverConfig({ port, host }: ServerOptions) {
  return { ...(port === undefined ? {} : { port }), ...(host === undefined ? {} : { host }) };
}
