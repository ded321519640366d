import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { compareText, groupBy, linkToRef, type IndexedCatalog, type EntityLink, type Problem } from './catalog.ts';
import { entityHref } from './paths.ts';
import { countNoun } from './text.ts';

/** A problem ready to list: its location as text and a link to the entity it concerns. */
export interface ProblemView {
  severity: Problem['severity'];
  message: string;
  /** `file:line`, `file`, or absent. */
  location?: string;
  entity?: EntityLink;
}

/** Shapes one problem for display. */
function problemView(catalog: IndexedCatalog, problem: Problem): ProblemView {
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

/** Problems of one shape: the same message but for the repository, entity or file it names. */
export interface ProblemKind {
  severity: Problem['severity'];
  /** The line a reader scans: `21 repositories have no owner`, or the message itself for a single problem. */
  headline: string;
  /** The rest of what is wrong, when the headline does not say it all. */
  explanation?: string;
  /** The imperative sentences of the message, which say what to do, when it has any. */
  fix?: string;
  /** Each problem of the kind, where it was found, and its own numbers where the kind's messages differ in them (`N`). */
  problems: Array<ProblemView & { repo?: string; repoHref?: string; counts?: string }>;
  /** Whether the kind's messages differ in a number, which the headline shows as N and each problem gives. */
  counted?: boolean;
}

/** Every problem of the run, errors first, each severity's repeated problems folded into kinds. */
export interface ProblemsOverview {
  errors: ProblemKind[];
  warnings: ProblemKind[];
  /** `2 errors and 3 warnings in 4 repositories and the portal content`. */
  summary: string;
}

/**
 * Folds problems whose messages differ only by the repository, entity ref or file they name into one
 * kind, so 24 repositories without an owner read as one line with its fix, not 24. Within a
 * severity, the largest kinds come first, then by headline.
 */
export function problemsOverview(catalog: IndexedCatalog): ProblemsOverview {
  const repoPages = repositoryPages(catalog);
  // Counts in a message (`its newest 300 commits`) do not make another kind.
  const kinds = [
    ...groupBy(catalog.problems, (problem) => `${problem.severity}\u0000${withoutCounts(messageShape(problem).template)}`).values(),
  ]
    .map((problems) => problemKind(catalog, repoPages, problems))
    .sort((a, b) => b.problems.length - a.problems.length || compareText(a.headline, b.headline));
  return {
    errors: kinds.filter((kind) => kind.severity === 'error'),
    warnings: kinds.filter((kind) => kind.severity === 'warning'),
    summary: problemsSummary(catalog.problems),
  };
}

/** One line about all problems: `2 errors and 3 warnings in 4 repositories and the portal content`. */
export function problemsSummary(problems: readonly Problem[]): string {
  const { errors, warnings } = countProblems(problems);
  const repositories = new Set(problems.flatMap((problem) => (problem.repo === undefined ? [] : [problem.repo]))).size;
  const places = [
    ...(repositories > 0 ? [countNoun(repositories, 'repository', 'repositories')] : []),
    ...(problems.some((problem) => problem.repo === undefined) ? ['the portal content'] : []),
  ];
  return `${countNoun(errors, 'error')} and ${countNoun(warnings, 'warning')}${places.length > 0 ? ` in ${places.join(' and ')}` : ''}`;
}

type Subject = 'entity' | 'repository' | 'file';

const SUBJECT_WORDS: Record<Subject, { placeholder: string; singular: string; plural: string }> = {
  entity: { placeholder: 'this entity', singular: 'entity', plural: 'entities' },
  repository: { placeholder: 'this repository', singular: 'repository', plural: 'repositories' },
  file: { placeholder: 'this file', singular: 'file', plural: 'files' },
};

/**
 * Headlines for kinds common enough in real organisations to deserve a short one; any other kind is
 * headed by its message. Matched on the message's shape, so a reworded message falls back safely.
 */
const HEADLINES: ReadonlyArray<{ shape: RegExp; headline: (count: number) => string }> = [
  {
    shape: /^No owner is known for this repository\b/,
    headline: (count) => `${countNoun(count, 'repository has', 'repositories have')} no owner`,
  },
];

/**
 * A message with the repository, entity ref and file it names replaced by `this repository`, `this
 * entity` and `this file` (whole words only, so `demo` in `backstage-demo` stays), and the first of
 * those it named: the thing the kind counts.
 */
export function messageShape(problem: Pick<Problem, 'message' | 'repo' | 'entityRef' | 'file'>): { template: string; subject?: Subject } {
  let template = problem.message;
  let subject: Subject | undefined;
  const names: Array<[Subject, string | undefined]> = [
    ['entity', problem.entityRef],
    ['repository', problem.repo],
    ['file', problem.file],
  ];
  for (const [kind, name] of names) {
    if (!name) continue;
    const pattern = new RegExp(`(?<![\\w./:@-])${escapeRegExp(name)}(?![\\w/-]|\\.\\w)`, 'g');
    const replaced = template.replace(pattern, SUBJECT_WORDS[kind].placeholder);
    if (replaced !== template) subject ??= kind;
    template = replaced;
  }
  return { template, ...(subject ? { subject } : {}) };
}

// Sentences that tell the reader what to do start with one of these verbs.
const IMPERATIVE =
  /^(?:Add|Fetch|Use|Write|Set|Remove|Rename|Move|Point|Give|Fix|Declare|Make|Collect|Check|Run|Name|Put|Create|Delete|Replace|Keep|Split|Quote|List|Limit|Change|Define|Register|Update|Commit|Merge|Mark)\b/;

/**
 * A message in three parts: its first sentence (what is wrong), the other sentences that explain it,
 * and the imperative ones that say what to do.
 */
export function splitMessage(message: string): { headline: string; explanation?: string; fix?: string } {
  const [headline = '', ...rest] = message.split(/(?<=[.!?])(?<!\b(?:e\.g|i\.e|etc)\.)\s+(?=[A-Z`"])/);
  const fix = rest.filter((sentence) => IMPERATIVE.test(sentence));
  const explanation = rest.filter((sentence) => !fix.includes(sentence));
  return {
    headline,
    ...(explanation.length > 0 ? { explanation: explanation.join(' ') } : {}),
    ...(fix.length > 0 ? { fix: fix.join(' ') } : {}),
  };
}

/**
 * The page a repository's problems are shown on: that of the entity it declares (a Component first),
 * or of the one Cairn inferred from it.
 */
export function repositoryPages(catalog: IndexedCatalog): Map<string, string> {
  const pages = new Map<string, string>();
  const components = catalog.entities.filter((entity) => entity.kind === 'Component');
  for (const entity of [...components, ...catalog.entities]) {
    if (entity.source.repo !== undefined && !pages.has(entity.source.repo)) pages.set(entity.source.repo, entityHref(entity));
  }
  return pages;
}

function problemKind(catalog: IndexedCatalog, repoPages: ReadonlyMap<string, string>, problems: readonly Problem[]): ProblemKind {
  const first = problems[0]!;
  const views = problems.map((problem) => {
    const repoHref = problem.repo === undefined ? undefined : repoPages.get(problem.repo);
    return {
      ...problemView(catalog, problem),
      ...(problem.repo === undefined ? {} : { repo: problem.repo }),
      ...(repoHref ? { repoHref } : {}),
    };
  });
  if (problems.length === 1) return { severity: first.severity, ...splitMessage(first.message), problems: views };
  const { subject } = messageShape(first);
  // Messages alike but for their counts are headed with an N where the counts differ, and each problem gives its own.
  const parts = problems.map((problem) => messageShape(problem).template.split(COUNT));
  const varying = parts[0]!.flatMap((part, index) => (index % 2 === 1 && parts.some((other) => other[index] !== part) ? [index] : []));
  const template = parts[0]!.map((part, index) => (varying.includes(index) ? 'N' : part)).join('');
  const { headline, explanation, fix } = splitMessage(capitalise(template));
  // What the kind counts: what its message names, else the files, else the repositories it is found in.
  const counted: Subject | undefined =
    subject ??
    (problems.every((problem) => problem.file)
      ? 'file'
      : problems.every((problem) => problem.repo !== undefined)
        ? 'repository'
        : undefined);
  const noun = counted ? SUBJECT_WORDS[counted] : { singular: 'time', plural: 'times' };
  const count = counted ? distinctSubjects(problems, counted) : problems.length;
  const curated = HEADLINES.find((entry) => entry.shape.test(template));
  return {
    severity: first.severity,
    headline: curated ? curated.headline(count) : `${countNoun(count, noun.singular, noun.plural)}: ${headline}`,
    ...(curated || explanation ? { explanation: [...(curated ? [headline] : []), ...(explanation ? [explanation] : [])].join(' ') } : {}),
    ...(fix ? { fix } : {}),
    problems:
      varying.length > 0
        ? views.map((view, row) => ({ ...view, counts: [...new Set(varying.map((index) => parts[row]![index]))].join(', ') }))
        : views,
    ...(varying.length > 0 ? { counted: true } : {}),
  };
}

/** A whole number in a message (a count, a size), not part of a word or a version: captured, so `split` keeps it. */
const COUNT = /((?<![\w.])\d+(?![\w.]*\w))/;

/** How many different repositories, entities or files a kind's problems name. */
function distinctSubjects(problems: readonly Problem[], subject: Subject): number {
  const key = (problem: Problem) =>
    subject === 'entity' ? problem.entityRef : subject === 'repository' ? problem.repo : `${problem.repo ?? ''}\u0000${problem.file}`;
  return new Set(problems.map(key)).size;
}

/** A message with each whole number (a count, a size) replaced: the shape problems are grouped by. */
function withoutCounts(template: string): string {
  return template.replace(new RegExp(COUNT.source, 'g'), '#');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The problems shown on an entity's page: those of its repository (and of its code's, when that is
 * another), and those about the entity from elsewhere.
 */
export function problemsOfEntity(catalog: IndexedCatalog, entity: CatalogEntity): ProblemView[] {
  const repos = [...new Set([entity.source.repo, entity.codeRepo])].filter((repo) => repo !== undefined);
  const ofRepo = repos.flatMap((repo) => catalog.problemsByRepo.get(repo) ?? []);
  const ofEntity = (catalog.problemsByEntity.get(entity.ref) ?? []).filter((problem) => !ofRepo.includes(problem));
  return bySeverity([...ofRepo, ...ofEntity]).map((problem) => problemView(catalog, problem));
}

function bySeverity(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((problem) => problem.severity === 'error'), ...problems.filter((problem) => problem.severity === 'warning')];
}
