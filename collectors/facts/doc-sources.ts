import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { RepoReader } from '../repo/reader.ts';
import { MAX_ALIAS_COUNT } from '../yaml/documents.ts';
import { defineRetriever, type FactContext } from './retriever.ts';
import { compareCodeUnits } from '../support/order.ts';

/** Repository docs are bounded: a generated API reference of thousands of pages is not a docs site. */
export const DOC_LIMITS = {
  pages: 200,
  pageBytes: 2 * 1024 * 1024,
  imageBytes: 1024 * 1024,
  imagesTotalBytes: 8 * 1024 * 1024,
} as const;

const MARKDOWN = /\.(md|markdown)$/i;
const MKDOCS = /(^|\/)mkdocs\.ya?ml$/;
const README = /^readme\.(md|markdown)$/i;
/** Folders whose `docs/` belongs to someone else's code, not to the repository's own documentation. */
const FOREIGN = /(^|\/)(node_modules|vendor|third_party)\//;

export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** Anything in Markdown that looks like a path to an image file; only those that are tracked are kept. */
const IMAGE_REFERENCE = /[^\s"'()<>[\]]+\.(?:png|jpe?g|gif|webp|svg)\b/gi;

/** The prefix of mkdocs-monorepo-plugin's nav values that pull in another mkdocs.yml. */
const INCLUDE_STATEMENT = '!include ';

/** An entry of mkdocs' `nav`, with the line it is on (for "missing file" problems). */
export interface MkdocsNavEntry {
  title?: string;
  /** A Markdown path relative to `docs_dir`, or an external URL. */
  target?: string;
  /**
   * mkdocs-monorepo-plugin's `'!include ./sub/mkdocs.yml'`: the included mkdocs.yml as written
   * (relative to the including file's folder) from `parseMkdocs`; in the fact, its repository path,
   * once the retriever has checked that it stays inside the repository and can be read.
   */
  include?: string;
  children?: MkdocsNavEntry[];
  line: number;
}

const mkdocsNavEntrySchema: z.ZodType<MkdocsNavEntry> = z.object({
  title: z.string().optional(),
  target: z.string().optional(),
  include: z.string().optional(),
  get children() {
    return z.array(mkdocsNavEntrySchema).optional();
  },
  line: z.number().int().positive(),
});

const textFileSchema = z.object({ path: z.string(), text: z.string() });

export const docRootSchema = z.object({
  /** The folder holding mkdocs.yml, or the folder a `docs/` folder is in; `.` for the repository root. */
  base: z.string(),
  /** Repository folder of the Markdown pages (mkdocs' `docs_dir`, else `<base>/docs`). */
  docsDir: z.string(),
  mkdocs: z
    .object({
      path: z.string(),
      siteName: z.string().optional(),
      nav: z.array(mkdocsNavEntrySchema).optional(),
      /** Why mkdocs.yml could not be used, with its line; the pages are then shown with the folder tree. */
      error: z.object({ message: z.string(), line: z.number().int().positive().optional() }).optional(),
    })
    .optional(),
  /** Markdown under `docsDir`, sorted by path. */
  pages: z.array(textFileSchema),
  /** The README in `base` (else the repository's root README), a home page when the docs have none. */
  readme: textFileSchema.optional(),
});

export const docImageSchema = z.object({ path: z.string(), mediaType: z.string(), base64: z.string() });

export type DocRoot = z.infer<typeof docRootSchema>;
export type DocImage = z.infer<typeof docImageSchema>;

/**
 * The Markdown sources of every docs site in the repository, for rendering under the entities that
 * own them. Not published: the rendered pages are, once.
 */
export const docSources = defineRetriever({
  id: 'docSources',
  version: 2,
  description: 'Markdown, mkdocs navigation (with mkdocs-monorepo-plugin includes) and referenced images of every docs folder in the repository, for rendering.',
  publish: false,
  schema: z.object({
    roots: z.array(docRootSchema),
    /**
     * Docs sites that roots `!include` but that are no root themselves (an included file not named
     * mkdocs.yml), found by their `mkdocs.path`.
     */
    included: z.array(docRootSchema).optional(),
    /** Images the pages reference by relative path, tracked in the repository. */
    images: z.array(docImageSchema),
  }),
  async collect(context) {
    const { repo } = context;
    const budget = { pages: DOC_LIMITS.pages, bytes: DOC_LIMITS.pageBytes, warned: false };
    const roots: DocRoot[] = [];
    for (const found of await findRoots(repo)) {
      const pages = await readPages(repo, found.docsDir, budget, context);
      const readme = await readReadme(repo, found.base);
      roots.push({ base: found.base, docsDir: found.docsDir, ...(found.mkdocs ? { mkdocs: found.mkdocs } : {}), pages, ...(readme ? { readme } : {}) });
    }
    const included = await resolveIncludes(roots, (path) => readIncluded(repo, path, budget, context), context);
    const texts = [...roots, ...included].flatMap((root) => [...root.pages, ...(root.readme ? [root.readme] : [])]);
    return { roots, ...(included.length > 0 ? { included } : {}), images: await readImages(repo, texts, context) };
  },
});

/** An included mkdocs.yml that no root is, read as a docs site of its own; `undefined` when unreadable. */
async function readIncluded(repo: RepoReader, path: string, budget: { pages: number; bytes: number; warned: boolean }, context: FactContext): Promise<DocRoot | undefined> {
  // Undefined for a symlink leaving the repository, a binary or an oversized file.
  const text = await repo.readText(path);
  if (text === undefined) return undefined;
  const base = dirnameOf(path);
  const parsed = parseMkdocs(text, path, base);
  return { base, docsDir: parsed.docsDir, mkdocs: parsed.mkdocs, pages: parsed.mkdocs.error ? [] : await readPages(repo, parsed.docsDir, budget, context) };
}

/**
 * Resolves mkdocs-monorepo-plugin's `!include` nav entries of every site, in place: each becomes
 * the repository path of the included mkdocs.yml, or is dropped with a problem at its line when
 * the path is absolute, leaves the repository, is no YAML file, is not tracked, cannot be read
 * (a symlink leaving the repository reads as nothing), has no `site_name`, or would close a loop
 * of includes. Returns the included sites that are no root.
 */
export async function resolveIncludes(roots: readonly DocRoot[], read: (path: string) => Promise<DocRoot | undefined>, context: Pick<FactContext, 'problem'> & { repo: Pick<RepoReader, 'has'> }): Promise<DocRoot[]> {
  const sites = new Map<string, DocRoot>();
  for (const root of roots) if (root.mkdocs) sites.set(root.mkdocs.path, root);
  const included: DocRoot[] = [];
  const unreadable = new Set<string>();
  const queue = [...sites.values()];
  for (let site = queue.shift(); site; site = queue.shift()) {
    const { mkdocs } = site;
    if (!mkdocs?.nav || mkdocs.error) continue;
    for (const entry of includeEntries(mkdocs.nav)) {
      const where = { file: mkdocs.path, line: entry.line };
      const written = entry.include!;
      const path = includePath(written, site.base);
      if (typeof path !== 'string') {
        context.problem({ severity: 'error', ...where, message: `The nav entry "${entry.title ?? written}" includes ${JSON.stringify(written)}, which ${path.reason}; it is not followed.` });
        entry.include = undefined;
        continue;
      }
      if (!sites.has(path) && !unreadable.has(path)) {
        const target = context.repo.has(path) ? await read(path) : undefined;
        if (target) {
          sites.set(path, target);
          included.push(target);
          queue.push(target);
        } else unreadable.add(path);
      }
      const target = sites.get(path);
      const problem = !target
        ? `${path} is not a file tracked in the repository, or cannot be read (a symlink leaving the repository is never followed)`
        : target.mkdocs?.error
          ? `${path} cannot be used: ${target.mkdocs.error.message.replace(/\.$/, '')}`
          : !target.mkdocs?.siteName
            ? `${path} has no site_name, which mkdocs-monorepo-plugin needs to place its pages`
            : undefined;
      if (problem) {
        context.problem({ severity: 'error', ...where, message: `The nav entry "${entry.title ?? written}" includes ${JSON.stringify(written)}: ${problem}. It is not followed.` });
        entry.include = undefined;
        continue;
      }
      entry.include = path;
    }
  }
  for (const site of sites.values()) {
    if (site.mkdocs?.nav) site.mkdocs.nav = withoutDroppedIncludes(site.mkdocs.nav);
  }
  breakLoops(roots, sites, context);
  return included;
}

/** Every `!include` entry of a nav, sections included, in order. */
function includeEntries(entries: readonly MkdocsNavEntry[]): MkdocsNavEntry[] {
  return entries.flatMap((entry) => (entry.children ? includeEntries(entry.children) : entry.include !== undefined ? [entry] : []));
}

/** The repository path an include names, relative to the including file's folder, or why it is refused. */
function includePath(written: string, base: string): string | { reason: string } {
  const path = written.trim().replaceAll('\\', '/');
  if (/^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('~')) return { reason: 'is an absolute path or a URL; only paths inside the repository are read' };
  const resolved = joinPath(base, path);
  if (resolved === undefined || resolved === '..' || resolved.startsWith('../')) return { reason: 'leaves the repository' };
  if (!/\.ya?ml$/i.test(resolved)) return { reason: 'is not a .yml or .yaml file' };
  return resolved;
}

/** A nav without the include entries that were refused (their `include` cleared), and without emptied sections. */
function withoutDroppedIncludes(entries: readonly MkdocsNavEntry[]): MkdocsNavEntry[] {
  return entries.flatMap((entry): MkdocsNavEntry[] => {
    if (entry.children) return [{ ...entry, children: withoutDroppedIncludes(entry.children) }];
    if ('include' in entry && entry.include === undefined) return [];
    return [entry];
  });
}

/**
 * Drops each include that leads back to a site already on the way to it (a loop: a site including
 * itself, or A → B → A), with a problem at its line, so that following includes always ends.
 */
function breakLoops(roots: readonly DocRoot[], sites: ReadonlyMap<string, DocRoot>, context: Pick<FactContext, 'problem'>): void {
  const done = new Set<string>();
  const visit = (path: string, trail: string[]): void => {
    const site = sites.get(path);
    if (!site?.mkdocs?.nav || done.has(path)) return;
    const closing = new Set<MkdocsNavEntry>();
    for (const entry of includeEntries(site.mkdocs.nav)) {
      const target = entry.include!;
      if (target === path || trail.includes(target)) {
        const loop = [...trail.slice(trail.indexOf(target)), path, target].join(' → ');
        context.problem({ severity: 'error', file: path, line: entry.line, message: `The nav entry "${entry.title ?? target}" includes ${target}, which closes a loop of includes (${loop}); it is not followed.` });
        closing.add(entry);
        continue;
      }
      visit(target, [...trail, path]);
    }
    if (closing.size > 0) site.mkdocs.nav = withoutEntries(site.mkdocs.nav, closing);
    done.add(path);
  };
  for (const root of roots) if (root.mkdocs) visit(root.mkdocs.path, []);
}

function withoutEntries(entries: readonly MkdocsNavEntry[], drop: ReadonlySet<MkdocsNavEntry>): MkdocsNavEntry[] {
  return entries.flatMap((entry): MkdocsNavEntry[] => (drop.has(entry) ? [] : entry.children ? [{ ...entry, children: withoutEntries(entry.children, drop) }] : [entry]));
}

interface FoundRoot {
  base: string;
  docsDir: string;
  mkdocs?: NonNullable<DocRoot['mkdocs']>;
}

/** Each folder with mkdocs.yml, plus each `docs/` folder with Markdown that no mkdocs.yml claims. */
async function findRoots(repo: RepoReader): Promise<FoundRoot[]> {
  const roots: FoundRoot[] = [];
  const mkdocsFiles = repo.files().filter((path) => MKDOCS.test(path) && !FOREIGN.test(path));
  const bases = new Set<string>();
  for (const path of mkdocsFiles) {
    const base = dirnameOf(path);
    // mkdocs.yml and mkdocs.yaml side by side: mkdocs reads the first.
    if (bases.has(base)) continue;
    bases.add(base);
    const text = await repo.readText(path);
    // Undefined for a symlink leaving the repository, a binary or an oversized file: never read as empty.
    const unreadable = { docsDir: joinPath(base, 'docs')!, mkdocs: { path, error: { message: `Could not read ${path}: it is a symlink leaving the repository, binary, or too large` } } };
    roots.push({ base, ...(text === undefined ? unreadable : parseMkdocs(text, path, base)) });
  }
  const markdown = repo.files().filter((path) => MARKDOWN.test(path) && !FOREIGN.test(path));
  const claimed = roots.map((root) => root.docsDir);
  const docsFolders = new Set<string>();
  for (const path of markdown) {
    const segments = path.split('/');
    // The outermost `docs` folder on the path; `docs/api/docs/` belongs to `docs/`.
    const index = segments.indexOf('docs');
    if (index === -1 || index === segments.length - 1) continue;
    docsFolders.add(segments.slice(0, index + 1).join('/'));
  }
  for (const docsDir of [...docsFolders].sort()) {
    const base = dirnameOf(docsDir);
    if (bases.has(base) || claimed.some((dir) => isInside(docsDir, dir))) continue;
    roots.push({ base, docsDir });
  }
  return roots.sort((a, b) => compareCodeUnits(a.base, b.base));
}

/** Parsed mkdocs.yml settings; an error keeps the defaults and says why. */
export function parseMkdocs(text: string, path: string, base: string): { docsDir: string; mkdocs: NonNullable<DocRoot['mkdocs']> } {
  const defaultDocsDir = joinPath(base, 'docs')!;
  const lineCounter = new LineCounter();
  // `!!python/name:` tags are kept as plain values (strict: false), never resolved.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    return { docsDir: defaultDocsDir, mkdocs: { path, error: { message: `Could not parse ${path}: ${error.message.split('\n')[0]}`, ...(line ? { line } : {}) } } };
  }
  let config: unknown;
  try {
    config = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    return { docsDir: defaultDocsDir, mkdocs: { path, error: { message: `Could not read ${path}: ${(cause as Error).message.split('\n')[0]}` } } };
  }
  const settings = (config && typeof config === 'object' ? config : {}) as Record<string, unknown>;
  const siteName = typeof settings.site_name === 'string' && settings.site_name.trim() ? settings.site_name.trim() : undefined;
  const docsDirSetting = typeof settings.docs_dir === 'string' ? settings.docs_dir : 'docs';
  const docsDir = joinPath(base, docsDirSetting);
  if (docsDir === undefined || docsDir === '..' || docsDir.startsWith('../')) {
    const line = lineOfKey(document.contents, 'docs_dir', lineCounter);
    return { docsDir: defaultDocsDir, mkdocs: { path, ...(siteName ? { siteName } : {}), error: { message: `${path}: docs_dir "${docsDirSetting}" leaves the repository.`, ...(line ? { line } : {}) } } };
  }
  const navNode = isMap(document.contents) ? document.contents.get('nav', true) : undefined;
  const nav = isSeq(navNode) ? navEntries(navNode.items as unknown[], lineCounter) : undefined;
  return { docsDir, mkdocs: { path, ...(siteName ? { siteName } : {}), ...(nav ? { nav } : {}) } };
}

