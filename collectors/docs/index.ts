import { createHash } from 'node:crypto';
import type { Problem } from '../contract/problems.ts';
import type { Facts } from '../facts/index.ts';
import type { DocRoot } from '../facts/docs-site/schema.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import type { RepoSnapshot } from '../contract/snapshot.ts';
import { annotatedBases, docsRepo, docsRootOf, type EntityDocsRoot } from './entity-roots.ts';
import { missingPathProblems } from './missing-paths.ts';
import { docsWorkerCount, renderSites, type SiteJob, type SiteOutcome } from './render-pool.ts';
import type { RenderedSite, SiteMode } from './render-site.ts';
import type { EntityDocs } from './schema.ts';
import { compareCodeUnits } from '../support/order.ts';

export interface DocsInput {
  entities: readonly CatalogEntity[];
  repos: readonly Pick<RepoSnapshot, 'name' | 'webUrl' | 'forge' | 'facts'>[];
  /** Sites rendered by earlier runs, by a key of everything rendering reads. */
  renderCache?: RenderCache;
  /** Worker threads rendering beside this thread (portal.yaml's `workers`); by default as `docsWorkerCount` decides. */
  workers?: number;
  /** `outlined`: no docs are made, only their problems are found (a verdict on one repository). */
  mode?: SiteMode;
}

/** Rendered docs sites kept between runs (store/render-cache.ts keeps them in files). */
export interface RenderCache {
  get(key: string): Promise<RenderedSite | undefined>;
  set(key: string, site: RenderedSite): Promise<void>;
}

/** A site some entity shows: what renders it, and, with a cache, its key there. */
interface PlannedSite {
  job: SiteJob;
  cacheKey?: string;
  outcome?: SiteOutcome;
  /** Its links and images to nothing, looked up once however many entities show it. */
  missing?: ReturnType<typeof missingPathProblems>;
}

/**
 * Each entity's repository docs, rendered. A docs site is rendered once per repository folder,
 * however many entities show it, and the sites not in the cache are rendered together, on every
 * CPU when they are many; whatever cannot be rendered is a problem on its entity, and the other
 * entities' docs are still published.
 */
export async function buildEntityDocs(input: DocsInput): Promise<{ docs: EntityDocs[]; problems: Problem[] }> {
  const repos = new Map(input.repos.map((repo) => [repo.name, repo]));
  const entitiesByRepo = Map.groupBy(input.entities, (entity) => docsRepo(entity));
  const sites = new Map<string, PlannedSite>();
  const planned: Array<{
    entity: CatalogEntity;
    repo: string;
    rootProblems: Problem[];
    shown?: { found: EntityDocsRoot; site: PlannedSite };
  }> = [];
  for (const entity of input.entities.toSorted((a, b) => compareCodeUnits(a.ref, b.ref))) {
    const name = docsRepo(entity);
    const repo = name === undefined ? undefined : repos.get(name);
    const sources = repo?.facts.docSources;
    if (!repo || !sources) continue;
    const claimed = annotatedBases(entitiesByRepo.get(repo.name) ?? []);
    const { found, problems: rootProblems } = docsRootOf(entity, sources.roots, claimed);
    if (!found) {
      planned.push({ entity, repo: repo.name, rootProblems });
      continue;
    }
    const key = `${repo.name}\0${found.root.base}`;
    let site = sites.get(key);
    if (!site) {
      const title = entity.metadata.title ?? entity.metadata.name;
      const commit = repo.facts.head?.commit;
      const job: SiteJob = {
        repo: repo.name,
        root: found.root,
        images: sources.images,
        ...(repo.webUrl && commit ? { links: { webUrl: repo.webUrl, ...(repo.forge ? { forge: repo.forge } : {}), commit } } : {}),
        // Only mkdocs sites can be included: a worker is sent no other root's pages.
        sites: [...sources.roots, ...(sources.included ?? [])].filter((root) => root.mkdocs),
        fallbackTitle: title,
        ...(input.mode ? { mode: input.mode } : {}),
      };
      site = { job, ...(input.renderCache ? { cacheKey: renderKey(found.root, sources, repo, title) } : {}) };
      sites.set(key, site);
    }
    planned.push({ entity, repo: repo.name, rootProblems, shown: { found, site } });
  }
  // Outlining reads no Markdown: it never pays for worker threads.
  const problems = await renderPlanned([...sites.values()], input.renderCache, input.mode === 'outlined' ? 0 : input.workers);

  const docs: EntityDocs[] = [];
  for (const { entity, repo, rootProblems, shown } of planned) {
    problems.push(...rootProblems);
    if (!shown) continue;
    const { found, site } = shown;
    const outcome = site.outcome!;
    if ('error' in outcome) {
      problems.push({
        severity: 'error',
        repo,
        entityRef: entity.ref,
        message: `Could not render the docs in ${found.root.docsDir}: ${outcome.error}`,
      });
      continue;
    }
    const { siteName, pages, nav, assets, problems: siteProblems } = outcome.site;
    site.missing ??= missingPathProblems(outcome.site.otherPaths, repos.get(repo)?.facts.files);
    problems.push(...[...siteProblems, ...site.missing].map((problem) => ({ ...problem, repo, entityRef: entity.ref })));
    if (input.mode === 'outlined') continue;
    if (pages.length === 0) {
      problems.push({
        severity: 'error',
        repo,
        entityRef: entity.ref,
        message: `The docs in ${found.root.docsDir} have no page that could be rendered.`,
      });
      continue;
    }
    docs.push({
      entityRef: entity.ref,
      repo,
      title: siteName ?? entity.metadata.title ?? entity.metadata.name,
      origin: found.origin,
      dir: found.root.docsDir,
      pages,
      nav,
      assets,
    });
  }
  return { docs, problems };
}

/**
 * Sets every site's outcome: from the cache, or rendered, and then kept there at once (a site that
 * fails to render is not kept; nor is one the cache fails to write, which only ever saves work).
 * Returns the warnings of render workers that stopped.
 */
async function renderPlanned(
  sites: PlannedSite[],
  cache: RenderCache | undefined,
  configuredWorkers: number | undefined,
): Promise<Problem[]> {
  await Promise.all(
    sites.map(async (site) => {
      const cached = cache && site.cacheKey ? await cache.get(site.cacheKey) : undefined;
      if (cached) site.outcome = { site: cached };
    }),
  );
  const toRender = sites.filter((site) => !site.outcome);
  const jobs = toRender.map((site) => site.job);
  const { outcomes, problems } = await renderSites(jobs, {
    workers: docsWorkerCount(jobs, configuredWorkers),
    onRendered: async (index, outcome) => {
      const { cacheKey } = toRender[index]!;
      if (cache && cacheKey && 'site' in outcome) await cache.set(cacheKey, outcome.site).catch(() => {});
    },
  });
  for (const [index, site] of toRender.entries()) site.outcome = outcomes[index]!;
  return problems;
}

/**
 * Everything a site's rendering reads: which root, the repository's docs sources (by their digest:
 * the root, the sites it may include, the images), where source links point (forge, web URL,
 * commit) and the fallback title.
 */
function renderKey(
  root: DocRoot,
  sources: NonNullable<Facts['docSources']>,
  repo: Pick<RepoSnapshot, 'webUrl' | 'forge' | 'facts'>,
  title: string,
): string {
  const inputs = [root.base, sources.digest, repo.webUrl ?? null, repo.forge ?? null, repo.facts.head?.commit ?? null, title];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}
