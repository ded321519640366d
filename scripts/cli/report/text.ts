import { cleanText, plainData } from '../../../collectors/support/text.ts';
import type { CheckReport } from './model.ts';

/**
 * Repository text (messages, paths, notes) in reports: it may hold anything a file name or a YAML
 * value can, so every format makes it inert in its own way.
 */

/**
 * The report with every string cleaned (`cleanText`: control characters and bidi overrides become
 * U+FFFD, or `replacement`), so no format can print one, whatever it forgets to escape. Each
 * formatter starts here: the standards may come from a published `standards.json` as well as from
 * the repository.
 */
export function cleanReport(report: CheckReport, replacement?: string): CheckReport {
  const { checks, ...rest } = report;
  const options = replacement === undefined ? {} : { replacement };
  return {
    ...plainData(rest, options),
    checks: new Map([...checks].map(([id, metadata]) => [cleanText(id, replacement), plainData(metadata, options)])),
  };
}

/** Terminal: control characters (escape sequences that recolour, retitle or rewrite the screen) and bidi overrides become `?`. */
export function terminalSafe(text: string): string {
  return cleanText(text, '?');
}

/** A problem of the repository on one line of a terminal, where it is first: `error: catalog-info.yaml:3: …`. */
export function problemLine(problem: { severity: string; file?: string | undefined; line?: number | undefined; message: string }): string {
  return `${problem.severity}: ${terminalSafe(`${problem.file ?? ''}${problem.line ? `:${problem.line}` : ''}${problem.file ? ': ' : ''}${problem.message}`)}`;
}

/**
 * Markdown prose (a pull-request comment): every character Markdown gives meaning to is escaped, so
 * a file name cannot become a link, an image or HTML, or break a table. An `@` is followed by a
 * zero-width space instead: GitHub mentions `\@org/team` all the same (github/markup#1168), but not
 * `@\u200borg/team`, since a mention needs a letter or digit right after the `@`.
 */
export function markdownText(text: string): string {
  return (
    terminalSafe(text)
      .replace(/\r?\n/g, ' ')
      .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (character) => `\\${character}`)
      .replace(/@/g, MENTION_BREAK)
      // Bare URLs would be autolinked.
      .replace(/:\/\//g, '\\://')
  );
}

/** `@` and a zero-width space: what GitHub shows as `@` and does not read as a mention. */
const MENTION_BREAK = '@\u200b';

/**
 * Where a code span goes: in a table cell every `|` must be written `\|` (GFM: a pipe ends the cell
 * even inside a code span, and `\|` there is shown as `|`); elsewhere `\|` would show as written.
 */
export type MarkdownPlace = 'prose' | 'cell';

/**
 * Markdown code span that holds any text: fenced with more backticks than the text's longest run.
 * GitHub mentions and links nothing inside one, so `@org/team` in it notifies nobody.
 */
export function markdownCode(text: string, place: MarkdownPlace = 'prose'): string {
  const flat = terminalSafe(text).replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  const safe = place === 'cell' ? cellPipes(flat) : flat;
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/**
 * Every `|` as `\|`. A backslash right before a pipe is parted from it by a zero-width space: GitHub
 * (cmark-gfm) reads `\\|` as a backslash and an escaped pipe, but micromark (remark) reads it as an
 * escaped backslash and a cell's end, and no reader may split the cell.
 */
function cellPipes(text: string): string {
  return text.replace(/\\(?=\|)/g, '\\\u200b').replace(/\|/g, '\\|');
}

/**
 * A message Cairn wrote (a check's finding, a problem), which may quote repository text: its code
 * spans (as CommonMark pairs backtick runs) stay code spans, refenced by `markdownCode`, and the
 * rest is `markdownText`. Every part is inert whatever the quoted text holds: a backtick in it can
 * only move the border between code and escaped text.
 */
export function markdownMessage(text: string, place: MarkdownPlace = 'prose'): string {
  return splitCodeSpans(text)
    .map((part) => (part.code ? markdownCode(part.text, place) : markdownText(part.text)))
    .join('');
}

/**
 * Text cut into plain parts and code spans as CommonMark reads them: a run of backticks opens a
 * span closed by the next run of the same length; a run that nothing closes is plain text. One
 * space each side of a span's content is dropped, as CommonMark does.
 */
export function splitCodeSpans(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  const runs = [...text.matchAll(/`+/g)];
  let plainFrom = 0;
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index]!;
    const closeIndex = runs.findIndex((run, other) => other > index && run[0].length === open[0].length);
    if (closeIndex === -1) continue;
    const close = runs[closeIndex]!;
    if (open.index > plainFrom) parts.push({ code: false, text: text.slice(plainFrom, open.index) });
    const content = text.slice(open.index + open[0].length, close.index);
    parts.push({ code: true, text: /^ .*[^ ].* $/s.test(content) ? content.slice(1, -1) : content });
    plainFrom = close.index + close[0].length;
    index = closeIndex;
  }
  if (plainFrom < text.length) parts.push({ code: false, text: text.slice(plainFrom) });
  return parts;
}
