import { orderedResults, type CheckReport } from './model.ts';
import { cleanReport } from './text.ts';

/** Machine-readable `cairn check` output: the results as the snapshot stores them, plus the comparison. */
export function formatJson(dirty: CheckReport): string {
  const report = cleanReport(dirty);
  return `${JSON.stringify(
    {
      repository: report.repo,
      standards: report.standards,
      results: orderedResults(report),
      problems: report.problems,
      ...(report.comparison ? { comparison: report.comparison } : {}),
    },
    null,
    2,
  )}\n`;
}
