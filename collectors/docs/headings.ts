import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { DocHeading } from './schema.ts';

const HEADING = /^h([1-6])$/;

/**
 * The ids of the page around rendered docs (site/layouts/Page.astro): the skip link's target and
 * the search box. A docs heading never takes them ("## Cairn main" gets `cairn-main-1`).
 */
export const LAYOUT_IDS = { main: 'cairn-main', search: 'header-search' } as const;

/**
 * Gives every heading an id from its text (github-slugger, as GitHub and most Markdown tools do),
 * or the one its attribute list names (`## Title { #id }`, see attribute-lists.ts) when nothing
 * took it first, replacing whatever id the author wrote otherwise, and a small "link to this
 * section" anchor; other elements an attribute list names get their id too. Returns the headings
 * for the table of contents. Runs after sanitizing: the ids and anchors are Cairn's own.
 *
 * A heading never goes more than one level below the section it is in (typer's `enum.md` goes
 * from `#` to three `###`, which become three `##`): a screen reader's list of headings would show
 * a section missing. Sections are the author's: a heading ends those of its depth and deeper. The
 * page's own title, when the docs have none, is the level 1 around them all.
 */
export function anchorHeadings(tree: Root, authorIds: ReadonlyMap<Element, string> = new Map()): DocHeading[] {
  const slugger = new GithubSlugger();
  const taken = new Set<string>(Object.values(LAYOUT_IDS));
  const headings: DocHeading[] = [];
  // The sections a heading is in: each with its depth as written and its level as shown.
  const open: Array<{ written: number; shown: number }> = [];
  // Other elements an attribute list names keep their id; headings then steer clear of those.
  for (const [element, id] of authorIds)
    if (!HEADING.test(element.tagName) && !taken.has(id)) {
      element.properties = { ...element.properties, id };
      taken.add(id);
    }
  visit(tree, 'element', (node: Element, index, parent) => {
    const depth = HEADING.exec(node.tagName)?.[1];
    // GFM's visually hidden "Footnotes" heading keeps its id: the footnote references point at it.
    if (!depth || (Array.isArray(node.properties.className) && node.properties.className.includes('sr-only'))) return;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    // An empty heading (typer's docs open with a bare `#`) names no section: it is left out, as a
    // screen reader would otherwise announce a heading with nothing in it.
    if (!text && !node.children.some((child) => child.type === 'element') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const authorId = authorIds.get(node);
    const chosen = authorId !== undefined && !taken.has(authorId) ? authorId : undefined;
    let slug = chosen ?? slugger.slug(text || 'section');
    // A slug an author's id already took: the slugger's next one for the same text.
    while (chosen === undefined && taken.has(slug)) slug = slugger.slug(text || 'section');
    taken.add(slug);
    node.properties = { ...node.properties, id: slug };
    node.children.push(anchor(slug, text));
    const written = Number(depth);
    while (open.length > 0 && open.at(-1)!.written >= written) open.pop();
    const level = written === 1 ? 1 : Math.min(written, (open.at(-1)?.shown ?? 1) + 1);
    open.push({ written, shown: level });
    node.tagName = `h${level}`;
    headings.push({ depth: level, slug, text });
    return 'skip';
  });
  return headings;
}

function anchor(slug: string, text: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    // Kept out of the search index: its text ("Link to section …") would join the heading's.
    properties: { className: ['docs-anchor'], href: `#${encodeURIComponent(slug)}`, dataPagefindIgnore: '' },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: `Link to section “${text}”` }],
      },
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    ],
  };
}
