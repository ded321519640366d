import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import { didYouMean } from '../../collectors/scorecards/suggest.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { fixableCheckIds, planFiles, type SuggestInput, type UnwrittenFile } from '../../collectors/fixes/index.ts';
import { failingChecks } from '../../collectors/fixes/fix.ts';
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
 * overwritten: a file that exists, or whose folder is not one, is skipped and said so, and the
 * others are still written. Returns the exit code: 0, including when there is nothing to write; a
 * check without a fix is bad usage (a `ConfigError`, exit 2).
 */
export async function runFix(values: FixValues, checkIds: readonly string[], context: CommandContext): Promise<number> {
  const { stdout, stderr } = context;
  const wanted = chosenChecks(values.all === true, checkIds);
  const dir = values.dir === undefined ? repositoryAround(context.cwd) : pathIn(context, values.dir);
  await assertRepositoryRoot(dir, 'cairn fix');
  const input = await judgedRepository(values, dir, context);
  const plan = planFiles(input);
  const asked = (checkIds: readonly string[]) => wanted === 'all' || checkIds.some((id) => wanted.includes(id));
  const chosen = plan.files.filter((file) => asked(file.checkIds));
  for (const reason of unanswered(
    wanted,
    plan.unwritten.filter((file) => asked(file.checkIds)),
    input,
  ))
    stderr.write(`${terminalSafe(reason)}\n`);
  if (chosen.length === 0 && wanted === 'all' && plan.unwritten.length === 0)
    stderr.write(`Nothing to write: no failing check of ${terminalSafe(basename(dir))} has a file Cairn can write.\n`);
  let failed = 0;
  for (const suggestion of chosen) {
    const checks = suggestion.checkIds.join(', ');
    if (values['dry-run']) {
      stdout.write(`--- ${suggestion.path} (for ${checks}; not written: --dry-run)\n${terminalSafe(suggestion.text)}`);
      continue;
    }
    const written = await writeInside(dir, suggestion.path, suggestion.text);
    if (written !== 'written') {
      if (typeof written === 'object' && 'failed' in written) failed++;
      const why =
        written === 'exists' ? 'it exists, and cairn fix overwrites nothing' : 'notFolder' in written ? written.notFolder : written.failed;
      stderr.write(`Skipped ${suggestion.path} (for ${checks}): ${why}.\n`);
      continue;
    }
    stdout.write(`${suggestion.path}\n`);
    stderr.write(`Wrote ${suggestion.path} (for ${checks}): ${terminalSafe(suggestion.summary)}\n`);
  }
  // A file the file system refused does not stop the others; the run then says it could not do all it was asked.
  return failed > 0 ? 2 : 0;
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
  // A portal's own checks are unknown here too: they have no fix to write, which is what to say of them.
  if (unknown.length > 0)
    throw new ConfigError(
      `cairn fix: ${terminalSafe(unknown.join(', '))} ${unknown.length === 1 ? 'is not a built-in check' : 'are not built-in checks'}${didYouMean(unknown[0]!, fixable) || '.'} Cairn writes fixes for some built-in checks: ${fixable.join(', ')}.`,
    );
  const unfixable = checkIds.filter((id) => !fixable.includes(id));
  if (unfixable.length > 0) {
    throw new ConfigError(
      `cairn fix: ${terminalSafe(unfixable.join(', '))} ${unfixable.length === 1 ? 'has' : 'have'} no fix Cairn can write. Checks with a fix: ${fixable.join(', ')}.`,
    );
  }
  return [...new Set(checkIds)];
}

/**
 * Why a failing check asked for (every one, with `--all`) gets no file: its file exists, or the
 * repository gives too little to write it; and each named check that does not fail.
 */
function unanswered(wanted: readonly string[] | 'all', unwritten: readonly UnwrittenFile[], input: SuggestInput): string[] {
  const failing = failingChecks(input.results);
  const passing = wanted === 'all' ? [] : wanted.filter((id) => !failing.has(id));
  return [
    ...unwritten.map(({ path, checkIds, existing, misnamed }) =>
      existing !== undefined
        ? `${checkIds.join(', ')}: nothing to write, ${existing} exists already: edit it (the check's page says how).`
        : misnamed
          ? `${checkIds.join(', ')}: nothing to write, ${misnamed.tracked} exists, but ${misnamed.readBy} and Cairn read it only as ${misnamed.read}: rename it${sameFolder(misnamed.tracked, misnamed.read) ? ` (git mv ${misnamed.tracked} ${misnamed.read})` : ''}.`
          : `${checkIds.join(', ')}: nothing to write, Cairn found too little in the repository to write ${path} for it (cairn check says what fails).`,
    ),
    ...passing.map((id) => `${id}: nothing to write, it does not fail here (or no scorecard of these standards has it).`),
  ];
}

/**
 * Writes `text` to `path` inside `root`, creating missing folders: never through a symbolic link or
 * over an existing file (`wx`), so nothing leaves the repository and nothing is overwritten. A
 * folder on the way that is a file or a link is named in `notFolder`, and nothing is written.
 */
export async function writeInside(
  root: string,
  path: string,
  text: string,
): Promise<'written' | 'exists' | { notFolder: string } | { failed: string }> {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    throw new Error(`cairn fix: ${path} is not a plain repository path.`);
  let folder = root;
  try {
    for (const segment of segments.slice(0, -1)) {
      folder = join(folder, segment);
      const found = await lstat(folder).catch(() => undefined);
      if (!found) await mkdir(folder);
      else if (!found.isDirectory())
        return {
          notFolder: `${segments.slice(0, segments.indexOf(segment) + 1).join('/')} is not a folder (a file or a symbolic link), and cairn fix writes only inside the repository`,
        };
    }
    await writeFile(join(folder, segments.at(-1)!), text, { flag: 'wx' });
    return 'written';
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return 'exists';
    // The file system's refusal (permissions, a read-only or full disk): this file only.
    if (code !== undefined)
      return { failed: `could not write it (${code}: ${(error as Error).message.split(',')[0]!.replace(/^\w+: /, '')})` };
    throw error;
  }
}

/** The repository's entities, results, facts and files, judged as `cairn check` judges them. */
async function judgedRepository(values: FixValues, dir: string, context: CommandContext): Promise<SuggestInput> {
  const judge = await judgeFor(values, 'cairn fix', context);
  const { repo, entities, results, knownRefs } = await judgeTree(judge, {
    name: basename(dir),
    dir,
    untracked: true,
    now: currentTime(context.env),
  });
  return { entities, results, facts: repo.facts, files: repo.facts.files ?? [], templates: judge.templates, knownRefs };
}

/** Whether two repository paths are in one folder, spelt alike: `git mv` renames a file there, not a folder in another case. */
function sameFolder(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf('/') + 1) === b.slice(0, b.lastIndexOf('/') + 1);
}
