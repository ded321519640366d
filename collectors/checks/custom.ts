import { isDeepStrictEqual } from 'node:util';
import picomatch from 'picomatch';
import semver from 'semver';
import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { z } from 'zod';
import type { Facts } from '../facts/index.ts';
import { MAX_ALIAS_COUNT } from '../yaml/documents.ts';
import { checkCategorySchema, checkMetadataSchema, defineCheck, error, fail, notApplicable, pass, type CheckDefinition, type CheckMetadata, type CheckResult, type Evidence, type FactId } from './check.ts';

/*
 * Custom checks: the platform team's own standards, written as YAML in `content/checks/` with the
 * same metadata as a built-in check and a declarative `rule`. A rule reads only facts: the list of
 * tracked paths (`files`), the text of the files the rules name (`contentFiles`, collected for
 * exactly the globs `contentGlobsFor` returns) and any other fact by path.
 */

// ─── Schema ──────────────────────────────────────────────────────────────────

const glob = z.string().min(1);
const globs = z.union([glob, z.array(glob).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

const REGEX_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

/** Whether `source` compiles as a JavaScript regular expression with `flags`. */
function compiles(source: string, flags = ''): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

const regex = z.string().min(1).refine((source) => compiles(source), { message: 'not a valid regular expression' });

/** `a.b[0]["c.d"]`: keys, indexes, and quoted keys for keys that contain dots or brackets. */
export function parsePath(path: string): Array<string | number> | undefined {
  const segments: Array<string | number> = [];
  const token = /\.?([^.[\]"']+)|\[(\d+)\]|\[(["'])(.*?)\3\]/y;
  let position = 0;
  while (position < path.length) {
    token.lastIndex = position;
    const match = token.exec(path);
    // A leading dot, or a dot before a bracket, is not part of the grammar.
    if (!match || (position === 0 && path.startsWith('.'))) return undefined;
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : match[4]!));
    position = token.lastIndex;
  }
  return segments.length ? segments : undefined;
}

const pathString = z.string().min(1).refine((path) => parsePath(path) !== undefined, { message: 'expected a path like scripts.test or jobs.build.steps[0]' });

/** Conditions on a value; every one given must hold. Without any, the value must exist. */
const valueConditions = {
  exists: z.boolean().optional().describe('true: the value must be set (the default); false: it must not be.'),
  equals: z.unknown().optional().describe('The value must equal this (strings, numbers, booleans, lists and maps compare deeply).'),
  matches: regex.optional().describe('A regular expression the value (a string, number or boolean) must match.'),
  semver: z
    .string()
    .refine((range) => semver.validRange(range) !== null, { message: 'not a semver range' })
    .optional()
    .describe('A semver range every version the value allows must fall in: ">=18" fails ">=20", "22.11.0" and "^22.1" pass it.'),
  gte: z.number().optional().describe('The value must be a number at least this.'),
  lte: z.number().optional().describe('The value must be a number at most this.'),
};

type ValueConditions = { exists?: boolean | undefined; equals?: unknown; matches?: string | undefined; semver?: string | undefined; gte?: number | undefined; lte?: number | undefined };

/** `exists: false` says the value is absent, so a condition on the value would contradict it. */
function refineConditions(conditions: ValueConditions, context: z.RefinementCtx): void {
  const others = (['equals', 'matches', 'semver', 'gte', 'lte'] as const).filter((key) => conditions[key] !== undefined);
  if (conditions.exists === false && others.length) {
    context.addIssue({ code: 'custom', path: ['exists'], message: `exists: false cannot be combined with ${others.join(', ')}` });
  }
}

const whenMissing = z
  .enum(['notApplicable', 'fail'])
  .default('notApplicable')
  .describe('The outcome when no file matches: notApplicable (the default: the standard is about such files) or fail.');

const fileExistsRule = z
  .strictObject({
    type: z.literal('file-exists'),
    any: globs.optional().describe('Passes when at least one tracked file matches one of these globs.'),
    all: globs.optional().describe('Passes when every one of these globs matches at least one tracked file.'),
  })
  .refine((rule) => (rule.any === undefined) !== (rule.all === undefined), { message: 'give exactly one of any or all' })
  .describe('Files that must exist.');

const fileContainsRule = z
  .strictObject({
    type: z.literal('file-contains'),
    files: globs.describe('Globs of the files to search.'),
    pattern: z.string().min(1).describe('A JavaScript regular expression.'),
    flags: z.string().regex(REGEX_FLAGS, 'expected some of i, m, s, u, each once').optional().describe('Regular expression flags: i, m, s, u.'),
    match: z.enum(['any', 'all']).default('any').describe('any: one matching file containing the pattern is enough (the default); all: every matching file must.'),
    whenMissing,
  })
  .refine((rule) => compiles(rule.pattern, rule.flags), { path: ['pattern'], message: 'not a valid regular expression' })
  .describe('Files whose text must match a pattern.');

const fileNotContainsRule = z
  .strictObject({
    type: z.literal('file-not-contains'),
    files: globs.describe('Globs of the files to search.'),
    pattern: z.string().min(1).describe('A JavaScript regular expression.'),
    flags: z.string().regex(REGEX_FLAGS, 'expected some of i, m, s, u, each once').optional().describe('Regular expression flags: i, m, s, u.'),
    whenMissing,
  })
  .refine((rule) => compiles(rule.pattern, rule.flags), { path: ['pattern'], message: 'not a valid regular expression' })
  .describe('Files whose text must not match a pattern.');

const documentPathRule = <Type extends 'json-path' | 'yaml-path'>(type: Type, what: string) =>
  z
    .strictObject({
      type: z.literal(type),
      file: z.string().min(1).describe(`Path of the ${what} file from the repository root, e.g. package.json.`),
      path: pathString.describe('Where the value is, e.g. scripts.test or jobs.build.steps[0]; ["a.b"] for a key with dots.'),
      ...valueConditions,
      whenMissing: whenMissing.describe('The outcome when the file does not exist: notApplicable (the default) or fail.'),
    })
    .superRefine(refineConditions)
    .describe(`A value in a ${what} file (in a multi-document YAML file, the first document).`);

const factRule = z
  .strictObject({
    type: z.literal('fact'),
    fact: pathString.describe('A path into the repository facts, e.g. manifests[0].runtime or activity.authors.'),
    ...valueConditions,
  })
  .superRefine(refineConditions)
  .describe('A value among the facts Cairn collected about the repository.');

export const customRuleSchema = z.discriminatedUnion('type', [
  fileExistsRule,
  fileContainsRule,
  fileNotContainsRule,
  documentPathRule('json-path', 'JSON'),
  documentPathRule('yaml-path', 'YAML'),
  factRule,
]);

/** `content/checks/<id>.yaml`: one custom check, with a built-in check's metadata and a declarative rule. */
export const customCheckFileSchema = z
  .strictObject({
    // The built-in metadata, described again here so editors show the help from the JSON Schema.
    id: checkMetadataSchema.shape.id.describe('Unique among built-in and custom checks, kebab-case; scorecards name the check by it.'),
    title: checkMetadataSchema.shape.title.describe('Short name, e.g. "Makefile has a test target".'),
    description: checkMetadataSchema.shape.description.describe('What the check looks at, one sentence.'),
    why: checkMetadataSchema.shape.why.describe('Why it matters (Markdown).'),
    fix: checkMetadataSchema.shape.fix.describe('How to fix a failure (Markdown).'),
    effort: checkMetadataSchema.shape.effort.describe('Effort of a fix; "what to fix next" lists cheap fixes first.'),
    severity: checkMetadataSchema.shape.severity.describe('How code scanning shows a failure: error, warning (default) or note.'),
    guide: checkMetadataSchema.shape.guide.describe('The golden-path guide (and #section) that teaches it.'),
    category: checkCategorySchema.default('custom').describe('Where the check is listed; custom by default.'),
    ignore: globs.optional().describe('Globs of paths the rule never looks at, e.g. vendor/**.'),
    rule: customRuleSchema,
  })
  .describe('A Cairn custom check.');

export type CustomCheckFile = z.infer<typeof customCheckFileSchema>;
export type CustomRule = z.infer<typeof customRuleSchema>;

// ─── Evaluation ──────────────────────────────────────────────────────────────

/** Custom checks take no options: what they check is all in their file. */
const noOptions = z.strictObject({});

/** The metadata of a custom check, as the snapshot lists it. */
export function customCheckMetadata(file: CustomCheckFile): CheckMetadata {
  const { id, title, category, description, why, fix, effort, severity, guide } = file;
  return { id, title, category, description, why, fix, effort, severity, ...(guide ? { guide } : {}), source: 'custom', options: {} };
}

/** A custom check file as a CheckDefinition, evaluated purely over the repository's facts. */
export function toCheckDefinition(file: CustomCheckFile): CheckDefinition<typeof noOptions> {
  const { source: _, options: __, ...metadata } = customCheckMetadata(file);
  const ignored = file.ignore ? picomatch(file.ignore, { dot: true }) : () => false;
  const { rule } = file;
  return defineCheck({
    ...metadata,
    options: noOptions,
    needs: factsRead(rule),
    run({ facts }) {
      if (rule.type === 'fact') return checkFact(rule, facts);
      const files = facts.files.filter((path) => !ignored(path));
      if (rule.type === 'file-exists') return checkFileExists(rule, files);
      const contents = facts.contentFiles;
      switch (rule.type) {
        case 'file-contains':
          return checkFileContains(rule, files, contents);
        case 'file-not-contains':
          return checkFileNotContains(rule, files, contents);
        case 'json-path':
        case 'yaml-path':
          return checkDocumentPath(rule, files, contents);
      }
    },
  });
}

/**
 * The facts a rule reads, so the check runner answers for an entity of no repository or a fact
 * that was not collected: a fact rule's own fact (the content loader rejects unknown ids), the
 * list of files, and for rules that read files their text. `run` reads no other fact.
 */
function factsRead(rule: CustomRule): FactId[] {
  if (rule.type === 'fact') return [String(parsePath(rule.fact)![0]) as FactId];
  if (rule.type === 'file-exists') return ['files'];
  return ['files', 'contentFiles'];
}

/**
 * The globs whose text the `contentFiles` fact must collect for these checks: every file a
 * content rule searches, and every file a JSON or YAML rule reads (escaped, since it is a path).
 */
export function contentGlobsFor(checks: readonly CustomCheckFile[]): string[] {
  const wanted = checks.flatMap(({ rule }) => {
    if (rule.type === 'file-contains' || rule.type === 'file-not-contains') return rule.files;
    if (rule.type === 'json-path' || rule.type === 'yaml-path') return [escapeGlob(rule.file)];
    return [];
  });
  return [...new Set(wanted)].sort();
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** The text of `path`, when the fact holds it (an own property: a path may be called `constructor`). */
function textOf(contents: Readonly<Record<string, string>>, path: string): string | undefined {
  return Object.hasOwn(contents, path) ? contents[path] : undefined;
}

const list = (paths: readonly string[], max = 3) => paths.slice(0, max).join(', ') + (paths.length > max ? ` and ${paths.length - max} more` : '');

const unreadable = (paths: readonly string[]) => error(`Could not read ${list(paths)} (binary, larger than 256 KiB, or beyond the 200-file limit).`);

type Rule<Type extends CustomRule['type']> = Extract<CustomRule, { type: Type }>;

/** The files matching any of `patterns`, with the reader's glob semantics (picomatch, dotfiles included). */
function matching(files: readonly string[], patterns: readonly string[]): string[] {
  const isMatch = picomatch([...patterns], { dot: true });
  return files.filter((path) => isMatch(path));
}

function checkFileExists(rule: Rule<'file-exists'>, files: readonly string[]): CheckResult {
  const patterns = rule.any ?? rule.all ?? [];
  const matchesOf = (pattern: string) => matching(files, [pattern]);
  if (rule.any) {
    const found = matching(files, patterns);
    return found.length
      ? pass(`Found ${list(found)}.`, found.slice(0, 5).map((path) => ({ path })))
      : fail(`No file matches ${patterns.join(' or ')}.`);
  }
  const missing = patterns.filter((pattern) => matchesOf(pattern).length === 0);
  if (missing.length) return fail(`No file matches ${missing.join(', ')}.`);
  return pass(`Found a file for each of ${patterns.join(', ')}.`, patterns.map((pattern) => ({ path: matchesOf(pattern)[0]! })));
}

/** Matching files, or the `whenMissing` outcome when there are none. */
function targetFiles(files: readonly string[], patterns: readonly string[], whenMissing: 'notApplicable' | 'fail'): string[] | CheckResult {
  const targets = matching(files, patterns);
  if (targets.length) return targets;
  const message = `No file matches ${patterns.join(' or ')}.`;
  return whenMissing === 'fail' ? fail(message) : notApplicable(message);
}

/** Where `pattern` matches in `text`: up to `max` matches, each with its line and that line's text. */
function findMatches(text: string, pattern: string, flags: string | undefined, max: number): Array<{ line: number; note: string }> {
  const found: Array<{ line: number; note: string }> = [];
  for (const match of text.matchAll(new RegExp(pattern, `${flags ?? ''}g`))) {
    const start = text.lastIndexOf('\n', match.index - 1) + 1;
    const end = text.indexOf('\n', match.index);
    found.push({ line: text.slice(0, match.index).split('\n').length, note: shorten(text.slice(start, end === -1 ? undefined : end).trim()) });
    if (found.length >= max) break;
  }
  return found;
}

function checkFileContains(rule: Rule<'file-contains'>, files: readonly string[], contents: Readonly<Record<string, string>>): CheckResult {
  const targets = targetFiles(files, rule.files, rule.whenMissing);
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
    return fail(`${list(without)} ${without.length > 1 ? 'do' : 'does'} not match ${describe}.`, without.slice(0, 5).map((path) => ({ path })));
  }
  if (without.length) return fail(`${list(without)} ${without.length > 1 ? 'do' : 'does'} not match ${describe}.`, without.slice(0, 5).map((path) => ({ path })));
  if (missingText.length) return unreadable(missingText);
  return pass(`All ${hits.length} matching files match ${describe}.`, hits.slice(0, 5));
}

function checkFileNotContains(rule: Rule<'file-not-contains'>, files: readonly string[], contents: Readonly<Record<string, string>>): CheckResult {
  const targets = targetFiles(files, rule.files, rule.whenMissing);
  if (!Array.isArray(targets)) return targets;
  const MAX_EVIDENCE = 10;
  const missingText: string[] = [];
  const offending: Evidence[] = [];
  for (const path of targets) {
    const text = textOf(contents, path);
    if (text === undefined) missingText.push(path);
    else offending.push(...findMatches(text, rule.pattern, rule.flags, MAX_EVIDENCE - offending.length).map((match) => ({ path, ...match })));
    if (offending.length >= MAX_EVIDENCE) break;
  }
  const describe = `/${rule.pattern}/${rule.flags ?? ''}`;
  if (offending.length) return fail(`${offending[0]!.path}:${offending[0]!.line} matches ${describe}.`, offending);
  if (missingText.length) return unreadable(missingText);
  return pass(`${list(targets)} ${targets.length > 1 ? 'do' : 'does'} not match ${describe}.`, targets.slice(0, 5).map((path) => ({ path })));
}

function checkDocumentPath(rule: Rule<'json-path' | 'yaml-path'>, files: readonly string[], contents: Readonly<Record<string, string>>): CheckResult {
  if (!files.includes(rule.file)) {
    const message = `${rule.file} does not exist.`;
    return rule.whenMissing === 'fail' ? fail(message) : notApplicable(message);
  }
  const text = textOf(contents, rule.file);
  if (text === undefined) return unreadable([rule.file]);
  // `yaml` reads JSON too (JSON is YAML 1.2 flow syntax), and gives positions for both.
  const lineCounter = new LineCounter();
  const first = parseAllDocuments(text, { lineCounter, uniqueKeys: false })[0];
  const syntaxError = first?.errors[0];
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    return fail(`${rule.file} could not be parsed: ${syntaxError.message.split('\n')[0]}.`, [{ path: rule.file, ...(line ? { line } : {}) }]);
  }
  const segments = parsePath(rule.path)!;
  let data: unknown;
  try {
    data = first?.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // An alias bomb, in a file from an untrusted repository.
    return fail(`${rule.file} could not be read: ${error instanceof Error ? error.message : String(error)}.`, [{ path: rule.file }]);
  }
  const found = lookup(data, segments);
  const evidence: Evidence = { path: rule.file, ...(first ? lineAt(first, lineCounter, segments) : {}) };
  return judge(rule, found, `${rule.path} in ${rule.file}`, evidence);
}

/** The line of the value at `segments`, or of its deepest ancestor that exists. */
function lineAt(document: Document.Parsed, lineCounter: LineCounter, segments: ReadonlyArray<string | number>): { line?: number } {
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(segments.slice(0, depth), true);
    if (isNode(node) && node.range) return { line: lineCounter.linePos(node.range[0]).line };
  }
  return {};
}

