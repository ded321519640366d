import { fail, pass, type CheckResult, type Evidence } from '../check.ts';
import { findMatches, list, targetFiles, textOf, unreadable, type Rule } from './shared.ts';

/** `file-not-contains`: no file matching the globs matches a regular expression; each match is evidence. */
export function checkFileNotContains(
  rule: Rule<'file-not-contains'>,
  files: readonly string[],
  contents: Readonly<Record<string, string>>,
  ignored: readonly string[] = [],
): CheckResult {
  const targets = targetFiles(files, rule.files, rule.whenMissing, ignored);
  if (!Array.isArray(targets)) return targets;
  const MAX_EVIDENCE = 10;
  const missingText: string[] = [];
  const offending: Evidence[] = [];
  for (const path of targets) {
    const text = textOf(contents, path);
    if (text === undefined) missingText.push(path);
    else
      offending.push(...findMatches(text, rule.pattern, rule.flags, MAX_EVIDENCE - offending.length).map((match) => ({ path, ...match })));
    if (offending.length >= MAX_EVIDENCE) break;
  }
  const describe = `/${rule.pattern}/${rule.flags ?? ''}`;
  if (offending.length) return fail(`${offending[0]!.path}:${offending[0]!.line} matches ${describe}.`, offending);
  if (missingText.length) return unreadable(missingText);
  return pass(
    `${list(targets)} ${targets.length > 1 ? 'do' : 'does'} not match ${describe}.`,
    targets.slice(0, 5).map((path) => ({ path })),
  );
}
