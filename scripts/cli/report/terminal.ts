import type { ScoredCheck } from '../../../collectors/scorecards/result.ts';
import { hasChanges } from './compare.ts';
import { levelTitle, orderedResults, type CheckReport } from './model.ts';
import { cleanReport, terminalSafe } from './text.ts';

/** ANSI styles, or none when the output is not a terminal. */
function palette(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), green: wrap('32'), yellow: wrap('33'), cyan: wrap('36') };
}

const MARKS: Record<string, string> = { pass: '✔', fail: '✘', error: '!', notApplicable: '–' };

/** The readable report `cairn check` prints by default. */
export function formatTerminal(dirty: CheckReport, options: { color: boolean }): string {
  const report = cleanReport(dirty, '?');
  const style = palette(options.color);
  const lines: string[] = [style.dim(`Judged with ${terminalSafe(report.standards)}.`)];
  if (report.results.length === 0) lines.push('No scorecard applies to the entities of this repository.');
  let currentEntity = '';
  for (const result of orderedResults(report)) {
    if (result.entityRef !== currentEntity) {
      currentEntity = result.entityRef;
      lines.push('', style.bold(terminalSafe(result.entityRef)));
    }
    const scorecard = report.scorecards.find((definition) => definition.id === result.scorecard);
    const level = levelTitle(scorecard, result.level);
    lines.push(`  ${scorecard?.title ?? result.scorecard}: ${style.bold(level)} ${style.dim(`(score ${Math.floor(result.score * 100)}%)`)}`);
    for (const check of result.checks) lines.push(...checkLines(check, report, style));
    if (result.next) {
      lines.push(`  ${style.cyan(`Next level (${levelTitle(scorecard, result.next.level)}) needs:`)} ${result.next.checks.join(', ')}`);
    }
  }
  if (report.comparison) lines.push('', ...comparisonLines(report, style));
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

function checkLines(check: ScoredCheck, report: CheckReport, style: ReturnType<typeof palette>): string[] {
  const title = report.checks.get(check.checkId)?.title ?? check.checkId;
  const colour = check.effective === 'pass' ? style.green : check.effective === 'notApplicable' ? style.dim : check.effective === 'error' ? style.yellow : style.red;
  const mark = check.exemption ? (check.exemption.expired ? '✘' : '⚑') : (MARKS[check.outcome] ?? '?');
  const lines = [`    ${colour(mark)} ${terminalSafe(title)} ${style.dim(`[${check.checkId}]`)}: ${terminalSafe(check.message)}`];
  if (check.exemption) {
    const state = check.exemption.expired ? style.red(`exemption expired ${check.exemption.expires}`) : `exempt until ${check.exemption.expires}`;
    lines.push(`        ${state}: ${terminalSafe(check.exemption.reason)}`);
  }
  if (check.effective === 'fail' || check.effective === 'error') {
    for (const evidence of check.evidence.slice(0, 5)) lines.push(style.dim(terminalSafe(`        at ${evidence.path}${evidence.line ? `:${evidence.line}` : ''}${evidence.note ? `  ${evidence.note}` : ''}`)));
    if (check.evidence.length > 5) lines.push(style.dim(`        … and ${check.evidence.length - 5} more`));
    const fix = report.checks.get(check.checkId)?.fix.split('\n').find((line) => line.trim());
    if (fix) lines.push(`        ${style.cyan('fix:')} ${fix.trim()}`);
  }
  return lines;
}

function comparisonLines(report: CheckReport, style: ReturnType<typeof palette>): string[] {
  const comparison = report.comparison!;
  if (!hasChanges(comparison)) return [style.bold(`Against ${comparison.ref}: no change.`)];
  const lines = [style.bold(`Against ${comparison.ref}:`)];
  for (const change of comparison.changes) {
    const scorecard = report.scorecards.find((definition) => definition.id === change.scorecard);
    const from = change.before ? levelTitle(scorecard, change.before.level) : 'not scored';
    const to = change.after ? levelTitle(scorecard, change.after.level) : 'not scored';
    const arrow = change.direction > 0 ? style.green('▲') : change.direction < 0 ? style.red('▼') : '=';
    lines.push(`  ${arrow} ${terminalSafe(change.entityRef)} · ${scorecard?.title ?? change.scorecard}: ${from} → ${to}`);
    if (change.newlyPassing.length) lines.push(`      ${style.green('newly passing:')} ${change.newlyPassing.join(', ')}`);
    if (change.newlyFailing.length) lines.push(`      ${style.red('newly failing:')} ${change.newlyFailing.join(', ')}`);
  }
  return lines;
}
