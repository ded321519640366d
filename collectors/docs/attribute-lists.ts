import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/** One attribute of Python-Markdown's attr_list (MkDocs): `#id`, `.class` or `key=value`. */
const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))`;
const LIST = String.raw`\{:?[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*\}`;
/** A list closing a heading's text, as `## Title { #custom-id }` writes it. */
const TRAILING = new RegExp(String.raw`[ \t]*${LIST}[ \t]*$`);
/** A list just after a link or an image, as `[Get it](file.zip){: download }` writes it. */
const LEADING = new RegExp(String.raw`^${LIST}`);
/** An id a heading may take from its author: a plain name, safe in any href. */
const PLAIN_ID = /^[A-Za-z][\w-]*$/;

const HEADING = /^h[1-6]$/;

/**
 * Attribute lists (MkDocs' `attr_list`, also kramdown's and Pandoc's heading ids) would show as
 * text: they are taken out. A heading's `#id` is kept for `anchorHeadings` to use, as the links
 * of the other pages of the site expect; any other attribute is dropped, never applied. Runs on
 * the sanitized tree, and reads nothing but text.
 */
export function takeAttributeLists(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (HEADING.test(node.tagName)) {
      const last = node.children.at(-1);
      if (last?.type === 'text') {
        const list = TRAILING.exec(last.value);
        if (list) {
          last.value = last.value.slice(0, list.index);
          const id = /(?:^|[\s{:])#([\w-]+)/.exec(list[0])?.[1];
          if (id && PLAIN_ID.test(id)) node.properties = { ...node.properties, dataAuthorId: id };
        }
      }
    }
    node.children.forEach((child, index) => {
      if (child.type !== 'element' || (child.tagName !== 'a' && child.tagName !== 'img')) return;
      const next: ElementContent | undefined = node.children[index + 1];
      if (next?.type === 'text') (next as Text).value = next.value.replace(LEADING, '');
    });
  });
}
