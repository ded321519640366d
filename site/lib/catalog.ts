import { entityHref } from './paths.ts';
import { compareCodeUnits, isPlaceholderOwner } from '../../collectors/contract/helpers.ts';
import type { CatalogEntity, RepoSnapshot, Snapshot } from '../../collectors/contract/snapshot.ts';
import { entityDisplayName, humanizeEntityRef, parseEntityRef } from './entity-ref.ts';

/** Something Cairn could not collect or resolve, as the snapshot records it. */
export type Problem = Snapshot['problems'][number];

/** The snapshot indexed for rendering: built once per route, then every view reads from it. */
export interface IndexedCatalog {
  /** Every entity, sorted by kind, namespace and name. */
  entities: readonly CatalogEntity[];
  byRef: ReadonlyMap<string, CatalogEntity>;
  repos: ReadonlyMap<string, RepoSnapshot>;
  /** Every problem of the run, in snapshot order. */
  problems: readonly Problem[];
  /** Problems by the repository they come from; key `undefined`: the portal's own content. */
  problemsByRepo: ReadonlyMap<string | undefined, readonly Problem[]>;
  /** Problems by the ref of the entity they concern. */
  problemsByEntity: ReadonlyMap<string | undefined, readonly Problem[]>;
}

/** A reference to an entity as shown on a page; `href` is absent when the target is not in the catalog. */
export interface EntityLink {
  ref: string;
  /** Lowercase kind, from the ref. */
  kind: string;
  text: string;
  href?: string;
}

/** Deterministic, case-insensitive-first ordering for names shown in lists. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en') || byCodeUnit(a, b);
}

/** Code-unit order, the same on every machine whatever its locale: for ids, refs and times in outputs. */
export const byCodeUnit = compareCodeUnits;

/** Indexes the snapshot's entities, repositories and problems for the views. */
export function indexCatalog(snapshot: Pick<Snapshot, 'entities' | 'repos' | 'problems'>): IndexedCatalog {
  const entities = [...snapshot.entities].sort(
    (a, b) =>
      compareText(a.kind, b.kind) ||
      compareText(a.metadata.namespace, b.metadata.namespace) ||
      compareText(a.metadata.name, b.metadata.name),
  );
  return {
    entities,
    byRef: new Map(entities.map((entity) => [entity.ref, entity])),
    repos: new Map(snapshot.repos.map((repo) => [repo.name, repo])),
    problems: snapshot.problems,
    problemsByRepo: groupBy(snapshot.problems, (problem) => problem.repo),
    problemsByEntity: groupBy(snapshot.problems, (problem) => problem.entityRef),
  };
}

/** Groups items by a key, in the order keys and items first appear. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** A link to the entity with `ref`, or its humanised ref when it is not in the catalog. */
export function linkToRef(catalog: IndexedCatalog, ref: string): EntityLink {
  const entity = catalog.byRef.get(ref);
  const { kind } = parseEntityRef(ref);
  return entity ? { ref, kind, text: entityDisplayName(entity), href: entityHref(entity) } : { ref, kind, text: humanizeEntityRef(ref) };
}

/**
 * Links to the targets of an entity's relations of one type, sorted by their text. The catalog
 * stage stores every relation on both of its ends, as Backstage does, so one entity's list is complete.
 */
export function relatedLinks(catalog: IndexedCatalog, entity: CatalogEntity, type: string): EntityLink[] {
  return entity.relations
    .filter((relation) => relation.type === type)
    .map((relation) => linkToRef(catalog, relation.targetRef))
    .sort((a, b) => compareText(a.text, b.text));
}

/** The first target of a relation type that has the given kind (an entity's owner, system, domain). */
export function relatedLink(catalog: IndexedCatalog, entity: CatalogEntity, type: string, kind?: string): EntityLink | undefined {
  return relatedLinks(catalog, entity, type).find((link) => kind === undefined || link.kind === kind);
}

/**
 * The ref of the owner of the entity with `ref`: undefined when it has none, or only the
 * placeholder for "no owner known", which is not a team (its entities count as unowned).
 */
export function ownerRefOf(catalog: IndexedCatalog, ref: string): string | undefined {
  const entity = catalog.byRef.get(ref);
  const owner = entity && relatedLink(catalog, entity, 'ownedBy')?.ref;
  return entity && isPlaceholderOwner(entity, owner) ? undefined : owner;
}
