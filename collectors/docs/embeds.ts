import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { shortened } from '../support/text.ts';

/** Elements that embed another document or media, by what a reader is told they were. */
const EMBEDS: Readonly<Record<string, string>> = {
  iframe: 'content',
  embed: 'content',
  object: 'content',
  video: 'video',
  audio: 'audio',
};

/** Where a paragraph may stand: anywhere else, the link stays inline. */
const BLOCK_PARENTS = new Set(['blockquote', 'body', 'dd', 'details', 'div', 'figure', 'li', 'section', 'td', 'th']);

/** Characters of an embed's title or address shown as its link. */
const MAX_TEXT = 120;

/**
 * Replaces what the portal cannot show (an `<iframe>`'s video, a `<video>`, an `<object>`: its
 * content security policy loads nothing from elsewhere, and the sanitizer removes them) with a link
 * to it, named by its title, so that "here is a demo:" is not followed by nothing. Runs before the
 * sanitizer, which then vets the link like any other; one without an address is left to it.
 */
export function linkEmbeds() {
  return (tree: Root): void => {
    // Inside a link, an embed is named, not linked: a link may not hold another.
    const inLink = new Set<Element>();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') visit(node, 'element', (inner: Element) => void (EMBEDS[inner.tagName] && inLink.add(inner)));
    });
    visit(tree, 'element', (node: Element, index, parent) => {
      const kind = EMBEDS[node.tagName];
      if (!kind || !parent || index === undefined) return;
      const address = addressOf(node);
      if (!address) return SKIP;
      const title = [node.properties.title, node.properties.ariaLabel].find((value) => typeof value === 'string' && value.trim());
      const name: ElementContent = {
        type: 'text',
        value: shortened((typeof title === 'string' ? title.trim() : address).replace(/\s+/g, ' '), MAX_TEXT),
      };
      const content: ElementContent[] = [
        { type: 'text', value: `Embedded ${kind}, not shown in the portal: ` },
        inLink.has(node) ? name : { type: 'element', tagName: 'a', properties: { href: address }, children: [name] },
      ];
      // A paragraph of its own where it stands alone among blocks; inline beside text.
      const block =
        (parent.type === 'root' || (parent.type === 'element' && BLOCK_PARENTS.has(parent.tagName))) &&
        parent.children.every((sibling) => sibling.type !== 'text' || !sibling.value.trim());
      parent.children.splice(
        index,
        1,
        ...(block ? [{ type: 'element' as const, tagName: 'p', properties: {}, children: content }] : content),
      );
      return [SKIP, index + (block ? 1 : content.length)];
    });
  };
}

/**
 * The embedded document's address: `src`, an object's `data`, or a media element's first `<source>`;
 * an http(s) URL or a path in the repository, nothing else (a `data:` page is no place to link to).
 */
function addressOf(node: Element): string | undefined {
  const source = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'source');
  const address = [node.properties.src, node.properties.data, source?.properties.src].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const trimmed = address?.trim();
  // Whitespace or control characters inside (`java\tscript:`) make no address to link to.
  if (!trimmed || /[\s\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  return /^https?:\/\//i.test(trimmed) || !/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : undefined;
}
