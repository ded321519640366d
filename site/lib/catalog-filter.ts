/**
 * The catalog filter, shared by the page's browser script and the build: kept free of any
 * import so the script bundle stays small.
 */

/** The columns the catalog can be filtered by, in the order of a {@link FilterRow}'s indexes. */
export const FILTER_FACETS = ['kind', 'type', 'owner', 'lifecycle', 'language'] as const;

export type FilterFacet = (typeof FILTER_FACETS)[number];

/** A row's value index for each facet (-1: no value), then its lowercase search text. */
export type FilterRow = [...number[], string];

/**
 * What the catalog page's script filters with, served as compact JSON beside the table instead of
 * being repeated in its markup.
 */
export interface CatalogFilterData {
  /** Distinct values of each facet, sorted; rows refer to them by index. */
  values: Record<FilterFacet, string[]>;
  /** One per table row, in table order. */
  rows: FilterRow[];
}

/** What a reader asked for: a text to search for and, per facet, one value (absent: any). */
export interface CatalogQuery {
  text: string;
  facets: Partial<Record<FilterFacet, string>>;
}

/**
 * A predicate over filter rows for a query: every chosen facet must match, and every word of the
 * text must occur in the row's search text. Unknown facet values match nothing.
 */
export function createRowFilter(data: CatalogFilterData, query: CatalogQuery): (row: FilterRow) => boolean {
  const wanted = FILTER_FACETS.map((facet) => {
    const value = query.facets[facet];
    return value ? data.values[facet].indexOf(value) : undefined;
  });
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (row) => {
    const text = row.at(-1) as string;
    return (
      wanted.every((index, facet) => index === undefined || (index >= 0 && row[facet] === index)) &&
      words.every((word) => text.includes(word))
    );
  };
}
