/**
 * The search page's browser side: runs Pagefind on `?q=` (and as the reader types), narrowed to
 * `?type=` when the reader picks one, and lists the results grouped by type. Result text comes from
 * the indexed pages, so excerpts are rebuilt as text and `<mark>` only, never inserted as HTML.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface PagefindSearch {
  results: Array<{ data(): Promise<PagefindResultData> }>;
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  /** Every filter's values with their page counts: `{ type: { Entity: 26, Guide: 8 } }`. */
  filters(): Promise<Record<string, Record<string, number> | undefined>>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}

/**
 * Result types, in the order they are listed: what readers look up most (entities) first, then
 * guides, their docs, and checks. A type not listed comes after, by name.
 */
export const TYPE_ORDER = ['Entity', 'Guide', 'Docs', 'Check'];
/** Each type's heading over its results and its name in the type filter. */
export const TYPE_HEADINGS: Record<string, string> = { Entity: 'Catalog', Guide: 'Guides', Docs: 'Documentation', Check: 'Checks' };
/** Results shown per type; a reader who needs more narrows the query or picks a type. */
const RESULTS_PER_TYPE = 20;
const RESULTS_OF_ONE_TYPE = 60;
const DEBOUNCE_MS = 200;

export interface SearchElements {
  base: string;
  input: HTMLInputElement;
  /** The result type filter; its empty value means every type. */
  type: HTMLSelectElement;
  status: HTMLElement;
  results: HTMLElement;
}

/** The types present in a search's results, in display order. */
export function orderTypes(counts: Readonly<Record<string, number>>): string[] {
  const rank = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return Object.keys(counts)
    .filter((type) => (counts[type] ?? 0) > 0)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export async function renderSearch({ base, input, type, status, results }: SearchElements): Promise<void> {
  const root = base.endsWith('/') ? base : `${base}/`;
  let pagefind: Pagefind;
  // The types the index holds, with their page counts.
  let indexed: Record<string, number>;
  try {
    pagefind = (await importAtRuntime(`${root}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: root });
    indexed = (await pagefind.filters()).type ?? {};
  } catch (error) {
    status.textContent = `The search index could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  let latest = 0;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value.trim();
    const url = new URL(location.href);
    for (const [name, value] of [
      ['q', query],
      ['type', type.value],
    ] as const) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    history.replaceState(null, '', url);
    if (!query) {
      status.textContent = '';
      results.replaceChildren();
      return;
    }
    // Each type is searched on its own, so a type with many matches cannot push entities out of the list.
    const types = type.value ? [type.value] : orderTypes(indexed);
    const groups = await Promise.all(
      types.map(async (name) => {
        const search = await pagefind.search(query, { filters: { type: name } });
        const limit = type.value ? RESULTS_OF_ONE_TYPE : RESULTS_PER_TYPE;
        return [name, search.results.length, await Promise.all(search.results.slice(0, limit).map((result) => result.data()))] as const;
      }),
    );
    if (ticket !== latest) return; // superseded by a newer query
    const total = groups.reduce((sum, [, count]) => sum + count, 0);
    const scope = type.value ? ` in ${TYPE_HEADINGS[type.value] ?? type.value}` : '';
    status.textContent =
      total === 0 ? `No results for “${query}”${scope}.` : `${total} result${total === 1 ? '' : 's'} for “${query}”${scope}.`;
    results.replaceChildren(...groups.filter(([, count]) => count > 0).map(([name, count, items]) => section(name, count, items)));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const wanted = params.get('type') ?? '';
  type.value = [...type.options].some((option) => option.value === wanted) ? wanted : '';
  input.addEventListener('input', later);
  type.addEventListener('change', () => void run());
  await run();
}

/**
 * Pagefind's script exists only once the site is built and indexed, so it is imported by URL at run
 * time, left as it is by the bundler. (Not through `new Function`: the Content-Security-Policy
 * allows no `eval`.)
 */
const importAtRuntime = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

function section(type: string, count: number, items: readonly PagefindResultData[]): HTMLElement {
  const element = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = `${TYPE_HEADINGS[type] ?? type} (${count})`;
  const list = document.createElement('ul');
  list.className = 'search-results';
  for (const item of items) {
    const entry = document.createElement('li');
    const link = document.createElement('a');
    link.href = item.url;
    link.textContent = item.meta.title ?? item.url;
    entry.append(link);
    if (item.meta.kind) {
      const kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = ` · ${item.meta.kind}`;
      entry.append(kind);
    }
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(item.excerpt));
    entry.append(excerpt);
    list.append(entry);
  }
  element.append(heading, list);
  return element;
}

/** Pagefind's excerpt as text with its `<mark>` highlights; parsed inert in a template, so nothing in it runs. */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