/** mkdocs nav items: `page.md`, `Title: page.md`, `Title: https://…`, `Section: [items]`. */
function navEntries(items: unknown[], lineCounter: LineCounter): MkdocsNavEntry[] {
  return items.flatMap((item): MkdocsNavEntry[] => {
    const line = lineOf(item, lineCounter);
    if (isScalar(item) && typeof item.value === 'string') return [navTarget(undefined, item.value, line)];
    if (!isMap(item)) return [];
    return item.items.flatMap((pair): MkdocsNavEntry[] => {
      const title = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (title === undefined) return [];
      const entryLine = lineOf(pair.key, lineCounter);
      if (isScalar(pair.value) && typeof pair.value.value === 'string') return [navTarget(title, pair.value.value, entryLine)];
      if (isSeq(pair.value)) return [{ title, children: navEntries(pair.value.items as unknown[], lineCounter), line: entryLine }];
      return [];
    });
  });
}

/** A page entry, or an include when the value starts with `!include ` (mkdocs-monorepo-plugin). */
function navTarget(title: string | undefined, value: string, line: number): MkdocsNavEntry {
  const titled = title === undefined ? {} : { title };
  return value.startsWith(INCLUDE_STATEMENT) ? { ...titled, include: value.slice(INCLUDE_STATEMENT.length), line } : { ...titled, target: value, line };
}

