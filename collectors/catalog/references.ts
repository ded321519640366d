import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';

/**
 * A spec field of a built-in kind that refers to other entities, with the kind a shorthand ref
 * (`payments` instead of `group:payments`) defaults to. The table is Backstage's: the
 * `BuiltinKindsEntityProcessor` of the catalog backend and the relation fields catalog-model
 * declares per kind. `dependsOn` and `dependencyOf` have no default kind, so a ref there must name
 * its kind, or Backstage fails the entity.
 */
export interface ReferenceField {
  kind: string;
  /** Name of the field under `spec`. */
  field: string;
  defaultKind?: string;
}

/** Every reference field of the built-in kinds, in Backstage's order. */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { kind: 'Component', field: 'owner', defaultKind: 'Group' },
  { kind: 'Component', field: 'subcomponentOf', defaultKind: 'Component' },
  { kind: 'Component', field: 'providesApis', defaultKind: 'API' },
  { kind: 'Component', field: 'consumesApis', defaultKind: 'API' },
  { kind: 'Component', field: 'dependsOn' },
  { kind: 'Component', field: 'dependencyOf' },
  { kind: 'Component', field: 'system', defaultKind: 'System' },
  { kind: 'API', field: 'owner', defaultKind: 'Group' },
  { kind: 'API', field: 'system', defaultKind: 'System' },
  { kind: 'Resource', field: 'owner', defaultKind: 'Group' },
  { kind: 'Resource', field: 'dependsOn' },
  { kind: 'Resource', field: 'dependencyOf' },
  { kind: 'Resource', field: 'system', defaultKind: 'System' },
  { kind: 'System', field: 'owner', defaultKind: 'Group' },
  { kind: 'System', field: 'domain', defaultKind: 'Domain' },
  { kind: 'Domain', field: 'owner', defaultKind: 'Group' },
  { kind: 'Domain', field: 'subdomainOf', defaultKind: 'Domain' },
  { kind: 'Group', field: 'parent', defaultKind: 'Group' },
  { kind: 'Group', field: 'children', defaultKind: 'Group' },
  { kind: 'Group', field: 'members', defaultKind: 'User' },
  { kind: 'User', field: 'memberOf', defaultKind: 'Group' },
  // Backstage's ScaffolderEntitiesProcessor gives Templates an owner the same way.
  { kind: 'Template', field: 'owner', defaultKind: 'Group' },
];

/** One resolved reference of an entity: the field, the value as written, and the full lowercase ref. */
export interface EntityReference {
  kind: string;
  field: string;
  value: string;
  targetRef: string;
}

/** A reference Backstage cannot parse; Backstage fails the whole entity on it. */
export interface ReferenceError {
  field: string;
  value: unknown;
  message: string;
}

/**
 * Resolves one entity ref with Backstage's rules: the kind defaults to `defaultKind` (when the field
 * has one) and the namespace to the referring entity's. Returns the lowercase string ref, or throws
 * catalog-model's own error (missing kind, empty name …).
 */
export function resolveReference(value: string, context: { defaultKind?: string; defaultNamespace: string }): string {
  return stringifyEntityRef(parseEntityRef(value, context));
}

/**
 * Every reference an entity makes through its kind's reference fields, resolved. `entity` must
 * already be validated (its namespace set); values that are not strings are reported, not thrown.
 */
export function entityReferences(entity: Entity): { references: EntityReference[]; errors: ReferenceError[] } {
  const references: EntityReference[] = [];
  const errors: ReferenceError[] = [];
  const defaultNamespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  for (const { kind, field, defaultKind } of REFERENCE_FIELDS) {
    if (kind !== entity.kind) continue;
    const raw = spec[field];
    // Backstage's processor skips absent and empty values (`if (!targets) return`).
    if (raw === undefined || raw === null || raw === '') continue;
    for (const value of [raw].flat()) {
      if (typeof value !== 'string') {
        errors.push({ field, value, message: `expected an entity ref string but found ${JSON.stringify(value)}` });
        continue;
      }
      try {
        references.push({
          kind,
          field,
          value,
          targetRef: resolveReference(value, { ...(defaultKind ? { defaultKind } : {}), defaultNamespace }),
        });
      } catch (error) {
        errors.push({ field, value, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { references, errors };
}
