/**
 * The search page's browser side: runs Pagefind on `?q=` (and as the reader types) and lists the
 * results grouped by type. Result text comes from the indexed pages, so excerpts are rebuilt as text
 * and `<mark>` only, never inserted as HTML.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string, options?: object, debounceMs?: number): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

/** Groups in this order; a type not listed comes after, in the order met. */
const TYPE_ORDER = ['Guide', 'Entity', 'Docs', 'Check'];
const TYPE_HEADINGS: Record<string, string> = { Guide: 'Guides', Entity: 'Catalog', Docs: 'Documentation', Check: 'Checks' };
const MAX_RESULTS = 60;

export interface SearchElements {
  base: string;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
}

export async function renderSearch({ base, input, status, results }: SearchElements): Promise<void> {
  const root = base.endsWith('/') ? base : `${base}/`;
  let pagefind: Pagefind;
  try {
    pagefind = (await importAtRuntime(`${root}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: root });
  } catch (error) {
    status.textContent = `The search index could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  const run = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      status.textContent = '';
      results.replaceChildren();
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 200);
    if (!search) return; // superseded by a newer query
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    status.textContent = data.length === 0 ? `No results for “${query}”.` : `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${query}”.`;
    results.replaceChildren(...groupByType(data).map(([type, items]) => section(type, items)));
  };
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  input.addEventListener('input', () => void run());
  await run();
}

/**
 * Pagefind's script exists only once the site is built and indexed, so it is imported by URL at run
 * time. A plain `import()` would be rewritten by Vite's preloading, which breaks in inline scripts.
 */
const importAtRuntime = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

function groupByType(data: readonly PagefindResultData[]): Array<[string, PagefindResultData[]]> {
  const groups = new Map<string, PagefindResultData[]>();
  for (const item of data) {
    const type = item.filters.type?.[0] ?? 'Other';
    groups.set(type, [...(groups.get(type) ?? []), item]);
  }
  const rank = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

function section(type: string, items: readonly PagefindResultData[]): HTMLElement {
  const element = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = `${TYPE_HEADINGS[type] ?? type} (${items.length})`;
  const list = document.createElement('ul');
  list.className = 'search-results';
  for (const item of items) {
    const entry = document.createElement('li');
    const link = document.createElement('a');
    link.href = item.url;
    link.textContent = item.meta.title ?? item.url;
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(item.excerpt));
    entry.append(link, excerpt);
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
