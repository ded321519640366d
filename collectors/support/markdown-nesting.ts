/**
 * Block quotes and lists a Markdown text may nest, for the docs the collectors render and the
 * descriptions the site does. Parsing nesting costs more than linearly (200,000 `>` took micromark
 * four minutes, then overflowed its stack), and no page a person reads nests a hundred deep.
 */
export const MAX_MARKDOWN_NESTING = 100;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The deepest nesting of block quotes and list items the text opens on one line (`> > - x` is 3),
 * an item's indentation counting a level per two columns. Stops counting past `MAX_MARKDOWN_NESTING`.
 */
export function markdownNesting(text: string): number {
  let deepest = 0;
  for (let start = 0; start < text.length && deepest <= MAX_MARKDOWN_NESTING;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
    const indent = afterBlanks(line, 0);
    let depth = 0;
    let at = indent;
    for (;;) {
      if (line[at] === '>') {
        depth++;
        at++;
      } else {
        const marker = LIST_MARKER.exec(line.slice(at, at + 11));
        if (!marker) break;
        depth++;
        at += marker[0].length;
      }
      at = afterBlanks(line, at);
      if (depth > MAX_MARKDOWN_NESTING) break;
    }
    if (depth > 0) depth += Math.floor(indent / 2);
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The first position from `at` on that is not a space or a tab. */
function afterBlanks(line: string, at: number): number {
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
  return at;
}