function checkFact(rule: Rule<'fact'>, facts: Facts): CheckResult {
  const segments = parsePath(rule.fact)!;
  const found = lookup(facts, segments);
  // Facts about a file carry its `path` (and sometimes `line`): the nearest one is the evidence.
  const evidence = found.nearestPath ? { path: found.nearestPath.path, ...(found.nearestPath.line ? { line: found.nearestPath.line } : {}) } : undefined;
  return judge(rule, found, rule.fact, evidence);
}

interface Lookup {
  exists: boolean;
  value?: unknown;
  nearestPath?: { path: string; line?: number };
}

/** Follows `segments` through plain data, own properties only. */
function lookup(data: unknown, segments: ReadonlyArray<string | number>): Lookup {
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
  return current === null || current === undefined ? { exists: false, ...(nearestPath ? { nearestPath } : {}) } : { exists: true, value: current, ...(nearestPath ? { nearestPath } : {}) };
}

/** Applies the value conditions; the first that fails gives the message. */
function judge(conditions: ValueConditions, found: Lookup, where: string, evidence: Evidence | undefined): CheckResult {
  const withValue = (note?: string): Evidence[] => (evidence ? [{ ...evidence, ...(note ? { note } : {}) }] : []);
  if (!found.exists) {
    return conditions.exists === false ? pass(`${where} is not set.`, withValue()) : fail(`${where} is not set.`, withValue());
  }
  const shown = shorten(JSON.stringify(found.value) ?? String(found.value));
  if (conditions.exists === false) return fail(`${where} is set to ${shown}; it should not be set.`, withValue(shown));
  const value = found.value;
  const problems: string[] = [];
  if (conditions.equals !== undefined && !isDeepStrictEqual(value, conditions.equals)) problems.push(`it should be ${shorten(JSON.stringify(conditions.equals))}`);
  if (conditions.matches !== undefined && !(isScalar(value) && new RegExp(conditions.matches).test(String(value)))) problems.push(`it should match /${conditions.matches}/`);
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

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
