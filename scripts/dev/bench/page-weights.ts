/**
 * What a built portal weighs: the largest page, a typical entity page, the JavaScript each page
 * loads, and the whole output against the number of entities.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.ts';

export interface PageWeights {
  /** Every file of the output (pages, JSON, badges, the search index …). */
  totalBytes: number;
  files: number;
  pages: number;
  entities: number;
  bytesPerEntity: number;
  largestPage: { path: string; bytes: number; gzipBytes: number };
  /** Entity pages: `catalog/<namespace>/<kind>/<name>/index.html` (not their docs pages). */
  entityPages: { count: number; medianBytes: number; medianGzipBytes: number };
  /** Script a page loads as it opens: inline scripts and the files of `<script src>` and module preloads. */
  scriptBytesPerPage: { median: number; max: number; maxPath: string };
}

/** An entity's own page, by its path in the output (forward slashes). */
export function isEntityPage(path: string): boolean {
  return /^catalog\/[^/]+\/[^/]+\/[^/]+\/index\.html$/.test(path);
}

/**
 * The JavaScript an HTML page carries or references: inline script bytes, and the paths of
 * `<script src>` and `<link rel="modulepreload">` files. A script element ends at the first
 * `</script`, as the HTML tokenizer ends it; data blocks (`type="application/json"` …) are not script.
 * Modules a script imports later (the search index) are not counted.
 */
export function scriptsOf(html: string): { inlineBytes: number; sources: string[] } {
  let inlineBytes = 0;
  const sources: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)) {
    const type = attributeOf(attributes, 'type')?.toLowerCase();
    if (type !== undefined && type !== 'module' && !type.includes('javascript')) continue;
    const src = attributeOf(attributes, 'src');
    if (src !== undefined) sources.push(src);
    else inlineBytes += Buffer.byteLength(body);
  }
  for (const [, attributes = ''] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const href = attributeOf(attributes, 'href');
    if (attributeOf(attributes, 'rel')?.toLowerCase() === 'modulepreload' && href !== undefined) sources.push(href);
  }
  return { inlineBytes, sources };
}

function attributeOf(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The page weights of the site built into `siteDir` for `entities` entities. */
export async function pageWeights(siteDir: string, entities: number): Promise<PageWeights> {
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  let totalBytes = 0;
  const fileSizes = new Map<string, number>();
  for (const file of files) {
    const size = (await stat(file)).size;
    totalBytes += size;
    fileSizes.set(posixPath(file.slice(siteDir.length + 1)), size);
  }
  const pages = [...fileSizes.keys()].filter((path) => path.endsWith('.html')).sort();
  let largest = { path: '', bytes: -1 };
  const entitySizes: number[] = [];
  const entityGzipSizes: number[] = [];
  const scriptSizes: { path: string; bytes: number }[] = [];
  for (const path of pages) {
    const html = await readFile(join(siteDir, path));
    if (html.length > largest.bytes) largest = { path, bytes: html.length };
    if (isEntityPage(path)) {
      entitySizes.push(html.length);
      entityGzipSizes.push(gzipSync(html).length);
    }
    const { inlineBytes, sources } = scriptsOf(html.toString('utf8'));
    const referenced = [...new Set(sources)].reduce((sum, src) => sum + (fileSizes.get(outputPathOf(src, path)) ?? 0), 0);
    scriptSizes.push({ path, bytes: inlineBytes + referenced });
  }
  const heaviestScript = scriptSizes.reduce((heaviest, page) => (page.bytes > heaviest.bytes ? page : heaviest), { path: '', bytes: 0 });
  return {
    totalBytes,
    files: files.length,
    pages: pages.length,
    entities,
    bytesPerEntity: entities ? totalBytes / entities : 0,
    largestPage: { ...largest, gzipBytes: largest.path ? gzipSync(await readFile(join(siteDir, largest.path))).length : 0 },
    entityPages: {
      count: entitySizes.length,
      medianBytes: entitySizes.length ? median(entitySizes) : 0,
      medianGzipBytes: entityGzipSizes.length ? median(entityGzipSizes) : 0,
    },
    scriptBytesPerPage: {
      median: scriptSizes.length ? median(scriptSizes.map((page) => page.bytes)) : 0,
      max: heaviestScript.bytes,
      maxPath: heaviestScript.path,
    },
  };
}

/** The output path a page's `src` or `href` points at (root-relative or relative to the page); external URLs point nowhere. */
export function outputPathOf(reference: string, pagePath: string): string {
  const path = reference.split(/[?#]/)[0]!;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) return '';
  return posix.normalize(path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(pagePath), path));
}

function posixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
