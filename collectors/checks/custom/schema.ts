import semver from 'semver';
import { z } from 'zod';
import { checkCategorySchema, checkMetadataSchema } from '../check.ts';
import { globSchema } from '../../support/globs.ts';
import { linearRegexProblem } from '../../support/linear-regex.ts';

/*
 * The YAML of a custom check (`content/checks/<id>.yaml`): a built-in check's metadata and one
 * declarative rule; its JSON Schema for editors is generated from these zod schemas.
 */

const globs = z.union([globSchema, z.array(globSchema).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

const REGEX_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

/** Why a rule's pattern does not compile; flags that are not valid are reported as such, not as the pattern's fault. */
function patternProblem(rule: { pattern: string; flags?: string | undefined }): string | undefined {
  return linearRegexProblem(rule.pattern, rule.flags !== undefined && REGEX_FLAGS.test(rule.flags) ? rule.flags : '');
}

/** A custom check's pattern: matched by RE2 in linear time (see linear-regex.ts). */
const PATTERN_DESCRIPTION =
  'A JavaScript regular expression, matched by RE2 in time linear in the text: lookbehind works; lookahead and backreferences do not.';

const regex = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    const problem = linearRegexProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: regexMessage(problem, source, '') });
  });

/** Reports a rule's pattern that does not compile, at `pattern`. */
function checkPattern(rule: { pattern: string; flags?: string | undefined }, context: z.RefinementCtx): void {
  const problem = patternProblem(rule);
  if (problem) context.addIssue({ code: 'custom', path: ['pattern'], message: regexMessage(problem, rule.pattern, rule.flags ?? '') });
}

/**
 * Why a pattern is refused; when JavaScript would take it, that RE2 does not, and what it lacks:
 * a pattern an earlier Cairn (or a JavaScript tester) accepted is told how to be rewritten.
 */
function regexMessage(problem: string, source: string, flags: string): string {
  return compilesInJavaScript(source, REGEX_FLAGS.test(flags) ? flags : '')
    ? `not a pattern custom checks can match (${problem}): JavaScript accepts it, but they match with RE2, in time linear in the text, which has no lookahead or backreferences (lookbehind works); rewrite it without them`
    : `not a valid regular expression (${problem})`;
}

function compilesInJavaScript(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

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

const pathString = z
  .string()
  .min(1)
  .refine((path) => parsePath(path) !== undefined, { message: 'expected a path like scripts.test or jobs.build.steps[0]' });

/** Conditions on a value; every one given must hold. Without any, the value must exist. */
const valueConditions = {
  exists: z.boolean().optional().describe('true: the value must be set (the default); false: it must not be.'),
  equals: z.unknown().optional().describe('The value must equal this (strings, numbers, booleans, lists and maps compare deeply).'),
  matches: regex
    .optional()
    .describe('A regular expression (matched by RE2: no lookahead or backreferences) the value (a string, number or boolean) must match.'),
  semver: z
    .string()
    .refine((range) => semver.validRange(range) !== null, { message: 'not a semver range' })
    .optional()
    .describe('A semver range every version the value allows must fall in: ">=18" fails ">=20", "22.11.0" and "^22.1" pass it.'),
  gte: z.number().optional().describe('The value must be a number at least this.'),
  lte: z.number().optional().describe('The value must be a number at most this.'),
};

export type ValueConditions = {
  exists?: boolean | undefined;
  equals?: unknown;
  matches?: string | undefined;
  semver?: string | undefined;
  gte?: number | undefined;
  lte?: number | undefined;
};

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
    none: globs
      .optional()
      .describe('Passes when no tracked file matches any of these globs: files that must not be there (.travis.yml, a committed .env).'),
  })
  .refine((rule) => [rule.any, rule.all, rule.none].filter((globs) => globs !== undefined).length === 1, {
    message: 'give exactly one of any, all or none',
  })
  .describe('Files that must (or must not) exist.');

const fileContainsRule = z
  .strictObject({
    type: z.literal('file-contains'),
    files: globs.describe('Globs of the files to search.'),
    pattern: z.string().min(1).describe(PATTERN_DESCRIPTION),
    flags: z
      .string()
      .regex(REGEX_FLAGS, 'expected some of i, m, s, u, each once')
      .optional()
      .describe('Regular expression flags: i, m, s, u.'),
    match: z
      .enum(['any', 'all'])
      .default('any')
      .describe('any: one matching file containing the pattern is enough (the default); all: every matching file must.'),
    whenMissing,
  })
  .superRefine(checkPattern)
  .describe('Files whose text must match a pattern.');

const fileNotContainsRule = z
  .strictObject({
    type: z.literal('file-not-contains'),
    files: globs.describe('Globs of the files to search.'),
    pattern: z.string().min(1).describe(PATTERN_DESCRIPTION),
    flags: z
      .string()
      .regex(REGEX_FLAGS, 'expected some of i, m, s, u, each once')
      .optional()
      .describe('Regular expression flags: i, m, s, u.'),
    whenMissing,
  })
  .superRefine(checkPattern)
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
    fact: pathString.describe('A path into the repository facts, e.g. license.expression or activity.authors.'),
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
