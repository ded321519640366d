import { error, type CatalogLookup, type CheckDefinition, type CheckResult } from '../checks/check.ts';
import { runCheck } from '../checks/run.ts';
import type { Facts } from '../facts/index.ts';
import type { Problem } from '../contract/problems.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import type { ScorecardDefinition } from './definition.ts';
import { annotationExemptions, findExemption, type Exemption } from './exemptions.ts';
import { matchesFilter } from './filter.ts';
import { entityFacts } from '../catalog/code-repo.ts';
import type { ScoredCheck, ScorecardResult } from './result.ts';
import { didYouMean } from './suggest.ts';
import { compareCodeUnits } from '../support/order.ts';

/** What one scorecard needs to judge one entity. */
export interface ScorecardEvaluationInput {
  scorecard: ScorecardDefinition;
  entity: CatalogEntity;
  /** Facts of the entity's repository; undefined for entities that live in no repository. */
  facts: Facts | undefined;
  catalog: CatalogLookup;
  /** Every check the portal knows (built-in and custom), by id. */
  checks: ReadonlyMap<string, CheckDefinition>;
  /** Exemptions from both sources; only the entity's own are considered. */
  exemptions: readonly Exemption[];
  now: Date;
  /**
   * Results of checks already run on this entity, by check id and options: scorecards and guides
   * share checks, and a check is a pure function of its input, so each runs once per entity.
   */
  ran?: Map<string, CheckResult>;
  /**
   * Results an earlier snapshot recorded (`checkRunKey`'s keys), for entities whose repository
   * could not be read this run: a check that errors on the facts the snapshot kept (it needs the
   * files, which snapshots do not keep) takes its recorded result instead.
   */
  recorded?: ReadonlyMap<string, CheckResult>;
}

/** How `ran` keys a check's result: a check is a pure function of the entity and its options. */
export function checkRunKey(entityRef: string, checkId: string, options: Record<string, unknown>): string {
  return `${entityRef}\0${checkId}\0${optionsKey(options)}`;
}

const optionsKeys = new WeakMap<Record<string, unknown>, string>();

/** Options as JSON, once per scorecard entry: every entity a scorecard scores is given the same options object. */
function optionsKey(options: Record<string, unknown>): string {
  let key = optionsKeys.get(options);
  if (key === undefined) optionsKeys.set(options, (key = JSON.stringify(options)));
  return key;
}

const EFFORT_ORDER = { low: 0, medium: 1, high: 2 } as const;

/**
 * One entity's standing on one scorecard.
 *
 * - Each check runs once per entity and options, through the check runner (`runCheck`): a check
 *   that throws (or returns something that is not a result) is outcome `error` for this entity only.
 * - The effective outcome of a failed or errored check is `pass` under an unexpired exemption; an
 *   expired exemption changes nothing but is attached, so the page can flag it.
 * - `notApplicable` checks count neither for nor against. `error` counts as not passed: a check
 *   that cannot tell must not lift an entity to a level.
 * - The level is the highest one whose checks pass, together with every lower level's (a gold pass
 *   above a silver failure is bronze). A level whose checks are all not applicable passes.
 * - The score is the weighted share of applicable checks that pass. When none applies it is 1:
 *   Cortex leaves rules that do not apply out of both sides of the fraction, and with nothing left
 *   the entity is, like its level, vacuously at the top rather than at the bottom.
 * - `next` is the level above the one reached, with the checks standing in the way, cheapest first
 *   (effort low to high, then weight high to low, then scorecard order).
 */
export function evaluateScorecard(input: ScorecardEvaluationInput): ScorecardResult {
  const { scorecard, entity, facts, catalog, checks, exemptions, now, ran = new Map<string, CheckResult>(), recorded } = input;
  const scored: ScoredCheck[] = scorecard.levels.flatMap((level) =>
    level.checks.map((entry): ScoredCheck => {
      const key = checkRunKey(entity.ref, entry.id, entry.options);
      let result = ran.get(key);
      if (!result) {
        const check = checks.get(entry.id);
        // The content loader rejects unknown ids; this guards callers that skip it.
        result = check ? runCheck(check, { entity, facts, catalog, now, options: entry.options }) : error(`Unknown check "${entry.id}".`);
        if (result.outcome === 'error') result = recorded?.get(key) ?? result;
        ran.set(key, result);
      }
      const failed = result.outcome === 'fail' || result.outcome === 'error';
      const exemption = failed
        ? findExemption(exemptions, { entityRef: entity.ref, checkId: entry.id, scorecard: scorecard.id }, now)
        : undefined;
      const effective = exemption && !exemption.expired ? 'pass' : result.outcome;
      const { outcome, message, evidence } = result;
      return exemption
        ? { checkId: entry.id, level: level.id, weight: entry.weight, outcome, message, evidence, exemption, effective }
        : { checkId: entry.id, level: level.id, weight: entry.weight, outcome, message, evidence, effective };
    }),
  );

  const levelPasses = scorecard.levels.map((level) =>
    scored.every((check) => check.level !== level.id || check.effective === 'pass' || check.effective === 'notApplicable'),
  );
  const firstFailing = levelPasses.indexOf(false);
  const reached = firstFailing === -1 ? scorecard.levels.length - 1 : firstFailing - 1;

  const applicable = scored.filter((check) => check.effective !== 'notApplicable');
  const total = applicable.reduce((sum, check) => sum + check.weight, 0);
  const passed = applicable.filter((check) => check.effective === 'pass').reduce((sum, check) => sum + check.weight, 0);

  const nextLevel = scorecard.levels[reached + 1];
  return {
    scorecard: scorecard.id,
    entityRef: entity.ref,
    level: scorecard.levels[reached]?.id ?? null,
    score: total === 0 ? 1 : passed / total,
    checks: scored,
    ...(nextLevel ? { next: { level: nextLevel.id, checks: blockingChecks(scored, scorecard, reached + 1, checks) } } : {}),
  };
}