function lineOf(node: unknown, lineCounter: LineCounter): number {
  const range = (node as Partial<YamlNode> | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : 1;
}

function lineOfKey(contents: unknown, key: string, lineCounter: LineCounter): number | undefined {
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair ? lineOf(pair.key, lineCounter) : undefined;
}

/** The Markdown pages under `docsDir`, within the repository's page and byte budget. */
async function readPages(repo: RepoReader, docsDir: string, budget: { pages: number; bytes: number; warned: boolean }, context: FactContext): Promise<DocRoot['pages']> {
  const pages: DocRoot['pages'] = [];
  const prefix = docsDir === '.' ? '' : `${docsDir}/`;
  for (const path of repo.files().filter((file) => file.startsWith(prefix) && MARKDOWN.test(file))) {
    const size = (await repo.size(path)) ?? 0;
    if (budget.pages === 0 || size > budget.bytes) {
      if (!budget.warned) {
        context.problem({ severity: 'warning', file: path, message: `Docs are limited to ${DOC_LIMITS.pages} pages and ${DOC_LIMITS.pageBytes / 1024 / 1024} MB per repository; ${path} and the pages after it are not rendered.` });
        budget.warned = true;
      }
      continue;
    }
    const text = await repo.readText(path, { maxBytes: budget.bytes });
    if (text === undefined) continue;
    budget.pages -= 1;
    budget.bytes -= size;
    pages.push({ path, text });
  }
  return pages;
}

/** The README beside the docs (in `base`), else the repository's root README. */
async function readReadme(repo: RepoReader, base: string): Promise<DocRoot['readme']> {
  for (const folder of base === '.' ? ['.'] : [base, '.']) {
    const path = repo.files().find((file) => dirnameOf(file) === folder && README.test(file.slice(folder === '.' ? 0 : folder.length + 1)));
    if (!path) continue;
    const text = await repo.readText(path, { maxBytes: DOC_LIMITS.pageBytes });
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** Tracked image files the texts mention by a path relative to themselves or to the repository root. */
async function readImages(repo: RepoReader, texts: readonly { path: string; text: string }[], context: FactContext): Promise<DocImage[]> {
  const wanted = new Set<string>();
  for (const { path, text } of texts) {
    for (const match of text.matchAll(IMAGE_REFERENCE)) {
      const reference = decodePath(match[0]);
      if (reference === undefined || /^[a-z][a-z\d+.-]*:/i.test(reference) || reference.startsWith('//')) continue;
      const resolved = reference.startsWith('/') ? joinPath('.', reference.slice(1)) : joinPath(dirnameOf(path), reference);
      if (resolved !== undefined && resolved !== '..' && !resolved.startsWith('../') && repo.has(resolved)) wanted.add(resolved);
    }
  }
  const images: DocImage[] = [];
  let total = 0;
  for (const path of [...wanted].sort()) {
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const mediaType = IMAGE_TYPES[extension];
    const size = await repo.size(path);
    if (!mediaType || size === undefined || size > DOC_LIMITS.imageBytes) continue;
    if (total + size > DOC_LIMITS.imagesTotalBytes) {
      context.problem({ severity: 'warning', file: path, message: `Docs images are limited to ${DOC_LIMITS.imagesTotalBytes / 1024 / 1024} MB per repository; ${path} and the images after it are not published.` });
      break;
    }
    const bytes = await repo.readBytes(path, { maxBytes: DOC_LIMITS.imageBytes });
    if (!bytes) continue;
    if (!looksLike(mediaType, bytes)) {
      // Published files are served by type: HTML named .png must never reach the site.
      context.problem({ severity: 'warning', file: path, message: `${path} does not hold the image its name says (${mediaType}); it is not published.` });
      continue;
    }
    total += size;
    images.push({ path, mediaType, base64: Buffer.from(bytes).toString('base64') });
  }
  return images;
}


function decodePath(reference: string): string | undefined {
  try {
    return decodeURIComponent(reference.split(/[?#]/)[0]!).replaceAll('\\', '/');
  } catch {
    return undefined;
  }
}

/** POSIX join and normalise of repository paths; `undefined` when the result is absolute. `.` is the root. */
export function joinPath(folder: string, path: string): string | undefined {
  if (path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const segment of `${folder}/${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(segment);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

function isInside(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`);
}



/** The first bytes each published image type starts with. */
const SIGNATURES: Readonly<Record<string, (bytes: Uint8Array) => boolean>> = {
  'image/png': (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  'image/gif': (bytes) => startsWith(bytes, [0x47, 0x49, 0x46, 0x38]),
  'image/webp': (bytes) => startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

/** SVG is only ever shown through a data: URL in <img>, where it cannot run; other types must match their signature. */
function looksLike(mediaType: string, bytes: Uint8Array): boolean {
  const signature = SIGNATURES[mediaType];
  return signature ? signature(bytes) : mediaType === 'image/svg+xml';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
