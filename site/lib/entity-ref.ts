import { windowsSafeSegment } from '../../collectors/contract/helpers.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { profileString } from './entity.ts';

/** The parts of an entity ref `kind:namespace/name` (a type alias, so it satisfies Astro's `Params`). */
export type EntityRefParts = {
  kind: string;
  namespace: string;
  name: string;
};

/** Splits a full entity ref (`component:default/payments`), as the snapshot stores them. */
export function parseEntityRef(ref: string): EntityRefParts {
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/', colon + 1);
  if (colon <= 0 || slash < 0) return { kind: '', namespace: 'default', name: ref };
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

/**
 * A ref as written in content (`platform`, `group:platform`, `group:ops/platform`) in full, with
 * Backstage's defaults for kind and namespace and lowercased as the snapshot stores refs:
 * `group:default/platform`.
 */
export function completeEntityRef(ref: string, defaultKind: string): string {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : defaultKind;
  const rest = colon > 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return (slash >= 0 ? `${kind}:${rest}` : `${kind}:default/${rest}`).toLowerCase();
}

/**
 * A ref as people write it, Backstage's `humanizeEntityRef`: the namespace is left out when it is
 * `default`, the kind when it is the one the context implies (`defaultKind`).
 */
export function humanizeEntityRef(ref: string, defaultKind?: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const kindPart = kind && kind !== defaultKind?.toLowerCase() ? `${kind}:` : '';
  const namespacePart = namespace === 'default' ? '' : `${namespace}/`;
  return `${kindPart}${namespacePart}${name}`;
}

/**
 * What an entity is called on every page: a user's or group's profile name, its title, or its name,
 * after its namespace when that is not `default` (two namespaces may each have a `maintainers`), as
 * Backstage presents entities.
 */
export function entityDisplayName(entity: CatalogEntity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return (
    profileString(entity, 'displayName') ??
    entity.metadata.title ??
    (namespace.toLowerCase() === 'default' ? entity.metadata.name : `${namespace}/${entity.metadata.name}`)
  );
}

/**
 * Route parameters of an entity page; kind and namespace lowercase, as in Backstage's URLs, and no
 * folder a Windows checkout cannot hold (`con` → `con_`; the catalog stage reports such names).
 */
export function entityRouteParams(entity: CatalogEntity): EntityRefParts {
  return {
    namespace: windowsSafeSegment(entity.metadata.namespace.toLowerCase()),
    kind: entity.kind.toLowerCase(),
    name: windowsSafeSegment(entity.metadata.name),
  };
}

/**
 * Route parameters for a full ref (`group:default/payments`), for an owner that may not be in the
 * catalog: the entity's own when it is (its name keeps its case), else the ref's parts, made safe
 * the same way.
 */
export function refRouteParams(ref: string, entity: CatalogEntity | undefined): EntityRefParts {
  if (entity) return entityRouteParams(entity);
  const { kind, namespace, name } = parseEntityRef(ref);
  return { namespace: windowsSafeSegment(namespace.toLowerCase()), kind: kind.toLowerCase(), name: windowsSafeSegment(name) };
}
