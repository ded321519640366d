import { isAbsolute, resolve } from 'node:path';
import { formatScore } from '../../../site/lib/standards.ts';
import { failingChecks, verdictOf } from '../report/verdict.ts';
import { clip, firstOf, fitting, MAX_ANSWER_CHARS, MAX_LOCATION } from './bounds.ts';
import type { McpPortal } from './portal.ts';
import { fixAnswer } from './scorecards.ts';

/**
 * `cairn check` on a local working tree, with the standards this portal judged its entities with:
 * the report of the same function the command runs (`checkReport`), led by the same verdict and its
 * failing checks, cheapest fix first, as `cairn check --standards <the portal's standards.json>`
 * prints them. `path` is the repository's root, absolute or from the folder the server runs in.
 */
export async function checkRepository(portal: McpPortal, path: string, scorecard?: string) {
  const dir = isAbsolute(path) ? path : resolve(path);
  // The collectors load when a repository is first checked, not when the server starts.
  const { checkReport } = await import('../check.ts');
  const { report } = await checkReport(
    { ...(portal.catalogSnapshot ? { catalog: portal.catalogSnapshot } : {}), ...(scorecard ? { scorecard } : {}) },
    dir,
    // The server is a process of its own, on stdio: its folder and environment are the process's.
    { cwd: process.cwd(), env: process.env },
    await portal.judge(),
  );
  const verdict = verdictOf(report);
  // A monorepo's answer has many entities and failures: each list gets a share of the answer's cap.
  const entities = fitting(
    verdict.entities.map((entity) => ({
      entity: entity.entityRef,
      scorecards: entity.scorecards.map((standing) => ({
        scorecard: standing.scorecard,
        level: standing.levelTitle,
        ...(standing.score === undefined ? {} : { score: formatScore(standing.score) }),
        ...(standing.next ? { next: { level: standing.next.levelTitle, blockingChecks: standing.next.checks } } : {}),
      })),
    })),
    MAX_ANSWER_CHARS * 0.25,
  );
  const allFailing = failingChecks(report);
  const failing = fitting(
    firstOf(allFailing, 30).items.map((check) => fixAnswer(portal, undefined, check)),
    MAX_ANSWER_CHARS * 0.45,
  );
  const problems = fitting(
    report.problems.map((problem) => ({
      severity: problem.severity,
      message: clip(problem.message),
      ...(problem.file ? { location: clip(problem.line ? `${problem.file}:${problem.line}` : problem.file, MAX_LOCATION) } : {}),
    })),
    MAX_ANSWER_CHARS * 0.15,
  );
  return {
    repository: { path: dir, ...report.repo },
    standards: report.standards,
    verdict: verdict.line,
    entities: entities.items,
    ...(entities.omitted ? { entitiesOmitted: entities.omitted } : {}),
    failing: failing.items,
    ...(allFailing.length > failing.items.length ? { failingOmitted: allFailing.length - failing.items.length } : {}),
    problems: problems.items,
    ...(problems.omitted ? { problemsOmitted: problems.omitted } : {}),
    suggestions: report.suggestions.map((suggestion) => ({
      path: suggestion.path,
      checks: suggestion.checkIds,
      summary: suggestion.summary,
    })),
  };
}
