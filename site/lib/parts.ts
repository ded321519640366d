import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { groupBy, relatedLinks, type IndexedCatalog, type EntityLink } from './catalog.ts';

/** Headings of a system's or domain's parts, by the parts' kind, in the order they are shown. */
const PART_HEADINGS = new Map([
  ['component', 'Components'],
  ['api', 'APIs'],
  ['resource', 'Resources'],
  ['system', 'Systems'],
  ['domain', 'Domains'],
]);

const PART_ORDER = [...PART_HEADINGS.keys()];

/** The parts of one kind. */
export interface PartsSection {
  heading: string;
  links: EntityLink[];
}

/**
 * The `hasPart` targets of an entity grouped by kind: a System's components, APIs and resources,
 * a Domain's systems. Empty for entities without parts.
 */
export function partsOf(catalog: IndexedCatalog, entity: CatalogEntity): PartsSection[] {
  const byKind = groupBy(relatedLinks(catalog, entity, 'hasPart'), (link) => link.kind);
  const rank = (kind: string) => (PART_ORDER.includes(kind) ? PART_ORDER.indexOf(kind) : PART_ORDER.length);
  return [...byKind]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([kind, links]) => ({ heading: PART_HEADINGS.get(kind) ?? `Other parts (${kind})`, links }));
}
