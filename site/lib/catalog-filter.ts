/**
 * The catalog filter, shared by the page's browser script and the build: kept free of any
 * import so the script bundle stays small.
 */

/** The columns the catalog can be filtered by, in the order of a {@link FilterRow}'s indexes. */
export const FILTER_FACETS = ['kind', 'type', 'owner', 'lifecycle', 'language'] as const;

export type FilterFacet = (typeof FILTER_FACETS)[number];

/**
 * One entity: its value index for each facet (-1: no value), its lowercase search text, then what its
 * row shows — name, page path under the base, title (`''`: none), index into `systems` (-1: none),
 * tags joined by `, `, and 1 when it was inferred.
 */
export type FilterRow = [
  ...facets: number[],
  search: string,
  name: string,
  href: string,
  title: string,
  system: number,
  tags: string,
  inferred: 0 | 1,
];

/** Where the search text sits in a {@link FilterRow}, after the facets; the row's display follows it. */
export const SEARCH_TEXT = FILTER_FACETS.length;

/**
 * What the catalog page's script filters and draws the table with, served as compact JSON beside
 * the page instead of being repeated in its markup: the page itself lists one page of entities, the
 * script every one of them.
 */
export interface CatalogFilterData {
  /** Distinct values of each facet, sorted; rows refer to them by index. */
  values: Record<FilterFacet, string[]>;
  /** The page of each owner in `values.owner`, in the same order (`''`: not in the catalog). */
  ownerHrefs: string[];
  /** The systems rows belong to: text and page (`''`: not in the catalog). */
  systems: Array<[text: string, href: string]>;
  /** One per entity, in the catalog's order. */
  rows: FilterRow[];
}

/** The facet value that asks for the rows without one (no owner): no entity name, type or language is written so. */
export const NO_VALUE = '(none)';

/** What a reader asked for: a text to search for and, per facet, one value (absent: any; {@link NO_VALUE}: none). */
export interface CatalogQuery {
  text: string;
  facets: Partial<Record<FilterFacet, string>>;
}

/**
 * A predicate over filter rows for a query: every chosen facet must match, and every word of the
 * text must occur in the row's search text. An owner may be named by its full ref, as a link from
 * elsewhere would (`group:default/payments` for `payments`). Unknown facet values match nothing.
 */
export function createRowFilter(data: CatalogFilterData, query: CatalogQuery): (row: FilterRow) => boolean {
  const wanted = FILTER_FACETS.map((facet) => {
    const value = query.facets[facet];
    if (!value) return undefined;
    if (value === NO_VALUE) return -1;
    const index = data.values[facet].indexOf(shownValue(data, facet, value));
    // A value no row has matches nothing, not the rows without a value.
    return index >= 0 ? index : Number.NaN;
  });
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (row) => {
    const text = row[SEARCH_TEXT] as string;
    return wanted.every((index, facet) => index === undefined || row[facet] === index) && words.every((word) => text.includes(word));
  };
}

/**
 * A facet value as the catalog shows it, for a value a link wrote otherwise: an owner by its full
 * ref, in any letter case (`group:default/payments`, `User:default/alice`), is shown without a
 * group's kind and the default namespace (`payments`, `user:alice`).
 */
export function shownValue(data: CatalogFilterData, facet: FilterFacet, value: string): string {
  if (facet !== 'owner' || value === NO_VALUE || data.values.owner.includes(value)) return value;
  const [, kind = 'group', namespace = 'default', name = ''] = /^(?:([^:/]+):)?(?:([^:/]+)\/)?(.*)$/.exec(value) ?? [];
  const shown = `${kind.toLowerCase() === 'group' ? '' : `${kind}:`}${namespace.toLowerCase() === 'default' ? '' : `${namespace}/`}${name}`;
  return data.values.owner.find((candidate) => candidate.toLowerCase() === shown.toLowerCase()) ?? value;
}
