import type { DocRoot } from '../facts/docs-site/schema.ts';
import type { Problem } from '../contract/problems.ts';
import { OutputPaths, outputPathProblems } from './paths.ts';
import { compareCodeUnits } from '../support/order.ts';

/** A page to render: its Markdown and where it is published. */
export interface PlannedPage {
  slug: string;
  /** Repository path of the Markdown. */
  source: string;
  text: string;
}

export interface SitePlan {
  /** Sorted by slug, the home page (`''`) first. */
  pages: PlannedPage[];
  /** The page each Markdown file (and each folder with a home page) is published as. */
  pageOf(path: string): string | undefined;
  /** Two files that would be published at one folder (one moved to a suffixed slug), naming both. */
  problems: Array<Omit<Problem, 'repo' | 'entityRef'>>;
}

const FOLDER_HOME = /^(index|readme)\.(md|markdown)$/i;
const EXTENSION = /\.(md|markdown)$/i;

/** The pages of a site included with mkdocs-monorepo-plugin's `!include`, published below `prefix`. */
export interface IncludedPages extends Pick<DocRoot, 'docsDir' | 'pages'> {
  /** Slug of the included docs' folder, e.g. `auth` (its home page's slug). */
  prefix: string;
}

/**
 * Slugs for a docs root's pages, mirroring the folder tree: `guide/setup.md` → `guide/setup`,
 * `guide/index.md` (else `guide/README.md`) → `guide`. Included sites' pages follow the same rule
 * below their prefix. The docs home (`''`) is `index.md` or `README.md` in the docs folder, else
 * the README beside the docs, else the first page of `order` (mkdocs' nav), else the first page by path.
 * Every page is a folder of the published site, so slugs are unique ignoring case and never a name
 * Windows reserves (`OutputPaths`): `docs/GUIDE/` beside `docs/guide/` is published as `GUIDE-2`,
 * and a problem names both files.
 */
export function planSite(
  root: Pick<DocRoot, 'docsDir' | 'pages' | 'readme'>,
  order: readonly string[] = [],
  includes: readonly IncludedPages[] = [],
): SitePlan {
  const paths = new OutputPaths();
  let hasHome = false;
  const bySource = new Map<string, string>();
  const byFolder = new Map<string, string>();
  const pages: PlannedPage[] = [];
  const homeFolders: Array<{ folder: string; source: string }> = [];
  for (const site of [{ ...root, prefix: '' }, ...includes]) {
    const pathPrefix = site.docsDir === '.' ? '' : `${site.docsDir}/`;
    const homes = folderHomes(site.pages.map((page) => page.path.slice(pathPrefix.length)));
    for (const page of site.pages) {
      // A page two sites share (overlapping docs folders) is published once, where it is met first.
      if (bySource.has(page.path)) continue;
      const relative = page.path.slice(pathPrefix.length);
      const slug = paths.place(joinSlug(site.prefix, slugOf(homes.has(relative) ? folderOf(relative) : relative)), page.path);
      if (slug === '') hasHome = true;
      bySource.set(page.path, slug);
      pages.push({ slug, source: page.path, text: page.text });
      if (homes.has(relative))
        homeFolders.push({ folder: `${pathPrefix}${folderOf(relative)}`.replace(/\/$/, '') || '.', source: page.path });
    }
  }
  if (!hasHome) {
    const readme = root.readme && !bySource.has(root.readme.path) ? root.readme : undefined;
    if (readme) {
      pages.push({ slug: '', source: readme.path, text: readme.text });
      bySource.set(readme.path, '');
    } else {
      const first = order.find((path) => bySource.has(path)) ?? pages.map((page) => page.source).sort()[0];
      const home = pages.find((page) => page.source === first);
      if (home) {
        home.slug = '';
        bySource.set(home.source, '');
      }
    }
  }
  for (const { folder, source } of homeFolders) {
    const slug = bySource.get(source);
    if (slug !== undefined && !byFolder.has(folder)) byFolder.set(folder, slug);
  }
  pages.sort((a, b) => (a.slug === '' ? -1 : b.slug === '' ? 1 : compareCodeUnits(a.slug, b.slug)));
  return {
    pages,
    pageOf: (path) => bySource.get(path) ?? byFolder.get(path.replace(/\/$/, '') || '.'),
    problems: outputPathProblems(paths, 'folder'),
  };
}

/** Per folder, the file that is its home page: `index.md` before `README.md`. */
function folderHomes(paths: readonly string[]): Set<string> {
  const homes = new Map<string, string>();
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!FOLDER_HOME.test(name)) continue;
    const folder = folderOf(path);
    const current = homes.get(folder);
    if (!current || (/^index\./i.test(name) && !/^index\./i.test(current.slice(current.lastIndexOf('/') + 1)))) homes.set(folder, path);
  }
  return new Set(homes.values());
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** URL-safe segments: what a file name has beyond letters, digits, `.`, `_` and `-` becomes `-`. */
function slugOf(relative: string): string {
  if (relative === '') return '';
  return relative
    .replace(EXTENSION, '')
    .split('/')
    .map((segment) => segment.replace(/[^\w.-]+/g, '-').replace(/^\.+/, '') || '-')
    .join('/');
}

function joinSlug(prefix: string, slug: string): string {
  return prefix && slug ? `${prefix}/${slug}` : prefix || slug;
}
