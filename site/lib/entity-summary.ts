import { isPlaceholderOwner, locationTargets, onlyLocations, sourceLinks } from '../../collectors/contract/helpers.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { githubProjectHref, INFERRED_TYPE_REASON, sourceLocationHref, toolAnnotations, type ToolAnnotation } from './annotations.ts';
import { relatedLink, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { profileString, specString } from './entity.ts';
import { safeWebHref } from './links.ts';
import type { ScorecardPanelView } from './scorecard-panel.ts';
import { repoOf, type CheckLink, type LevelRef, type ScorecardLink } from './standards.ts';

/** Kinds Backstage requires an owner of (`spec.owner`): for the others an owner is not missing. */
export const OWNED_KINDS: ReadonlySet<string> = new Set(['component', 'api', 'resource', 'system', 'domain', 'template']);

/** Who owns the entity: a team in the catalog, a ref the catalog does not hold, or nobody. */
export type OwnerStanding = { state: 'known'; link: EntityLink } | { state: 'notInCatalog'; link: EntityLink } | { state: 'none' };

/** An entity's level on one scorecard, as a badge beside its title. */
export interface LevelBadge {
  scorecard: ScorecardLink;
  level: LevelRef;
  /** `none`: below the first level; `top`: the highest; `some`: in between. */
  tone: 'none' | 'some' | 'top';
}

/** What would lift the entity to the next level of a scorecard: its failing checks, cheapest first. */
export interface NextStep {
  scorecard: ScorecardLink;
  level: LevelRef;
  checks: CheckLink[];
}

/** What a reader sees first on an entity page, before the details. */
export interface EntitySummary {
  levels: LevelBadge[];
  nextSteps: NextStep[];
  /** A User's or Group's `spec.profile.email`, linked when it reads as an address. */
  email?: { address: string; href?: string };
  /** Absent for kinds that have no owner (groups, users, locations). */
  owner?: OwnerStanding;
  source?: { href: string; text: string };
  lastCommit?: { hash: string; date: string; href?: string };
  latestRelease?: { name: string; date: string };
  tools: ToolAnnotation[];
  /** For an inferred Component: the type Cairn chose and why (`service`, `Dockerfile with EXPOSE 8080`). */
  inferredAs?: { type: string; reason: string };
  /** For an inferred entity whose repository has descriptors: the files, none of which gave an entity. */
  unloadedDescriptors?: string[];
  /** For an inferred entity whose repository has descriptors only below its root, which are not read: the first of them. */
  unreadDescriptors?: string[];
  /** For an inferred entity whose repository's descriptors are only Locations: the root file, how many, and their targets. */
  onlyLocations?: { file: string; count: number; targets: string[] };
}

/** Shapes the summary of one entity from the catalog and its scorecard panels. */
export function entitySummary(catalog: IndexedCatalog, entity: CatalogEntity, panels: readonly ScorecardPanelView[]): EntitySummary {
  const annotations = entity.metadata.annotations ?? {};
  const repo = repoOf(catalog, entity);
  const head = repo?.facts.head;
  const release = repo?.facts.releases?.[0];
  const webUrl = safeWebHref(repo?.webUrl);
  const owner = ownerStanding(catalog, entity);
  const email = profileEmail(entity);
  const source = sourceLink(annotations, webUrl);
  // The page adds its own full stop.
  const reason = annotations[INFERRED_TYPE_REASON]?.trim().replace(/\.+$/, '');
  const type = specString(entity, 'type');
  const commitHref = head && /^[0-9a-f]{7,64}$/i.test(head.commit) ? sourceLinks(webUrl, repo?.forge)?.commit(head.commit) : undefined;
  return {
    levels: panels.map((panel) => ({ scorecard: panel.scorecard, level: panel.level, tone: levelTone(panel.level, panel.levelCount) })),
    nextSteps: panels.flatMap((panel) =>
      panel.next && panel.next.checks.length > 0
        ? [{ scorecard: panel.scorecard, level: panel.next.level, checks: panel.next.checks }]
        : [],
    ),
    ...(owner ? { owner } : {}),
    ...(email ? { email } : {}),
    ...(source ? { source } : {}),
    ...(head
      ? {
          lastCommit: {
            hash: head.commit.slice(0, 7),
            date: head.date.slice(0, 10),
            ...(commitHref ? { href: commitHref } : {}),
          },
        }
      : {}),
    ...(release ? { latestRelease: { name: release.name, date: release.date.slice(0, 10) } } : {}),
    tools: toolAnnotations(annotations),
    ...(entity.inferred && reason && type ? { inferredAs: { type, reason } } : {}),
    ...(entity.inferred && repo?.facts.descriptors?.files.length ? inferredBeside(repo.facts.descriptors) : {}),
    ...(entity.inferred && repo?.facts.descriptors?.unread?.length ? { unreadDescriptors: repo.facts.descriptors.unread } : {}),
  };
}

/** One address, nothing a mail client would read as more (a second recipient, headers): else shown as text. */
const EMAIL = /^[^\s@<>"',;:?&%]+@[^\s@<>"',;:?&%/]+$/;

/** A User's or Group's e-mail address, as Backstage's profile cards show it. */
function profileEmail(entity: CatalogEntity): EntitySummary['email'] {
  const address = entity.kind === 'User' || entity.kind === 'Group' ? profileString(entity, 'email')?.trim() : undefined;
  if (!address) return undefined;
  return EMAIL.test(address) ? { address, href: `mailto:${address}` } : { address };
}

/** What an inferred entity's page says of the descriptors its repository does have. */
function inferredBeside(
  descriptors: NonNullable<NonNullable<ReturnType<typeof repoOf>>['facts']['descriptors']>,
): Pick<EntitySummary, 'unloadedDescriptors' | 'onlyLocations'> {
  const locations = onlyLocations(descriptors);
  if (!locations) return { unloadedDescriptors: descriptors.files };
  return {
    onlyLocations: { file: descriptors.files[0] ?? locations[0]!.file, count: locations.length, targets: locationTargets(locations) },
  };
}

/** `none` below the first level, `top` at the highest, `some` between. */
export function levelTone(level: LevelRef, levelCount: number): LevelBadge['tone'] {
  return level.rank === 0 ? 'none' : level.rank >= levelCount ? 'top' : 'some';
}

/**
 * The entity's owner: the catalog stage stores `spec.owner` as an `ownedBy` relation; the
 * placeholder of an inferred entity counts as no owner. Kinds without owners get none.
 */
export function ownerStanding(catalog: IndexedCatalog, entity: CatalogEntity): OwnerStanding | undefined {
  const owner = relatedLink(
    catalog,
    { ...entity, relations: entity.relations.filter((relation) => !isPlaceholderOwner(entity, relation.targetRef)) },
    'ownedBy',
  );
  if (owner) return owner.href ? { state: 'known', link: owner } : { state: 'notInCatalog', link: owner };
  return OWNED_KINDS.has(entity.kind.toLowerCase()) ? { state: 'none' } : undefined;
}

/**
 * Where the entity's code is, in Backstage's order: its `source-location` (`url:` only), its
 * `view-url`, its GitHub project slug, else the web UI of the repository it was found in.
 */
export function sourceLink(
  annotations: Readonly<Record<string, string>>,
  repoWebUrl: string | undefined,
): { href: string; text: string } | undefined {
  const href =
    sourceLocationHref(annotations['backstage.io/source-location']) ??
    safeWebHref(annotations['backstage.io/view-url']) ??
    githubProjectHref(annotations['github.com/project-slug']) ??
    safeWebHref(repoWebUrl);
  return href ? { href, text: linkText(href) } : undefined;
}

/** A URL as short text: host and path, without the scheme, query or trailing slash. */
export function linkText(href: string): string {
  const url = new URL(href);
  return `${url.host}${decodeURIComponentSafe(url.pathname).replace(/\/+$/, '')}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
