import { lstat, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, normalize, resolve } from 'node:path';
import { assemble, collectRepo, type Standards } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config-error.ts';
import { portalConfigSchema, type GuideSettings, type Limits } from '../../collectors/config.ts';
import type { ScorecardDefinition } from '../../collectors/scorecards/definition.ts';
import { readSnapshot, writeFileAtomically, type CatalogEntity, type Snapshot } from '../../collectors/snapshot.ts';
import { readContentEntities, type ContentDocument } from '../../collectors/sources/content.ts';
import { checkoutRef } from '../../collectors/repo/ref-checkout.ts';
import { isGitWorkTree } from '../../collectors/sources/directory.ts';
import { failingProblems, failOnProblemsOf } from './collection-options.ts';
import { currentTime, resolveConfig } from './collection.ts';
import { readPublishedStandards } from './published-standards.ts';
import { loadStandards } from './standards.ts';
import { compareResults } from './report/compare.ts';
import { formatJson } from './report/json.ts';
import { formatMarkdown } from './report/markdown.ts';
import type { CheckReport } from './report/model.ts';
import { formatSarif } from './report/sarif.ts';
import { formatTerminal } from './report/terminal.ts';
import { terminalSafe } from './report/text.ts';
import { definingScorecards, gateFailures, gateOf } from './report/gate.ts';
import { VERSION } from './version.ts';

export const CHECK_FORMATS = ['terminal', 'json', 'markdown', 'sarif'] as const;
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
 * developer gets before merging. Returns the exit code: 1 when a scorecard is below `--min-level`,
 * or when the repository has a problem of the `--fail-on-problems` severity (default: an error,
 * such as a descriptor that does not parse: what it declares is missing from every scorecard).
 */
export async function runCheck(values: CheckValues, dirArgument: string | undefined): Promise<number> {
  const format = parseFormat(values.format);
  const failOnProblems = failOnProblemsOf(values['fail-on-problems']);
  const gate = gateOf(values);
  const judge = await judgeFor(values);
  const { standards } = judge;
  const scorecards = selectScorecards(standards, values.scorecard);
  if (values['min-level'] !== undefined) definingScorecards(scorecards, values['min-level']);
  const dir = resolve(dirArgument ?? '.');
  const name = basename(dir);
  const now = currentTime();
  const known = values.catalog ? await readSnapshot(resolve(values.catalog)) : undefined;
  const knownEntities = [...otherEntities(known?.entities ?? [], name), ...otherEntities(judge.teams, name)];
  const score = async (treeDir: string, untracked: boolean) => {
    const repo = await collectRepo({ name, dir: treeDir, source: 'local' }, { now, windowDays: judge.windowDays, settings: { contentGlobs: standards.contentGlobs }, limits: judge.limits, untracked });
    const snapshot = await assemble({ repos: [repo], content: judge.content, standards: { ...standards, scorecards, guides: [], initiatives: [] }, now, title: judge.title, guideSettings: judge.guideSettings, problems: [], knownEntities });
    return { snapshot, commit: repo.facts.head?.commit };
  };
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new ConfigError(`${dir}: no such folder; cairn check scores the repository in a folder (default: the current one).`);
  if (!(await isGitWorkTree(dir))) throw new ConfigError(`${dir} is not a git work tree (no .git): cairn check scores one repository.`);
  const current = await score(dir, true);
  const report = reportFor(current.snapshot, name, current.commit, judge);
  if (values.compare) {
    const base = await checkoutRef(dir, values.compare);
    try {
      const before = reportFor((await score(base.dir, false)).snapshot, name, base.commit, judge);
      report.comparison = compareResults(values.compare, before.results, report.results, scorecards);
    } finally {
      await base.remove();
    }
  }
  const output = render(report, format, format === 'sarif' ? await existingFiles(dir, report) : undefined);
  if (values.output) await writeOutput(values.output, output);
  else process.stdout.write(output);
  for (const problem of report.problems) process.stderr.write(`${problem.severity}: ${terminalSafe(`${problem.file ?? ''}${problem.line ? `:${problem.line}` : ''}${problem.file ? ': ' : ''}${problem.message}`)}\n`);
  const gateFailed = gateFailures(gate, { results: report.results, scorecards, minLevel: values['min-level'], comparison: report.comparison });
  for (const line of gateFailed) process.stderr.write(`${terminalSafe(line)}\n`);
  if (gateFailed.length > 0) process.stderr.write(`The gate fails (--fail-on ${gate}).\n`);
  const failing = failingProblems(report.problems, failOnProblems);
  if (failing.length > 0) process.stderr.write(`${failing.length} ${failOnProblems === 'error' ? 'error' : 'problem'}${failing.length === 1 ? '' : 's'} in ${terminalSafe(name)} (--fail-on-problems ${failOnProblems}; pass --fail-on-problems never to report them without failing).\n`);
  return gateFailed.length > 0 || failing.length > 0 ? 1 : 0;
}

/**
 * The files problems and entities name that are regular files of the working tree, so SARIF points
 * only at files code scanning can show. Paths are repository text: one that is absolute or leaves
 * the folder is never looked up.
 */
async function existingFiles(dir: string, report: CheckReport): Promise<(path: string) => boolean> {
  const paths = new Set([...report.problems.flatMap((problem) => (problem.file ? [problem.file] : [])), ...report.entities.map((entity) => entity.source.file)]);
  const found = new Set<string>();
  for (const path of paths) {
    const relative = normalize(path);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith('../') || relative.includes('\0')) continue;
    if ((await lstat(join(dir, relative)).catch(() => undefined))?.isFile()) found.add(path);
  }
  return (path) => found.has(path);
}

