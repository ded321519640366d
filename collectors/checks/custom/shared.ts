import { isDeepStrictEqual } from 'node:util';
import picomatch from 'picomatch';
import semver from 'semver';
import { error, fail, notApplicable, pass, type CheckResult, type Evidence } from '../check.ts';
import type { CustomRule, ValueConditions } from './schema.ts';
import { linearRegex, matchIndexes } from '../../support/linear-regex.ts';
import { shortened } from '../../support/text.ts';

/** Characters of a value or line a message quotes. */
const SHOWN_VALUE = 120;

/* What the rule evaluators of custom checks share: finding files and text, following a path, judging a value. */

/** The text of `path`, when the fact holds it (an own property: a path may be called `constructor`). */
export function textOf(contents: Readonly<Record<string, string>>, path: string): string | undefined {
  return Object.hasOwn(contents, path) ? contents[path] : undefined;
}

export const list = (paths: readonly string[], max = 3) =>
  paths.slice(0, max).join(', ') + (paths.length > max ? ` and ${paths.length - max} more` : '');

export const unreadable = (paths: readonly string[]) =>
  error(`Could not read ${list(paths)} (binary, larger than 256 KiB, or beyond the 200-file limit).`);

export type Rule<Type extends CustomRule['type']> = Extract<CustomRule, { type: Type }>;

/** The files matching any of `patterns`, with the reader's glob semantics (picomatch, dotfiles included). */
export function matching(files: readonly string[], patterns: readonly string[]): string[] {
  const isMatch = picomatch([...patterns], { dot: true });
  return files.filter((path) => isMatch(path));
}

/**
 * Matching files, or the `whenMissing` outcome when there are none; that says which matching files
 * the check's `ignore` left out (`ignored`: the tracked files it leaves out).
 */
export function targetFiles(
  files: readonly string[],
  patterns: readonly string[],
  whenMissing: 'notApplicable' | 'fail',
  ignored: readonly string[] = [],
): string[] | CheckResult {
  const targets = matching(files, patterns);
  if (targets.length) return targets;
  const message = `No file matches ${patterns.join(' or ')}${ignoredNote(patterns, ignored)}.`;
  return whenMissing === 'fail' ? fail(message) : notApplicable(message);
}

/** ` but a/Dockerfile, which the check ignores` when `ignore` left out files matching `patterns`; else nothing. */
export function ignoredNote(patterns: readonly string[], ignored: readonly string[]): string {
  const left = matching(ignored, patterns);
  return left.length ? ` but ${list(left)}, which the check ignores` : '';
}

/** Where `pattern` matches in `text`: up to `max` matches, each with its line and that line's text. */
export function findMatches(file: string, pattern: string, flags: string | undefined, max: number): Array<{ line: number; note: string }> {
  // RE2's `$` ends a line at `\n` only; JavaScript's also before `\r\n`, which Windows files end lines with.
  const text = file.replaceAll('\r\n', '\n');
  return matchIndexes(linearRegex(pattern, flags), text, max).map((index) => {
    const start = text.lastIndexOf('\n', index - 1) + 1;
    const end = text.indexOf('\n', index);
    return {
      line: text.slice(0, index).split('\n').length,
      note: shortened(text.slice(start, end === -1 ? undefined : end).trim(), SHOWN_VALUE),
    };
  });
}

export interface Lookup {
  exists: boolean;
  value?: unknown;
  nearestPath?: { path: string; line?: number };
}

/** Follows `segments` through plain data, own properties only. */
export function lookup(data: unknown, segments: ReadonlyArray<string | number>): Lookup {
  let current = data;
  let nearestPath: Lookup['nearestPath'];
  const remember = (value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const { path, line } = value as { path?: unknown; line?: unknown };
      if (typeof path === 'string') nearestPath = { path, ...(typeof line === 'number' && line > 0 ? { line } : {}) };
    }
  };
  for (const segment of segments) {
    remember(current);
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= current.length) return { exists: false, ...(nearestPath ? { nearestPath } : {}) };
      current = current[index];
    } else if (current && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { exists: false, ...(nearestPath ? { nearestPath } : {}) };
    }
  }
  remember(current);
  // YAML's `key:` with no value is null: the key is there but says nothing, so it does not count as set.
  return current === null || current === undefined
    ? { exists: false, ...(nearestPath ? { nearestPath } : {}) }
    : { exists: true, value: current, ...(nearestPath ? { nearestPath } : {}) };
}

/** Applies the value conditions; the first that fails gives the message. */
export function judge(conditions: ValueConditions, found: Lookup, where: string, evidence: Evidence | undefined): CheckResult {
  const withValue = (note?: string): Evidence[] => (evidence ? [{ ...evidence, ...(note ? { note } : {}) }] : []);
  if (!found.exists) {
    return conditions.exists === false ? pass(`${where} is not set.`, withValue()) : fail(`${where} is not set.`, withValue());
  }
  const shown = shortened(JSON.stringify(found.value) ?? String(found.value), SHOWN_VALUE);
  if (conditions.exists === false) return fail(`${where} is set to ${shown}; it should not be set.`, withValue(shown));
  const value = found.value;
  const problems: string[] = [];
  if (conditions.equals !== undefined && !isDeepStrictEqual(value, conditions.equals))
    problems.push(`it should be ${shortened(JSON.stringify(conditions.equals), SHOWN_VALUE)}`);
  if (conditions.matches !== undefined && !(isScalar(value) && linearRegex(conditions.matches).test(String(value))))
    problems.push(`it should match /${conditions.matches}/`);
  if (conditions.semver !== undefined) {
    const range = isScalar(value) && typeof value !== 'boolean' ? semver.validRange(String(value)) : null;
    if (range === null) problems.push(`it should be a version or range within ${conditions.semver}`);
    else if (!semver.subset(range, conditions.semver)) problems.push(`it allows versions outside ${conditions.semver}`);
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (conditions.gte !== undefined && !(number >= conditions.gte)) problems.push(`it should be at least ${conditions.gte}`);
  if (conditions.lte !== undefined && !(number <= conditions.lte)) problems.push(`it should be at most ${conditions.lte}`);
  if (problems.length) return fail(`${where} is ${shown}; ${problems.join('; ')}.`, withValue(shown));
  return pass(`${where} is ${shown}.`, withValue(shown));
}

export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
