import type {
  AppliedExemption,
  CatalogEntity,
  ScorecardDefinition,
  ScorecardResult,
  ScoredCheck,
} from '../../collectors/contract/snapshot.ts';
import type { IndexedCatalog } from './catalog.ts';
import { badgePath, checkPath, entityHref, HOW_TO_FIX } from './paths.ts';
import {
  checkLink,
  checkStatus,
  evidenceView,
  formatScore,
  levelRef,
  needsWork,
  scorecardLink,
  type CheckLink,
  type CheckStatus,
  evidenceRepos,
  type EvidenceRepos,
  type EvidenceView,
  type LevelRef,
  type ScorecardLink,
  type IndexedStandards,
} from './standards.ts';
import { checkGuideLink } from './check-page.ts';
import { hasBadges, type BadgeSetting } from './badges.ts';
import { withBase } from './urls.ts';

/** One check of a scorecard on an entity's page. */
export interface ScoredCheckView {
  check: CheckLink;
  status: CheckStatus;
  message: string;
  evidence: EvidenceView[];
  exemption?: { reason: string; expires: string; expired: boolean; source: string };
  /**
   * The check page's "How to fix", for checks that still need work: linked, not repeated, since the
   * same Markdown on every entity's page was most of a large portal's bytes.
   */
  fixHref?: string;
  /** The guide (and section) that teaches the fix. */
  guide?: { text: string; href: string };
  /** Its element's id, when a later panel points back to it rather than repeat it. */
  anchor?: string;
}

/**
 * A check that needs work which an earlier panel of the page shows in full, with the same outcome,
 * message and evidence (a check can count on several scorecards): named, and pointed back to.
 */
export interface RepeatedCheckView {
  check: CheckLink;
  status: CheckStatus;
  /** The earlier panel's scorecard, and the check's place in it. */
  shownUnder: { title: string; href: string };
}

/** Checks of one level that ask nothing of the team, named with their status and no detail. */
export interface SettledChecks {
  status: Extract<CheckStatus, 'pass' | 'notApplicable'>;
  checks: CheckLink[];
}

/**
 * The checks of one level: those that need work in full (message, evidence, how to fix), the passing
 * and not-applicable ones by name only. Their messages are in the entity's JSON; repeating them on
 * every entity's page was a third of a large portal's bytes.
 */
export interface LevelChecks<Open = ScoredCheckView> {
  level: LevelRef;
  open: Open[];
  settled: SettledChecks[];
}

const SETTLED_ORDER: SettledChecks['status'][] = ['pass', 'notApplicable'];

/** An entity's standing on one scorecard: the panel on its page (whose checks may point back to an earlier panel's, see {@link withoutRepeats}). */
export interface ScorecardPanelView<Open = ScoredCheckView> {
  scorecard: ScorecardLink;
  level: LevelRef;
  levelCount: number;
  score: string;
  levels: Array<LevelChecks<Open>>;
  /** The next level and the checks that stand in its way, cheapest first. */
  next?: { level: LevelRef; checks: CheckLink[] };
  /** The README badge, when portal.yaml publishes badges for this scorecard. */
  badge?: { src: string; alt: string; pageHref: string };
}

const EXEMPTION_SOURCES: Record<AppliedExemption['source'], string> = {
  annotation: 'the entity’s annotation',
  central: 'the portal’s exemptions.yaml',
};

/** The entity's panels, one per scorecard that applies to it, in scorecard order; badges where `badges` asks for them. */
export function entityScorecards(
  catalog: IndexedCatalog,
  standards: IndexedStandards,
  entity: CatalogEntity,
  badges: BadgeSetting = false,
): ScorecardPanelView[] {
  return (standards.resultsByEntity.get(entity.ref) ?? []).map((result) =>
    scorecardPanel(catalog, standards, entity, standards.scorecardsById.get(result.scorecard)!, result, badges),
  );
}

/** A panel as the entity's page shows it. */
export type PagePanelView = ScorecardPanelView<ScoredCheckView | RepeatedCheckView>;

/**
 * The panels as the entity's page shows them, each check that needs work in full once: where a later
 * panel has the same check with the same status, message, evidence and exemption, it names the check
 * and points back. (Answers that give one scorecard, such as `cairn mcp`'s, keep every panel whole.)
 */