/** Ids of the checks at or below level `nextIndex` that do not pass, cheapest fix first, each once. */
export function blockingChecks(
  scored: readonly ScoredCheck[],
  scorecard: ScorecardDefinition,
  nextIndex: number,
  checks: ReadonlyMap<string, Pick<CheckDefinition, 'effort'>>,
): string[] {
  const levelsUpToNext = new Set(scorecard.levels.slice(0, nextIndex + 1).map((level) => level.id));
  const effort = (id: string) => EFFORT_ORDER[checks.get(id)?.effort ?? 'high'];
  const blocking = scored
    .map((check, order) => ({ check, order }))
    .filter(({ check }) => levelsUpToNext.has(check.level) && (check.effective === 'fail' || check.effective === 'error'))
    .sort((a, b) => effort(a.check.checkId) - effort(b.check.checkId) || b.check.weight - a.check.weight || a.order - b.order);
  return [...new Set(blocking.map(({ check }) => check.checkId))];
}

/** Everything needed to evaluate every scorecard on the whole catalog. */
export interface PortalEvaluationInput {
  scorecards: readonly ScorecardDefinition[];
  entities: readonly CatalogEntity[];
  /** Facts by repository name (an entity's `source.repo`). */
  factsByRepo: ReadonlyMap<string, Facts>;
  /** Every check the portal knows, built-in and custom (ids are unique: the content loader ensures it). */
  checks: readonly CheckDefinition[];
  /** Central exemptions (`loadPortalContent`'s); annotation exemptions are read from the entities. */
  exemptions: readonly Exemption[];
  /**
   * Entities known from elsewhere (a published snapshot, when only one repository is scanned):
   * checks can look them up, scorecards are not applied to them.
   */
  knownEntities?: readonly CatalogEntity[];
  /** Results an earlier snapshot recorded, for repositories that could not be fetched (see `ScorecardEvaluationInput.recorded`). */
  recorded?: ReadonlyMap<string, CheckResult>;
  now: Date;
}

/**
 * Applies each scorecard to the entities its `appliesTo` selects. Results are ordered by scorecard
 * id, then entity ref, so two runs over the same input produce the same snapshot. Problems: a
 * malformed exemption annotation (on the entity's descriptor), an exemption naming a check the
 * portal does not know, a central exemption naming an entity that is not in the catalog.
 */
export function evaluatePortal(input: PortalEvaluationInput): { results: ScorecardResult[]; problems: Problem[] } {
  const evaluation = prepareEvaluation(input);
  return {
    results: [...input.scorecards].sort((a, b) => compareCodeUnits(a.id, b.id)).flatMap(evaluation.evaluate),
    problems: evaluation.problems,
  };
}

/**
 * The catalog lookup and every entity's exemptions, gathered once; `evaluate` then applies any
 * scorecard (or a guide's checks, as a one-level scorecard) to the entities it selects, in ref order.
 */
export function prepareEvaluation(input: Omit<PortalEvaluationInput, 'scorecards'>): {
  problems: Problem[];
  evaluate(scorecard: ScorecardDefinition): ScorecardResult[];
} {
  const { entities, factsByRepo, now } = input;
  const checks = new Map(input.checks.map((check) => [check.id, check]));
  const problems: Problem[] = [];
  // Scanned entities win over known ones: they are this run's version.
  const byRef = new Map([...(input.knownEntities ?? []), ...entities].map((entity) => [entity.ref.toLowerCase(), entity]));
  const catalog: CatalogLookup = { get: (ref) => byRef.get(ref.toLowerCase()) };

  const exemptionsByEntity = new Map<string, Exemption[]>();
  const addExemption = (exemption: Exemption) => {
    if (!checks.has(exemption.checkId)) {
      problems.push({
        severity: 'warning',
        ...exemption.declaredAt,
        entityRef: exemption.entityRef,
        message: `Exemption for unknown check "${exemption.checkId}"${didYouMean(exemption.checkId, checks.keys()) || '.'}`,
      });
    }
    exemptionsByEntity.set(exemption.entityRef, [...(exemptionsByEntity.get(exemption.entityRef) ?? []), exemption]);
  };
  for (const exemption of input.exemptions) {
    if (!byRef.has(exemption.entityRef)) {
      problems.push({
        severity: 'warning',
        ...exemption.declaredAt,
        message: `Exemption for ${exemption.entityRef}, which is not in the catalog.`,
      });
    }
    addExemption(exemption);
  }

  const sortedEntities = [...entities].sort((a, b) => compareCodeUnits(a.ref, b.ref));
  for (const entity of sortedEntities) {
    const own = annotationExemptions(entity);
    problems.push(...own.problems);
    own.exemptions.forEach(addExemption);
  }
  const ran = new Map<string, CheckResult>();
  const evaluate = (scorecard: ScorecardDefinition): ScorecardResult[] =>
    sortedEntities.flatMap((entity) => {
      const facts = entityFacts(entity, factsByRepo);
      if (!matchesFilter(scorecard.appliesTo, entity, facts)) return [];
      const exemptions = exemptionsByEntity.get(entity.ref.toLowerCase()) ?? [];
      return [
        evaluateScorecard({
          scorecard,
          entity,
          facts,
          catalog,
          checks,
          exemptions,
          now,
          ran,
          ...(input.recorded ? { recorded: input.recorded } : {}),
        }),
      ];
    });
  return {
    problems: problems.sort(
      (a, b) => compareCodeUnits(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareCodeUnits(a.message, b.message),
    ),
    evaluate,
  };
}
