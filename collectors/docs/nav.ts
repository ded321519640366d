import type { MkdocsNavEntry } from '../facts/docs-site/schema.ts';
import { joinPath } from '../support/repo-paths.ts';
import type { Problem } from '../contract/problems.ts';
import type { DocNavItem } from './schema.ts';
import { compareCodeUnits } from '../support/order.ts';

/** A rendered page, as the navigation needs it. */
export interface NavPage {
  slug: string;
  source: string;
  title: string;
}

/** A docs site pulled into the navigation by mkdocs-monorepo-plugin's `!include`. */
export interface IncludedNav {
  /** Its `site_name`: the section title when the including entry has none. */
  title: string;
  docsDir: string;
  mkdocsPath: string;
  nav?: readonly MkdocsNavEntry[];
  /** Slug its pages are published below. */
  prefix: string;
  /** Its rendered pages (slugs start with `prefix`). */
  pages: readonly NavPage[];
}

/**
 * mkdocs' `nav`, honoured: `page.md`, `Title: page.md`, nested sections, and mkdocs-monorepo-plugin's
 * `Title: '!include ./sub/mkdocs.yml'`, which becomes a section holding the included site's own nav
 * (or its folder tree when it has none), linked to its home page. External URLs are left out
 * (the docs never link out from their navigation); an entry naming a missing page is a problem at
 * its line in the mkdocs.yml that lists it. The home page is added first when the nav does not list it.
 */
export function mkdocsNav(
  entries: readonly MkdocsNavEntry[],
  context: {
    docsDir: string;
    mkdocsPath: string;
    pages: readonly NavPage[];
    pageOf(path: string): string | undefined;
    includeOf?(mkdocsPath: string): IncludedNav | undefined;
    /** The pages of a folder (repository paths) in the order its literate-nav file lists them, when it has one. */
    folderOrder?(folder: string): readonly string[] | undefined;
  },
): { nav: DocNavItem[]; problems: Array<Omit<Problem, 'repo' | 'entityRef'>> } {
  const problems: Array<Omit<Problem, 'repo' | 'entityRef'>> = [];
  const titles = new Map(context.pages.map((page) => [page.slug, page.title]));
  // Every page carries the navigation, so its size is bounded: each site is included once, and
  // the entries stop at MAX_NAV_ITEMS.
  const includedAlready = new Set<string>();
  let itemsLeft = MAX_NAV_ITEMS;
  let missing = 0;
  const convert = (
    items: readonly MkdocsNavEntry[],
    site: { docsDir: string; mkdocsPath: string },
    trail: readonly string[],
  ): DocNavItem[] =>
    items.flatMap((entry): DocNavItem[] => {
      if (itemsLeft-- === 0)
        problems.push({
          severity: 'warning',
          file: site.mkdocsPath,
          line: entry.line,
          message: `The navigation stops here: it has more than ${MAX_NAV_ITEMS} entries, the most Cairn publishes on every page of a docs site.`,
        });
      if (itemsLeft < 0) return [];
      if (entry.children) {
        const children = convert(entry.children, site, trail);
        const [first, ...rest] = children;
        if (!first) return [];
        if (entry.title) return [{ title: entry.title, children }];
        // An untitled section (`- "":`) is its first page, as Material for MkDocs' navigation.indexes makes it of an index page.
        return first.slug !== undefined && !first.children
          ? [{ title: first.title, slug: first.slug, ...(rest.length > 0 ? { children: rest } : {}) }]
          : [{ title: first.title, children }];
      }
      if (entry.include !== undefined) {
        // The retriever has already reported and dropped loops; the trail only guarantees an end.
        const included = trail.includes(entry.include) ? undefined : context.includeOf?.(entry.include);
        if (!included) return [];
        if (includedAlready.has(included.mkdocsPath)) {
          problems.push({
            severity: 'warning',
            file: site.mkdocsPath,
            line: entry.line,
            message: `${included.mkdocsPath} is included in this navigation more than once; it is shown where it is first included.`,
          });
          return [];
        }
        includedAlready.add(included.mkdocsPath);
        const children = included.nav
          ? convert(included.nav, included, [...trail, entry.include])
          : prefixedFolderNav(included.pages, included.prefix);
        const home =
          included.pages.some((page) => page.slug === included.prefix) && !containsSlug(children, included.prefix)
            ? { slug: included.prefix }
            : {};
        return children.length > 0 || 'slug' in home
          ? [{ title: entry.title ?? included.title, ...home, ...(children.length > 0 ? { children } : {}) }]
          : [];
      }
      const target = entry.target ?? '';
      if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(target)) return [];
      const path = joinPath(site.docsDir, target);
      // A folder (`User Guide: user-guide/`, as mkdocs-literate-nav and awesome-pages read it): its pages, as a folder tree.
      const folder =
        path !== undefined && target.endsWith('/')
          ? folderSection(entry.title, path, context.pages, context.pageOf(path), context.folderOrder?.(path))
          : undefined;
      if (folder) return [folder];
      const slug = path === undefined ? undefined : context.pageOf(path);
      if (slug === undefined) {
        if (++missing <= MAX_NAMED_MISSING_ENTRIES)
          problems.push({
            severity: 'warning',
            file: site.mkdocsPath,
            line: entry.line,
            message: `The nav entry "${entry.title ?? target}" points at ${target}, which is not a Markdown page in ${site.docsDir}.`,
          });
        return [];
      }
      return [{ title: entry.title ?? titles.get(slug) ?? target, slug }];
    });
  const nav = convert(entries, context, [context.mkdocsPath]);
  if (missing > MAX_NAMED_MISSING_ENTRIES)
    problems.push({
      severity: 'warning',
      file: context.mkdocsPath,
      message: `${missing - MAX_NAMED_MISSING_ENTRIES} more nav entries point at pages that are not there.`,
    });
  return { nav: withHome(nav, context.pages), problems };
}

