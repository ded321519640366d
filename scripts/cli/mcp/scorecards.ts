import type { CatalogEntity, Evidence, ScorecardResult } from '../../../collectors/contract/snapshot.ts';
import { didYouMean } from '../../../collectors/scorecards/suggest.ts';
import { checkGuideLink, checkPageView } from '../../../site/lib/check-page.ts';
import { entityScorecards, type SettledChecks } from '../../../site/lib/scorecard-panel.ts';
import { checkPath } from '../../../site/lib/paths.ts';
import { evidenceRepos, evidenceView, levelRef, type EvidenceView } from '../../../site/lib/standards.ts';
import { failingChecks, type FailingCheck } from '../report/verdict.ts';
import { clip, firstOf, fitting, MAX_ANSWER_CHARS, MAX_LOCATION, MAX_MARKDOWN, MAX_NESTED, MAX_URL } from './bounds.ts';
import { resolveEntity } from './entities.ts';
import { portalLink, viewLink, type McpPortal } from './portal.ts';

/** An entity with scorecard results, when a name several entities share is given. */
export function scoredEntity(portal: McpPortal, text: string): CatalogEntity {
  return resolveEntity(portal, text, (entity) => portal.standards.resultsByEntity.has(entity.ref));
}

/** The entity's results, of one scorecard when `scorecard` is given (an unknown one is an error naming the others). */
function resultsOf(portal: McpPortal, entity: CatalogEntity, scorecard: string | undefined): readonly ScorecardResult[] {
  const results = portal.standards.resultsByEntity.get(entity.ref) ?? [];
  if (scorecard === undefined) return results;
  const chosen = results.filter((result) => result.scorecard === scorecard);
  if (chosen.length > 0) return chosen;
  const ids = results.map((result) => result.scorecard);
  throw new Error(
    `No scorecard "${scorecard}" applies to ${entity.ref}${didYouMean(scorecard, ids)}${ids.length ? ` Scorecards that apply: ${ids.join(', ')}.` : ' No scorecard applies to it.'}`,
  );
}

/** Evidence as an answer gives it: `path:line`, the note, and the line at the scanned commit when the repository's web UI is known. */
function evidenceAnswer(views: readonly EvidenceView[]) {
  const { items, omitted } = firstOf(views, 10);
  return {
    evidence: items.map((view) => ({
      location: clip(view.location, MAX_LOCATION),
      ...(view.note ? { note: clip(view.note, 300) } : {}),
      ...(view.href && view.href.length <= MAX_URL ? { url: view.href } : {}),
    })),
    ...(omitted ? { evidenceOmitted: omitted } : {}),
  };
}

/** The guide that teaches a check: its title (and section), its page, and its resource. */
function guideAnswer(portal: McpPortal, checkId: string) {
  const link = checkGuideLink(portal.standards, checkId);
  if (!link) return undefined;
  const guide = portal.standards.checksById.get(checkId)?.guide;
  const id = guide?.split('#', 1)[0];
  const url = /^https?:/i.test(link.href) ? link.href : viewLink(portal, link.href);
  return {
    title: link.text,
    ...(url ? { url } : {}),
    ...(id && portal.standards.guidesById.has(id) ? { resource: `cairn://guides/${id}` } : {}),
  };
}

/**
 * The entity's level on each scorecard (or the one asked for) and every check that needs work, with
 * its message, evidence, the fix and the guide that teaches it: the scorecard panels of the entity's
 * page (`entityScorecards`), so the answer says what the page says.
 */
