import { lstat, readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, normalize } from 'node:path';
import type { Standards } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { suggestedFiles } from '../../collectors/fixes/index.ts';
import type { ScorecardDefinition } from '../../collectors/scorecards/definition.ts';
import type { Problem } from '../../collectors/contract/problems.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { writeFileAtomically } from '../../collectors/store/atomic-write.ts';
import { parseSnapshot, SnapshotError } from '../../collectors/store/snapshot-file.ts';
import { catalogFileSchema, fetchPublished, isCatalogExport, refuseCredentials } from './published-catalog.ts';
import { failingProblems, failOnProblemsOf } from './collection-options.ts';
import { currentTime } from './collection.ts';
import { pathIn, type CommandContext } from './context.ts';
import { assertRepositoryRoot, HISTORY_FACTS, judgeFor, judgeTree, repositoryAround, type Judge } from './judge.ts';
import { formatCodeClimate } from './report/codeclimate.ts';
import { compareResults } from './report/compare.ts';
import { definingScorecards, gateFailures, gateOf, newProblems } from './report/gate.ts';
import { problemGateText } from './report/verdict.ts';
import { formatJson } from './report/json.ts';
import { formatMarkdown } from './report/markdown.ts';
import type { CheckReport } from './report/model.ts';
import { formatSarif, README_FILES } from './report/sarif.ts';
import { formatTerminal } from './report/terminal.ts';
import { problemLine, terminalSafe } from './report/text.ts';
import { VERSION } from './version.ts';
import { assertWritable } from './writable.ts';

export const CHECK_FORMATS = ['terminal', 'json', 'markdown', 'sarif', 'codeclimate'] as const;
type Format = (typeof CHECK_FORMATS)[number];

export interface CheckValues {
  config?: string | undefined;
  standards?: string | undefined;
  format?: string | undefined;
  'min-level'?: string | undefined;
  scorecard?: string | undefined;
  compare?: string | undefined;
  catalog?: string | undefined;
  output?: string | undefined;
  'fail-on-problems'?: string | undefined;
  'fail-on'?: string | undefined;
  suggest?: boolean | undefined;
  verbose?: boolean | undefined;
}

/**
 * `cairn check [dir]`: the portal's scorecards on one repository's working tree, the verdict a
 * developer gets before merging. Returns the exit code: 1 when the `--fail-on` gate fails, or when
 * the repository has a problem of the `--fail-on-problems` severity (default: an error, such as a
 * descriptor that does not parse: what it declares is missing from every scorecard).
 */
export async function runCheck(values: CheckValues, dirArgument: string | undefined, context: CommandContext): Promise<number> {
  const format = parseFormat(values.format);
  const failOnProblems = failOnProblemsOf(values['fail-on-problems']);
  const gate = gateOf(values);
  const dir = dirArgument === undefined ? repositoryAround(context.cwd) : pathIn(context, dirArgument);
  if (values.output !== undefined) await assertWritable(pathIn(context, values.output), `--output ${values.output}`, 'file');
  const { report, scorecards, baseProblems } = await checkReport(values, dir, context);
  const gateFailed = gateFailures(gate, {
    results: report.results,
    scorecards,
    minLevel: values['min-level'],
    comparison: report.comparison,
  });
  if (gate !== 'never') report.gate = { name: gate, failures: gateFailed };
  // A pull request is not failed for the problems its base has too: only for those it brings.
  const since = gate === 'regression' && baseProblems ? values.compare : undefined;
  // A warning that names no file is about the checkout (a shallow clone) or repeats a failing
  // check (no owner): reported, but not a fault of the repository's files to fail on.
  const owned = report.problems.filter((problem) => problem.severity === 'error' || problem.file !== undefined);
  const counted = failingProblems(owned, failOnProblems);
  const failing = since ? newProblems(counted, baseProblems!) : counted;
  if (failOnProblems !== 'never')
    report.problemGate = {
      failOn: failOnProblems,
      failing: failing.length,
      ...(since ? { since, onBase: counted.length - failing.length } : {}),
    };
  // Colour only where the report goes to a terminal: never into an --output file.
  const color = values.output === undefined && Boolean(context.stdout.isTTY) && !context.env.NO_COLOR;
  const output = render(report, format, {
    exists: await existingFiles(dir, report),
    verbose: values.verbose === true,
    suggest: values.suggest === true,
    // A terminal report written to a file lists the problems stderr gets.
    problems: values.output !== undefined,
    color,
  });
  if (values.output) await writeFileAtomically(pathIn(context, values.output), output);
  else context.stdout.write(output);
  const { stderr } = context;
  for (const problem of report.problems) stderr.write(`${problemLine(problem)}\n`);
  // The terminal report says why the gate fails; other formats go to files and scripts, so stderr says it too.
  if (format !== 'terminal' || values.output) for (const line of gateFailed) stderr.write(`${terminalSafe(line)}\n`);
  if (gateFailed.length > 0) stderr.write(`The gate fails (--fail-on ${gate}).\n`);
  const problemVerdict = report.problemGate ? problemGateText(report.problemGate) : '';
  if (problemVerdict) stderr.write(`${terminalSafe(report.repo.name)}: ${terminalSafe(problemVerdict)}\n`);
  return gateFailed.length > 0 || failing.length > 0 ? 1 : 0;
}

