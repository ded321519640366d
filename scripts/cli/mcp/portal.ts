import type { CatalogEntity, Guide, RepoSnapshot, Snapshot } from '../../../collectors/contract/snapshot.ts';
import { indexCatalog, type IndexedCatalog } from '../../../site/lib/catalog.ts';
import { sortGuides } from '../../../site/lib/guides.ts';
import { indexStandards, type IndexedStandards } from '../../../site/lib/standards.ts';
import type { Judge } from '../judge.ts';

/**
 * One portal as `cairn mcp` serves it, whether read from a snapshot on disk or fetched from a
 * published portal: the same indexes the site's pages are shaped from, so an answer says what the
 * page says.
 */
export interface McpPortal {
  title: string;
  generatedAt: string;
  /** Where the data comes from, in words: the snapshot file, or the portal's URL. */
  origin: string;
  /** The portal's root URL, ending in `/`, when known: answers link to its pages. */
  portalUrl?: string;
  catalog: IndexedCatalog;
  standards: IndexedStandards;
  /** The golden-path guides, in the guides index's order. */
  guides: readonly Guide[];
  /** Whether the guides carry their adoption: a snapshot's do, a published portal publishes none. */
  adoptionKnown: boolean;
  /** Refs of the entities whose repository docs the portal renders. */
  documented: ReadonlySet<string>;
  /** A guide's body when it can be read: the MDX of its file, or Markdown as a published portal has it. */
  guideBody(id: string): Promise<GuideBody | undefined>;
  /** What `check_repository` judges with: the standards this portal judged its entities with. */
  judge(): Promise<Judge>;
  /** A snapshot of the whole catalog for `check_repository`, so owners and systems resolve (`cairn check --catalog`). */
  catalogSnapshot?: string;
}

/** A guide's body: its file's MDX (without frontmatter), or the Markdown a published portal gives. */
export type GuideBody = { mdx: string } | { markdown: string };

/** What both sources give, before indexing. */
export interface PortalParts {
  title: string;
  generatedAt: string;
  origin: string;
  portalUrl?: string | undefined;
  entities: readonly CatalogEntity[];
  repos: readonly RepoSnapshot[];
  problems: Snapshot['problems'];
  checks: Snapshot['checks'];
  scorecards: Snapshot['scorecards'];
  results: Snapshot['results'];
  guides: readonly Guide[];
  adoptionKnown: boolean;
  documented: ReadonlySet<string>;
  guideBody(id: string): Promise<GuideBody | undefined>;
  judge(): Promise<Judge>;
  catalogSnapshot?: string | undefined;
}

/** Indexes a portal's data once, as the site does for every page. */
export function indexPortal(parts: PortalParts): McpPortal {
  const { portalUrl, catalogSnapshot } = parts;
  return {
    title: parts.title,
    generatedAt: parts.generatedAt,
    origin: parts.origin,
    ...(portalUrl ? { portalUrl } : {}),
    catalog: indexCatalog({ entities: [...parts.entities], repos: [...parts.repos], problems: parts.problems }),
    standards: indexStandards({ checks: parts.checks, scorecards: parts.scorecards, results: parts.results, guides: [...parts.guides] }),
    guides: sortGuides(parts.guides),
    adoptionKnown: parts.adoptionKnown,
    documented: parts.documented,
    guideBody: parts.guideBody,
    judge: parts.judge,
    ...(catalogSnapshot ? { catalogSnapshot } : {}),
  };
}

/** A site path (`catalog/default/component/x/`) as a link on the portal, when its URL is known. */
export function portalLink(portal: Pick<McpPortal, 'portalUrl'>, path: string): string | undefined {
  return portal.portalUrl ? new URL(path.replace(/^\/+/, ''), portal.portalUrl).href : undefined;
}

/**
 * An href the site's views made (root-relative: outside Vite their base is `/`) as a link on the
 * portal, when its URL is known.
 */
export function viewLink(portal: Pick<McpPortal, 'portalUrl'>, href: string | undefined): string | undefined {
  return href === undefined ? undefined : portalLink(portal, href);
}

/** The portal's root URL for `site` (an absolute URL) and `base` (a path), ending in `/`. */
export function portalRoot(site: string, base = '/'): string {
  return new URL(base.endsWith('/') ? base : `${base}/`, site).href;
}
