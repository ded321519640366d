import { LineCounter, parseAllDocuments } from 'yaml';
import { deepNestingAt, MAX_ALIAS_COUNT, MAX_YAML_DEPTH } from '../../yaml/documents.ts';
import { lineAtPath, lineOfError } from '../../yaml/lines.ts';
import { fail, notApplicable, type CheckResult, type Evidence } from '../check.ts';
import { parsePath } from './schema.ts';
import { judge, lookup, textOf, unreadable, type Rule } from './shared.ts';

/** `json-path` and `yaml-path`: a value in a JSON or YAML file exists, equals, matches or satisfies a range. */
export function checkDocumentPath(
  rule: Rule<'json-path' | 'yaml-path'>,
  files: readonly string[],
  contents: Readonly<Record<string, string>>,
  ignored: readonly string[] = [],
): CheckResult {
  if (!files.includes(rule.file)) {
    const message = ignored.includes(rule.file) ? `${rule.file} is ignored by the check.` : `${rule.file} does not exist.`;
    return rule.whenMissing === 'fail' ? fail(message) : notApplicable(message);
  }
  const text = textOf(contents, rule.file);
  if (text === undefined) return unreadable([rule.file]);
  const tooDeep = deepNestingAt(text);
  if (tooDeep)
    return fail(`${rule.file} could not be parsed: nesting deeper than ${MAX_YAML_DEPTH} levels.`, [
      { path: rule.file, line: tooDeep.line },
    ]);
  // `yaml` reads JSON too (JSON is YAML 1.2 flow syntax), and gives positions for both.
  const lineCounter = new LineCounter();
  const first = parseAllDocuments(text, { lineCounter, uniqueKeys: false })[0];
  const syntaxError = first?.errors[0];
  if (syntaxError) {
    const line = lineOfError(syntaxError, text, lineCounter);
    return fail(`${rule.file} could not be parsed: ${syntaxError.message.split('\n')[0]}.`, [
      { path: rule.file, ...(line ? { line } : {}) },
    ]);
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
  const line = first && lineAtPath(first, lineCounter, segments);
  const evidence: Evidence = { path: rule.file, ...(line ? { line } : {}) };
  return judge(rule, found, `${rule.path} in ${rule.file}`, evidence);
}
