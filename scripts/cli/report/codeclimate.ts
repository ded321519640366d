import { orderedResults, type CheckReport } from './model.ts';
import { findings, fingerprints, isRepositoryPath, readmePlace, type Finding, type Place } from './sarif.ts';
import { cleanReport } from './text.ts';

/*
 * GitLab Code Quality ("Code Quality report format", https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * a JSON array of issues, each with `description`, `check_name`, `fingerprint`, `severity` (`info`,
 * `minor`, `major`, `critical` or `blocker`), `location.path` (relative to the repository) and
 * `location.lines.begin`; other fields are ignored, and the file must not start with a byte order mark.
 * GitLab keeps one issue per fingerprint (the merge request widget shows identical fingerprints as
 * one entry, and its parser stores issues by fingerprint), and it stops reading the report at the
 * first issue that misses a required field: so every issue has them all and its own fingerprint.
 */

/** Where issues are shown: `exists` says which repository paths are there to point at. */
export interface CodeClimateOptions {
  exists?: (path: string) => boolean;
}

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One issue of a GitLab Code Quality report. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/**
 * The location of an issue when the report names no file that is there: GitLab requires a path and
 * a line and takes any string, but builds a link to a file from it, so `.` (the repository root, a
 * folder) is a broken link there. It is the last resort only (see `fallbackPlace`).
 */
const REPOSITORY_ROOT: Place = { path: '.', line: 1 };

/**
 * Check severities as GitLab ranks them: a check's `error` is `major`, its `warning` (and a check
 * that could not run) `minor`, its `note` `info`.
 */
const CHECK_SEVERITY: Record<Finding['level'], CodeQualitySeverity> = { error: 'major', warning: 'minor', note: 'info' };
/**
 * A problem that is an `error` is `critical`: data is missing because of it (an entity that is not
 * in the catalog is judged by no check), and it fails `cairn check` by default. `blocker` is left to
 * the team's own tools.
 */
const PROBLEM_SEVERITY: Record<Finding['level'], CodeQualitySeverity> = { error: 'critical', warning: 'minor', note: 'info' };

/**
 * A GitLab Code Quality report (the `artifacts:reports:codequality` file): one issue per failing,
 * not exempt check of each entity (naming every scorecard it counts for), then one per problem of
 * the repository, in that order. Each points at an existing file like SARIF does (evidence, else
 * the entity's descriptor), else at the file `fallbackPlace` finds, since GitLab requires a location.
 */
export function formatCodeClimate(dirty: CheckReport, options: CodeClimateOptions = {}): string {
  const report = cleanReport(dirty);
  const all = findings(report, options.exists);
  const prints = fingerprints(all.map((finding) => finding.identity));
  const fallback = fallbackPlace(report, options.exists);
  const issues = all.flatMap((finding, index) => (finding.exemption ? [] : [codeQualityIssue(finding, prints[index]!, fallback)]));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * Where an issue that points at no file of its own is shown, first found first: a descriptor at the
 * repository root, the README, then the first file the report names (a problem's file, a
 * descriptor, evidence) that is there; the repository root only when none is. Without word of which
 * files exist, a named file is taken to be there, but no README is guessed.
 */
function fallbackPlace(report: CheckReport, exists: ((path: string) => boolean) | undefined): Place {
  const present = (path: string) => isRepositoryPath(path) && (exists?.(path) ?? true);
  const descriptors = report.entities.map((entity) => ({ path: entity.source.file, line: entity.source.line }));
  const rootDescriptor = descriptors.find((place) => !place.path.includes('/') && present(place.path));
  if (rootDescriptor) return rootDescriptor;
  const readme = exists && readmePlace(exists);
  if (readme) return readme;
  const named: Place[] = [
    ...report.problems.flatMap((problem) => (problem.file ? [{ path: problem.file, line: problem.line }] : [])),
    ...descriptors,
    ...orderedResults(report).flatMap((result) =>
      result.checks.flatMap((check) => check.evidence.map(({ path, line }) => ({ path, line }))),
    ),
  ];
  return named.find((place) => present(place.path)) ?? REPOSITORY_ROOT;
}

function codeQualityIssue(finding: Finding, fingerprint: string, fallback: Place): CodeQualityIssue {
  const place = finding.places[0] ?? fallback;
  return {
    description: description(finding),
    // GitLab merges the reports of every tool in a pipeline: the prefix keeps Cairn's checks apart.
    check_name: finding.ruleId.startsWith('cairn/') ? finding.ruleId : `cairn/${finding.ruleId}`,
    fingerprint,
    severity: (finding.source === 'problem' ? PROBLEM_SEVERITY : CHECK_SEVERITY)[finding.level],
    location: { path: place.path, lines: { begin: place.line ?? 1 } },
  };
}

/** One line of plain text: the check's title, what is wrong, and where to read how to fix it. */
function description(finding: Finding): string {
  const text = [
    finding.title ? `${finding.title}: ` : '',
    finding.message,
    finding.helpUrl ? ` (how to fix: ${finding.helpUrl})` : '',
  ].join('');
  return text.replace(/\s+/g, ' ').trim();
}