/**
 * The report `cairn check` gives on the repository in `dir`: its entities' results with the chosen
 * scorecards, its problems, the files Cairn would write, and with `--compare` what the working tree
 * changes against that ref. Paths in `values` are relative to the context's folder. `given` judges instead of the
 * standards `values` name (`cairn mcp` has them already).
 */
export async function checkReport(
  values: CheckValues,
  dir: string,
  context: Pick<CommandContext, 'cwd' | 'env'>,
  given?: Judge,
): Promise<{ report: CheckReport; scorecards: ScorecardDefinition[]; baseProblems?: Problem[] }> {
  const judge = given ?? (await judgeFor(values, 'cairn check', context));
  const scorecards = selectScorecards(judge.standards, values.scorecard);
  if (values['min-level'] !== undefined) definingScorecards(scorecards, values['min-level']);
  await assertRepositoryRoot(dir, 'cairn check');
  const name = basename(dir);
  const now = currentTime(context.env);
  if (values.compare !== undefined && !values.compare.trim())
    throw new ConfigError('cairn check: --compare: expected a git ref (a branch, tag or commit), e.g. --compare origin/main.');
  if (values.catalog !== undefined && !values.catalog.trim())
    throw new ConfigError(
      "cairn check: --catalog: expected a portal build's snapshot.json or a portal's catalog.json, as a file or an http(s) URL.",
    );
  const known = values.catalog ? await catalogEntities(values.catalog, pathIn(context, values.catalog)) : [];
  const tree = { name, now, scorecards, known };
  const current = await judgeTree(judge, { ...tree, dir, untracked: true });
  const report = reportFor(current, judge);
  if (!values.compare) return { report, scorecards };
  const { checkoutRef } = await import('../../collectors/repo/ref-checkout.ts');
  const base = await checkoutRef(dir, values.compare);
  try {
    const history = Object.fromEntries(HISTORY_FACTS.map((id) => [id, current.repo.facts[id]]));
    const before = reportFor(await judgeTree(judge, { ...tree, dir: base.dir, untracked: false, history }), judge);
    report.comparison = compareResults(values.compare, before.results, report.results, scorecards);
    return { report, scorecards, baseProblems: before.problems };
  } finally {
    await base.remove();
  }
}

/**
 * The entities of `--catalog`: a portal build's snapshot.json, or a published portal's catalog.json,
 * as a file (`path` as given, at `file`) or an http(s) URL; one that cannot be read is bad usage, named.
 */
