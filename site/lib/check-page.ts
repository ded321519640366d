import { checkPath } from './paths.ts';
import { CHECK_CATEGORY_TITLES } from '../../collectors/contract/helpers.ts';
import type { CheckCategory, CheckMetadata, Guide } from '../../collectors/contract/snapshot.ts';
import { compareText, groupBy, linkToRef, ownerRefOf, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { safeWebHref } from './links.ts';
import { PAGE_SIZE, paginate, paginationView, type PaginationView } from './pagination.ts';
import {
  checkStatus,
  evidenceView,
  formatScore,
  levelRef,
  evidenceRepos,
  scorecardLink,
  type CheckEvaluation,
  type CheckStatus,
  type Effort,
  type EvidenceView,
  type ScorecardLink,
  type IndexedStandards,
} from './standards.ts';
import { withBase } from './urls.ts';

/** Check categories as headings, in the order the checks index shows them. */

const CATEGORY_ORDER = Object.keys(CHECK_CATEGORY_TITLES) as CheckCategory[];

export const SOURCE_LABELS: Record<CheckMetadata['source'], string> = { builtin: 'Built-in', custom: 'Custom' };

/**
 * How often a check passes where it applies. `percent` is absent when it applied nowhere. `byGuide`:
 * no scorecard uses the check, and the figures are those of the guide that teaches it.
 */
export interface PassRate {
  passes: number;
  applicable: number;
  percent?: string;
  byGuide?: { text: string; href: string };
}

/**
 * Passes over applicable evaluations, across every scorecard that uses the check: an entity on two
 * such scorecards counts twice (their options may differ). Only real passes count, not exemptions;
 * `notApplicable` is left out and `error` counts as not passing.
 */
export function passRate(evaluations: readonly CheckEvaluation[]): PassRate {
  const applicable = evaluations.filter(({ check }) => check.outcome !== 'notApplicable');
  return counted(applicable.filter(({ check }) => check.outcome === 'pass').length, applicable.length);
}

/** Rounded down, as scores and adoption are: 29 of 44 is 65%, not 66%, on every page. */
function counted(passes: number, applicable: number): PassRate {
  return { passes, applicable, ...(applicable > 0 ? { percent: formatScore(passes / applicable) } : {}) };
}

/**
 * A check's pass rate: across the scorecards that use it; for a check no scorecard uses, as the
 * guide teaching it counts it ({@link measuringGuide}), so the check's page agrees with that guide.
 */
export function checkPassRate(standards: IndexedStandards, check: CheckMetadata): PassRate {
  const measuring = measuringGuide(standards, check);
  if (!measuring) return passRate(standards.evaluationsByCheck.get(check.id) ?? []);
  return { ...counted(measuring.counts.passing, measuring.counts.applicable), byGuide: guideReference(measuring.guide) };
}

/**
 * For a check no scorecard has (applying to nothing still counts as having it), the guide whose
 * adoption measures it: the one its "how to fix" links to (a recommended guide before a draft),
 * else the first by id. One guide, so no service is counted twice.
 */
function measuringGuide(
  standards: IndexedStandards,
  check: CheckMetadata,
): { guide: Guide; counts: { passing: number; applicable: number } } | undefined {
  if (standards.scorecards.some((scorecard) => scorecard.levels.some((level) => level.checks.some((entry) => entry.id === check.id))))
    return undefined;
  const measuring = [...standards.guidesById.values()]
    .flatMap((guide) => {
      const counts = guide.adoption.checks.find((entry) => entry.id === check.id);
      return counts ? [{ guide, counts }] : [];
    })
    .sort((a, b) => compareText(a.guide.id, b.guide.id));
  const taught = check.guide?.split('#')[0];
  return measuring.find(({ guide }) => guide.id === taught) ?? measuring[0];
}

function guideReference(guide: Guide): { text: string; href: string } {
  return { text: guide.title, href: withBase(`guides/${guide.id}/`) };
}

/**
 * For a check no scorecard uses, the services its guide counts as not passing it: how many, and
 * the first {@link PAGE_SIZE} by name (the guide's page lists them all).
 */
export interface GuideFailing {
  guide: { text: string; href: string };
  count: number;
  entities: EntityLink[];
}

function guideFailing(catalog: IndexedCatalog, standards: IndexedStandards, check: CheckMetadata): GuideFailing | undefined {
  const measuring = measuringGuide(standards, check);
  if (!measuring) return undefined;
  const entities = measuring.guide.adoption.entities
    .filter((entity) => entity.missing.includes(check.id))
    .map((entity) => linkToRef(catalog, entity.entityRef))
    .sort((a, b) => compareText(a.text, b.text) || compareText(a.ref, b.ref));
  return { guide: guideReference(measuring.guide), count: entities.length, entities: entities.slice(0, PAGE_SIZE) };
}

/** A check on the checks index. */
export interface CheckSummary {
  id: string;
  title: string;
  description: string;
  effort: Effort;
  source: string;
  href: string;
  passRate: PassRate;
}

/** The checks of one category. */
export interface CheckCategoryGroup {
  category: CheckCategory;
  title: string;
  checks: CheckSummary[];
}

/** Every check grouped by category, categories in {@link CHECK_CATEGORY_TITLES} order, checks by title. */
export function checksByCategory(standards: IndexedStandards): CheckCategoryGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    title: CHECK_CATEGORY_TITLES[category],
    checks: standards.checks
      .filter((check) => check.category === category)
      .map((check) => ({
        id: check.id,
        title: check.title,
        description: check.description,
        effort: check.effort,
        source: SOURCE_LABELS[check.source],
        href: withBase(checkPath(check.id)),
        passRate: checkPassRate(standards, check),
      })),
  })).filter((group) => group.checks.length > 0);
}

