import type { CatalogEntity, Relation } from './schema.ts';
import type { EntityReference } from './references.ts';
import { compareCodeUnits } from '../support/order.ts';

/**
 * Backstage's relation types (its `RELATION_*` constants; a test keeps them equal). Spelled out:
 * importing them from @backstage/catalog-model evaluates its catalog model layer, Ajv and all,
 * which cost every command a fifth of its start-up.
 */
export const RELATION = {
  apiConsumedBy: 'apiConsumedBy',
  apiProvidedBy: 'apiProvidedBy',
  childOf: 'childOf',
  consumesApi: 'consumesApi',
  dependencyOf: 'dependencyOf',
  dependsOn: 'dependsOn',
  hasMember: 'hasMember',
  hasPart: 'hasPart',
  memberOf: 'memberOf',
  ownedBy: 'ownedBy',
  ownerOf: 'ownerOf',
  parentOf: 'parentOf',
  partOf: 'partOf',
  providesApi: 'providesApi',
} as const;

/** The target of the entity's first relation of a type (`ownedBy`, `partOf`), already resolved by the catalog. */
export function relationTarget(entity: CatalogEntity, type: string): string | undefined {
  return entity.relations.find((relation) => relation.type === type)?.targetRef;
}

/** The relation a reference field emits from the referring entity, and the reverse one on its target. */
export interface RelationPair {
  type: string;
  reverse: string;
}

const OWNED_BY = { type: RELATION.ownedBy, reverse: RELATION.ownerOf };
const PART_OF = { type: RELATION.partOf, reverse: RELATION.hasPart };
const DEPENDS_ON = { type: RELATION.dependsOn, reverse: RELATION.dependencyOf };
const DEPENDENCY_OF = { type: RELATION.dependencyOf, reverse: RELATION.dependsOn };

/**
 * Reference field (`Kind.field`, as in references.ts) → relation pair, as Backstage's
 * `BuiltinKindsEntityProcessor` emits them. A test keeps the keys equal to `REFERENCE_FIELDS`.
 */
export const RELATION_PAIRS: Readonly<Record<string, RelationPair>> = {
  'Component.owner': OWNED_BY,
  'Component.subcomponentOf': PART_OF,
  'Component.providesApis': { type: RELATION.providesApi, reverse: RELATION.apiProvidedBy },
  'Component.consumesApis': { type: RELATION.consumesApi, reverse: RELATION.apiConsumedBy },
  'Component.dependsOn': DEPENDS_ON,
  'Component.dependencyOf': DEPENDENCY_OF,
  'Component.system': PART_OF,
  'API.owner': OWNED_BY,
  'API.system': PART_OF,
  'Resource.owner': OWNED_BY,
  'Resource.dependsOn': DEPENDS_ON,
  'Resource.dependencyOf': DEPENDENCY_OF,
  'Resource.system': PART_OF,
  'System.owner': OWNED_BY,
  'System.domain': PART_OF,
  'Domain.owner': OWNED_BY,
  'Domain.subdomainOf': PART_OF,
  'Group.parent': { type: RELATION.childOf, reverse: RELATION.parentOf },
  'Group.children': { type: RELATION.parentOf, reverse: RELATION.childOf },
  'Group.members': { type: RELATION.hasMember, reverse: RELATION.memberOf },
  'User.memberOf': { type: RELATION.memberOf, reverse: RELATION.hasMember },
  'Template.owner': OWNED_BY,
};

/** A relation with its source, as Backstage stores them: one row per direction. */
export interface DirectedRelation {
  sourceRef: string;
  type: string;
  targetRef: string;
}

/**
 * Both directions of every reference of one entity: `sourceRef --type--> target` and
 * `target --reverse--> sourceRef`. The reverse one belongs to the target, whether or not it exists.
 */
export function relationsOf(sourceRef: string, references: readonly EntityReference[]): DirectedRelation[] {
  return references.flatMap((reference) => {
    const pair = RELATION_PAIRS[`${reference.kind}.${reference.field}`];
    if (!pair) return [];
    return [
      { sourceRef, type: pair.type, targetRef: reference.targetRef },
      { sourceRef: reference.targetRef, type: pair.reverse, targetRef: sourceRef },
    ];
  });
}

/**
 * Groups directed relations by source entity, deduplicated and sorted by type then target, so two
 * sides declaring the same link (a Group's `children` and the child's `parent`) yield it once.
 */
export function relationsBySource(relations: Iterable<DirectedRelation>): Map<string, Relation[]> {
  const seen = new Map<string, Map<string, Relation>>();
  for (const { sourceRef, type, targetRef } of relations) {
    let own = seen.get(sourceRef);
    if (!own) seen.set(sourceRef, (own = new Map()));
    own.set(`${type}\0${targetRef}`, { type, targetRef });
  }
  const bySource = new Map<string, Relation[]>();
  for (const [sourceRef, own] of seen) {
    bySource.set(
      sourceRef,
      [...own.values()].sort((a, b) => compare(a.type, b.type) || compare(a.targetRef, b.targetRef)),
    );
  }
  return bySource;
}

/** Code-unit order: stable across locales, unlike `localeCompare`. */
export const compare = compareCodeUnits;
