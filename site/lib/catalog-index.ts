import { entityHref } from './paths.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { FILTER_FACETS, type CatalogFilterData, type FilterFacet, type FilterRow } from './catalog-filter.ts';
import { compareText, relatedLink, type IndexedCatalog } from './catalog.ts';
import { humanizeEntityRef } from './entity-ref.ts';
import { primaryLanguage, specString } from './entity.ts';
import { paginate, paginationView, type PaginationView } from './pagination.ts';

/** A reference shown in a catalog cell: the humanised ref, linked when the entity is in the catalog. */
export interface CellLink {
  text: string;
  href?: string;
}

/** One row of the catalog table. */
export interface CatalogRow {
  ref: string;
  href: string;
  name: string;
  title?: string;
  description?: string;
  kind: string;
  type?: string;
  owner?: CellLink;
  lifecycle?: string;
  system?: CellLink;
  language?: string;
  inferred: boolean;
  tags: string[];
}

/** Site path of the filter data, without the base. */
export const FILTER_DATA_PATH = 'catalog/filters.json';

/** Site path of the catalog table, whose further pages are `catalog/page/<n>/`. */
export const CATALOG_PATH = 'catalog/';

/** Rows per page of the catalog table without JavaScript. */
export const CATALOG_PAGE_SIZE = 200;

/** The catalog table's rows, one per entity, in the catalog's order. */
export function catalogRows(catalog: IndexedCatalog): CatalogRow[] {
  return catalog.entities.map((entity) => catalogRow(catalog, entity));
}

function catalogRow(catalog: IndexedCatalog, entity: CatalogEntity): CatalogRow {
  const { title, description, tags } = entity.metadata;
  const owner = relatedLink(catalog, entity, 'ownedBy');
  const system = relatedLink(catalog, entity, 'partOf', 'system');
  const type = specString(entity, 'type');
  const lifecycle = specString(entity, 'lifecycle');
  const language = primaryLanguage(catalog, entity);
  return {
    ref: entity.ref,
    href: entityHref(entity),
    name: entity.metadata.name,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    kind: entity.kind,
    ...(type ? { type } : {}),
    ...(owner ? { owner: cellLink(owner.ref, 'group', owner.href) } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(system ? { system: cellLink(system.ref, 'system', system.href) } : {}),
    ...(language ? { language } : {}),
    inferred: entity.inferred,
    tags: tags ?? [],
  };
}

function cellLink(ref: string, defaultKind: string, href: string | undefined): CellLink {
  return { text: humanizeEntityRef(ref, defaultKind), ...(href ? { href } : {}) };
}

/** The value of one facet in a row. */
function facetValue(row: CatalogRow, facet: FilterFacet): string | undefined {
  return facet === 'owner' ? row.owner?.text : row[facet];
}

/** The facets some row has no value for: their filters offer "none". */
export function facetsWithoutValue(rows: readonly CatalogRow[]): FilterFacet[] {
  return FILTER_FACETS.filter((facet) => rows.some((row) => facetValue(row, facet) === undefined));
}

/** Dictionary-encodes the rows' facet values, search text and what each row shows, for the catalog page's script. */
export function catalogFilterData(rows: readonly CatalogRow[]): CatalogFilterData {
  const values = Object.fromEntries(
    FILTER_FACETS.map((facet) => [
      facet,
      [...new Set(rows.map((row) => facetValue(row, facet)).filter((value) => value !== undefined))].sort(compareText),
    ]),
  ) as Record<FilterFacet, string[]>;
  const indexes = FILTER_FACETS.map((facet) => new Map(values[facet].map((value, index) => [value, index])));
  const ownerHrefs = new Map(rows.flatMap((row) => (row.owner ? [[row.owner.text, row.owner.href ?? '']] : [])));
  const systemKey = (system: CellLink) => `${system.text}\u0000${system.href ?? ''}`;
  const systems = [...new Map(rows.flatMap((row) => (row.system ? [[systemKey(row.system), row.system] as const] : []))).values()];
  const systemIndex = new Map(systems.map((system, index) => [systemKey(system), index]));
  return {
    values,
    ownerHrefs: values.owner.map((owner) => ownerHrefs.get(owner) ?? ''),
    systems: systems.map((system) => [system.text, system.href ?? '']),
    rows: rows.map((row): FilterRow => [
      ...FILTER_FACETS.map((facet, position) => indexes[position]!.get(facetValue(row, facet) ?? '') ?? -1),
      searchText(row),
      row.name,
      row.href,
      row.title ?? '',
      row.system ? systemIndex.get(systemKey(row.system))! : -1,
      row.tags.join(', '),
      row.inferred ? 1 : 0,
    ]),
  };
}

/** The catalog table a page at a time, for readers without JavaScript; the script shows every row. */
export function catalogPages(rows: readonly CatalogRow[]): Array<{ rows: CatalogRow[]; pagination: PaginationView }> {
  return paginate(rows, CATALOG_PAGE_SIZE).map((page) => ({ rows: page.items, pagination: paginationView(CATALOG_PATH, page) }));
}

function searchText(row: CatalogRow): string {
  return [row.name, row.title, row.description, row.owner?.text, row.system?.text, ...row.tags].filter(Boolean).join(' ').toLowerCase();
}
