import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** One attribute of Python-Markdown's attr_list (MkDocs): `#id`, `.class` or `key=value`. */
const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))`;
/** With the colon (`{: download }`), a bare word is an attribute too; without, `{word}` stays text. */
const ITEM = String.raw`(?:${ATTRIBUTE}|[\w-]+)`;
const LIST = String.raw`(?:\{:[ \t]*${ITEM}(?:[ \t]+${ITEM})*[ \t]*\}|\{[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*\})`;
/** A list closing a heading's or a paragraph's text: `## Title { #custom-id }`, or on the paragraph's last line. */
const TRAILING = new RegExp(String.raw`^${LIST}[ \t]*$`);
/** Braces a trailing list is looked for at, from the last: one of them opens it, unless a value quotes a brace. */
const TRAILING_TRIES = 4;
/** A list right after an inline element, as `**locale**{ #locale }` or `[Get it](a.zip){: download }` write it. */
const LEADING = new RegExp(`^${LIST}`);
/** The attributes of a list, one at a time: a quoted value is one attribute, whatever it holds. */
const ITEMS = new RegExp(ITEM, 'g');
/** An id an element may take from its author: a plain name, safe in any href. */
const PLAIN_ID = /^[A-Za-z_][\w-]*$/;
/** Ids the page needs for itself: the sanitizer's prefix for authors' ids, and the layout's. */
const RESERVED_ID = /^(?:user-content-|cairn-)|^header-search$/;

const ENDS_WITH_LIST = /^(?:h[1-6]|p)$/;

/**
 * The attribute list that ends `text`, and where it starts. Tried at the last braces only, anchored:
 * an unanchored `\s*{…}$` backtracks over every run of spaces in the text (quadratic).
 */
function trailingList(text: string): { index: number; text: string } | undefined {
  let open = text.lastIndexOf('{');
  for (let tries = 0; open !== -1 && tries < TRAILING_TRIES; tries++, open = open > 0 ? text.lastIndexOf('{', open - 1) : -1) {
    const list = TRAILING.exec(text.slice(open));
    if (list) return { index: open, text: list[0] };
  }
  return undefined;
}

const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'img', 'kbd', 'span', 'strong']);

/**
 * Attribute lists (MkDocs' `attr_list`, also kramdown's and Pandoc's heading ids) would show as
 * text: they are taken out. The id a list gives a heading, a paragraph or an inline element is
 * returned for `anchorHeadings` to set, as other pages of the site link to it, unless the element
 * has one, the page uses it already or needs it; any other attribute is dropped, never applied.
 * Runs on the sanitized tree, and reads nothing but text.
 */
export function takeAttributeLists(tree: Root): Map<Element, string> {
  const used = new Set<string>();
  visit(tree, 'element', (node: Element) => void (typeof node.properties.id === 'string' && used.add(node.properties.id)));
  const ids = new Map<Element, string>();
  const give = (element: Element, list: string) => {
    const id = (list.match(ITEMS) ?? []).find((item) => item.startsWith('#'))?.slice(1);
    if (!id || !PLAIN_ID.test(id) || RESERVED_ID.test(id) || used.has(id) || element.properties.id !== undefined) return;
    used.add(id);
    ids.set(element, id);
  };
  visit(tree, 'element', (node: Element) => {
    // A list right after an inline element is that element's, even at the end of a paragraph.
    node.children.forEach((child, index) => {
      if (child.type !== 'element' || !INLINE.has(child.tagName)) return;
      const next: ElementContent | undefined = node.children[index + 1];
      if (next?.type !== 'text') return;
      const list = LEADING.exec(next.value);
      if (!list) return;
      next.value = next.value.slice(list[0].length);
      give(child, list[0]);
    });
    if (ENDS_WITH_LIST.test(node.tagName)) {
      const last = node.children.at(-1);
      const list = last?.type === 'text' ? trailingList(last.value) : undefined;
      if (last?.type === 'text' && list) {
        last.value = last.value.slice(0, list.index).trimEnd();
        give(node, list.text);
      }
    }
  });
  return ids;
}
