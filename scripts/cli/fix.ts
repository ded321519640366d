import { lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { assemble, collectRepo, type Standards } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config-error.ts';
import { portalConfigSchema, type GuideSettings, type Limits, type LoadedConfig } from '../../collectors/config.ts';
import { fixableCheckIds, fixes, suggestedFiles, type SuggestedFile, type SuggestInput } from '../../collectors/fixes/index.ts';
import { failingChecks, hasFile } from '../../collectors/fixes/fix.ts';
import type { CatalogEntity } from '../../collectors/snapshot.ts';
import { readContentEntities, type ContentDocument } from '../../collectors/sources/content.ts';
import { isGitWorkTree } from '../../collectors/sources/directory.ts';
import { currentTime, resolveConfig } from './collection.ts';
import { readPublishedStandards } from './published-standards.ts';
import { terminalSafe } from './report/text.ts';
import { loadStandards } from './standards.ts';

export interface FixValues {
  dir?: string | undefined;
  config?: string | undefined;
  standards?: string | undefined;
  all?: boolean | undefined;
  'dry-run'?: boolean | undefined;
}

/** Where a portal keeps the texts of files it wants written its way, inside its content folder. */
export const TEMPLATES_DIR = 'templates';

/**
 * `cairn fix <check-id>… | --all`: judges the repository as `cairn check` does, then writes the files
 * that make the named failing checks pass (`cairn check --suggest` shows the same). Nothing is
 * overwritten: a file that exists is skipped and said so. Returns the exit code: 0, including when
 * there is nothing to write; a check without a fix is bad usage (a `ConfigError`, exit 2).
 */
export async function runFix(values: FixValues, checkIds: readonly string[]): Promise<number> {
  const wanted = chosenChecks(values.all === true, checkIds);
  const dir = resolve(values.dir ?? '.');
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new ConfigError(`${dir}: no such folder; cairn fix writes into the repository in --dir (default: the current folder).`);
  if (!(await isGitWorkTree(dir))) throw new ConfigError(`${dir} is not a git work tree (no .git): cairn fix writes into one repository.`);
  const input = await judgedRepository(values, dir);
  const suggestions = suggestedFiles(input);
  const chosen = wanted === 'all' ? suggestions : suggestions.filter((suggestion) => suggestion.checkIds.some((id) => wanted.includes(id)));
  for (const reason of unanswered(wanted, suggestions, input)) process.stderr.write(`${terminalSafe(reason)}\n`);
  if (chosen.length === 0 && wanted === 'all') process.stderr.write(`Nothing to write: no failing check of ${terminalSafe(basename(dir))} has a file Cairn can write.\n`);
  for (const suggestion of chosen) {
    const checks = suggestion.checkIds.join(', ');
    if (values['dry-run']) {
      process.stdout.write(`--- ${suggestion.path} (for ${checks}; not written: --dry-run)\n${terminalSafe(suggestion.text)}`);
      continue;
    }
    if ((await writeInside(dir, suggestion.path, suggestion.text)) === 'exists') {
      process.stderr.write(`Skipped ${suggestion.path}: it exists, and cairn fix overwrites nothing.\n`);
      continue;
    }
    process.stdout.write(`${suggestion.path}\n`);
    process.stderr.write(`Wrote ${suggestion.path} (for ${checks}): ${terminalSafe(suggestion.summary)}\n`);
  }
  return 0;
}

/** The checks asked for, or `all`; a check no fix answers is bad usage, naming the ones that have a fix. */
function chosenChecks(all: boolean, checkIds: readonly string[]): readonly string[] | 'all' {
  const fixable = fixableCheckIds();
  if (all && checkIds.length > 0) throw new ConfigError('cairn fix: name checks or pass --all, not both.');
  if (all) return 'all';
  if (checkIds.length === 0) throw new ConfigError(`cairn fix: name the checks to fix, or pass --all. Checks with a fix: ${fixable.join(', ')}.`);
  const unknown = checkIds.filter((id) => !fixable.includes(id));
  if (unknown.length > 0) {
    throw new ConfigError(`cairn fix: ${terminalSafe(unknown.join(', '))} ${unknown.length === 1 ? 'has' : 'have'} no fix Cairn can write. Checks with a fix: ${fixable.join(', ')}.`);
  }
  return [...new Set(checkIds)];
}

/** Why each named check gets no file: it does not fail, its file exists, or the repository gives too little to write it. */
function unanswered(wanted: readonly string[] | 'all', suggestions: readonly SuggestedFile[], input: SuggestInput): string[] {
  if (wanted === 'all') return [];
  const failing = failingChecks(input.results);
  return wanted
    .filter((id) => !suggestions.some((suggestion) => suggestion.checkIds.includes(id)))
    .map((id) => {
      if (!failing.has(id)) return `${id}: nothing to write, it does not fail here (or no scorecard of these standards has it).`;
      const paths = fixes.filter((fix) => fix.checkIds.includes(id)).map((fix) => fix.path);
      const existing = paths.filter((path) => hasFile(input.files, path));
      if (existing.length > 0) return `${id}: nothing to write, ${existing.join(', ')} exists already: edit it (the check's page says how).`;
      return `${id}: nothing to write, Cairn found too little in the repository to write ${paths.join(', ')} for it (cairn check says what fails).`;
    });
}

/**
 * Writes `text` to `path` inside `root`, creating missing folders: never through a symbolic link or
 * over an existing file (`wx`), so nothing leaves the repository and nothing is overwritten.
 */
export async function writeInside(root: string, path: string, text: string): Promise<'written' | 'exists'> {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) throw new Error(`cairn fix: ${path} is not a plain repository path.`);
  let folder = root;
  for (const segment of segments.slice(0, -1)) {
    folder = join(folder, segment);
    const found = await lstat(folder).catch(() => undefined);
    if (!found) await mkdir(folder);
    else if (!found.isDirectory()) throw new ConfigError(`cairn fix: ${segments.slice(0, segments.indexOf(segment) + 1).join('/')} is not a folder (a file or a symbolic link), so ${path} is not written: cairn fix writes only inside the repository.`);
  }
  try {
    await writeFile(join(folder, segments.at(-1)!), text, { flag: 'wx' });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}

/** What judges the repository: the standards, the portal's teams and content, and its templates. */
interface Judge {
  standards: Standards;
  teams: CatalogEntity[];
  content: ContentDocument[];
  windowDays: number;
  limits: Limits;
  title: string;
  guideSettings: GuideSettings;
  templates: NonNullable<SuggestInput['templates']>;
}

/** The repository's entities, results, facts and files, judged with the standards `cairn check` would use. */
async function judgedRepository(values: FixValues, dir: string): Promise<SuggestInput> {
  const judge = await judgeFor(values);
  const name = basename(dir);
  const now = currentTime();
  const repo = await collectRepo({ name, dir, source: 'local' }, { now, windowDays: judge.windowDays, settings: { contentGlobs: judge.standards.contentGlobs }, limits: judge.limits, untracked: true });
  const snapshot = await assemble({
    repos: [repo],
    content: judge.content,
    standards: { ...judge.standards, guides: [], initiatives: [] },
    now,
    title: judge.title,
    guideSettings: judge.guideSettings,
    problems: [],
    knownEntities: judge.teams.filter((team) => team.source.repo !== name),
  });
  const entities = snapshot.entities.filter((entity) => entity.source.repo === name);
  const refs = new Set(entities.map((entity) => entity.ref));
  return { entities, results: snapshot.results.filter((result) => refs.has(result.entityRef)), facts: repo.facts, files: repo.facts.files ?? [], templates: judge.templates };
}

/**
 * The standards `cairn check` judges with: a published `standards.json` (`--standards`), a portal's
 * content (`--config`), else Cairn's defaults. Only a portal's content has templates.
 */
async function judgeFor(values: FixValues): Promise<Judge> {
  const defaults = portalConfigSchema.parse({});
  if (values.standards !== undefined) {
    if (values.config !== undefined) throw new ConfigError('cairn fix: --standards and --config both say what to judge with; pass one.');
    const published = await readPublishedStandards(values.standards);
    const declared = published.teams.filter((team) => !team.inferred);
    return {
      standards: published.standards,
      teams: published.teams.filter((team) => team.inferred),
      content: declared.map(({ apiVersion, kind, metadata, spec, source }) => ({ file: source.file, line: source.line, data: { apiVersion, kind, metadata, ...(spec ? { spec } : {}) } })),
      windowDays: published.activityWindowDays ?? defaults.activity.windowDays,
      limits: defaults.limits,
      title: defaults.title,
      guideSettings: defaults.guides,
      templates: {},
    };
  }
  // Only a portal named on the command line, as for cairn check: a content/portal.yaml that happens to be here judges nothing.
  const loaded: LoadedConfig = values.config !== undefined ? await resolveConfig({ config: values.config }) : { config: defaults, baseDir: process.cwd() };
  const { contentDir } = loaded;
  const content = contentDir ? await readContentEntities(contentDir) : { documents: [], problems: [] };
  return {
    standards: await loadStandards(contentDir),
    teams: [],
    content: content.documents,
    windowDays: loaded.config.activity.windowDays,
    limits: loaded.config.limits,
    title: loaded.config.title,
    guideSettings: loaded.config.guides,
    templates: await portalTemplates(contentDir),
  };
}

/** The portal's file templates (`templates/SECURITY.md` of its content folder), those it has. */
export async function portalTemplates(contentDir: string | undefined): Promise<NonNullable<SuggestInput['templates']>> {
  if (!contentDir) return {};
  const securityPolicy = await readFile(join(contentDir, TEMPLATES_DIR, 'SECURITY.md'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ConfigError(`${join(contentDir, TEMPLATES_DIR, 'SECURITY.md')}: could not read the security policy template (${error.code ?? error.message}).`);
  });
  return securityPolicy === undefined ? {} : { securityPolicy };
}
