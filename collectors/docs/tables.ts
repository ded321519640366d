import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { shortened } from '../support/text.ts';

/** Characters of a table's header row that name its scroll region. */
const MAX_LABEL = 100;

/**
 * Wraps each table in a region that scrolls sideways and takes keyboard focus, as the site's own
 * tables are: a wide table on a narrow screen would otherwise hide columns a keyboard cannot reach
 * (axe: scrollable-region-focusable). The region is named by the table's header row.
 */
export function scrollableTables(tree: Root): void {
  let count = 0;
  const seen = new Map<string, number>();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    count++;
    const header = node.children
      .flatMap((child) => (child.type === 'element' && child.tagName === 'thead' ? child.children : []))
      .find((row): row is Element => row.type === 'element' && row.tagName === 'tr');
    const columns = header
      ? header.children.flatMap((cell) => (cell.type === 'element' ? [toString(cell).trim()] : [])).filter(Boolean)
      : [];
    // Room is left for a number: regions of one page are told apart by their names (axe:
    // landmark-unique), so the same header row again is numbered.
    const name = shortened(columns.length > 0 ? `Table: ${columns.join(', ')}` : `Table ${count}`, MAX_LABEL - 8);
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    parent.children[index] = {
      type: 'element',
      tagName: 'div',
      properties: {
        className: ['table-scroll'],
        role: 'region',
        tabIndex: 0,
        ariaLabel: times > 1 ? `${name} (${times})` : name,
      },
      children: [node],
    };
    return SKIP;
  });
}
