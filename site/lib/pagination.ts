import { pagedPath } from './paths.ts';
import { withBase } from './urls.ts';

/**
 * Long lists (a scorecard's entities for one team, a check's failing entities) are split into pages
 * of a fixed size, so no page grows with the organisation: page 1 at the list's own path, page `n`
 * at `<path>page/<n>/`.
 */

/** Rows per page of a paginated list. */
export const PAGE_SIZE = 100;

/** One page of a list: its 1-based number, how many pages there are, and its items. */
export interface ListPage<T> {
  number: number;
  pages: number;
  items: T[];
  /** 1-based position of the page's first item in the whole list (0 when the list is empty). */
  first: number;
  /** How many items the whole list has. */
  total: number;
}

/** Splits `items` into pages of `size`; an empty list is one empty page, so page 1 always exists. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): Array<ListPage<T>> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, index) => ({
    number: index + 1,
    pages,
    items: items.slice(index * size, (index + 1) * size),
    first: items.length === 0 ? 0 : index * size + 1,
    total: items.length,
  }));
}

/** A link in the page navigation; `href` is absent for a gap (…). */
export interface PageLink {
  text: string;
  href?: string;
  current: boolean;
}

/** The navigation between the pages of a list: previous, the page numbers around this one, next. */
export interface PaginationView {
  /** "101–200 of 345", for the page's status line. */
  range: string;
  number: number;
  pages: number;
  previous?: string;
  next?: string;
  links: PageLink[];
}

/** How many page numbers on each side of the current one are linked; the first and last always are. */
const NEIGHBOURS = 2;

/**
 * The navigation of page `page` of a list at `path` (a site path without the base). Page numbers
 * beyond the current one's neighbours and the ends are folded into gaps, so it stays short for a
 * list of any length.
 */
export function paginationView(
  path: string,
  page: Pick<ListPage<unknown>, 'number' | 'pages' | 'first' | 'items' | 'total'>,
): PaginationView {
  const href = (number: number) => withBase(pagedPath(path, number));
  const shown = [
    ...new Set([1, page.pages, ...Array.from({ length: NEIGHBOURS * 2 + 1 }, (_, offset) => page.number - NEIGHBOURS + offset)]),
  ]
    .filter((number) => number >= 1 && number <= page.pages)
    .sort((a, b) => a - b);
  const links = shown.flatMap((number, index): PageLink[] => {
    const gap = index > 0 && number - shown[index - 1]! > 1 ? [{ text: '…', current: false }] : [];
    return [...gap, { text: String(number), href: href(number), current: number === page.number }];
  });
  const last = page.first + page.items.length - 1;
  return {
    range: page.total === 0 ? '0 of 0' : `${page.first}–${last} of ${page.total}`,
    number: page.number,
    pages: page.pages,
    ...(page.number > 1 ? { previous: href(page.number - 1) } : {}),
    ...(page.number < page.pages ? { next: href(page.number + 1) } : {}),
    links,
  };
}

/** The rest parameter of a paginated route: none for page 1, `page/<n>` after it. */
export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : `page/${number}`;
}
