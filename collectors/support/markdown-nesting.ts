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
 * 4,000 nested `<div>` overflowed the stack. Only the elements a page nests are counted (`<div>`,
 * `<span>`, `<blockquote>` …), outside code: never `Promise<T>`, an autolink or a `<p>` HTML closes by itself.
 */
export const MAX_HTML_NESTING = 1000;

/**
 * Link brackets (`[`, `]`) and emphasis marks (`*`) one paragraph, or one line, may hold outside
 * code: micromark takes time quadratic in them (8,000 `[a](` took a second, 40,000 `]` eleven), and
 * no paragraph a person writes has thousands. A list item, a heading and a table row each count alone.
 */
export const MAX_INLINE_MARKS = 2000;

/** Why Cairn does not render a Markdown text, as "it …", or undefined when it does. */
export function unrenderable(text: string): string | undefined {
  if (markdownNesting(text) > MAX_MARKDOWN_NESTING) return `it nests quotes or lists more than ${MAX_MARKDOWN_NESTING} deep`;
  const prose = withoutCode(text);
  if (htmlNesting(prose) > MAX_HTML_NESTING) return `it nests HTML elements more than ${MAX_HTML_NESTING} deep`;
  if (inlineMarks(prose) > MAX_INLINE_MARKS) return `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`;
  return undefined;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The text with fenced code blocks and code spans blanked (lines kept), so what they hold is not
 * read as markup. A fence closes on a line of only its character, at least as long.
 */
export function withoutCode(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const opening = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening) fence = undefined;
      lines[index] = '';
    } else if (opening !== undefined) {
      fence = opening;
      lines[index] = '';
    } else lines[index] = line.replace(/`[^`]*`/g, '``');
  }
  return lines.join('\n');
}

/** Elements a page nests, whose start tags open a level until their end tags. */
const NESTING_ELEMENTS = new Set(
  'a abbr article aside b blockquote center code dd details dfn div dl em figure font footer form header i kbd label main mark nav ol pre q s samp section small span strong sub summary sup table u ul var'.split(
    ' ',
  ),
);
/** A start or end tag: its name then a space, `/` or `>`; what it holds stops at the next `<` or `>`, so a scan reads each character once. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>/g;

/** The deepest nesting of raw HTML elements (`NESTING_ELEMENTS`), counted by their start and end tags. */
export function htmlNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag, closing, name] of text.matchAll(TAG)) {
    if (!NESTING_ELEMENTS.has(name!.toLowerCase()) || tag.endsWith('/>')) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** A line that starts a block of its own: a list item, a heading or a table row. */
const OWN_BLOCK = /^[ \t]*(?:[-+*][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|\|)/;

/** The most `[`, `]` and `*` (not a list item's marker) of one line, or of one paragraph. */
export function inlineMarks(text: string): number {
  let most = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      paragraph = 0;
      continue;
    }
    const block = OWN_BLOCK.exec(line);
    let marks = 0;
    for (let at = block ? block[0].length : 0; at < line.length; at++) {
      const char = line[at];
      if (char === '[' || char === ']' || char === '*') marks++;
    }
    paragraph = block ? marks : paragraph + marks;
    most = Math.max(most, paragraph);
  }
  return most;
}
