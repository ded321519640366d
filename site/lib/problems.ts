import type { CatalogEntity } from '../../collectors/snapshot.ts';
import { compareText, linkToRef, type Catalog, type EntityLink, type Problem } from './catalog.ts';
import { countNoun } from './text.ts';

/** A problem ready to list: its location as text and a link to the entity it concerns. */
export interface ProblemView {
  severity: Problem['severity'];
  message: string;
  /** `file:line`, `file`, or absent. */
  location?: string;
  entity?: EntityLink;
}

/** The problems of one repository (or of the portal's own content, when `repo` is absent). */
export interface ProblemGroup {
  repo?: string;
  errors: number;
  warnings: number;
  problems: ProblemView[];
}

/** Shapes one problem for display. */
function problemView(catalog: Catalog, problem: Problem): ProblemView {
  const location = problem.file && (problem.line ? `${problem.file}:${problem.line}` : problem.file);
  return {
    severity: problem.severity,
    message: problem.message,
    ...(location ? { location } : {}),
    ...(problem.entityRef ? { entity: linkToRef(catalog, problem.entityRef) } : {}),
  };
}

/** Counts of problems by severity. */
export function countProblems(problems: readonly Pick<Problem, 'severity'>[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/**
 * Every problem, grouped by repository: repositories by name, then the problems of the portal's
 * own content. Within a group, errors come before warnings; otherwise the snapshot's order is kept.
 */
export function problemsByRepository(catalog: Catalog): ProblemGroup[] {
  return [...catalog.problemsByRepo]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : compareText(a, b)))
    .map(([repo, problems]) => ({
      ...(repo === undefined ? {} : { repo }),
      ...countProblems(problems),
      problems: bySeverity(problems).map((problem) => problemView(catalog, problem)),
    }));
}

/** One line about all problems: `2 errors and 3 warnings in 4 repositories and the portal content`. */
export function problemsSummary(groups: readonly ProblemGroup[]): string {
  const errors = groups.reduce((sum, group) => sum + group.errors, 0);
  const warnings = groups.reduce((sum, group) => sum + group.warnings, 0);
  const repositories = groups.filter((group) => group.repo !== undefined).length;
  const places = [
    ...(repositories > 0 ? [countNoun(repositories, 'repository', 'repositories')] : []),
    ...(repositories < groups.length ? ['the portal content'] : []),
  ];
  return `${countNoun(errors, 'error')} and ${countNoun(warnings, 'warning')} in ${places.join(' and ')}`;
}

/** The problems shown on an entity's page: those of its repository, and those about the entity from elsewhere. */
export function problemsOfEntity(catalog: Catalog, entity: CatalogEntity): ProblemView[] {
  const ofRepo = entity.source.repo === undefined ? [] : (catalog.problemsByRepo.get(entity.source.repo) ?? []);
  const ofEntity = (catalog.problemsByEntity.get(entity.ref) ?? []).filter((problem) => !ofRepo.includes(problem));
  return bySeverity([...ofRepo, ...ofEntity]).map((problem) => problemView(catalog, problem));
}

function bySeverity(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((problem) => problem.severity === 'error'), ...problems.filter((problem) => problem.severity === 'warning')];
}
