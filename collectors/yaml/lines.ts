import { isNode, type Document, type LineCounter } from 'yaml';

/** The 1-based line a parsed YAML node starts on; `undefined` for anything without a position. */
export function lineOfNode(node: unknown, lineCounter: LineCounter): number | undefined {
  return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

/** The line of the value at `path`, or of its deepest ancestor that exists (a missing field points at its parent). */
export function lineAtPath(document: Document, lineCounter: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const line = lineOfNode(depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true), lineCounter);
    if (line !== undefined) return line;
  }
  return undefined;
}
