import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import type { IndexedCatalog } from './catalog.ts';
import { repoOf } from './standards.ts';

export { specString } from '../../collectors/contract/helpers.ts';

/** A string field of a User's or Group's `spec.profile` (`displayName`, `email`). */
export function profileString(entity: CatalogEntity, field: 'displayName' | 'email'): string | undefined {
  const profile = entity.spec?.profile;
  const value = profile && typeof profile === 'object' ? (profile as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The largest language of the entity's repository, from its `languages` fact. */
export function primaryLanguage(catalog: IndexedCatalog, entity: CatalogEntity): string | undefined {
  const repo = repoOf(catalog, entity);
  return repo?.facts.languages?.[0]?.name;
}