/** What judges the repository, and how the report names it. */
interface Judge {
  standards: Standards;
  /** Groups and Users of the portal, so owners resolve as they do there. */
  teams: CatalogEntity[];
  /** Entity documents of the portal's content folder (its teams). */
  content: ContentDocument[];
  windowDays: number;
  /** Caps on what the repository may cost: the portal's with --config, else the defaults. */
  limits: Limits;
  title: string;
  guideSettings: GuideSettings;
  /** One line for the report's head: which standards these are. */
  label: string;
  /** The portal's root URL, ending in `/`, when known: reports link to its check and entity pages. */
  portalUrl?: string;
}

/**
 * The standards to judge with: a portal's published `standards.json` (`--standards`), a portal's
 * content (`--config`), else Cairn's default standards; always named in the report.
 */
async function judgeFor(values: CheckValues): Promise<Judge> {
  const defaults = portalConfigSchema.parse({});
  if (values.standards !== undefined) {
    if (values.config !== undefined) throw new ConfigError('cairn check: --standards and --config both say what to judge with; pass one.');
    const published = await readPublishedStandards(values.standards);
    // Declared teams join the catalog as the portal's own content does, so they win over a team this
    // repository's CODEOWNERS would infer; inferred ones (from other repositories) only resolve references.
    const declared = published.teams.filter((team) => !team.inferred);
    return {
      standards: published.standards,
      teams: published.teams.filter((team) => team.inferred),
      content: declared.map(({ apiVersion, kind, metadata, spec, source }) => ({ file: source.file, line: source.line, data: { apiVersion, kind, metadata, ...(spec ? { spec } : {}) } })),
      windowDays: published.activityWindowDays ?? defaults.activity.windowDays,
      limits: defaults.limits,
      title: defaults.title,
      guideSettings: defaults.guides,
      label: `the portal's standards published at ${values.standards} (${published.generatedAt.slice(0, 10)})`,
      // standards.json is at the portal's root.
      ...(/^https?:\/\//i.test(values.standards) ? { portalUrl: new URL('./', values.standards).href } : {}),
    };
  }
  // Only a portal named on the command line: a content/portal.yaml that happens to be in the current
  // folder (the demo's, in a Cairn checkout) must not judge a repository silently.
  const loaded = values.config !== undefined ? await resolveConfig({ config: values.config }) : { config: defaults, baseDir: process.cwd() };
  const standards = await loadStandards(loaded.contentDir);
  const content = loaded.contentDir ? await readContentEntities(loaded.contentDir) : { documents: [], problems: [] };
  const label =
    standards.scorecardsFrom === 'defaults'
      ? `Cairn's default standards (${standards.scorecards.map((scorecard) => scorecard.title).join(', ')}); pass --standards <your portal's standards.json> or --config <portal.yaml> to judge with your portal's`
      : `the portal's standards from ${values.config}`;
  const { site, base } = loaded.config;
  return {
    standards,
    teams: [],
    content: content.documents,
    windowDays: loaded.config.activity.windowDays,
    limits: loaded.config.limits,
    title: loaded.config.title,
    guideSettings: loaded.config.guides,
    label,
    ...(site ? { portalUrl: new URL(base.endsWith('/') ? base : `${base}/`, site).href } : {}),
  };
}

/** The report's results: this repository's entities only (references to other entities merely resolve). */
function reportFor(snapshot: Snapshot, name: string, commit: string | undefined, judge: Judge): CheckReport {
  const entities = snapshot.entities.filter((entity) => entity.source.repo === name);
  const refs = new Set(entities.map((entity) => entity.ref));
  return {
    repo: { name, ...(commit ? { commit } : {}) },
    standards: judge.label,
    ...(judge.portalUrl ? { portalUrl: judge.portalUrl } : {}),
    entities,
    scorecards: snapshot.scorecards,
    checks: new Map(snapshot.checks.map((check) => [check.id, check])),
    results: snapshot.results.filter((result) => refs.has(result.entityRef)),
    // What the developer must fix that no check reports: a malformed exemption, an invalid descriptor.
    problems: snapshot.problems.filter((problem) => problem.repo === name),
    suggestions: [],
  };
}

async function writeOutput(path: string, text: string): Promise<void> {
  const target = resolve(path);
  if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new ConfigError(`--output ${path} is a folder; expected a file name.`);
  await writeFileAtomically(target, text);
}

/** Entities from elsewhere, less those of the repository being judged (it brings its own). */
function otherEntities(entities: readonly CatalogEntity[], name: string): CatalogEntity[] {
  return entities.filter((entity) => entity.source.repo !== name);
}

function parseFormat(value: string | undefined): Format {
  const format = (value ?? 'terminal') as Format;
  if (!CHECK_FORMATS.includes(format)) throw new ConfigError(`cairn check: --format ${value}: expected one of ${CHECK_FORMATS.join(', ')}.`);
  return format;
}

function selectScorecards(standards: Standards, id: string | undefined) {
  if (standards.scorecards.length === 0) throw new ConfigError('cairn check: the standards define no scorecard.');
  if (id === undefined) return standards.scorecards;
  const chosen = standards.scorecards.filter((scorecard) => scorecard.id === id);
  if (chosen.length === 0) throw new ConfigError(`cairn check: --scorecard ${id}: no such scorecard. Scorecards: ${standards.scorecards.map((scorecard) => scorecard.id).join(', ')}.`);
  return chosen;
}


function render(report: CheckReport, format: Format, exists?: (path: string) => boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'sarif':
      return formatSarif(report, { version: VERSION, ...(exists ? { exists } : {}) });
    case 'terminal':
      return formatTerminal(report, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  }
}

