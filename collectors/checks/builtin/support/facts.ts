import type { CatalogEntity, FieldPointedAt } from '../../../catalog/schema.ts';
import type { Evidence } from '../../check.ts';

/**
 * Where the entity declares `field` (a JSON pointer of `FIELDS_POINTED_AT`), or else where its
 * document starts, as evidence; none for an inferred entity, which has no file.
 */
export function declarationEvidence(entity: CatalogEntity, note?: string, field?: FieldPointedAt): Evidence[] {
  if (entity.inferred) return [];
  const line = (field && entity.source.fields?.[field]) ?? entity.source.line;
  return [{ path: entity.source.file, ...declaringRepo(entity), line, ...(note ? { note } : {}) }];
}

/** The repository of an entity's descriptor, for evidence in it, when another repository's files judge the entity. */
export function declaringRepo(entity: CatalogEntity): Pick<Evidence, 'repo'> {
  return entity.codeRepo !== undefined && entity.source.repo !== undefined ? { repo: entity.source.repo } : {};
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

export { specString } from '../../../catalog/fields.ts';
export { relationTarget } from '../../../catalog/relations.ts';

/** `a Component`, `an API`. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
