import { byCodeUnit } from './catalog.ts';

/** Human labels of relation types, in the order their groups are shown on an entity page. */
const RELATION_LABELS = new Map<string, string>([
  ['ownedBy', 'Owned by'],
  ['ownerOf', 'Owns'],
  ['partOf', 'Part of'],
  ['hasPart', 'Has parts'],
  ['providesApi', 'Provides APIs'],
  ['consumesApi', 'Consumes APIs'],
  ['apiProvidedBy', 'API provided by'],
  ['apiConsumedBy', 'API consumed by'],
  ['dependsOn', 'Depends on'],
  ['dependencyOf', 'Dependency of'],
  ['memberOf', 'Member of'],
  ['hasMember', 'Has members'],
  ['childOf', 'Child of'],
  ['parentOf', 'Parent of'],
]);

const LABEL_ORDER = [...RELATION_LABELS.keys()];

/** The label of a relation type ("Owned by"); an unknown type is shown as it is. */
export function relationLabel(type: string): string {
  return RELATION_LABELS.get(type) ?? type;
}

/** Orders relation types for display: known types in {@link RELATION_LABELS} order, then others alphabetically. */
export function compareRelationTypes(a: string, b: string): number {
  const rank = (type: string) => (LABEL_ORDER.includes(type) ? LABEL_ORDER.indexOf(type) : LABEL_ORDER.length);
  return rank(a) - rank(b) || byCodeUnit(a, b);
}
