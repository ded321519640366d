import type { Guide } from '../../collectors/contract/snapshot.ts';
import { compareText, linkToRef, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { checkLink, type CheckLink, type IndexedStandards } from './standards.ts';
import { withBase } from './urls.ts';
import { guidePath } from './paths.ts';

export const STATUS_LABELS: Record<Guide['status'], string> = { recommended: 'Recommended', draft: 'Draft', deprecated: 'Deprecated' };

/** How many of the entities a guide applies to follow it. */
export interface AdoptionSummary {
  following: number;
  applicable: number;
  /** Whole percentage, or undefined when nothing applies. */
  percent?: number;
}

export function adoptionSummary(guide: Guide): AdoptionSummary {
  const applicable = guide.adoption.entities.length;
  const following = guide.adoption.entities.filter((entity) => entity.follows).length;
  return { following, applicable, ...(applicable ? { percent: Math.floor((following / applicable) * 100) } : {}) };
}

/** Guides in display order: by category, then `order` (unset last), then title. */
export function sortGuides(guides: readonly Guide[]): Guide[] {
  return guides.toSorted(
    (a, b) =>
      compareText(a.category, b.category) ||
      (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
      compareText(a.title, b.title) ||
      compareText(a.id, b.id),
  );
}

export interface GuideSummary {
  id: string;
  title: string;
  summary: string;
  href: string;
  status: Guide['status'];
  statusLabel: string;
  stale: boolean;
  reviewed: string;
  adoption: AdoptionSummary;
}

export function guideSummary(guide: Guide): GuideSummary {
  return {
    id: guide.id,
    title: guide.title,
    summary: guide.summary,
    href: withBase(guidePath(guide.id)),
    status: guide.status,
    statusLabel: STATUS_LABELS[guide.status],
    stale: guide.stale,
    reviewed: guide.reviewed,
    adoption: adoptionSummary(guide),
  };
}

/** The guides index: one group per category, in display order. */
export function guidesByCategory(guides: readonly Guide[]): Array<{ category: string; anchor: string; guides: GuideSummary[] }> {
  const groups = new Map<string, GuideSummary[]>();
  for (const guide of sortGuides(guides)) groups.set(guide.category, [...(groups.get(guide.category) ?? []), guideSummary(guide)]);
  return [...groups].map(([category, summaries]) => ({
    category,
    anchor: `category-${category
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`,
    guides: summaries,
  }));
}

/** The guides before and after `id` in its category, for prev/next links. */
export function neighbours(guides: readonly Guide[], id: string): { previous?: GuideSummary; next?: GuideSummary } {
  const guide = guides.find((candidate) => candidate.id === id);
  if (!guide) return {};
  const inCategory = sortGuides(guides).filter((candidate) => candidate.category === guide.category);
  const index = inCategory.findIndex((candidate) => candidate.id === id);
  const previous = inCategory[index - 1];
  const next = inCategory[index + 1];
  return { ...(previous ? { previous: guideSummary(previous) } : {}), ...(next ? { next: guideSummary(next) } : {}) };
}

/**
 * A guide's file below the content folder, `{path}` in portal.yaml's URL templates: every guide is
 * `guides/<id>.mdx` there, wherever the command that built the portal ran from.
 */
export function guideContentPath(guide: Pick<Guide, 'id'>): string {
  return `guides/${guide.id}.mdx`;
}

/**
 * Fills a URL template from portal.yaml: each `{name}` becomes its value, URL-encoded, except
 * `{path}`, whose slashes stay. Unknown placeholders are left as they are.
 */
export function fillUrlTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return name === 'path' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

/** A check a guide teaches, with its live pass rate across the entities the guide applies to. */
export interface GuideCheckView {
  check: CheckLink;
  applicable: number;
  passing: number;
  percent?: number;
}

export function guideChecks(guide: Guide, standards: IndexedStandards, only?: readonly string[]): GuideCheckView[] {
  const wanted = only ?? guide.checks;
  return wanted.map((id) => {
    const counts = guide.adoption.checks.find((check) => check.id === id) ?? { applicable: 0, passing: 0 };
    return {
      check: checkLink(standards, id),
      applicable: counts.applicable,
      passing: counts.passing,
      ...(counts.applicable ? { percent: Math.floor((counts.passing / counts.applicable) * 100) } : {}),
    };
  });
}

/** An entity that does not follow a guide yet, with the checks it misses. */
export interface Straggler {
  entity: EntityLink;
  missing: CheckLink[];
}

/** Who follows a guide and who does not, for `<Adoption/>` and `<Examples/>`. */
export interface AdoptionView extends AdoptionSummary {
  followers: EntityLink[];
  stragglers: Straggler[];
}

export function adoptionView(guide: Guide, catalog: IndexedCatalog, standards: IndexedStandards): AdoptionView {
  const byText = (a: { text: string }, b: { text: string }) => compareText(a.text, b.text);
  return {
    ...adoptionSummary(guide),
    followers: guide.adoption.entities
      .filter((entity) => entity.follows)
      .map((entity) => linkToRef(catalog, entity.entityRef))
      .sort(byText),
    stragglers: guide.adoption.entities
      .filter((entity) => !entity.follows)
      .map((entity) => ({ entity: linkToRef(catalog, entity.entityRef), missing: entity.missing.map((id) => checkLink(standards, id)) }))
      .sort((a, b) => a.missing.length - b.missing.length || byText(a.entity, b.entity)),
  };
}

/** The guide a page belongs to, from its URL (`<base>guides/<id>/`): MDX components get no other context. */
export function guideIdFromPath(pathname: string, base: string): string | undefined {
  const prefix = `${base.replace(/\/+$/, '')}/guides/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const id = pathname.slice(prefix.length).replace(/\/+$/, '');
  return id ? id.split('/').map(decodeURIComponent).join('/') : undefined;
}

/**
 * A link written in a guide: root-absolute site paths (`/checks/x/`) get the base path, which MDX
 * does not add; anything else is left as written.
 */
export function guideHref(href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? withBase(href) : href;
}
