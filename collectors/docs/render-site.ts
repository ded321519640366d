import type { DocImage, DocRoot } from '../facts/doc-sources.ts';
import type { Problem } from '../problems.ts';
import { folderNav, humanize, mkdocsNav, type NavPage } from './nav.ts';
import { assetPathOf } from './paths.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { DocAsset, DocNavItem, DocPage } from './schema.ts';
import { planSite } from './site-plan.ts';
import { joinPath } from '../facts/doc-sources.ts';

/** A docs root rendered once; every entity that shows it gets the same pages. */
export interface RenderedSite {
  siteName?: string;
  pages: DocPage[];
  nav: DocNavItem[];
  assets: DocAsset[];
  /** Problems of the site, without the repository and entity they are then reported on. */
  problems: Array<Omit<Problem, 'repo' | 'entityRef'>>;
}

export interface SiteRepository {
  images: readonly DocImage[];
  /** `webUrl/blob/<commit>/`, when both are known. */
  blobBase?: string;
}

/**
 * Renders every page of one docs root (pages that fail are problems, the others still render),
 * then its navigation: mkdocs' nav when it has one, else the folder tree.
 */
export async function renderSite(root: DocRoot, repository: SiteRepository, fallbackTitle: string): Promise<RenderedSite> {
  const problems: RenderedSite['problems'] = [];
  if (root.mkdocs?.error) problems.push({ severity: 'warning', file: root.mkdocs.path, ...(root.mkdocs.error.line ? { line: root.mkdocs.error.line } : {}), message: `${root.mkdocs.error.message.replace(/\.?$/, '.')} The docs are shown with their folder tree as navigation.` });
  const nav = root.mkdocs?.error ? undefined : root.mkdocs?.nav;
  const order = flattenTargets(nav ?? []).flatMap((target) => joinPath(root.docsDir, target) ?? []);
  const plan = planSite(root, order);
  const images = new Map(repository.images.map((image) => [image.path, image]));
  const published = new Map<string, DocAsset>();
  const { blobBase } = repository;
  const pages: DocPage[] = [];
  for (const planned of plan.pages) {
    try {
      const rendered = await renderMarkdown(planned.text, {
        sourcePath: planned.source,
        pageSlug: planned.slug,
        pageOf: plan.pageOf,
        imageOf: (path) => images.get(path),
        ...(blobBase ? { webUrlOf: (path: string) => `${blobBase}${path.split('/').map(encodeURIComponent).join('/')}` } : {}),
        publish: (image) => published.set(image.path, { path: assetPathOf(image.path), mediaType: image.mediaType, base64: image.base64 }),
      });
      const title = rendered.title ?? (planned.slug === '' ? fallbackTitle : humanize(planned.source.slice(planned.source.lastIndexOf('/') + 1)));
      pages.push({ slug: planned.slug, title, source: planned.source, html: rendered.html, headings: rendered.headings });
    } catch (error) {
      problems.push({ severity: 'error', file: planned.source, message: `Could not render ${planned.source}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` });
    }
  }
  const navPages: NavPage[] = pages.map(({ slug, source, title }) => ({ slug, source, title }));
  const rendered = new Set(pages.map((page) => page.slug));
  const pageOf = (path: string) => {
    const slug = plan.pageOf(path);
    return slug !== undefined && rendered.has(slug) ? slug : undefined;
  };
  let navigation: DocNavItem[];
  if (nav && root.mkdocs) {
    const built = mkdocsNav(nav, { docsDir: root.docsDir, mkdocsPath: root.mkdocs.path, pages: navPages, pageOf });
    problems.push(...built.problems);
    navigation = built.nav;
  } else navigation = folderNav(navPages);
  return {
    ...(root.mkdocs?.siteName ? { siteName: root.mkdocs.siteName } : {}),
    pages,
    nav: navigation,
    assets: [...published.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    problems,
  };
}

function flattenTargets(entries: NonNullable<NonNullable<DocRoot['mkdocs']>['nav']>): string[] {
  return entries.flatMap((entry) => (entry.children ? flattenTargets(entry.children) : entry.target ? [entry.target] : []));
}
