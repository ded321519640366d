/**
 * The catalog table's browser side: filters (text and facets, kept in the URL so a view can be
 * shared) and sortable columns. Without JavaScript, or until the filter data arrives, the plain
 * table stays.
 */
import { createRowFilter, FILTER_FACETS, type CatalogFilterData, type CatalogQuery } from '../lib/catalog-filter.ts';

/** Shows the filter controls once the filter data has arrived; until then (or without it) the plain table stays. */
export async function enhanceCatalog(form: HTMLFormElement, table: HTMLTableElement, status: HTMLElement) {
  const response = await fetch(form.dataset.source ?? '');
  if (!response.ok) return;
  const data = (await response.json()) as CatalogFilterData;
  // The table's rows in their built order, which is the filter data's order whatever sorting does later.
  const rows = [...(table.tBodies[0]?.rows ?? [])];
  if (rows.length !== data.rows.length) return;
  const params = new URLSearchParams(location.search);
  for (const name of ['text', ...FILTER_FACETS]) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = params.get(name) ?? '';
  }
  const apply = () => {
    const query = readQuery(form);
    const matches = createRowFilter(data, query);
    let shown = 0;
    rows.forEach((row, index) => {
      row.hidden = !matches(data.rows[index]!);
      if (!row.hidden) shown++;
    });
    status.textContent = shown === rows.length ? `Showing all ${rows.length} entities` : `Showing ${shown} of ${rows.length} entities`;
    history.replaceState(null, '', queryUrl(query));
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
  makeSortable(table);
}

function readQuery(form: HTMLFormElement): CatalogQuery {
  const values = new FormData(form);
  const facets = Object.fromEntries(FILTER_FACETS.map((facet) => [facet, String(values.get(facet) ?? '')]).filter(([, value]) => value));
  return { text: String(values.get('text') ?? ''), facets };
}

/** The page's URL for a query, so a filtered view can be bookmarked and shared. */
function queryUrl(query: CatalogQuery): string {
  const params = new URLSearchParams({ ...(query.text ? { text: query.text } : {}), ...query.facets });
  return params.size > 0 ? `${location.pathname}?${params}` : location.pathname;
}

/** Turns each column header into a button that sorts the rows by that column. */
function makeSortable(table: HTMLTableElement) {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  const body = table.tBodies[0];
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  headers.forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = header.textContent;
    header.replaceChildren(button);
    button.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const cellText = (row: HTMLTableRowElement) => row.cells[column]?.textContent?.trim() ?? '';
      const sorted = [...(body?.rows ?? [])].sort((a, b) => collator.compare(cellText(a), cellText(b)) * (ascending ? 1 : -1));
      body?.append(...sorted);
    });
  });
}
