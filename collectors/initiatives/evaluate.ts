import { levelRank, type ScorecardDefinition } from '../scorecards/definition.ts';
import { matchesFilter } from '../scorecards/filter.ts';
import { entityFacts } from '../catalog/code-repo.ts';
import { ownerRef } from '../scorecards/owners.ts';
import type { ScorecardResult } from '../scorecards/result.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import type { Facts } from '../facts/index.ts';
import { RELATION, relationTarget } from '../catalog/relations.ts';
import type { Initiative, InitiativeFile } from './schema.ts';
import { compareCodeUnits } from '../support/order.ts';

export interface InitiativeSource {
  file: string;
  spec: InitiativeFile;
}

export interface InitiativeEvaluationInput {
  initiatives: readonly InitiativeSource[];
  entities: readonly CatalogEntity[];
  factsByRepo: ReadonlyMap<string, Facts>;
  scorecards: readonly ScorecardDefinition[];
  /** This run's scorecard results. */
  results: readonly ScorecardResult[];
  /** Applies a scorecard (here: the goal's checks, as one level) to the catalog. */
  evaluate(scorecard: ScorecardDefinition): ScorecardResult[];
}

/**
 * Where every entity an initiative covers stands against its goal: a scorecard level reached (or
 * passed), or every goal check that applies to it passing (exemptions count, as on scorecards; an
 * entity none of them applies to is not covered). Pure; entities in ref order.
 */
export function evaluateInitiatives(input: InitiativeEvaluationInput): Initiative[] {
  const byRef = new Map(input.entities.map((entity) => [entity.ref, entity]));
  const ownerOf = (ref: string) => {
    const entity = byRef.get(ref);
    return entity && relationTarget(entity, RELATION.ownedBy);
  };
  return input.initiatives.map(({ file, spec }) => {
    const appliesTo = spec.appliesTo ?? { kind: ['Component'] };
    const covered = (ref: string) => {
      const entity = byRef.get(ref);
      return entity !== undefined && matchesFilter(appliesTo, entity, entityFacts(entity, input.factsByRepo));
    };
    let entities: Initiative['entities'];
    if ('scorecard' in spec.goal) {
      const { scorecard: scorecardId, level } = spec.goal;
      const scorecard = input.scorecards.find((candidate) => candidate.id === scorecardId);
      // A goal level the scorecard does not have is never reached.
      const wanted = levelRank(scorecard, level) < 0 ? Number.POSITIVE_INFINITY : levelRank(scorecard, level);
      entities = input.results
        .filter((result) => result.scorecard === scorecardId && covered(result.entityRef))
        .map((result) => {
          const done = levelRank(scorecard, result.level) >= wanted;
          return { entityRef: result.entityRef, done, missing: done ? [] : [result.level ?? 'no level'] };
        });
    } else {
      const results = input.evaluate({
        id: `initiative-${spec.id}`,
        title: spec.title,
        description: '',
        appliesTo,
        levels: [{ id: 'goal', checks: spec.goal.checks.map((id) => ({ id, weight: 1, options: {} })) }],
      });
      // An entity none of the goal's checks applies to has nothing to do: it is not counted, as a guide leaves it out.
      entities = results.flatMap((result) => {
        if (result.checks.every((check) => check.effective === 'notApplicable')) return [];
        const missing = result.checks
          .filter((check) => check.effective === 'fail' || check.effective === 'error')
          .map((check) => check.checkId);
        return [{ entityRef: result.entityRef, done: missing.length === 0, missing }];
      });
    }
    const sorted = entities
      .sort((a, b) => compareCodeUnits(a.entityRef, b.entityRef))
      .map((entry) => {
        const owner = ownerOf(entry.entityRef);
        return { ...entry, ...(owner ? { owner } : {}) };
      });
    // As written when Backstage cannot read it.
    return { ...spec, owner: ownerRef(spec.owner) ?? spec.owner, file, entities: sorted };
  });
}
