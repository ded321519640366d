import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { fixableCheckIds, fixes, suggestedFiles, type SuggestedFile, type SuggestInput } from '../../collectors/fixes/index.ts';
import { failingChecks, hasFile } from '../../collectors/fixes/fix.ts';
import { currentTime } from './collection.ts';
import { pathIn, type CommandContext } from './context.ts';
import { assertRepositoryRoot, judgeFor, judgeTree, repositoryAround } from './judge.ts';
import { terminalSafe } from './report/text.ts';

export interface FixValues {
  dir?: string | undefined;
  config?: string | undefined;
  standards?: string | undefined;
  all?: boolean | undefined;
  'dry-run'?: boolean | undefined;
}

/**
 * `cairn fix <check-id>… | --all`: judges the repository as `cairn check` does, then writes the files
 * that make the named failing checks pass (`cairn check --suggest` shows the same). Nothing is
 * overwritten: a file that exists is skipped and said so. Returns the exit code: 0, including when
 * there is nothing to write; a check without a fix is bad usage (a `ConfigError`, exit 2).
 */
export async function runFix(values: FixValues, checkIds: readonly string[], context: CommandContext): Promise<number> {
  const { stdout, stderr } = context;
  const wanted = chosenChecks(values.all === true, checkIds);
  const dir = values.dir === undefined ? repositoryAround(context.cwd) : pathIn(context, values.dir);
  await assertRepositoryRoot(dir, 'cairn fix');
  const input = await judgedRepository(values, dir, context);
  const suggestions = suggestedFiles(input);
  const chosen = wanted === 'all' ? suggestions : suggestions.filter((suggestion) => suggestion.checkIds.some((id) => wanted.includes(id)));
  for (const reason of unanswered(wanted, suggestions, input)) stderr.write(`${terminalSafe(reason)}\n`);
  if (chosen.length === 0 && wanted === 'all')
    stderr.write(`Nothing to write: no failing check of ${terminalSafe(basename(dir))} has a file Cairn can write.\n`);
  for (const suggestion of chosen) {
    const checks = suggestion.checkIds.join(', ');
    if (values['dry-run']) {
      stdout.write(`--- ${suggestion.path} (for ${checks}; not written: --dry-run)\n${terminalSafe(suggestion.text)}`);
      continue;
    }
    if ((await writeInside(dir, suggestion.path, suggestion.text)) === 'exists') {
      stderr.write(`Skipped ${suggestion.path}: it exists, and cairn fix overwrites nothing.\n`);
      continue;
    }
    stdout.write(`${suggestion.path}\n`);
    stderr.write(`Wrote ${suggestion.path} (for ${checks}): ${terminalSafe(suggestion.summary)}\n`);
  }
  return 0;
}

/** The checks asked for, or `all`; a check no fix answers is bad usage, naming the ones that have a fix. */
function chosenChecks(all: boolean, checkIds: readonly string[]): readonly string[] | 'all' {
  const fixable = fixableCheckIds();
  if (all && checkIds.length > 0) throw new ConfigError('cairn fix: name checks or pass --all, not both.');
  if (all) return 'all';
  if (checkIds.length === 0)
    throw new ConfigError(`cairn fix: name the checks to fix, or pass --all. Checks with a fix: ${fixable.join(', ')}.`);
  const known = new Set(builtinChecks.map((check) => check.id));
  const unknown = checkIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ConfigError(
      `cairn fix: no check ${terminalSafe(unknown.join(', '))}; cairn checks lists them. Checks with a fix: ${fixable.join(', ')}.`,
    );
  const unfixable = checkIds.filter((id) => !fixable.includes(id));
  if (unfixable.length > 0) {
    throw new ConfigError(
      `cairn fix: ${terminalSafe(unfixable.join(', '))} ${unfixable.length === 1 ? 'has' : 'have'} no fix Cairn can write. Checks with a fix: ${fixable.join(', ')}.`,
    );
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
      if (existing.length > 0)
        return `${id}: nothing to write, ${existing.join(', ')} exists already: edit it (the check's page says how).`;
      return `${id}: nothing to write, Cairn found too little in the repository to write ${paths.join(', ')} for it (cairn check says what fails).`;
    });
}

/**
 * Writes `text` to `path` inside `root`, creating missing folders: never through a symbolic link or
 * over an existing file (`wx`), so nothing leaves the repository and nothing is overwritten.
 */
export async function writeInside(root: string, path: string, text: string): Promise<'written' | 'exists'> {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    throw new Error(`cairn fix: ${path} is not a plain repository path.`);
  let folder = root;
  for (const segment of segments.slice(0, -1)) {
    folder = join(folder, segment);
    const found = await lstat(folder).catch(() => undefined);
    if (!found) await mkdir(folder);
    else if (!found.isDirectory())
      throw new ConfigError(
        `cairn fix: ${segments.slice(0, segments.indexOf(segment) + 1).join('/')} is not a folder (a file or a symbolic link), so ${path} is not written: cairn fix writes only inside the repository.`,
      );
  }
  try {
    await writeFile(join(folder, segments.at(-1)!), text, { flag: 'wx' });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}

/** The repository's entities, results, facts and files, judged as `cairn check` judges them. */
async function judgedRepository(values: FixValues, dir: string, context: CommandContext): Promise<SuggestInput> {
  const judge = await judgeFor(values, 'cairn fix', context);
  const { repo, entities, results } = await judgeTree(judge, { name: basename(dir), dir, untracked: true, now: currentTime(context.env) });
  return { entities, results, facts: repo.facts, files: repo.facts.files ?? [], templates: judge.templates };
}
