import { entityPath } from './paths.ts';
import { sourceLinks } from '../../collectors/contract/helpers.ts';
import type { CatalogEntity, DocNavItem, EntityDocs, RepoSnapshot } from '../../collectors/contract/snapshot.ts';
import { entityDisplayName, entityRouteParams } from './entity-ref.ts';
import { withBase } from './urls.ts';
import { docsHomeHref, docsPagePath } from './paths.ts';

/** An entry of the docs sidebar, its link under the site's base. */
export interface DocsNavLink {
  title: string;
  href?: string;
  current: boolean;
  children: DocsNavLink[];
}

/** Everything one rendered docs page shows. */
export interface DocsPageView {
  title: string;
  /** Whether this is the docs home (the breadcrumbs end at "Documentation"). */
  isHome: boolean;
  /** Whether the page's own HTML opens with a level-1 heading; else the layout shows the title as one. */
  hasTitleHeading: boolean;
  siteTitle: string;
  entity: { name: string; href: string };
  homeHref: string;
  /** The page's sanitized HTML (sanitized when collected). */
  html: string;
  nav: DocsNavLink[];
  /** Headings of level 2 and 3, for the table of contents. */
  toc: Array<{ depth: number; text: string; href: string }>;
  /** The Markdown in the repository's web UI, at the scanned commit. */
  sourceHref?: string;
  source: string;
  /** MkDocs syntax of the page that shows as written, for a notice. */
  unrendered: string[];
}

/** The route of one docs page: the entity's route plus the page's slug (`undefined` for the home page). */
export type DocsPageParams = ReturnType<typeof entityRouteParams> & { page: string | undefined };

/** The route of one docs asset (an image), below `docs/_assets/`. */
export type DocsAssetParams = ReturnType<typeof entityRouteParams> & { assets: '_assets'; asset: string };

/** Shapes one docs page of an entity: sidebar with the current page marked, table of contents, source link. */
export function docsPageView(docs: EntityDocs, entity: CatalogEntity, slug: string, repo: RepoSnapshot | undefined): DocsPageView {
  const page = docs.pages.find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`${docs.entityRef} has no docs page "${slug}".`);
  const commit = repo?.facts.head?.commit;
  const sourceHref = commit ? sourceLinks(repo?.webUrl, repo?.forge)?.file(commit, page.source) : undefined;
  const link = (item: DocNavItem): DocsNavLink => {
    const children = (item.children ?? []).map(link);
    const current = item.slug === slug;
    return {
      title: item.title,
      ...(item.slug !== undefined ? { href: withBase(docsPagePath(entity, item.slug)) } : {}),
      current,
      children,
    };
  };
  return {
    title: page.title,
    isHome: slug === '',
    hasTitleHeading: page.headings.some((heading) => heading.depth === 1),
    siteTitle: docs.title,
    entity: { name: entityDisplayName(entity), href: withBase(entityPath(entity)) },
    homeHref: docsHomeHref(entity),
    html: page.html,
    nav: docs.nav.map(link),
    toc: page.headings
      .filter((heading) => heading.depth === 2 || heading.depth === 3)
      .map((heading) => ({ depth: heading.depth, text: heading.text, href: `#${encodeURIComponent(heading.slug)}` })),
    ...(sourceHref ? { sourceHref } : {}),
    source: page.source,
    unrendered: page.unrendered ?? [],
  };
}

/** One route per page of each entity's docs. */
export function docsPageRoutes(
  allDocs: readonly EntityDocs[],
  entityOf: (ref: string) => CatalogEntity | undefined,
): Array<{ params: DocsPageParams; docs: EntityDocs; entity: CatalogEntity; slug: string }> {
  return allDocs.flatMap((docs) => {
    const entity = entityOf(docs.entityRef);
    if (!entity) return [];
    return docs.pages.map((page) => ({
      params: { ...entityRouteParams(entity), page: page.slug || undefined },
      docs,
      entity,
      slug: page.slug,
    }));
  });
}

/** One route per published asset of each entity's docs. */
export function docsAssetRoutes(
  allDocs: readonly EntityDocs[],
  entityOf: (ref: string) => CatalogEntity | undefined,
): Array<{ params: DocsAssetParams; mediaType: string; base64: string }> {
  return allDocs.flatMap((docs) => {
    const entity = entityOf(docs.entityRef);
    if (!entity) return [];
    return docs.assets
      .filter((asset) => asset.path.startsWith('_assets/'))
      .map((asset) => ({
        params: { ...entityRouteParams(entity), assets: '_assets' as const, asset: asset.path.slice('_assets/'.length) },
        mediaType: asset.mediaType,
        base64: asset.base64,
      }));
  });
}
