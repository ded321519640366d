import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../config/config-error.ts';
import { deepNestingAt, MAX_ALIAS_COUNT, MAX_YAML_DEPTH } from './documents.ts';
import { formatPath, lineAtPath, lineOfError } from './lines.ts';
import { didYouMean } from '../scorecards/suggest.ts';
import { quotedAlternatives } from '../support/text.ts';

/**
 * Parses one YAML file the user writes (portal.yaml, scorecards, checks) and validates it against a
 * zod schema. Every error becomes a ConfigError naming the file, the line, the field and what was
 * expected, e.g. `content/portal.yaml:4: sources[0].repos: expected string, received number`.
 */
export function parseYamlConfig<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  const lineCounter = new LineCounter();
  // Composing it would overflow the stack at a point that varies between runs.
  const tooDeep = deepNestingAt(text);
  if (tooDeep !== undefined) throw new ConfigError(`${file}:${tooDeep.line}: invalid YAML: nesting deeper than ${MAX_YAML_DEPTH} levels`);
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const line = lineOfError(syntaxError, text, lineCounter);
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${syntaxError.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // An alias bomb (aliases of aliases) is refused before it expands.
    throw new ConfigError(`${file}: invalid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const messages = result.error.issues.flatMap(meantIssues).map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? key.toString() : key));
    // An unknown field's line is its own, not its parent's.
    const line = lineAtPath(document, lineCounter, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path);
    const field = path.length ? formatPath(path) : '(top level)';
    // Fields of every branch of a union are allowed somewhere: the unknown field itself is one of them when another branch has it.
    const given = document.getIn(path);
    const options = discriminatorOptions(issue);
    const meant =
      issue.code === 'unrecognized_keys'
        ? didYouMean(
            issue.keys[0]!,
            allowedFields(schema, path).filter((field) => field !== issue.keys[0]),
          )
        : options && typeof given === 'string'
          ? didYouMean(given, options)
          : '';
    return `${file}${line ? `:${line}` : ''}: ${field}: ${describeIssue(issue)}${meant}`;
  });
  throw new ConfigError(messages.join('\n'));
}

/** Reads and validates a YAML config file; a missing file is a ConfigError too. */
export async function loadYamlConfig<S extends z.ZodType>(path: string, displayPath: string, schema: S): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder; expected a YAML file' : (error as Error).message;
    throw new ConfigError(`${displayPath}: ${reason}`);
  }
  return parseYamlConfig(text, displayPath, schema);
}

/** The structure inside a schema: wrappers (optional, default, a transform's input …) and union branches unwrapped. */
function structures(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
    options?: z.core.$ZodType[];
  };
  if (def.innerType) return structures(def.innerType);
  if (def.type === 'pipe' && def.in) return structures(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(structures);
  return [schema];
}

/** The fields the object schemas at `path` of `schema` allow, for "did you mean" after an unknown field. */
function allowedFields(schema: z.core.$ZodType, path: ReadonlyArray<string | number>): string[] {
  let nodes = structures(schema);
  for (const key of path) {
    nodes = nodes.flatMap((node) => {
      const def = node._zod.def as unknown as {
        type: string;
        shape?: Record<string, z.core.$ZodType>;
        element?: z.core.$ZodType;
        valueType?: z.core.$ZodType;
      };
      const next =
        def.type === 'object'
          ? def.shape?.[String(key)]
          : def.type === 'array'
            ? def.element
            : def.type === 'record'
              ? def.valueType
              : undefined;
      return next ? structures(next) : [];
    });
  }
  return nodes.flatMap((node) => Object.keys((node._zod.def as unknown as { shape?: Record<string, unknown> }).shape ?? {}));
}

/**
 * The issues to report for one. A value that matches no branch of a union (a scorecard's check as
 * a name or as `{ id, weight, options }`) is reported by the branches of its own type, with their
 * fields (`levels[1].checks[5].weight: expected number`); zod's own message says only "Invalid
 * input". When no branch has its type, one issue says every type it could have.
 */
function meantIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const mismatch = (branch: z.core.$ZodIssue[]) =>
    branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
  const meant = issue.errors.find((branch) => !mismatch(branch));
  if (meant) return meant.flatMap((inner) => meantIssues({ ...inner, path: [...issue.path, ...inner.path] }));
  const expected = [...new Set(issue.errors.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected))];
  const received = /received (\w+)/.exec(issue.errors[0]![0]!.message)?.[1];
  return [{ ...issue, message: `expected ${expected.join(' or ')}${received ? `, received ${received}` : ''}` }];
}

/** The values a discriminated union's tag (`type:`) may take, when the issue is that it took none of them. */
function discriminatorOptions(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code !== 'invalid_union' || !('options' in issue) || !Array.isArray(issue.options)) return undefined;
  return issue.options.map(String);
}

/** zod's message, with the accepted keys spelled out where it only says "unrecognized key". */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `missing; expected ${issue.expected}`;
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'expected a date as YYYY-MM-DD, e.g. 2027-03-31';
  const options = discriminatorOptions(issue);
  if (options) return `expected ${quotedAlternatives(options)}`;
  return issue.message.replace(/^Invalid (input|option): /, '');
}
