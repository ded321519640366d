import { fail, pass, type CheckResult } from '../check.ts';
import { ignoredNote, list, matching, type Rule } from './shared.ts';

/** `file-exists`: any (or all) of the globs match a tracked file; with `none`, none does. `ignored`: what the check's ignore leaves out. */
export function checkFileExists(rule: Rule<'file-exists'>, files: readonly string[], ignored: readonly string[] = []): CheckResult {
  if (rule.none) {
    const found = matching(files, rule.none);
    return found.length
      ? fail(
          `${list(found)} ${found.length === 1 ? 'is' : 'are'} tracked; no file should match ${rule.none.join(' or ')}.`,
          found.slice(0, 5).map((path) => ({ path })),
        )
      : pass(`No file matches ${rule.none.join(' or ')}.`);
  }
  const patterns = rule.any ?? rule.all ?? [];
  const matchesOf = (pattern: string) => matching(files, [pattern]);
  if (rule.any) {
    const found = matching(files, patterns);
    return found.length
      ? pass(
          `Found ${list(found)}.`,
          found.slice(0, 5).map((path) => ({ path })),
        )
      : fail(`No file matches ${patterns.join(' or ')}${ignoredNote(patterns, ignored)}.`);
  }
  const missing = patterns.filter((pattern) => matchesOf(pattern).length === 0);
  if (missing.length) return fail(`No file matches ${missing.join(', ')}${ignoredNote(missing, ignored)}.`);
  return pass(
    `Found a file for each of ${patterns.join(', ')}.`,
    patterns.map((pattern) => ({ path: matchesOf(pattern)[0]! })),
  );
}
