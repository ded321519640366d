import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** One attribute of Python-Markdown's attr_list (MkDocs): `#id`, `.class` or `key=value`. */
const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))`;
const LIST = String.raw`\{:?[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*\}`;
/** A list closing a heading's text, as `## Title { #custom-id }` writes it. */
const TRAILING = new RegExp(String.raw`[ \t]*${LIST}[ \t]*$`);
/** A list right after an inline element, as `**locale**{ #locale }` or `[Get it](a.zip){: download }` write it. */
const LEADING = new RegExp(`^${LIST}`);
/** An id an element may take from its author: a plain name, safe in any href. */
const PLAIN_ID = /^[A-Za-z][\w-]*$/;

const HEADING = /^h[1-6]$/;
const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'img', 'kbd', 'span', 'strong']);

/**
 * Attribute lists (MkDocs' `attr_list`, also kramdown's and Pandoc's heading ids) would show as
 * text: they are taken out. The id a list gives a heading or an inline element is returned, for
 * `anchorHeadings` to use, as other pages of the site link to it; any other attribute is dropped,
 * never applied. Runs on the sanitized tree, and reads nothing but text.
 */
export function takeAttributeLists(tree: Root): Map<Element, string> {
  const ids = new Map<Element, string>();
  const idIn = (list: string) => {
    const id = /(?:^|[\s{:])#([\w-]+)/.exec(list)?.[1];
    return id && PLAIN_ID.test(id) ? id : undefined;
  };
  visit(tree, 'element', (node: Element) => {
    if (HEADING.test(node.tagName)) {
      const last = node.children.at(-1);
      const list = last?.type === 'text' ? TRAILING.exec(last.value) : null;
      if (last?.type === 'text' && list) {
        last.value = last.value.slice(0, list.index);
        const id = idIn(list[0]);
        if (id) ids.set(node, id);
      }
    }
    node.children.forEach((child, index) => {
      if (child.type !== 'element' || !INLINE.has(child.tagName)) return;
      const next: ElementContent | undefined = node.children[index + 1];
      if (next?.type !== 'text') return;
      const list = LEADING.exec(next.value);
      if (!list) return;
      next.value = next.value.slice(list[0].length);
      const id = idIn(list[0]);
      if (id) ids.set(child, id);
    });
  });
  return ids;
}
