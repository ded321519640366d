import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Facts } from '../facts/index.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import type { EntityFilter } from './definition.ts';

/**
 * Whether `entity` is one of the entities `filter` selects. Every field the filter sets must match;
 * within a field, any listed value matches. Comparisons ignore case, as Backstage's do. `language`
 * is the repository's primary language (the first of the `languages` fact), so an entity without a
 * repository never matches a language filter.
 */
export function matchesFilter(filter: EntityFilter, entity: CatalogEntity, facts: Facts | undefined): boolean {
  const spec = entity.spec ?? {};
  const namespace = entity.metadata.namespace;
  const fields: Array<[readonly string[] | undefined, () => readonly string[]]> = [
    [filter.kind, () => [entity.kind]],
    [filter.type, () => stringValues(spec['type'])],
    [filter.lifecycle, () => stringValues(spec['lifecycle'])],
    [filter.tags, () => entity.metadata.tags ?? []],
    [filter.language, () => (facts?.languages?.[0] ? [facts.languages[0].name] : [])],
    [filter.owner?.map((ref) => normalizeRef(ref, 'group', 'default')), () => refsOf(spec['owner'], 'group', namespace)],
    [filter.system?.map((ref) => normalizeRef(ref, 'system', 'default')), () => refsOf(spec['system'], 'system', namespace)],
  ];
  return fields.every(([wanted, actual]) => {
    if (!wanted) return true;
    const values = new Set(actual().map((value) => value.toLowerCase()));
    return wanted.some((value) => values.has(value.toLowerCase()));
  });
}

function stringValues(value: unknown): string[] {
  return typeof value === 'string' ? [value] : [];
}

/**
 * The entity's own ref in a spec field, resolved as Backstage resolves it: the field's default kind,
 * and the entity's namespace. A ref Backstage cannot parse matches nothing (the catalog already
 * reported it as a problem).
 */
function refsOf(value: unknown, defaultKind: string, defaultNamespace: string): string[] {
  if (typeof value !== 'string') return [];
  try {
    return [normalizeRef(value, defaultKind, defaultNamespace)];
  } catch {
    return [];
  }
}

/** `payments` → `group:default/payments`, lowercased. Throws on a ref Backstage cannot parse. */
export function normalizeRef(ref: string, defaultKind: string, defaultNamespace: string): string {
  return stringifyEntityRef(parseEntityRef(ref, { defaultKind, defaultNamespace })).toLowerCase();
}
