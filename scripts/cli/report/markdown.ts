import { hasChanges } from './compare.ts';
import { levelTitle, orderedResults, type CheckReport } from './model.ts';

const OUTCOME: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error', notApplicable: '➖ n/a' };

/** Markdown for a pull-request comment: what the change does first, then the failing checks and how to fix them. */
export function formatMarkdown(report: CheckReport): string {
  const out: string[] = [`## Cairn scorecards for \`${report.repo.name}\``, ''];
  if (report.comparison) out.push(...comparisonSection(report), '');
  if (report.results.length === 0) out.push('No scorecard applies to the entities of this repository.');
  for (const result of orderedResults(report)) {
    const scorecard = report.scorecards.find((definition) => definition.id === result.scorecard);
    out.push(`### ${escapeInline(result.entityRef)} · ${escapeInline(scorecard?.title ?? result.scorecard)}: **${levelTitle(scorecard, result.level)}** (${Math.round(result.score * 100)}%)`, '');
    const open = result.checks.filter((check) => check.effective === 'fail' || check.effective === 'error');
    if (open.length === 0) out.push('Every applicable check passes.', '');
    else {
      out.push('| Check | Outcome | Finding | Where |', '|---|---|---|---|');
      for (const check of open) {
        const where = check.evidence.map((evidence) => `\`${escapeCell(evidence.path)}${evidence.line ? `:${evidence.line}` : ''}\``).slice(0, 3).join(', ');
        const title = report.checks.get(check.checkId)?.title ?? check.checkId;
        out.push(`| ${escapeCell(title)} | ${check.exemption?.expired ? '❌ exemption expired' : OUTCOME[check.outcome]} | ${escapeCell(check.message)} | ${where} |`);
      }
      out.push('');
      for (const check of open) {
        const metadata = report.checks.get(check.checkId);
        if (metadata) out.push('<details>', `<summary>How to fix: ${escapeInline(metadata.title)}</summary>`, '', metadata.fix.trim(), '', '</details>', '');
      }
    }
    if (result.next) out.push(`Next level, **${levelTitle(scorecard, result.next.level)}**, needs: ${result.next.checks.map((id) => `\`${id}\``).join(', ')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function comparisonSection(report: CheckReport): string[] {
  const comparison = report.comparison!;
  if (!hasChanges(comparison)) return [`**Against \`${comparison.ref}\`:** this change does not move any scorecard.`];
  const lines = [`**What this change does against \`${comparison.ref}\`:**`, '', '| Entity | Scorecard | Level | Newly passing | Newly failing |', '|---|---|---|---|---|'];
  for (const change of comparison.changes) {
    const scorecard = report.scorecards.find((definition) => definition.id === change.scorecard);
    const from = change.before ? levelTitle(scorecard, change.before.level) : 'not scored';
    const to = change.after ? levelTitle(scorecard, change.after.level) : 'not scored';
    const arrow = change.direction > 0 ? '⬆️' : change.direction < 0 ? '⬇️' : '';
    const list = (ids: string[]) => ids.map((id) => `\`${id}\``).join(', ') || '–';
    lines.push(`| ${escapeCell(change.entityRef)} | ${escapeCell(scorecard?.title ?? change.scorecard)} | ${from} → ${to} ${arrow} | ${list(change.newlyPassing)} | ${list(change.newlyFailing)} |`);
  }
  return lines;
}

/** Repository text must not break the table or inject markup into the comment. */
function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeInline(text: string): string {
  return text.replace(/[<>&]/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[character]!);
}
