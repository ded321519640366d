import type { CheckMetadata, Evidence } from '../../../collectors/checks/check.ts';
import { levelRank, type ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { AppliedExemption, ScorecardResult, ScoredCheck } from '../../../collectors/scorecards/result.ts';
import { hasChanges, type Comparison } from './compare.ts';
import { levelTitle, type CheckReport } from './model.ts';

/**
 * What every `cairn check` format leads with: the verdict in one line, then what fails, cheapest fix
 * first. Teams keep a report in their pull requests only when it is short and starts with what the
 * change does, so the three formats share one computation here. Pure: no escaping (each format
 * escapes for itself), no styling.
 */

/** -1, 0 or 1: a level went down, stayed, or went up against the compared ref. */
export type Direction = -1 | 0 | 1;

/** One entity's standing on one scorecard. */
export interface ScorecardVerdict {
  scorecard: string;
  title: string;
  /** The level reached (null: not even the first); absent when, against the ref, the scorecard no longer applies. */
  level?: string | null;
  /** The level's display title; `not scored` when `level` is absent. */
  levelTitle: string;
  score?: number;
  /** The next level and the checks that stand in its way. */
  next?: { level: string; levelTitle: string; checks: string[] };
  /** With a comparison: the standing at the ref (absent when the scorecard did not apply there), and where it went. */
  before?: { level: string | null; levelTitle: string };
  direction?: Direction;
}

export interface EntityVerdict {
  entityRef: string;
  /** The entity as the report names it: its name, or its ref when two entities share a name. */
  label: string;
  scorecards: ScorecardVerdict[];
}

/** What the change does against the compared ref, in counts. */
export interface ChangeSummary {
  ref: string;
  /** Whether anything moved at all. */
  changed: boolean;
  levelsUp: number;
  levelsDown: number;
  /**
   * Checks (per entity) that passed at the ref and fail now: what `--fail-on regression` blocks. A
   * check of an entity new to a scorecard, or one that did not apply at the ref, is not among them.
   */
  newlyFailing: number;
  /**
   * Checks (per entity) failing now that did not apply at the ref: on a new or renamed entity, on a
   * scorecard that newly applies, or not applicable there (a first Dockerfile, say).
   */
  newlyApplicableFailing: number;
  /** Checks (per entity) passing now and not at the ref. */
  newlyPassing: number;
}

export interface Verdict {
  /** The verdict in one line of plain text. */
  line: string;
  entities: EntityVerdict[];
  comparison?: ChangeSummary;
}

/** Above this many entities the verdict line counts levels instead of naming each entity. */
export const MAX_ENTITIES_NAMED = 2;

const UP = '▲';
const DOWN = '▼';

/** The verdict of a report: per entity and scorecard the level, and with a comparison what moved. */
export function verdictOf(report: Pick<CheckReport, 'results' | 'scorecards' | 'comparison'>): Verdict {
  const { results, scorecards, comparison } = report;
  const resultByKey = new Map(results.map((result) => [standingKey(result.entityRef, result.scorecard), result]));
  const changeByKey = new Map((comparison?.changes ?? []).map((change) => [standingKey(change.entityRef, change.scorecard), change]));
  const keys = [...new Set([...resultByKey.keys(), ...changeByKey.keys()])];
  const entityRefs = [...new Set(keys.map((key) => key.split('\u0000')[0]!))].sort(compareText);
  const labels = entityLabels(entityRefs);
  const entities = entityRefs.map((entityRef): EntityVerdict => {
    const ids = keys.filter((key) => key.startsWith(`${entityRef}\u0000`)).map((key) => key.split('\u0000')[1]!);
    const standings = sortScorecardIds(ids, scorecards).map((id) => {
      const definition = scorecards.find((candidate) => candidate.id === id);
      return scorecardVerdict(
        definition,
        id,
        resultByKey.get(standingKey(entityRef, id)),
        comparison ? (changeByKey.get(standingKey(entityRef, id)) ?? null) : undefined,
      );
    });
    return { entityRef, label: labels.get(entityRef)!, scorecards: standings };
  });
  const summary = comparison ? changeSummary(comparison) : undefined;
  return { line: verdictLine(entities, scorecards, summary), entities, ...(summary ? { comparison: summary } : {}) };
}

function standingKey(entityRef: string, scorecard: string): string {
  return `${entityRef}\u0000${scorecard}`;
}

/** Scorecard ids in the order the standards define them, unknown ones after, by id. */
function sortScorecardIds(ids: string[], scorecards: readonly ScorecardDefinition[]): string[] {
  const rank = (id: string) => {
    const index = scorecards.findIndex((definition) => definition.id === id);
    return index === -1 ? scorecards.length : index;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}

type Change = Comparison['changes'][number];

/** `change` is undefined without a comparison, null when the comparison does not name this standing. */
function scorecardVerdict(
  definition: ScorecardDefinition | undefined,
  id: string,
  result: ScorecardResult | undefined,
  change: Change | null | undefined,
): ScorecardVerdict {
  return {
    scorecard: id,
    title: definition?.title ?? id,
    ...(result
      ? { level: result.level, levelTitle: levelTitle(definition, result.level), score: result.score }
      : { levelTitle: NOT_SCORED }),
    ...(result?.next
      ? { next: { level: result.next.level, levelTitle: levelTitle(definition, result.next.level), checks: result.next.checks } }
      : {}),
    ...(change?.before ? { before: { level: change.before.level, levelTitle: levelTitle(definition, change.before.level) } } : {}),
    ...(change !== undefined ? { direction: change?.direction ?? 0 } : {}),
  };
}

const NOT_SCORED = 'not scored';

function changeSummary(comparison: Comparison): ChangeSummary {
  const keys = (pick: (change: Change) => string[]) =>
    new Set(comparison.changes.flatMap((change) => pick(change).map((checkId) => standingKey(change.entityRef, checkId))));
  const regressed = keys((change) => change.regressed);
  const newlyApplicable = [...keys((change) => change.newlyFailing)].filter((key) => !regressed.has(key));
  return {
    ref: comparison.ref,
    changed: hasChanges(comparison),
    levelsUp: comparison.changes.filter((change) => change.direction > 0).length,
    levelsDown: comparison.changes.filter((change) => change.direction < 0).length,
    newlyFailing: regressed.size,
    newlyApplicableFailing: newlyApplicable.length,
    newlyPassing: keys((change) => change.newlyPassing).size,
  };
}

/**
 * Names for entities in a report: the name alone (`orders`), unless two entities share it; then the
 * ref as people write it (`api:orders`, `component:team-a/orders`).
 */
export function entityLabels(entityRefs: readonly string[]): Map<string, string> {
  const parts = entityRefs.map((ref) => [ref, splitEntityRef(ref)] as const);
  const nameCount = new Map<string, number>();
  for (const [, { name }] of parts) nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  return new Map(
    parts.map(([ref, { kind, namespace, name }]) => {
      if (nameCount.get(name) === 1) return [ref, name];
      return [ref, `${kind ? `${kind}:` : ''}${namespace === 'default' ? '' : `${namespace}/`}${name}`];
    }),
  );
}

/** The parts of a full entity ref `kind:namespace/name`, as the snapshot stores refs. */
export function splitEntityRef(ref: string): { kind: string; namespace: string; name: string } {
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/', colon + 1);
  if (colon <= 0 || slash < 0) return { kind: '', namespace: 'default', name: ref };
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

/** Whether a standing moved against the ref: its level, or whether it is scored at all. */
export function moved(standing: ScorecardVerdict): boolean {
  if (standing.direction === undefined) return false;
  return standing.direction !== 0 || (standing.before?.levelTitle ?? NOT_SCORED) !== standing.levelTitle;
}

/** `▼ Security: Silver → Bronze` when it moved, `Security: Bronze` when it did not. */
export function standingText(standing: ScorecardVerdict): string {
  if (!moved(standing)) return `${standing.title}: ${standing.levelTitle}`;
  const arrow = standing.direction === 1 ? `${UP} ` : standing.direction === -1 ? `${DOWN} ` : '';
  return `${arrow}${standing.title}: ${standing.before?.levelTitle ?? NOT_SCORED} → ${standing.levelTitle}`;
}

/** Moved standings first (down before up), the rest in the standards' order. */
function leadWithChanges(standings: readonly ScorecardVerdict[]): ScorecardVerdict[] {
  const rank = (standing: ScorecardVerdict) => (moved(standing) ? standing.direction! : 2);
  return [...standings].sort((a, b) => rank(a) - rank(b));
}

function verdictLine(
  entities: readonly EntityVerdict[],
  scorecards: readonly ScorecardDefinition[],
  summary: ChangeSummary | undefined,
): string {
  const tail = summary ? ` · ${changeText(summary)} against ${summary.ref}` : '';
  if (entities.length === 0) return 'No scorecard applies to the entities of this repository.';
  if (entities.length === 1) return `${leadWithChanges(entities[0]!.scorecards).map(standingText).join(' · ')}${tail}`;
  if (entities.length <= MAX_ENTITIES_NAMED) {
    const lead = [...entities].sort((a, b) => Number(b.scorecards.some(moved)) - Number(a.scorecards.some(moved)));
    return `${lead.map((entity) => `${entity.label} — ${leadWithChanges(entity.scorecards).map(standingText).join(' · ')}`).join('; ')}${tail}`;
  }
  const moves = summary
    ? [
        summary.levelsDown ? `${DOWN} ${plural(summary.levelsDown, 'level')} down` : '',
        summary.levelsUp ? `${UP} ${plural(summary.levelsUp, 'level')} up` : '',
      ].filter(Boolean)
    : [];
  return `${entities.length} entities: ${[...levelCounts(entities, scorecards), ...moves].join(' · ')}${tail}`;
}

/** Per scorecard, how many entities stand at each level, highest first: `Security: 8 Silver, 4 Bronze`. */
function levelCounts(entities: readonly EntityVerdict[], scorecards: readonly ScorecardDefinition[]): string[] {
  const ids = sortScorecardIds(
    [...new Set(entities.flatMap((entity) => entity.scorecards.map((standing) => standing.scorecard)))],
    scorecards,
  );
  return ids.flatMap((id) => {
    const standings = entities.flatMap((entity) =>
      entity.scorecards.filter((standing) => standing.scorecard === id && standing.level !== undefined),
    );
    if (standings.length === 0) return [];
    const definition = scorecards.find((candidate) => candidate.id === id);
    const rank = (level: string | null | undefined) => levelRank(definition, level);
    const counts = new Map<string, { title: string; rank: number; count: number }>();
    for (const standing of standings) {
      const entry = counts.get(standing.levelTitle) ?? { title: standing.levelTitle, rank: rank(standing.level), count: 0 };
      counts.set(standing.levelTitle, { ...entry, count: entry.count + 1 });
    }
    const ordered = [...counts.values()].sort((a, b) => b.rank - a.rank || compareText(a.title, b.title));
    return [`${standings[0]!.title}: ${ordered.map((entry) => `${entry.count} ${entry.title}`).join(', ')}`];
  });
}

/** `1 check newly failing, 2 newly applicable and failing, 3 newly passing`, or `no change`. */
function changeText(summary: ChangeSummary): string {
  if (!summary.changed) return 'no change';
  const counts: Array<[number, string]> = [
    [summary.newlyFailing, 'newly failing'],
    [summary.newlyApplicableFailing, 'newly applicable and failing'],
    [summary.newlyPassing, 'newly passing'],
  ];
  const parts = counts
    .filter(([count]) => count > 0)
    .map(([count, what], index) => `${index === 0 ? plural(count, 'check') : count} ${what}`);
  return parts.length ? parts.join(', ') : 'no check changed';
}

/** `1 check`, `2 checks`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A locale-independent order for titles and ids, so output does not depend on the machine. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

/** One entity's failure of a check (a check in two scorecards with the same verdict is one finding). */
export interface Finding {
  entityRef: string;
  /** Each scorecard and level the failure stands in the way of. */
  neededFor: Array<{ scorecard: string; level: string }>;
  /** `fail`, or `error` when the check could not run. */
  outcome: 'fail' | 'error';
  message: string;
  evidence: Evidence[];
  /** An expired exemption, which counts as a failure. */
  exemption?: AppliedExemption;
  /**
   * Fails now and did not at the compared ref (on some scorecard the entity was on there): it passed
   * there (a regression), or did not apply (a first Dockerfile). What the change brings, listed first, marked 🆕.
   */
  newlyFailing: boolean;
}

/** A check that fails on at least one entity, with its metadata and every finding. */
export interface FailingCheck {
  checkId: string;
  title: string;
  effort?: CheckMetadata['effort'];
  severity?: CheckMetadata['severity'];
  /** How to fix it, the standards' Markdown. */
  fix?: string;
  newlyFailing: boolean;
  /** Some finding passed at the compared ref: a regression, listed before what newly applies. */
  regressed?: boolean;
  findings: Finding[];
}

const EFFORT_ORDER: Record<CheckMetadata['effort'], number> = { low: 0, medium: 1, high: 2 };
const SEVERITY_ORDER: Record<CheckMetadata['severity'], number> = { error: 0, warning: 1, note: 2 };

/**
 * The order of what fails: against the ref, regressions first, then what newly applies and fails, then the cheapest fix (effort low →
 * high), the most serious (error → note), then by title and id. A check without metadata goes last.
 */
export function compareFailing(a: FailingCheck, b: FailingCheck): number {
  const effort = (check: FailingCheck) => (check.effort ? EFFORT_ORDER[check.effort] : 3);
  const severity = (check: FailingCheck) => (check.severity ? SEVERITY_ORDER[check.severity] : 3);
  return (
    Number(b.regressed ?? false) - Number(a.regressed ?? false) ||
    Number(b.newlyFailing) - Number(a.newlyFailing) ||
    effort(a) - effort(b) ||
    severity(a) - severity(b) ||
    compareText(a.title, b.title) ||
    compareText(a.checkId, b.checkId)
  );
}

const isOpen = (check: ScoredCheck) => check.effective === 'fail' || check.effective === 'error';

/** Every check that fails on some entity, in the order a developer should fix them, findings by entity. */
export function failingChecks(report: Pick<CheckReport, 'results' | 'checks' | 'comparison'>): FailingCheck[] {
  const newlyFailing = new Set(
    (report.comparison?.changes ?? []).flatMap((change) =>
      // Of an entity new to the scorecard everything would be new: only what changed for one that was there.
      (change.before ? change.newlyFailing : []).map((checkId) => `${change.entityRef}\u0000${change.scorecard}\u0000${checkId}`),
    ),
  );
  const regressed = new Set(
    (report.comparison?.changes ?? []).flatMap((change) => change.regressed.map((checkId) => `${change.entityRef}\u0000${checkId}`)),
  );
  const byCheck = new Map<string, Map<string, Finding>>();
  for (const result of sortedResults(report.results)) {
    for (const check of result.checks.filter(isOpen)) {
      const findings = byCheck.get(check.checkId) ?? new Map<string, Finding>();
      byCheck.set(check.checkId, findings);
      const isNew = newlyFailing.has(`${result.entityRef}\u0000${result.scorecard}\u0000${check.checkId}`);
      // Scorecards may run one check with different options: one finding per distinct verdict.
      const key = JSON.stringify([result.entityRef, check.effective, check.message, check.evidence]);
      const known = findings.get(key);
      if (known) {
        known.neededFor.push({ scorecard: result.scorecard, level: check.level });
        known.newlyFailing ||= isNew;
        continue;
      }
      findings.set(key, {
        entityRef: result.entityRef,
        neededFor: [{ scorecard: result.scorecard, level: check.level }],
        outcome: check.effective === 'error' ? 'error' : 'fail',
        message: check.message,
        evidence: check.evidence,
        ...(check.exemption?.expired ? { exemption: check.exemption } : {}),
        newlyFailing: isNew,
      });
    }
  }
  return [...byCheck]
    .map(([checkId, findings]): FailingCheck => {
      const metadata = report.checks.get(checkId);
      const all = [...findings.values()];
      return {
        checkId,
        title: metadata?.title ?? checkId,
        ...(metadata ? { effort: metadata.effort, severity: metadata.severity, fix: metadata.fix.trim() } : {}),
        newlyFailing: all.some((finding) => finding.newlyFailing),
        ...(all.some((finding) => regressed.has(`${finding.entityRef}\u0000${checkId}`)) ? { regressed: true } : {}),
        // Within a check, newly failing entities first too.
        findings: all.sort((a, b) => Number(b.newlyFailing) - Number(a.newlyFailing) || compareText(a.entityRef, b.entityRef)),
      };
    })
    .sort(compareFailing);
}

/** Results by entity, then scorecard: the order findings are gathered in. */
function sortedResults(results: readonly ScorecardResult[]): ScorecardResult[] {
  return [...results].sort((a, b) => compareText(a.entityRef, b.entityRef) || compareText(a.scorecard, b.scorecard));
}

/** A check that passes (or is exempt) or does not apply on an entity: folded away unless asked for. */
export interface SettledCheck {
  entityRef: string;
  checkId: string;
  title: string;
  outcome: 'pass' | 'notApplicable';
  message: string;
  /** An unexpired exemption: it passes because of it. */
  exemption?: AppliedExemption;
  /** Passing now and not at the compared ref. */
  newlyPassing: boolean;
}

/**
 * The checks that do not fail, one per entity and check: passing where any scorecard has it pass,
 * else not applicable. A check that fails on an entity in any scorecard is with what fails instead.
 */
export function settledChecks(report: Pick<CheckReport, 'results' | 'checks' | 'comparison'>): {
  passing: SettledCheck[];
  notApplicable: SettledCheck[];
} {
  const newlyPassing = new Set(
    (report.comparison?.changes ?? []).flatMap((change) => change.newlyPassing.map((checkId) => `${change.entityRef}\u0000${checkId}`)),
  );
  const failing = new Set<string>();
  const settled = new Map<string, SettledCheck>();
  for (const result of sortedResults(report.results)) {
    for (const check of result.checks) {
      const key = `${result.entityRef}\u0000${check.checkId}`;
      if (isOpen(check)) {
        failing.add(key);
        continue;
      }
      const outcome = check.effective === 'pass' ? 'pass' : 'notApplicable';
      if (settled.get(key)?.outcome === 'pass') continue;
      settled.set(key, {
        entityRef: result.entityRef,
        checkId: check.checkId,
        title: report.checks.get(check.checkId)?.title ?? check.checkId,
        outcome,
        message: check.message,
        ...(check.exemption && !check.exemption.expired ? { exemption: check.exemption } : {}),
        newlyPassing: outcome === 'pass' && newlyPassing.has(key),
      });
    }
  }
  const kept = [...settled].filter(([key]) => !failing.has(key)).map(([, check]) => check);
  // What the change fixed first: it is what a reviewer looks for.
  kept.sort(
    (a, b) =>
      Number(b.newlyPassing) - Number(a.newlyPassing) ||
      compareText(a.entityRef, b.entityRef) ||
      compareText(a.title, b.title) ||
      compareText(a.checkId, b.checkId),
  );
  return {
    passing: kept.filter((check) => check.outcome === 'pass'),
    notApplicable: kept.filter((check) => check.outcome === 'notApplicable'),
  };
}

/** `12 checks pass (1 by exemption), 3 do not apply`, or '' when there is none. */
export function settledSummary(settled: { passing: readonly SettledCheck[]; notApplicable: readonly SettledCheck[] }): string {
  const parts: string[] = [];
  const exempt = settled.passing.filter((check) => check.exemption).length;
  if (settled.passing.length)
    parts.push(
      `${plural(settled.passing.length, 'check')} ${settled.passing.length === 1 ? 'passes' : 'pass'}${exempt ? ` (${exempt} by exemption)` : ''}`,
    );
  if (settled.notApplicable.length) {
    const count = settled.notApplicable.length;
    parts.push(
      parts.length
        ? `${count} ${count === 1 ? 'does' : 'do'} not apply`
        : `${plural(count, 'check')} ${count === 1 ? 'does' : 'do'} not apply`,
    );
  }
  return parts.join(', ');
}

/** A scorecard and level a failing check stands in the way of. */
export type Need = Finding['neededFor'][number];

/**
 * What failing checks stand in the way of, in words, each scorecard and level once, in the
 * standards' order: the level (`Silver`), with the scorecard's title when the report has more
 * than one scorecard (`Security Silver`).
 */
export function neededForText(needs: readonly Need[], scorecards: readonly ScorecardDefinition[], manyScorecards: boolean): string {
  const rank = (need: Need) => {
    const index = scorecards.findIndex((definition) => definition.id === need.scorecard);
    return index === -1 ? scorecards.length : index;
  };
  const levelOf = (need: Need) => levelRank(scorecards[rank(need)], need.level);
  const distinct = [...new Map(needs.map((need) => [`${need.scorecard}\u0000${need.level}`, need])).values()];
  return distinct
    .sort((a, b) => rank(a) - rank(b) || compareText(a.scorecard, b.scorecard) || levelOf(a) - levelOf(b) || compareText(a.level, b.level))
    .map(({ scorecard, level }) => {
      const definition = scorecards.find((candidate) => candidate.id === scorecard);
      const title = levelTitle(definition, level);
      return manyScorecards ? `${definition?.title ?? scorecard} ${title}` : title;
    })
    .join(', ');
}

/** Whether the report's results span more than one scorecard (levels then need the scorecard's name). */
export function hasManyScorecards(report: Pick<CheckReport, 'results'>): boolean {
  return new Set(report.results.map((result) => result.scorecard)).size > 1;
}

/** The `--fail-on` gate as JSON and SARIF give it: its name, whether it passes, and why not. */
export interface GateOutcome {
  name: NonNullable<CheckReport['gate']>['name'];
  passes: boolean;
  failures: string[];
}

export function gateOutcome(gate: NonNullable<CheckReport['gate']>): GateOutcome {
  return { name: gate.name, passes: gate.failures.length === 0, failures: gate.failures };
}

/** What the `--fail-on-problems` gate decides, in a sentence; empty when no problem counts and none was left out. */
export function problemGateText(gate: NonNullable<CheckReport['problemGate']>): string {
  const kind = gate.failOn === 'error' ? 'error' : 'problem';
  const since = gate.since === undefined ? '' : ` new since ${gate.since}`;
  if (gate.failing > 0)
    return `${plural(gate.failing, kind)}${since} ${gate.failing === 1 ? 'fails' : 'fail'} the run (--fail-on-problems ${gate.failOn}; pass --fail-on-problems never to report them without failing).`;
  const carried = gate.onBase ?? 0;
  return gate.since !== undefined && carried > 0
    ? `No ${kind}${since}: the ${plural(carried, kind)} ${gate.since} has too ${carried === 1 ? 'does' : 'do'} not fail the run (--fail-on regression).`
    : '';
}
