import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { build, dev, preview } from 'astro';
import { replaceDirectory } from '../../collectors/atomic-write.ts';
import { ConfigError } from '../../collectors/config-error.ts';
import { PACKAGE_ROOT } from './package-root.ts';



type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What the site is built from and where it goes. Relative paths resolve against the working directory. */
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
  logLevel?: LogLevel;
}

/** Where a dev or preview server listens. */
export interface ServerOptions {
  port?: number;
  host?: string | boolean;
}

/**
 * Builds the static site for a snapshot into `outDir`. Astro builds into a fresh folder inside
 * Cairn's own, and the finished site then replaces `outDir` whole: a failed or killed build leaves
 * the previous site in place.
 */
export async function buildSite(options: SiteOptions): Promise<void> {
  await recoverOutput(resolve(options.outDir));
  // The process id in the name lets a later build remove what a killed one left.
  const workDir = await mkdtemp(join(await buildRoot(), `site-${process.pid}-`));
  const builtDir = join(workDir, 'dist');
  configureEnvironment({ ...options, outDir: builtDir });
  try {
    // Astro bundles the content store from a file in its cache folder: builds sharing one folder
    // (tests, CI jobs on one checkout) could publish each other's snapshot. Each build gets its own.
    await insidePackageRoot(() => build({ root: PACKAGE_ROOT, cacheDir: join(workDir, 'cache'), logLevel: options.logLevel ?? 'error' }));
    await indexForSearch(builtDir);
    await writeFile(join(builtDir, SITE_MARKER), `${JSON.stringify({ base: options.base ?? '/' })}\n`);
    // GitHub Pages' Jekyll would otherwise hide `_astro/`, the stylesheets' folder.
    await writeFile(join(builtDir, '.nojekyll'), '');
    await assertReplaceableOutput(resolve(options.outDir));
    await replaceDirectory(builtDir, resolve(options.outDir));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
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
 * Astro writes its prerender chunks under the working directory when the output folder is outside
 * it, and those chunks must resolve Cairn's dependencies: so the build runs from Cairn's folder.
 */
async function insidePackageRoot<T>(task: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(PACKAGE_ROOT);
  try {
    return await task();
  } finally {
    process.chdir(previous);
  }
}

async function buildRoot(): Promise<string> {
  const root = join(PACKAGE_ROOT, '.cache', 'builds');
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    const pid = Number(name.match(/^site-(\d+)-/)?.[1]);
    if (pid && !isRunning(pid)) await rm(join(root, name), { recursive: true, force: true });
  }
  return root;
}

/** Whether a process is alive (another build sharing the folder is left alone). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
    const published = await stat(outDir).then(() => true, () => false);
    if (!published && (await stat(join(path, SITE_MARKER)).then(() => true, () => false))) await rename(path, outDir);
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
    throw new ConfigError(`--out ${outDir} already holds files that are not a Cairn site (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}). The site replaces its output folder whole: give it a new or empty folder.`);
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
 * Starts Astro's dev server on a snapshot; pages are rendered on request and reload when the
 * snapshot changes. Astro's JavaScript API stays in the foreground: only its CLI detaches when it
 * detects automation.
 */
export async function devSite(options: Omit<SiteOptions, 'outDir'> & ServerOptions): Promise<Awaited<ReturnType<typeof dev>>> {
  configureEnvironment(options);
  return dev({ root: PACKAGE_ROOT, logLevel: options.logLevel ?? 'info', server: serverConfig(options) });
}

/** Serves a built site from `outDir` with Astro's preview server. */
export async function previewSite(options: Omit<SiteOptions, 'snapshot'> & ServerOptions): Promise<Awaited<ReturnType<typeof preview>>> {
  await recoverOutput(resolve(options.outDir));
  const builtBase = await builtSiteBase(options.outDir);
  if (builtBase === undefined) throw new ConfigError(`${options.outDir} is not a site built by Cairn. Run \`cairn build --out ${options.outDir}\` first.`);
  configureEnvironment({ ...options, base: options.base ?? builtBase });
  return preview({ root: PACKAGE_ROOT, logLevel: options.logLevel ?? 'info', server: serverConfig(options) });
}

/** astro.config.mjs and the snapshot loader read their settings from the environment. */
function configureEnvironment(options: Partial<SiteOptions>): void {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro lets any environment variable shadow `import.meta.env` in server code, so a `BASE_URL` set
  // for something else (vitest sets one, a CI job may) would replace the configured base in every link.
  delete process.env.BASE_URL;
  if (options.snapshot !== undefined) process.env.CAIRN_SNAPSHOT = resolve(options.snapshot);
  if (options.outDir !== undefined) process.env.CAIRN_OUT_DIR = resolve(options.outDir);
  process.env.CAIRN_BASE = options.base ?? '/';
  if (options.site) process.env.CAIRN_SITE = options.site;
  else delete process.env.CAIRN_SITE;
  if (options.badges !== undefined && options.badges !== false) process.env.CAIRN_BADGES = JSON.stringify(options.badges);
  else delete process.env.CAIRN_BADGES;
  if (options.guidesDir !== undefined) process.env.CAIRN_GUIDES_DIR = resolve(options.guidesDir);
  else delete process.env.CAIRN_GUIDES_DIR;
  if (options.historyDir !== undefined) process.env.CAIRN_HISTORY_DIR = resolve(options.historyDir);
  else delete process.env.CAIRN_HISTORY_DIR;
  if (options.runRecord !== undefined) process.env.CAIRN_RUN_RECORD = resolve(options.runRecord);
  else delete process.env.CAIRN_RUN_RECORD;
}

function serverConfig({ port, host }: ServerOptions) {
  return { ...(port === undefined ? {} : { port }), ...(host === undefined ? {} : { host }) };
}
