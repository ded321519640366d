import type { MkdocsNavEntry } from '../facts/doc-sources.ts';
import { joinPath } from '../facts/doc-sources.ts';
import type { Problem } from '../problems.ts';
import type { DocNavItem } from './schema.ts';

/** A rendered page, as the navigation needs it. */
export interface NavPage {
  slug: string;
  source: string;
  title: string;
}

/**
 * mkdocs' `nav`, honoured: `page.md`, `Title: page.md`, nested sections. External URLs are left out
 * (the docs never link out from their navigation); an entry naming a missing page is a problem at
 * its line in mkdocs.yml. The home page is added first when the nav does not list it.
 */
export function mkdocsNav(entries: readonly MkdocsNavEntry[], context: { docsDir: string; mkdocsPath: string; pages: readonly NavPage[]; pageOf(path: string): string | undefined }): { nav: DocNavItem[]; problems: Array<Omit<Problem, 'repo' | 'entityRef'>> } {
  const problems: Array<Omit<Problem, 'repo' | 'entityRef'>> = [];
  const titles = new Map(context.pages.map((page) => [page.slug, page.title]));
  const convert = (items: readonly MkdocsNavEntry[]): DocNavItem[] =>
    items.flatMap((entry): DocNavItem[] => {
      if (entry.children) {
        const children = convert(entry.children);
        return children.length > 0 ? [{ title: entry.title ?? 'Section', children }] : [];
      }
      const target = entry.target ?? '';
      if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(target)) return [];
      const path = joinPath(context.docsDir, target);
      const slug = path === undefined ? undefined : context.pageOf(path);
      if (slug === undefined) {
        problems.push({ severity: 'warning', file: context.mkdocsPath, line: entry.line, message: `The nav entry "${entry.title ?? target}" points at ${target}, which is not a Markdown page in ${context.docsDir}.` });
        return [];
      }
      return [{ title: entry.title ?? titles.get(slug) ?? target, slug }];
    });
  const nav = convert(entries);
  return { nav: withHome(nav, context.pages), problems };
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
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
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
  const words = name.replace(/\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}
