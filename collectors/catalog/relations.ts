import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import type { Relation } from './schema.ts';
import type { EntityReference } from './references.ts';
import { compareCodeUnits } from '../support/order.ts';

/** The relation a reference field emits from the referring entity, and the reverse one on its target. */
export interface RelationPair {
  type: string;
  reverse: string;
}

const OWNED_BY = { type: RELATION_OWNED_BY, reverse: RELATION_OWNER_OF };
const PART_OF = { type: RELATION_PART_OF, reverse: RELATION_HAS_PART };
const DEPENDS_ON = { type: RELATION_DEPENDS_ON, reverse: RELATION_DEPENDENCY_OF };
const DEPENDENCY_OF = { type: RELATION_DEPENDENCY_OF, reverse: RELATION_DEPENDS_ON };

/**
 * Reference field (`Kind.field`, as in references.ts) → relation pair, as Backstage's
 * `BuiltinKindsEntityProcessor` emits them. A test keeps the keys equal to `REFERENCE_FIELDS`.
 */
export const RELATION_PAIRS: Readonly<Record<string, RelationPair>> = {
  'Component.owner': OWNED_BY,
  'Component.subcomponentOf': PART_OF,
  'Component.providesApis': { type: RELATION_PROVIDES_API, reverse: RELATION_API_PROVIDED_BY },
  'Component.consumesApis': { type: RELATION_CONSUMES_API, reverse: RELATION_API_CONSUMED_BY },
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
  'Group.parent': { type: RELATION_CHILD_OF, reverse: RELATION_PARENT_OF },
  'Group.children': { type: RELATION_PARENT_OF, reverse: RELATION_CHILD_OF },
  'Group.members': { type: RELATION_HAS_MEMBER, reverse: RELATION_MEMBER_OF },
  'User.memberOf': { type: RELATION_MEMBER_OF, reverse: RELATION_HAS_MEMBER },
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