export function explainScorecard(portal: McpPortal, entityText: string, scorecard?: string) {
  const entity = scoredEntity(portal, entityText);
  const wanted = new Set(resultsOf(portal, entity, scorecard).map((result) => result.scorecard));
  const panels = entityScorecards(portal.catalog, portal.standards, entity).filter((panel) => wanted.has(panel.scorecard.id));
  return {
    entity: entity.ref,
    scorecards: panels.map((panel) => {
      const open = panel.levels.flatMap((group) => group.open.map((check) => ({ level: group.level, check })));
      const settled = (status: SettledChecks['status']) =>
        panel.levels.flatMap((group) => group.settled.filter((list) => list.status === status).flatMap((list) => list.checks)).length;
      // The scorecards share the answer: each its part of the cap, first checks first.
      const needsWork = fitting(
        open.map(({ level, check }) => {
          const guide = guideAnswer(portal, check.check.id);
          // The panel links the check page's "How to fix"; an assistant gets the text itself.
          const fix = portal.standards.checksById.get(check.check.id)?.fix;
          return {
            check: { id: check.check.id, title: check.check.title, ...(check.check.effort ? { effort: check.check.effort } : {}) },
            level: level.title,
            status: check.status,
            message: clip(check.message),
            ...evidenceAnswer(check.evidence),
            ...(check.exemption
              ? {
                  exemption: {
                    reason: clip(check.exemption.reason, 300),
                    expires: check.exemption.expires,
                    expired: check.exemption.expired,
                    declaredIn: check.exemption.source,
                  },
                }
              : {}),
            ...(fix ? { fix: clip(fix.trim(), MAX_MARKDOWN) } : {}),
            ...(guide ? { guide } : {}),
          };
        }),
        (MAX_ANSWER_CHARS * 0.8) / Math.max(1, panels.length),
      );
      return {
        scorecard: { id: panel.scorecard.id, title: panel.scorecard.title },
        level: panel.level.title,
        levels: panel.levelCount,
        score: panel.score,
        ...(panel.next
          ? { next: { level: panel.next.level.title, blockingChecks: panel.next.checks.map((check) => check.id) } }
          : { next: null }),
        needsWork: needsWork.items,
        ...(needsWork.omitted ? { needsWorkOmitted: needsWork.omitted } : {}),
        passing: settled('pass'),
        notApplicable: settled('notApplicable'),
      };
    }),
    ...(panels.length === 0 ? { note: 'No scorecard applies to this entity.' } : {}),
  };
}

/**
 * What stands between the entity and its next level on each scorecard (or `level`, a level further
 * up), one list for all of them, cheapest fix first: the order of `cairn check`'s report
 * (`failingChecks`). A check several scorecards need is listed once, with each level it blocks.
 */
export function nextLevel(portal: McpPortal, entityText: string, scorecard?: string, level?: string) {
  const entity = scoredEntity(portal, entityText);
  const standings: Array<Record<string, unknown>> = [];
  const blocking: ScorecardResult[] = [];
  for (const result of resultsOf(portal, entity, scorecard)) {
    const definition = portal.standards.scorecardsById.get(result.scorecard)!;
    const current = levelRef(definition, result.level);
    // A level by its id or its title, in any case: answers name levels by title ("Gold"), and assistants echo them.
    const asked = level?.trim().toLowerCase();
    const named =
      asked === undefined
        ? undefined
        : definition.levels.find((candidate) => [candidate.id, candidate.title].some((name) => name?.toLowerCase() === asked));
    const target = named?.id ?? level ?? result.next?.level;
    const targetIndex = target === undefined ? -1 : definition.levels.findIndex((candidate) => candidate.id === target);
    const head = { scorecard: { id: definition.id, title: definition.title }, level: current.title };
    if (target === undefined) {
      standings.push({ ...head, note: 'At the top level: nothing blocks.' });
      continue;
    }
    if (targetIndex === -1) {
      standings.push({
        ...head,
        note: `"${target}" is not a level of this scorecard (levels: ${definition.levels.map((candidate) => `${candidate.id} "${candidate.title}"`).join(', ')}).`,
      });
      continue;
    }
    if (targetIndex < current.rank) {
      standings.push({ ...head, target: levelRef(definition, target).title, note: 'Already at or above this level.' });
      continue;
    }
    // The checks of the target level and every level below it that do not pass, as the scorecard stage counts them for `next`.
    const upToTarget = new Set(definition.levels.slice(0, targetIndex + 1).map((candidate) => candidate.id));
    const checks = result.checks.filter(
      (check) => upToTarget.has(check.level) && (check.effective === 'fail' || check.effective === 'error'),
    );
    blocking.push({ ...result, checks });
    standings.push({
      ...head,
      target: levelRef(definition, target).title,
      blockingChecks: [...new Set(checks.map((check) => check.checkId))],
    });
  }
  const fixes = failingChecks({ results: blocking, checks: portal.standards.checksById });
  // Cheapest first, as many as the answer holds.
  const shown = fitting(
    fixes.map((failing) => fixAnswer(portal, entity, failing)),
    MAX_ANSWER_CHARS * 0.8,
  );
  return {
    entity: entity.ref,
    scorecards: standings,
    fixes: shown.items,
    ...(shown.omitted ? { fixesOmitted: shown.omitted } : {}),
    ...(fixes.length > 0 ? { cheapestFirst: fixes[0]!.checkId } : {}),
  };
}

