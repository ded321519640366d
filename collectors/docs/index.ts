import { createHash } from 'node:crypto';
import type { Problem } from '../contract/problems.ts';
import type { Facts } from '../facts/index.ts';
import type { DocRoot } from '../facts/docs-site/schema.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import type { RepoSnapshot } from '../contract/snapshot.ts';
import { sourceLinks } from '../support/source-links.ts';
import { annotatedBases, docsRootOf } from './entity-roots.ts';
import { renderSite, type RenderedSite } from './render-site.ts';
import type { EntityDocs } from './schema.ts';
import { compareCodeUnits } from '../support/order.ts';

export interface DocsInput {
  entities: readonly CatalogEntity[];
  repos: readonly Pick<RepoSnapshot, 'name' | 'webUrl' | 'forge' | 'facts'>[];
  /** Sites rendered by earlier runs, by a key of everything rendering reads. */
  renderCache?: RenderCache;
}

/** Rendered docs sites kept between runs (store/render-cache.ts keeps them in files). */
export interface RenderCache {
  get(key: string): Promise<RenderedSite | undefined>;
  set(key: string, site: RenderedSite): Promise<void>;
}

/**
 * Each entity's repository docs, rendered. A docs site is rendered once per repository folder,
 * however many entities show it; whatever cannot be rendered is a problem on its entity, and the
 * other entities' docs are still published.
 */
export async function buildEntityDocs(input: DocsInput): Promise<{ docs: EntityDocs[]; problems: Problem[] }> {
  const repos = new Map(input.repos.map((repo) => [repo.name, repo]));
  const entitiesByRepo = Map.groupBy(input.entities, (entity) => entity.source.repo);
  const rendered = new Map<string, Promise<RenderedSite>>();
  const docs: EntityDocs[] = [];
  const problems: Problem[] = [];
  const entities = input.entities.toSorted((a, b) => compareCodeUnits(a.ref, b.ref));
  for (const entity of entities) {
    const repo = entity.source.repo === undefined ? undefined : repos.get(entity.source.repo);
    const sources = repo?.facts.docSources;
    if (!repo || !sources) continue;
    const claimed = annotatedBases(entitiesByRepo.get(repo.name) ?? []);
    const { found, problems: rootProblems } = docsRootOf(entity, sources.roots, claimed);
    problems.push(...rootProblems);
    if (!found) continue;
    const title = entity.metadata.title ?? entity.metadata.name;
    const key = `${repo.name}\0${found.root.base}`;
    let site = rendered.get(key);
    if (!site) {
      const commit = repo.facts.head?.commit;
      const links = commit ? sourceLinks(repo.webUrl, repo.forge) : undefined;
      const sites = new Map(
        [...sources.roots, ...(sources.included ?? [])].flatMap((root) => (root.mkdocs ? [[root.mkdocs.path, root] as const] : [])),
      );
      const render = () =>
        renderSite(
          found.root,
          {
            images: sources.images,
            ...(links && commit ? { webUrlOf: (path: string) => links.file(commit, path) } : {}),
            siteOf: (path) => sites.get(path),
          },
          title,
        );
      site = input.renderCache ? cachedRender(input.renderCache, renderKey(found.root, sources, repo, title), render) : render();
      rendered.set(key, site);
    }
    try {
      const { siteName, pages, nav, assets, problems: siteProblems } = await site;
      problems.push(...siteProblems.map((problem) => ({ ...problem, repo: repo.name, entityRef: entity.ref })));
      if (pages.length === 0) {
        problems.push({
          severity: 'error',
          repo: repo.name,
          entityRef: entity.ref,
          message: `The docs in ${found.root.docsDir} have no page that could be rendered.`,
        });
        continue;
      }
      docs.push({
        entityRef: entity.ref,
        repo: repo.name,
        title: siteName ?? title,
        origin: found.origin,
        dir: found.root.docsDir,
        pages,
        nav,
        assets,
      });
    } catch (error) {
      problems.push({
        severity: 'error',
        repo: repo.name,
        entityRef: entity.ref,
        message: `Could not render the docs in ${found.root.docsDir}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      });
    }
  }
  return { docs, problems };
}

/**
 * Everything a site's rendering reads: the root and the sites it may include, the repository's
 * images, where source links point (forge, web URL, commit) and the fallback title. Hashed: the
 * images alone may be megabytes.
 */
function renderKey(
  root: DocRoot,
  sources: NonNullable<Facts['docSources']>,
  repo: Pick<RepoSnapshot, 'webUrl' | 'forge' | 'facts'>,
  title: string,
): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([root, sources.included ?? [], repo.webUrl ?? null, repo.forge ?? null, repo.facts.head?.commit ?? null, title]),
  );
  for (const image of sources.images)
    hash.update('\0').update(image.path).update('\0').update(image.mediaType).update('\0').update(image.base64);
  return hash.digest('hex');
}

/** A site from the cache, or rendered and kept; a site that fails to render is not kept. */
async function cachedRender(cache: RenderCache, key: string, render: () => Promise<RenderedSite>): Promise<RenderedSite> {
  const cached = await cache.get(key);
  if (cached) return cached;
  const site = await render();
  await cache.set(key, site);
  return site;
}
