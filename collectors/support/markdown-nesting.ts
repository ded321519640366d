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

/**
 * Raw HTML elements a text may nest: the HTML parser and the tree walks after it recurse, and
 * 4,000 nested `<div>` overflowed the stack. Elements HTML closes by itself (`<p>`, `<li>`, `<td>`
 * …) and void ones (`<br>`, `<img>`) are not counted as open.
 */
export const MAX_HTML_NESTING = 1000;

/**
 * Links (`[`) and emphasis marks (`*`) one paragraph, or one line, may hold: micromark takes time
 * quadratic in them (8,000 `[a](` took a second), and no paragraph a person writes has hundreds.
 */
export const MAX_INLINE_MARKS = 500;

/** Why Cairn does not render a Markdown text, as "it …", or undefined when it does. */
export function unrenderable(text: string): string | undefined {
  if (markdownNesting(text) > MAX_MARKDOWN_NESTING) return `it nests quotes or lists more than ${MAX_MARKDOWN_NESTING} deep`;
  if (htmlNesting(text) > MAX_HTML_NESTING) return `it nests HTML elements more than ${MAX_HTML_NESTING} deep`;
  if (inlineMarks(text) > MAX_INLINE_MARKS) return `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`;
  return undefined;
}

const OPEN_BY_ITSELF = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd td th tr thead tbody tfoot colgroup caption option optgroup rp rt'.split(
    ' ',
  ),
);
/** A start or end tag; what it holds stops at the next `<` or `>`, so a scan reads each character once. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>/g;

/** The deepest nesting of raw HTML elements, counted by their start and end tags. */
export function htmlNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag, closing, name] of text.matchAll(TAG)) {
    if (OPEN_BY_ITSELF.has(name!.toLowerCase()) || tag.endsWith('/>')) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The most `[` and `*` (not a list item's marker) of one line, or of one paragraph of lines that are not table rows. */
export function inlineMarks(text: string): number {
  let most = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      paragraph = 0;
      continue;
    }
    const item = /^[ \t]*\*[ \t]/.exec(line);
    let marks = 0;
    for (let at = item ? item[0].length : 0; at < line.length; at++) if (line[at] === '[' || line[at] === '*') marks++;
    paragraph = line.trimStart().startsWith('|') ? 0 : paragraph + marks;
    most = Math.max(most, marks, paragraph);
  }
  return most;
}