/** Entries (pages and sections) of a docs site's navigation, which every one of its pages carries. */
export const MAX_NAV_ITEMS = 500;
/** Nav entries naming a missing page that are reported one by one; the rest are counted. */
const MAX_NAMED_MISSING_ENTRIES = 20;

/**
 * A nav entry naming a folder of pages (`docs/user-guide`): a section of its pages as a folder tree,
 * titled by the entry and linked to the folder's home page (`index.md`, `README.md`) when it has one.
 */
function folderSection(
  title: string | undefined,
  folder: string,
  pages: readonly NavPage[],
  homeSlug: string | undefined,
  order: readonly string[] = [],
): DocNavItem | undefined {
  const inside = pages.filter((page) => page.source.startsWith(`${folder.replace(/\/$/, '')}/`));
  if (inside.length === 0) return undefined;
  // The folder's slug: its home page's (the site plan publishes a folder at it), else what the slugs of its pages share.
  const home = homeSlug === undefined ? undefined : inside.find((page) => page.slug === homeSlug);
  let shared = inside[0]!.slug.split('/').slice(0, inside.length === 1 ? -1 : undefined);
  for (const page of inside.slice(1)) {
    const segments = page.slug.split('/');
    const same = shared.findIndex((segment, index) => segments[index] !== segment);
    if (same !== -1) shared = shared.slice(0, same);
  }
  const prefix = home?.slug ?? shared.join('/');
  if (prefix === '') return undefined;
  const [first, ...unordered] = prefixedFolderNav(pages, prefix);
  if (!first) return undefined;
  // Pages its literate-nav file lists come in that order, the others after them as they were.
  const listed = new Map(order.map((source, index) => [source, index]));
  const sources = new Map(pages.map((page) => [page.slug, page.source]));
  const rank = (item: DocNavItem) => (item.slug === undefined ? undefined : listed.get(sources.get(item.slug) ?? '')) ?? order.length;
  const rest = unordered
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
  const name = title || (home?.title ?? humanize(prefix.slice(prefix.lastIndexOf('/') + 1)));
  return first.slug === prefix && !first.children
    ? { title: name, slug: prefix, ...(rest.length > 0 ? { children: rest } : {}) }
    : { title: name, children: [first, ...rest] };
}

/** The folder tree of an included site's pages (slugs below `prefix`), its home page first. */
function prefixedFolderNav(pages: readonly NavPage[], prefix: string): DocNavItem[] {
  const below = pages.flatMap((page) =>
    page.slug === prefix
      ? [{ ...page, slug: '' }]
      : page.slug.startsWith(`${prefix}/`)
        ? [{ ...page, slug: page.slug.slice(prefix.length + 1) }]
        : [],
  );
  const withPrefix = (items: DocNavItem[]): DocNavItem[] =>
    items.map((item) => ({
      ...item,
      ...(item.slug !== undefined ? { slug: item.slug ? `${prefix}/${item.slug}` : prefix } : {}),
      ...(item.children ? { children: withPrefix(item.children) } : {}),
    }));
  return withPrefix(folderNav(below));
}

/**
 * The folder tree as navigation: the home page first, then each folder's pages by path, a folder
 * being a section titled by its home page (`index.md`/`README.md`) or its name.
 */
export function folderNav(pages: readonly NavPage[]): DocNavItem[] {
  interface Folder {
    items: Map<string, { page?: NavPage; folder?: Folder }>;
  }
  const root: Folder = { items: new Map() };
  for (const page of pages) {
    if (page.slug === '') continue;
    // Folders come from the slug, so a folder's home page (`guide/index.md` → `guide`) lands on its folder.
    const segments = page.slug.split('/');
    let folder = root;
    for (const segment of segments.slice(0, -1)) {
      const entry = folder.items.get(segment) ?? {};
      entry.folder ??= { items: new Map() };
      folder.items.set(segment, entry);
      folder = entry.folder;
    }
    const name = segments.at(-1)!;
    const entry = folder.items.get(name) ?? {};
    entry.page = page;
    folder.items.set(name, entry);
  }
  const convert = (folder: Folder): DocNavItem[] =>
    [...folder.items.entries()]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([name, entry]): DocNavItem => {
        const children = entry.folder ? convert(entry.folder) : undefined;
        const title = entry.page?.title ?? humanize(name);
        return { title, ...(entry.page ? { slug: entry.page.slug } : {}), ...(children ? { children } : {}) };
      });
  return withHome(convert(root), pages);
}

function withHome(nav: DocNavItem[], pages: readonly NavPage[]): DocNavItem[] {
  const home = pages.find((page) => page.slug === '');
  if (!home || containsSlug(nav, '')) return nav;
  return [{ title: home.title, slug: '' }, ...nav];
}

function containsSlug(items: readonly DocNavItem[], slug: string): boolean {
  return items.some((item) => item.slug === slug || containsSlug(item.children ?? [], slug));
}

/** `getting-started` → `Getting started`: a title for a page without a heading. */
export function humanize(name: string): string {
  const words = name
    .replace(/\.(md|markdown)$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}
