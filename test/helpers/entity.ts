import type { CatalogEntity, Relation } from '../../collectors/contract/snapshot.ts';

/** What a test says of a catalog entity; everything else gets a default. */
export interface EntityInput {
  kind?: string;
  name?: string;
  namespace?: string;
  metadata?: Partial<CatalogEntity['metadata']>;
  spec?: Record<string, unknown>;
  /** Relations, or `[type, targetRef]` pairs. */
  relations?: Array<Relation | [type: string, targetRef: string]>;
  inferred?: boolean;
  /** `null` for an entity from the portal's content folder (no repository). */
  repo?: string | null;
  file?: string;
  line?: number;
  /** Where the descriptor is on the forge. */
  url?: string;
}

/**
 * A catalog entity as the catalog stage produces it. Defaults: Component `payments` of repository
 * `payments`, a service in production, declared in catalog-info.yaml.
 */
export function entity(input: EntityInput = {}): CatalogEntity {
  const kind = input.kind ?? 'Component';
  const name = input.name ?? 'payments';
  const namespace = input.namespace ?? 'default';
  const spec =
    input.spec ?? (kind === 'Component' ? { type: 'service', lifecycle: 'production', owner: 'group:default/payments-team' } : undefined);
  const repo = input.repo === undefined ? 'payments' : input.repo;
  return {
    ref: `${kind}:${namespace}/${name}`.toLowerCase(),
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace, ...input.metadata },
    ...(spec ? { spec } : {}),
    relations: (input.relations ?? []).map((relation) =>
      Array.isArray(relation) ? { type: relation[0], targetRef: relation[1] } : relation,
    ),
    source: {
      ...(repo ? { repo } : {}),
      file: input.file ?? (input.inferred ? '.' : 'catalog-info.yaml'),
      line: input.line ?? 1,
      ...(input.url ? { url: input.url } : {}),
    },
    inferred: input.inferred ?? false,
  };
}