async function catalogEntities(path: string, file: string): Promise<CatalogEntity[]> {
  refuseCredentials('cairn check: --catalog', path);
  try {
    const text = /^https?:\/\//i.test(path) ? await fetchPublished(path) : await readFile(file, 'utf8');
    const json: unknown = JSON.parse(text);
    if (!isCatalogExport(json)) return parseSnapshot(path, text).entities;
    const catalog = catalogFileSchema.safeParse(json);
    if (!catalog.success)
      throw new Error(`not a valid catalog.json (${catalog.error.issues[0]!.path.join('.')}: ${catalog.error.issues[0]!.message})`);
    return catalog.data.entities;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof SnapshotError
          ? error.reason
          : (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ConfigError(
      `cairn check: --catalog ${path}: ${reason}; expected the snapshot.json of a portal build (cairn build --snapshot), or a portal's catalog.json.`,
    );
  }
}

/**
 * The files a report names (problems, evidence, descriptors) and the README candidates that are
 * regular files of the working tree, so SARIF and Code Quality point only at files that are there.
 * Paths are repository text: one that is absolute or leaves the folder is never looked up.
 */
export async function existingFiles(dir: string, report: CheckReport): Promise<(path: string) => boolean> {
  const paths = new Set([
    ...report.problems.flatMap((problem) => (problem.file ? [problem.file] : [])),
    ...report.entities.map((entity) => entity.source.file),
    ...report.results.flatMap((result) => result.checks.flatMap((check) => check.evidence.map((evidence) => evidence.path))),
    ...README_FILES,
  ]);
  const found = new Set<string>();
  for (const path of paths) {
    const relative = normalize(path);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith('../') || relative.includes('\0')) continue;
    if ((await lstat(join(dir, relative)).catch(() => undefined))?.isFile()) found.add(path);
  }
  return (path) => found.has(path);
}

/** The report of one judged tree: this repository's entities only (references to other entities merely resolve). */
function reportFor(judged: Awaited<ReturnType<typeof judgeTree>>, judge: Judge): CheckReport {
  const { snapshot, entities, repo, results, knownRefs } = judged;
  return {
    repo: { name: repo.name, ...(repo.facts.head ? { commit: repo.facts.head.commit } : {}) },
    standards: judge.label,
    ...(judge.portalUrl ? { portalUrl: judge.portalUrl } : {}),
    entities,
    scorecards: snapshot.scorecards,
    checks: new Map(snapshot.checks.map((check) => [check.id, check])),
    results,
    // What the developer must fix that no check reports: a malformed exemption, an invalid descriptor.
    problems: snapshot.problems.filter((problem) => problem.repo === repo.name),
    suggestions: suggestedFiles({
      entities,
      results,
      facts: repo.facts,
      files: repo.facts.files ?? [],
      templates: judge.templates,
      knownRefs,
    }),
  };
}

function parseFormat(value: string | undefined): Format {
  const format = (value ?? 'terminal') as Format;
  if (!CHECK_FORMATS.includes(format))
    throw new ConfigError(`cairn check: --format ${value}: expected one of ${CHECK_FORMATS.join(', ')}.`);
  return format;
}

function selectScorecards(standards: Standards, id: string | undefined) {
  if (standards.scorecards.length === 0) throw new ConfigError('cairn check: the standards define no scorecard.');
  if (id === undefined) return standards.scorecards;
  const chosen = standards.scorecards.filter((scorecard) => scorecard.id === id);
  if (chosen.length === 0)
    throw new ConfigError(
      `cairn check: --scorecard ${id}: no such scorecard. Scorecards: ${standards.scorecards.map((scorecard) => scorecard.id).join(', ')}.`,
    );
  return chosen;
}

function render(
  report: CheckReport,
  format: Format,
  options: { exists: (path: string) => boolean; verbose: boolean; suggest: boolean; problems: boolean; color: boolean },
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report, { verbose: options.verbose });
    case 'sarif':
      return formatSarif(report, { version: VERSION, exists: options.exists });
    case 'codeclimate':
      return formatCodeClimate(report, { exists: options.exists });
    case 'terminal':
      return formatTerminal(report, {
        color: options.color,
        verbose: options.verbose,
        suggest: options.suggest,
        problems: options.problems,
      });
  }
}
