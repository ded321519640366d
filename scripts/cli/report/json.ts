import { orderedResults, type CheckReport } from './model.ts';
import { cleanReport } from './text.ts';
import { gateOutcome, verdictOf } from './verdict.ts';

/**
 * Machine-readable `cairn check` output: the verdict first (per entity and scorecard the level, the
 * next level, and with `--compare` what moved), then the `--fail-on` gate when there is one and
 * whether the repository's problems fail the run (`--fail-on-problems`), the results as the
 * snapshot stores them, the problems, the comparison and the files Cairn can write.
 */
export function formatJson(dirty: CheckReport): string {
  const report = cleanReport(dirty);
  return `${JSON.stringify(
    {
      verdict: verdictOf(report),
      ...(report.gate ? { gate: gateOutcome(report.gate) } : {}),
      // Whether the repository's own problems fail the run (--fail-on-problems), beside the gate.
      ...(report.problemGate ? { problemGate: { ...report.problemGate, passes: report.problemGate.failing === 0 } } : {}),
      repository: report.repo,
      standards: report.standards,
      results: orderedResults(report),
      problems: report.problems,
      ...(report.comparison ? { comparison: report.comparison } : {}),
      ...(report.suggestions.length > 0 ? { suggestions: report.suggestions } : {}),
    },
    null,
    2,
  )}\n`;
}
