import type { Facts } from '../../../facts/index.ts';
import type { CatalogEntity } from '../../../snapshot.ts';
import { notApplicable, type CheckContext, type CheckResult, type Evidence } from '../../check.ts';

/** The named facts, each known to have been collected. */
export type RequiredFacts<Id extends keyof Facts> = { [K in Id]-?: Exclude<Facts[K], undefined> };

/**
 * The facts a repository-based check needs, or the verdict when they are missing: `notApplicable`
 * for an entity that lives in no repository, `error` when a retriever failed (its problem says why),
 * so a missing fact is never mistaken for a missing file.
 */
export function requireFacts<const Id extends keyof Facts>(
  context: Pick<CheckContext<unknown>, 'entity' | 'facts'>,
  ids: readonly Id[],
): { ok: true; facts: RequiredFacts<Id> } | { ok: false; result: CheckResult } {
  const { facts, entity } = context;
  if (!facts) return { ok: false, result: notApplicable(noRepository(entity)) };
  const missing = ids.filter((id) => facts[id] === undefined);
  if (missing.length > 0) {
    const names = missing.map((id) => `"${String(id)}"`).join(', ');
    return {
      ok: false,
      result: error(`The ${names} fact${missing.length > 1 ? 's' : ''} of repository ${entity.source.repo ?? '(unknown)'} could not be collected (its problems list says why), so this could not be checked.`),
    };
  }
  return { ok: true, facts: facts as RequiredFacts<Id> };
}

/** Why a repository-based check does not apply to an entity declared outside any repository. */
export function noRepository(entity: CatalogEntity): string {
  return `${entity.ref} is declared in ${entity.source.file}, outside any scanned repository, so there are no repository files to check.`;
}

/** An outcome `error`: the check could not decide (check.ts has helpers only for the three verdicts). */
export function error(message: string): CheckResult {
  return { outcome: 'error', message, evidence: [] };
}

/** Where the entity is declared, as evidence; none for an inferred entity, which has no file. */
export function declarationEvidence(entity: CatalogEntity, note?: string): Evidence[] {
  if (entity.inferred) return [];
  return [{ path: entity.source.file, line: entity.source.line, ...(note ? { note } : {}) }];
}

/** `1 file`, `3 files`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `a, b and c`, or `a, b, c and 4 more` beyond `max` items. */
export function listOf(items: readonly string[], max = 3): string {
  if (items.length <= 1) return items.join('');
  const shown = items.slice(0, Math.min(items.length, max));
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** Evidence lists are capped, so a repository with thousands of offending files keeps a readable page. */
export const MAX_EVIDENCE = 50;

export function capped(evidence: Evidence[]): Evidence[] {
  return evidence.slice(0, MAX_EVIDENCE);
}

/** A value of the entity's `spec`, when it is a non-empty string. */
export function specString(entity: CatalogEntity, field: string): string | undefined {
  const value = entity.spec?.[field];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The target of the entity's first relation of a type (`ownedBy`, `partOf`), already resolved by the catalog. */
export function relationTarget(entity: CatalogEntity, type: string): string | undefined {
  return entity.relations.find((relation) => relation.type === type)?.targetRef;
}

/** `a Component`, `an API`. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
