import { checkPath } from './paths.ts';
import { CHECK_CATEGORY_TITLES } from '../../collectors/contract/helpers.ts';
import type { CheckCategory, CheckMetadata, Guide } from '../../collectors/contract/snapshot.ts';
import { compareText, linkToRef, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { safeWebHref } from './links.ts';
import {
  checkStatus,
  evidenceView,
  levelRef,
  repoOf,
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

/** How often a check passes where it applies. `percent` is absent when it applied nowhere. */
export interface PassRate {
  passes: number;
  applicable: number;
  percent?: string;
}

/**
 * Passes over applicable evaluations, across every scorecard that uses the check: an entity on two
 * such scorecards counts twice (their options may differ). Only real passes count, not exemptions;
 * `notApplicable` is left out and `error` counts as not passing.
 */
export function passRate(evaluations: readonly CheckEvaluation[]): PassRate {
  const applicable = evaluations.filter(({ check }) => check.outcome !== 'notApplicable');
  const passes = applicable.filter(({ check }) => check.outcome === 'pass').length;
  return {
    passes,
    applicable: applicable.length,
    ...(applicable.length > 0 ? { percent: `${Math.round((passes / applicable.length) * 100)}%` } : {}),
  };
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
        passRate: passRate(standards.evaluationsByCheck.get(check.id) ?? []),
      })),
  })).filter((group) => group.checks.length > 0);
}

/** An entity where the check does not pass, on one scorecard. */
export interface FailingEntity {
  entity: EntityLink;
  scorecard: ScorecardLink;
  status: CheckStatus;
  message: string;
  evidence: EvidenceView[];
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
  /** The scorecards that use the check, with the levels it is in. */
  scorecards: Array<{ scorecard: ScorecardLink; levels: string[] }>;
  failing: FailingEntity[];
}

/** Statuses listed as failing on a check's page: what keeps an entity from the level. */
const FAILING: ReadonlySet<CheckStatus> = new Set(['fail', 'error', 'expiredExemption']);

export function checkPageView(catalog: IndexedCatalog, standards: IndexedStandards, check: CheckMetadata): CheckPageView {
  const evaluations = standards.evaluationsByCheck.get(check.id) ?? [];
  const guide = check.guide === undefined ? undefined : guideLink(check.guide, standards.guidesById);
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
    passRate: passRate(evaluations),
    scorecards: standards.scorecards
      .map((scorecard) => ({
        scorecard: scorecardLink(scorecard),
        levels: scorecard.levels
          .filter((level) => level.checks.some((entry) => entry.id === check.id))
          .map((level) => levelRef(scorecard, level.id).title),
      }))
      .filter((usage) => usage.levels.length > 0),
    failing: evaluations
      .map(({ result, check: scored }) => ({ result, scored, status: checkStatus(scored) }))
      .filter(({ status }) => FAILING.has(status))
      .map(({ result, scored, status }) => ({
        entity: linkToRef(catalog, result.entityRef),
        scorecard: scorecardLink(standards.scorecardsById.get(result.scorecard)!),
        status,
        message: scored.message,
        evidence: scored.evidence.map((evidence) => evidenceView(repoOf(catalog, catalog.byRef.get(result.entityRef)), evidence)),
      }))
      .sort((a, b) => compareText(a.entity.text, b.entity.text) || compareText(a.scorecard.title, b.scorecard.title)),
  };
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
