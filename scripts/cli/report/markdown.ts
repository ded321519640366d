import { hasChanges } from './compare.ts';
import { levelTitle, orderedResults, type CheckReport } from './model.ts';
import { cleanReport, markdownCode, markdownText } from './text.ts';

const OUTCOME: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error', notApplicable: '➖ n/a' };

/** Markdown for a pull-request comment: what the change does first, then the failing checks and how to fix them. */
export function formatMarkdown(dirty: CheckReport): string {
  const report = cleanReport(dirty);
  const out: string[] = [`## Cairn scorecards for ${markdownCode(report.repo.name)}`, '', `Judged with ${markdownText(report.standards)}.`, ''];
  if (report.comparison) out.push(...comparisonSection(report), '');
  if (report.results.length === 0) out.push('No scorecard applies to the entities of this repository.');
  for (const result of orderedResults(report)) {
    const scorecard = report.scorecards.find((definition) => definition.id === result.scorecard);
    out.push(`### ${markdownText(result.entityRef)} · ${markdownText(scorecard?.title ?? result.scorecard)}: **${markdownText(levelTitle(scorecard, result.level))}** (${percent(result.score)})`, '');
    const open = result.checks.filter((check) => check.effective === 'fail' || check.effective === 'error');
    if (open.length === 0) out.push('Every applicable check passes.', '');
    else {
      out.push('| Check | Outcome | Finding | Where |', '|---|---|---|---|');
      for (const check of open) {
        const where = check.evidence.map((evidence) => markdownCode(`${evidence.path}${evidence.line ? `:${evidence.line}` : ''}`)).slice(0, 3).join(', ');
        const title = report.checks.get(check.checkId)?.title ?? check.checkId;
        out.push(`| ${markdownText(title)} | ${check.exemption?.expired ? '❌ exemption expired' : OUTCOME[check.outcome]} | ${markdownText(check.message)} | ${where} |`);
      }
      out.push('');
      for (const check of open) {
        const metadata = report.checks.get(check.checkId);
        // The fix text is the platform team's own Markdown (built-in or content/checks), shown as written.
        if (metadata) out.push('<details>', `<summary>How to fix: ${markdownText(metadata.title)}</summary>`, '', metadata.fix.trim(), '', '</details>', '');
      }
    }
    if (result.next) out.push(`Next level, **${markdownText(levelTitle(scorecard, result.next.level))}**, needs: ${result.next.checks.map(markdownCode).join(', ')}`, '');
  }
  if (report.problems.length > 0) {
    out.push('### Problems', '');
    for (const problem of report.problems) out.push(`- **${problem.severity}** ${problem.file ? `${markdownCode(`${problem.file}${problem.line ? `:${problem.line}` : ''}`)} ` : ''}${markdownText(problem.message)}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function comparisonSection(report: CheckReport): string[] {
  const comparison = report.comparison!;
  if (!hasChanges(comparison)) return [`**Against ${markdownCode(comparison.ref)}:** this change does not move any scorecard.`];
  const lines = [`**What this change does against ${markdownCode(comparison.ref)}:**`, '', '| Entity | Scorecard | Level | Newly passing | Newly failing |', '|---|---|---|---|---|'];
  for (const change of comparison.changes) {
    const scorecard = report.scorecards.find((definition) => definition.id === change.scorecard);
    const from = change.before ? levelTitle(scorecard, change.before.level) : 'not scored';
    const to = change.after ? levelTitle(scorecard, change.after.level) : 'not scored';
    const arrow = change.direction > 0 ? '⬆️' : change.direction < 0 ? '⬇️' : '';
    const list = (ids: string[]) => ids.map(markdownCode).join(', ') || '–';
    lines.push(`| ${markdownText(change.entityRef)} | ${markdownText(scorecard?.title ?? change.scorecard)} | ${markdownText(from)} → ${markdownText(to)} ${arrow} | ${list(change.newlyPassing)} | ${list(change.newlyFailing)} |`);
  }
  return lines;
}

function percent(score: number): string {
  return `${Math.floor(score * 100)}%`;
}