/** One failing check of `failingChecks`, for an answer: each finding with the levels it blocks, its evidence, the fix and the guide. */
export function fixAnswer(portal: McpPortal, entity: CatalogEntity | undefined, failing: FailingCheck) {
  const where = evidenceRepos(portal.catalog, entity);
  const guide = guideAnswer(portal, failing.checkId);
  const url = portalLink(portal, checkPath(failing.checkId));
  // Ten findings at most, fewer when their evidence is long: one failing check never fills the answer.
  const findings = fitting(
    failing.findings.slice(0, 10).map((finding) => ({
      ...(entity ? {} : { entity: finding.entityRef }),
      blocks: finding.neededFor.map((need) => ({ scorecard: need.scorecard, level: levelTitleOf(portal, need.scorecard, need.level) })),
      outcome: finding.outcome,
      message: clip(finding.message),
      ...evidenceAnswer(finding.evidence.map((evidence: Evidence) => evidenceView(where, evidence))),
      ...(finding.exemption
        ? { expiredExemption: { reason: clip(finding.exemption.reason, 300), expires: finding.exemption.expires } }
        : {}),
    })),
    MAX_ANSWER_CHARS * 0.2,
  );
  const findingsOmitted = failing.findings.length - findings.items.length;
  return {
    check: {
      id: failing.checkId,
      title: failing.title,
      ...(failing.effort ? { effort: failing.effort } : {}),
      ...(failing.severity ? { severity: failing.severity } : {}),
      ...(url ? { url } : {}),
    },
    findings: findings.items,
    ...(findingsOmitted ? { findingsOmitted } : {}),
    ...(failing.fix ? { fix: clip(failing.fix, MAX_MARKDOWN) } : {}),
    ...(guide ? { guide } : {}),
  };
}

function levelTitleOf(portal: McpPortal, scorecard: string, level: string): string {
  const definition = portal.standards.scorecardsById.get(scorecard);
  return definition ? levelRef(definition, level).title : level;
}

/**
 * A check as its reference page shows it (`checkPageView`): what it looks at, why it matters, how
 * to fix it, its effort, the guide, the scorecards and levels that use it, its pass rate, and the
 * first entities where it fails.
 */
export function describeCheck(portal: McpPortal, checkId: string) {
  const asked = checkId.trim().toLowerCase();
  const ids = [...portal.standards.checksById.keys()];
  const metadata = portal.standards.checksById.get(ids.find((id) => id.toLowerCase() === asked) ?? '');
  if (!metadata) {
    // The ids that hold the words asked for ("codeowners"), else every id: the assistant can pick from them.
    const holding = ids.filter((id) => asked.length > 0 && id.toLowerCase().includes(asked));
    throw new Error(
      `No check "${checkId}"${didYouMean(checkId, ids) || '.'} ${holding.length > 0 ? `Checks whose id holds it: ${holding.join(', ')}.` : `The portal's checks: ${ids.join(', ')}.`}`,
    );
  }
  const view = checkPageView(portal.catalog, portal.standards, metadata);
  const guide = guideAnswer(portal, metadata.id);
  const failing = firstOf(view.failing.rows, MAX_NESTED);
  const url = portalLink(portal, checkPath(metadata.id));
  return {
    id: view.id,
    title: view.title,
    category: view.category,
    description: view.description,
    why: clip(view.why, MAX_MARKDOWN),
    fix: clip(view.fix, MAX_MARKDOWN),
    effort: view.effort,
    severity: view.severity,
    source: view.source,
    ...(guide ? { guide } : {}),
    options: view.options,
    passRate: view.passRate,
    scorecards: view.scorecards.map((usage) => ({ id: usage.scorecard.id, title: usage.scorecard.title, levels: usage.levels })),
    failing: failing.items.map((entry) => {
      const entityUrl = viewLink(portal, entry.entity.href);
      return {
        entity: entry.entity.ref,
        ...(entityUrl ? { url: entityUrl } : {}),
        scorecards: entry.scorecards.map((scorecard) => scorecard.id),
        status: entry.status,
        message: clip(entry.message, 300),
      };
    }),
    failingEntities: view.failing.entities,
    ...(url ? { url } : {}),
  };
}