export function withoutRepeats(panels: readonly ScorecardPanelView[]): PagePanelView[] {
  const keyOf = (view: ScoredCheckView) => JSON.stringify([view.status, view.message, view.evidence, view.exemption]);
  const first = new Map<string, { key: string; scorecard: ScorecardLink }>();
  const repeated = new Set<string>();
  for (const panel of panels)
    for (const group of panel.levels)
      for (const view of group.open) {
        const seen = first.get(view.check.id);
        if (!seen) first.set(view.check.id, { key: keyOf(view), scorecard: panel.scorecard });
        else if (seen.key === keyOf(view)) repeated.add(view.check.id);
      }
  const anchored = new Set<string>();
  const shown = (view: ScoredCheckView): ScoredCheckView | RepeatedCheckView => {
    if (!repeated.has(view.check.id)) return view;
    const anchor = `check-${view.check.id}`;
    if (!anchored.has(view.check.id)) {
      anchored.add(view.check.id);
      return { ...view, anchor };
    }
    const seen = first.get(view.check.id)!;
    if (seen.key !== keyOf(view)) return view;
    return { check: view.check, status: view.status, shownUnder: { title: seen.scorecard.title, href: `#${anchor}` } };
  };
  return panels.map((panel) => ({ ...panel, levels: panel.levels.map((group) => ({ ...group, open: group.open.map(shown) })) }));
}

function scorecardPanel(
  catalog: IndexedCatalog,
  standards: IndexedStandards,
  entity: CatalogEntity,
  scorecard: ScorecardDefinition,
  result: ScorecardResult,
  badges: BadgeSetting,
): ScorecardPanelView {
  const where = evidenceRepos(catalog, entity);
  const level = levelRef(scorecard, result.level);
  // The definition's levels in order, then any level only the result names.
  const levelIds = [...new Set([...scorecard.levels.map((definition) => definition.id), ...result.checks.map((check) => check.level)])];
  return {
    scorecard: scorecardLink(scorecard),
    level,
    levelCount: scorecard.levels.length,
    score: formatScore(result.score),
    levels: levelIds
      .map((id) =>
        levelChecks(
          standards,
          where,
          levelRef(scorecard, id),
          result.checks.filter((check) => check.level === id),
        ),
      )
      .filter((group) => group.open.length > 0 || group.settled.length > 0),
    ...(result.next
      ? { next: { level: levelRef(scorecard, result.next.level), checks: result.next.checks.map((id) => checkLink(standards, id)) } }
      : {}),
    ...(hasBadges(badges, scorecard.id)
      ? {
          badge: {
            src: withBase(badgePath(entity, scorecard.id)),
            alt: `${scorecard.title}: ${level.id === null ? 'none' : level.title}`,
            pageHref: entityHref(entity),
          },
        }
      : {}),
  };
}

function levelChecks(standards: IndexedStandards, where: EvidenceRepos, level: LevelRef, checks: ScoredCheck[]): LevelChecks {
  const withStatus = checks.map((check) => ({ check, status: checkStatus(check) }));
  return {
    level,
    open: withStatus.filter(({ status }) => needsWork(status)).map(({ check, status }) => scoredCheckView(standards, where, check, status)),
    settled: SETTLED_ORDER.map((status) => ({
      status,
      checks: withStatus.filter((entry) => entry.status === status).map(({ check }) => checkLink(standards, check.checkId)),
    })).filter((list) => list.checks.length > 0),
  };
}

/** A check that needs work, in full. */
function scoredCheckView(standards: IndexedStandards, where: EvidenceRepos, check: ScoredCheck, status: CheckStatus): ScoredCheckView {
  const known = standards.checksById.has(check.checkId);
  const guide = known ? checkGuideLink(standards, check.checkId) : undefined;
  return {
    check: checkLink(standards, check.checkId),
    status,
    message: check.message,
    evidence: check.evidence.map((evidence) => evidenceView(where, evidence)),
    ...(check.exemption ? { exemption: { ...check.exemption, source: EXEMPTION_SOURCES[check.exemption.source] } } : {}),
    ...(known ? { fixHref: withBase(`${checkPath(check.checkId)}#${HOW_TO_FIX}`) } : {}),
    ...(guide ? { guide } : {}),
  };
}
