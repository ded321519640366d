import type { CatalogEntity } from './schema.ts';

/** A string field of an entity's `spec` (`type`, `lifecycle` …), trimmed, or `undefined` when absent, blank or not a string. */
export function specString(entity: Pick<CatalogEntity, 'spec'>, field: string): string | undefined {
  const value = entity.spec?.[field];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