/** An entity where the check does not pass, with the scorecards on which it said the same. */
export interface FailingEntity {
  entity: EntityLink;
  scorecards: ScorecardLink[];
  status: CheckStatus;
  message: string;
  evidence: EvidenceView[];
}

/** How many of one owner's entities the check applies to, and fails on; `owner` is absent for entities without one. */
export interface FailingByOwner {
  owner?: EntityLink;
  failing: number;
  applicable: number;
}

/** The entities failing a check: how many, by owner, and one page of them. */
export interface FailingSection {
  /** Entities where the check fails on at least one scorecard. */
  entities: number;
  /** Owners with a failing entity, the most failing first. */
  byOwner: FailingByOwner[];
  /** The scorecards, when every row is on the same ones: the table then names them once, in its caption, not on each row. */
  sharedScorecards?: ScorecardLink[];
  /** The status, when every row has the same: the caption says it, and the table has no outcome column. */
  sharedStatus?: CheckStatus;
  /**
   * The message, when every row has the same and no evidence (a check whose failure reads the same
   * everywhere: no SECURITY.md): said once above the table, which then has no message column.
   */
  sharedMessage?: string;
  rows: FailingEntity[];
  pagination: PaginationView;
}

/** Everything a check's reference page shows, from its metadata and its results. */
export interface CheckPageView {
  id: string;
  title: string;
  category: string;
  description: string;
  why: string;
  fix: string;
  effort: Effort;
  /** How code scanning shows a failure: error, warning or note. */
  severity: CheckMetadata['severity'];
  source: string;
  guide?: { text: string; href: string };
  /** Options a scorecard may set, with their defaults as JSON. */
  options: Array<{ name: string; defaultValue: string }>;
  passRate: PassRate;
  /** The scorecards using the check, at which levels, and with which options and weight where the scorecard sets them. */
  scorecards: Array<{ scorecard: ScorecardLink; levels: string[]; settings: string[] }>;
  /** The failing entities' first page; the others are at `checks/<id>/page/<n>/` ({@link checkFailingPages}). */
  failing: FailingSection;
  /** For a check no scorecard uses: the services the guide teaching it counts as not passing it. */
  failingInGuide?: GuideFailing;
}

/** A later page of a check's failing entities. */
export interface CheckFailingPageView {
  id: string;
  title: string;
  href: string;
  failing: FailingSection;
}

