import { cleanText, plainData } from '../../../collectors/text.ts';
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
  return { ...plainData(rest, options), checks: new Map([...checks].map(([id, metadata]) => [cleanText(id, replacement), plainData(metadata, options)])) };
}

/** Terminal: control characters (escape sequences that recolour, retitle or rewrite the screen) and bidi overrides become `?`. */
export function terminalSafe(text: string): string {
  return cleanText(text, '?');
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
