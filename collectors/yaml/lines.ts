import { isMap, isNode, isScalar, Lexer, type Document, type LineCounter, type YAMLError } from 'yaml';

/** The 1-based line a parsed YAML node starts on; `undefined` for anything without a position. */
export function lineOfNode(node: unknown, lineCounter: LineCounter): number | undefined {
  return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

/** The line of the field at `path`, or of its deepest ancestor that exists (a missing field points at its parent). */
export function lineAtPath(document: Document, lineCounter: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const line = depth === 0 ? lineOfNode(document.contents, lineCounter) : lineOfField(document, lineCounter, path.slice(0, depth));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** A field's line: its key's, where it is written (a block value starts on a later line), else its value's. */
function lineOfField(document: Document, lineCounter: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const pair = isMap(parent)
    ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1)))
    : undefined;
  return lineOfNode(pair?.key, lineCounter) ?? lineOfNode(document.getIn(path, true), lineCounter);
}

const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The 1-based line to show for a YAML error. An unclosed quote is only noticed at the end of the
 * text, where `yaml` reports it; the line shown is the one the quote opens on, where the fix is.
 */
export function lineOfError(error: YAMLError, text: string, lineCounter: LineCounter): number {
  let at = error.pos[0];
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    let offset = 0;
    for (const token of new Lexer().lex(text)) {
      if (offset > at) break;
      if ((token.startsWith('"') || token.startsWith("'")) && at <= offset + token.length) at = offset;
      // The lexer's control tokens (document start, scalar, flow end) stand for no text.
      if (!CONTROL_TOKENS.has(token)) offset += token.length;
    }
  }
  return lineCounter.linePos(at).line;
}

/** A field's path as messages write it: `levels[1].checks[5].weight`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}