/** Statuses listed as failing on a check's page: what keeps an entity from the level. */
const FAILING: ReadonlySet<CheckStatus> = new Set(['fail', 'error', 'expiredExemption']);

export function checkPageView(catalog: IndexedCatalog, standards: IndexedStandards, check: CheckMetadata): CheckPageView {
  const guide = check.guide === undefined ? undefined : guideLink(check.guide, standards.guidesById);
  const failingInGuide = guideFailing(catalog, standards, check);
  return {
    id: check.id,
    title: check.title,
    category: CHECK_CATEGORY_TITLES[check.category],
    description: check.description,
    why: check.why,
    fix: check.fix,
    effort: check.effort,
    severity: check.severity,
    source: SOURCE_LABELS[check.source],
    ...(guide ? { guide } : {}),
    options: Object.entries(check.options).map(([name, value]) => ({ name, defaultValue: JSON.stringify(value) })),
    passRate: checkPassRate(standards, check),
    scorecards: standards.scorecards
      .map((scorecard) => {
        const uses = scorecard.levels.flatMap((level) =>
          level.checks.filter((entry) => entry.id === check.id).map((entry) => ({ level: levelRef(scorecard, level.id).title, entry })),
        );
        return {
          scorecard: scorecardLink(scorecard),
          levels: [...new Set(uses.map((use) => use.level))],
          // Named by level when the check counts at several, each with its own settings.
          settings: uses.flatMap(({ level, entry }) => {
            const set = [
              ...Object.entries(entry.options)
                .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(check.options[name]))
                .map(([name, value]) => `${name}: ${JSON.stringify(value)}`),
              ...(entry.weight === 1 ? [] : [`weight ${entry.weight}`]),
            ].join(', ');
            return set ? [uses.length > 1 ? `${level}: ${set}` : set] : [];
          }),
        };
      })
      .filter((usage) => usage.levels.length > 0),
    failing: failingSections(catalog, standards, check.id)[0]!,
    ...(failingInGuide ? { failingInGuide } : {}),
  };
}

/** Pages 2 and on of a check's failing entities (page 1 is on the check's page). */
export function checkFailingPages(catalog: IndexedCatalog, standards: IndexedStandards, check: CheckMetadata): CheckFailingPageView[] {
  return failingSections(catalog, standards, check.id)
    .slice(1)
    .map((failing) => ({ id: check.id, title: check.title, href: withBase(checkPath(check.id)), failing }));
}

/**
 * The entities a check fails on, one row per entity and finding (an entity that fails the same way
 * on two scorecards is one row naming both), by entity name, split into pages; each page also
 * carries the counts by owner.
 */
function failingSections(catalog: IndexedCatalog, standards: IndexedStandards, checkId: string): FailingSection[] {
  const evaluations = standards.evaluationsByCheck.get(checkId) ?? [];
  const rows = new Map<string, FailingEntity>();
  for (const { result, check: scored } of evaluations) {
    const status = checkStatus(scored);
    if (!FAILING.has(status)) continue;
    const key = JSON.stringify([result.entityRef, status, scored.message, scored.evidence]);
    const scorecard = scorecardLink(standards.scorecardsById.get(result.scorecard)!);
    const row = rows.get(key);
    if (row) row.scorecards.push(scorecard);
    else {
      const where = evidenceRepos(catalog, catalog.byRef.get(result.entityRef));
      rows.set(key, {
        entity: linkToRef(catalog, result.entityRef),
        scorecards: [scorecard],
        status,
        message: scored.message,
        evidence: scored.evidence.map((evidence) => evidenceView(where, evidence)),
      });
    }
  }
  const sorted = [...rows.values()]
    .map((row) => ({ ...row, scorecards: row.scorecards.sort((a, b) => compareText(a.title, b.title)) }))
    .sort(
      (a, b) =>
        compareText(a.entity.text, b.entity.text) ||
        compareText(a.entity.ref, b.entity.ref) ||
        compareText(a.scorecards[0]!.title, b.scorecards[0]!.title),
    );
  const byOwner = failingByOwner(catalog, evaluations);
  const entities = new Set(sorted.map((row) => row.entity.ref)).size;
  const sharedScorecards = shared(sorted, (row) => row.scorecards.map((scorecard) => scorecard.href).join('\n'))?.scorecards;
  const sharedStatus = shared(sorted, (row) => row.status)?.status;
  const sharedMessage =
    sorted.length > 1 && sorted.every((row) => row.evidence.length === 0) ? shared(sorted, (row) => row.message)?.message : undefined;
  return paginate(sorted).map((page) => ({
    entities,
    byOwner,
    ...(sharedScorecards ? { sharedScorecards } : {}),
    ...(sharedStatus ? { sharedStatus } : {}),
    ...(sharedMessage !== undefined ? { sharedMessage } : {}),
    rows: page.items,
    pagination: paginationView(checkPath(checkId), page),
  }));
}

