/**
 * The catalog table's browser side: every entity's row, drawn from the filter data (the page itself
 * lists one page of them), filters (text and facets, kept in the URL so a view can be shared) and
 * sortable columns. Without JavaScript, or until the filter data arrives, the plain table and its
 * pages stay.
 */
import {
  createRowFilter,
  FILTER_FACETS,
  SEARCH_TEXT,
  shownValue,
  type CatalogFilterData,
  type CatalogQuery,
  type FilterRow,
} from '../lib/catalog-filter.ts';

/** Shows every entity and the filter controls once the filter data has arrived; until then (or without it) the page's table stays. */
export async function enhanceCatalog(form: HTMLFormElement, table: HTMLTableElement, status: HTMLElement, pages: HTMLElement) {
  const response = await fetch(form.dataset.source ?? '');
  if (!response.ok) return;
  const data = (await response.json()) as CatalogFilterData;
  const body = table.tBodies[0];
  if (!body) return;
  body.replaceChildren(...data.rows.map((row) => tableRow(data, row)));
  pages.hidden = true;
  // The table's rows in their built order, which is the filter data's order whatever sorting does later.
  const rows = [...body.rows];
  const params = new URLSearchParams(location.search);
  for (const name of ['text', ...FILTER_FACETS] as const) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name) ?? '';
    if (field) field.value = name === 'text' ? value : shownValue(data, name, value);
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

/** One entity's row, as the page draws it: every value goes in as text, links only to the portal's own pages. */
function tableRow(data: CatalogFilterData, row: FilterRow): HTMLTableRowElement {
  const [name, href, title, system, tags, inferred] = row.slice(SEARCH_TEXT + 1) as [string, string, string, number, string, 0 | 1];
  const facet = (position: number) => {
    const index = row[position] as number;
    return index >= 0 ? data.values[FILTER_FACETS[position]!][index]! : '';
  };
  const element = (tag: string, text: string, attributes: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    node.textContent = text;
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  };
  const linked = (text: string, target: string) => (target ? element('a', text, { href: target }) : document.createTextNode(text));
  const tr = document.createElement('tr');
  const header = element('th', '', { scope: 'row' });
  header.append(element('a', name, { href }));
  if (inferred) header.append(element('span', 'inferred', { class: 'badge' }));
  if (title) header.append(element('span', title, { class: 'subtitle' }));
  const owner = row[FILTER_FACETS.indexOf('owner')] as number;
  const [systemText, systemHref] = system >= 0 ? data.systems[system]! : ['', ''];
  const cells = [
    facet(FILTER_FACETS.indexOf('kind')),
    facet(FILTER_FACETS.indexOf('type')),
    linked(facet(FILTER_FACETS.indexOf('owner')), owner >= 0 ? data.ownerHrefs[owner]! : ''),
    facet(FILTER_FACETS.indexOf('lifecycle')),
    linked(systemText, systemHref),
    facet(FILTER_FACETS.indexOf('language')),
    tags,
  ].map((content) => {
    const cell = document.createElement('td');
    cell.append(content);
    return cell;
  });
  tr.append(header, ...cells);
  return tr;
}
