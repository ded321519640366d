import type { DocImage, DocRoot } from '../facts/docs-site/schema.ts';
import type { Problem } from '../contract/problems.ts';
import { folderNav, humanize, mkdocsNav, type IncludedNav, type NavPage } from './nav.ts';
import { OutputPaths, outputPathProblems } from './paths.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { OtherPath } from './rewrite-references.ts';
import type { DocAsset, DocNavItem, DocPage } from './schema.ts';
import { planSite } from './site-plan.ts';
import { unrenderedSyntax } from './unrendered-syntax.ts';
import { joinPath } from '../support/repo-paths.ts';
import { compareCodeUnits } from '../support/order.ts';

/** A docs root rendered once; every entity that shows it gets the same pages. */
export interface RenderedSite {
  siteName?: string;
  pages: DocPage[];
  nav: DocNavItem[];
  assets: DocAsset[];
  /** Problems of the site, without the repository and entity they are then reported on. */
  problems: Array<Omit<Problem, 'repo' | 'entityRef'>>;
  /** The repository paths its pages name that are not its pages or images, for the caller to look up (`index.ts`). */
  otherPaths: Array<OtherPath & { source: string }>;
}

export interface SiteRepository {
  images: readonly DocImage[];
  /** A repository file in its web UI at the scanned commit, when both are known. */
  webUrlOf?: (path: string) => string;
  /** The docs site of a mkdocs.yml that a nav `!include`s (its repository path), when it was read. */
  siteOf?(mkdocsPath: string): DocRoot | undefined;
}

/** A site pulled in with `!include`, and where its pages are published. */
interface IncludedSite {
  mkdocsPath: string;
  prefix: string;
  site: DocRoot;
}

/**
 * How much of a site to make: `rendered`, every page's HTML; `outlined`, only what its problems need
 * (which pages there are, their navigation), for a verdict on one repository, which publishes no
 * docs: rendering is most of the time `cairn check` would take on a repository with docs.
 */
export type SiteMode = 'rendered' | 'outlined';

/**
 * Renders every page of one docs root (pages that fail are problems, the others still render),
 * then its navigation: mkdocs' nav when it has one, else the folder tree. Outlined, the site has
 * no pages or assets, and its navigation names pages by their file names.
 */