const CAPTIONS: Partial<Record<CheckStatus, string>> = {
  fail: 'Entities where this check fails',
  error: 'Entities where this check could not run',
  expiredExemption: 'Entities whose exemption from this check has expired',
};

/** The failing table's caption, before the scorecards it may name: what its rows' outcome is, when they share one. */
export function failingCaption(sharedStatus: CheckStatus | undefined): string {
  return (sharedStatus && CAPTIONS[sharedStatus]) ?? 'Entities where this check fails or could not run';
}

/** The first row, when `key` is the same for every row: what the table can then say once, for all of them. */
function shared(rows: FailingEntity[], key: (row: FailingEntity) => string): FailingEntity | undefined {
  const first = rows[0];
  return first && rows.every((row) => key(row) === key(first)) ? first : undefined;
}

/** Per owner, the entities the check applies to and those it fails on (each entity once, whatever its scorecards). */
function failingByOwner(catalog: IndexedCatalog, evaluations: readonly CheckEvaluation[]): FailingByOwner[] {
  const applicable = new Map<string, boolean>();
  for (const { result, check } of evaluations) {
    if (check.outcome === 'notApplicable') continue;
    applicable.set(result.entityRef, (applicable.get(result.entityRef) ?? false) || FAILING.has(checkStatus(check)));
  }
  const byOwner = groupBy([...applicable], ([ref]) => ownerRefOf(catalog, ref));
  return [...byOwner]
    .map(([owner, entities]) => ({
      ...(owner ? { owner: linkToRef(catalog, owner) } : {}),
      failing: entities.filter(([, fails]) => fails).length,
      applicable: entities.length,
    }))
    .filter((row) => row.failing > 0)
    .sort(
      (a, b) => b.failing - a.failing || (a.owner && b.owner ? compareText(a.owner.text, b.owner.text) : a.owner ? -1 : b.owner ? 1 : 0),
    );
}

/**
 * The guide that teaches a check: an http(s) URL as it is, otherwise a guide id with an optional
 * `#section`, linked to the portal's guide page `guides/<id>/` and named by the guide's title and
 * the section's heading when the portal has that guide.
 */
export function guideLink(guide: string, guides: ReadonlyMap<string, Guide> = new Map()): { text: string; href: string } | undefined {
  const web = safeWebHref(guide);
  if (web) return { text: guide, href: web };
  const [id = '', section] = guide.split('#', 2);
  if (!/^[a-z0-9][a-z0-9/_-]*$/i.test(id) || id.split('/').some((part) => part === '')) return undefined;
  const known = guides.get(id);
  const heading = section ? known?.headings.find((candidate) => candidate.slug === section)?.text : undefined;
  const text = known ? (heading ? `${known.title} › ${heading}` : known.title) : guide;
  return { text, href: withBase(`guides/${id}/${section ? `#${encodeURIComponent(section)}` : ''}`) };
}

/** The guide link of check `id`, if it has a guide. */
export function checkGuideLink(standards: IndexedStandards, id: string): { text: string; href: string } | undefined {
  const guide = standards.checksById.get(id)?.guide;
  return guide === undefined ? undefined : guideLink(guide, standards.guidesById);
}
