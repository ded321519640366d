/**
 * Repository text (messages, paths, notes) in reports: it may hold anything a file name or a YAML
 * value can, so every format makes it inert in its own way.
 */

/** Terminal: control characters (escape sequences that recolour, retitle or rewrite the screen) become `?`. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/**
 * Markdown prose (a pull-request comment): every character Markdown or GitHub gives meaning to is
 * escaped, so a file name cannot become a link, an image, HTML or an @-mention, or break a table.
 */
export function markdownText(text: string): string {
  return terminalSafe(text)
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~@&]/g, (character) => `\\${character}`)
    // Bare URLs would be autolinked.
    .replace(/:\/\//g, '\\://');
}

/** Markdown code span that holds any text: fenced with more backticks than the text's longest run. */
export function markdownCode(text: string): string {
  const safe = terminalSafe(text).replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}