export async function renderSite(
  root: DocRoot,
  repository: SiteRepository,
  fallbackTitle: string,
  mode: SiteMode = 'rendered',
): Promise<RenderedSite> {
  const problems: RenderedSite['problems'] = [];
  if (root.mkdocs?.error)
    problems.push({
      severity: 'warning',
      file: root.mkdocs.path,
      ...(root.mkdocs.error.line ? { line: root.mkdocs.error.line } : {}),
      message: `${root.mkdocs.error.message.replace(/\.?$/, '.')} The docs are shown with their folder tree as navigation.`,
    });
  const nav = root.mkdocs?.error ? undefined : root.mkdocs?.nav;
  const order = flattenTargets(nav ?? []).flatMap((target) => joinPath(root.docsDir, target) ?? []);
  const includes =
    nav && root.mkdocs && repository.siteOf ? includedSites(root.mkdocs.path, nav, '', repository.siteOf, new Set([root.mkdocs.path])) : [];
  const plan = planSite(
    root,
    order,
    includes.map(({ prefix, site }) => ({ prefix, docsDir: site.docsDir, pages: site.pages })),
  );
  problems.push(...plan.problems);
  const images = new Map(repository.images.map((image) => [image.path, image]));
  const published = new Map<string, DocAsset>();
  // Images are published as files below `_assets/`, at paths unique ignoring case, in the order pages show them.
  const assetPaths = new OutputPaths({ files: true });
  const publish = (image: DocImage): string => {
    let asset = published.get(image.path);
    if (!asset) {
      asset = { path: `_assets/${assetPaths.place(image.path, image.path)}`, mediaType: image.mediaType, base64: image.base64 };
      published.set(image.path, asset);
    }
    return asset.path;
  };
  const pages: DocPage[] = [];
  const otherPaths: RenderedSite['otherPaths'] = [];
  const titleOf = (slug: string, source: string, rendered?: string) =>
    rendered ?? (slug === '' ? fallbackTitle : humanize(source.slice(source.lastIndexOf('/') + 1)));
  const outlined: NavPage[] = [];
  for (const planned of plan.pages) {
    if (mode === 'outlined') {
      outlined.push({ slug: planned.slug, source: planned.source, title: titleOf(planned.slug, planned.source) });
      continue;
    }
    try {
      const rendered = await renderMarkdown(planned.text, {
        sourcePath: planned.source,
        pageSlug: planned.slug,
        pageOf: plan.pageOf,
        imageOf: (path) => images.get(path),
        ...(repository.webUrlOf ? { webUrlOf: repository.webUrlOf } : {}),
        publish,
        onOtherPath: (other) => otherPaths.push({ source: planned.source, ...other }),
      });
      const title = titleOf(planned.slug, planned.source, rendered.title);
      const unrendered = unrenderedSyntax(planned.text);
      pages.push({
        slug: planned.slug,
        title,
        source: planned.source,
        html: rendered.html,
        headings: rendered.headings,
        ...(unrendered.length > 0 ? { unrendered } : {}),
      });
    } catch (error) {
      problems.push({
        severity: 'error',
        file: planned.source,
        message: `Could not render ${planned.source}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      });
    }
  }
  const navPages: NavPage[] = [...outlined, ...pages.map(({ slug, source, title }) => ({ slug, source, title }))];
  const rendered = new Set(navPages.map((page) => page.slug));
  const pageOf = (path: string) => {
    const slug = plan.pageOf(path);
    return slug !== undefined && rendered.has(slug) ? slug : undefined;
  };
  let navigation: DocNavItem[];
  if (nav && root.mkdocs) {
    const included = new Map(includes.map((include) => [include.mkdocsPath, include]));
    const includeOf = (mkdocsPath: string): IncludedNav | undefined => {
      const include = included.get(mkdocsPath);
      if (!include) return undefined;
      const sources = new Set(include.site.pages.map((page) => page.path));
      return {
        title: include.site.mkdocs?.siteName ?? include.prefix,
        docsDir: include.site.docsDir,
        mkdocsPath,
        ...(include.site.mkdocs?.nav ? { nav: include.site.mkdocs.nav } : {}),
        prefix: include.prefix,
        pages: navPages.filter(
          (page) => sources.has(page.source) && (page.slug === include.prefix || page.slug.startsWith(`${include.prefix}/`)),
        ),
      };
    };
    const navFile = root.mkdocs.literateNavFile;
    const folderOrder = navFile ? (folder: string) => literateOrder(root.pages, folder, navFile) : undefined;
    const built = mkdocsNav(nav, {
      docsDir: root.docsDir,
      mkdocsPath: root.mkdocs.path,
      pages: navPages,
      pageOf,
      includeOf,
      ...(folderOrder ? { folderOrder } : {}),
    });
    problems.push(...built.problems);
    navigation = built.nav;
  } else navigation = folderNav(navPages);
  problems.push(...outputPathProblems(assetPaths, 'file'));
  return {
    ...(root.mkdocs?.siteName ? { siteName: root.mkdocs.siteName } : {}),
    pages,
    nav: navigation,
    assets: [...published.values()].sort((a, b) => compareCodeUnits(a.path, b.path)),
    problems,
    otherPaths,
  };
}

/**
 * The sites a nav includes, nested includes too, each once (the first place wins), in nav order,
 * with the slug prefix mkdocs-monorepo-plugin gives them: their `site_name` as a path.
 */
function includedSites(
  mkdocsPath: string,
  nav: NonNullable<NonNullable<DocRoot['mkdocs']>['nav']>,
  parentPrefix: string,
  siteOf: (path: string) => DocRoot | undefined,
  seen: Set<string>,
): IncludedSite[] {
  const found: IncludedSite[] = [];
  const walk = (entries: typeof nav): void => {
    for (const entry of entries) {
      if (entry.children) walk(entry.children);
      if (entry.include === undefined || seen.has(entry.include)) continue;
      const site = siteOf(entry.include);
      if (!site?.mkdocs || site.mkdocs.error) continue;
      seen.add(entry.include);
      const alias = includeAlias(site.mkdocs.siteName, site.base);
      const prefix = parentPrefix ? `${parentPrefix}/${alias}` : alias;
      found.push({ mkdocsPath: entry.include, prefix, site });
      if (site.mkdocs.nav) found.push(...includedSites(entry.include, site.mkdocs.nav, prefix, siteOf, seen));
    }
  };
  walk(nav);
  return found.filter((include) => include.mkdocsPath !== mkdocsPath);
}

/**
 * Where mkdocs-monorepo-plugin publishes an included site: its `site_name` when that is a path of
 * letters, digits, `_`, `-` and `/`, else the name slugified; the folder's name when nothing is left.
 */
export function includeAlias(siteName: string | undefined, base: string): string {
  const slugify = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z\d]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const name = siteName?.trim() ?? '';
  const alias = /^[\w\-/]+$/.test(name)
    ? name
        .split('/')
        .filter((segment) => segment !== '')
        .join('/')
    : slugify(name);
  return alias || slugify(base.slice(base.lastIndexOf('/') + 1)) || 'included';
}

function flattenTargets(entries: NonNullable<NonNullable<DocRoot['mkdocs']>['nav']>): string[] {
  return entries.flatMap((entry) => (entry.children ? flattenTargets(entry.children) : entry.target ? [entry.target] : []));
}

/**
 * The pages a folder's literate-nav file links to (`- [Installation](installation.md)`), in its
 * order, as repository paths; undefined when the folder has no such file.
 */
export function literateOrder(pages: DocRoot['pages'], folder: string, navFile: string): string[] | undefined {
  const file = pages.find((page) => page.path === joinPath(folder, navFile));
  if (!file) return undefined;
  return [...file.text.matchAll(/^[ \t]*[-*+]\s+\[[^\]\n]*\]\(\s*([^)\s#?]+)[^)]*\)/gm)].flatMap(
    (match) => joinPath(folder, match[1]!) ?? [],
  );
}
