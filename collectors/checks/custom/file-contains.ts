import { fail, pass, type CheckResult, type Evidence } from '../check.ts';
import { findMatches, list, targetFiles, textOf, unreadable, type Rule } from './shared.ts';

/** `file-contains`: any (or every) file matching the globs matches a regular expression. */
export function checkFileContains(
  rule: Rule<'file-contains'>,
  files: readonly string[],
  contents: Readonly<Record<string, string>>,
  ignored: readonly string[] = [],
): CheckResult {
  const targets = targetFiles(files, rule.files, rule.whenMissing, ignored);
  if (!Array.isArray(targets)) return targets;
  const missingText: string[] = [];
  const without: string[] = [];
  const hits: Evidence[] = [];
  for (const path of targets) {
    const text = textOf(contents, path);
    if (text === undefined) missingText.push(path);
    else {
      const first = findMatches(text, rule.pattern, rule.flags, 1)[0];
      if (first) hits.push({ path, ...first });
      else without.push(path);
    }
  }
  const describe = `/${rule.pattern}/${rule.flags ?? ''}`;
  if (rule.match === 'any') {
    if (hits.length) return pass(`${hits[0]!.path} matches ${describe}.`, hits.slice(0, 1));
    if (missingText.length) return unreadable(missingText);
    return fail(
      `${list(without)} ${without.length > 1 ? 'do' : 'does'} not match ${describe}.`,
      without.slice(0, 5).map((path) => ({ path })),
    );
  }
  if (without.length)
    return fail(
      `${list(without)} ${without.length > 1 ? 'do' : 'does'} not match ${describe}.`,
      without.slice(0, 5).map((path) => ({ path })),
    );
  if (missingText.length) return unreadable(missingText);
  return pass(
    hits.length === 1
      ? `${hits[0]!.path}, the one matching file, matches ${describe}.`
      : `All ${hits.length} matching files match ${describe}.`,
    hits.slice(0, 5),
  );
}
