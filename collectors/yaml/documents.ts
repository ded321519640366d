import {
  Composer,
  isMap,
  isSeq,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { lineOfError } from './lines.ts';

/**
 * Aliases a single document may expand. The `yaml` package counts every alias expansion against
 * this limit, so a "billion laughs" document (aliases of aliases) fails fast instead of eating memory.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Largest YAML text parsed, in characters: as large as the largest descriptor file read (8 MiB,
 * some thousands of entities); anything bigger is an accident or an attack.
 */
export const MAX_YAML_CHARS = 8 * 1024 * 1024;

/**
 * Deepest nesting of collections a document may have. Real descriptors nest a handful of levels;
 * far deeper input would overflow the parser's stack at a point that varies between runs (and so
 * would its error), so it is refused before composing, at the first collection too deep.
 */
export const MAX_YAML_DEPTH = 128;

/** One YAML document of a multi-document file, with the 1-based line its content starts on. */
export interface YamlDocument {
  line: number;
  data: unknown;
  /**
   * The line of each field down to FIELD_DEPTH, by JSON pointer (`/spec/owner`, `/spec/members/1`):
   * where a rejection of the document (Backstage's names its field so) is to be shown.
   */
  fields: Record<string, number>;
}

/** How deep `fields` goes: `/spec/members/1`, the depth of the fields Backstage's rejections name. */
const FIELD_DEPTH = 3;

/** A document that could not be loaded, with the line of the fault when the parser knows it. */
export interface YamlError {
  line?: number;
  message: string;
}

/**
 * Parses every document of a YAML text the way Backstage's catalog does (`yaml`'s
 * `parseAllDocuments`, merge keys off, each document converted to JSON), with limits for untrusted
 * input. A document with a syntax error yields an error and is left out, while the file's other
 * documents still load; empty documents (a trailing `---`, a comment) are skipped. Never throws.
 */
export function parseYamlDocuments(text: string): { documents: YamlDocument[]; errors: YamlError[] } {
  const documents: YamlDocument[] = [];
  const errors: YamlError[] = [];
  if (text.length > MAX_YAML_CHARS) {
    errors.push({ message: `The file has ${text.length} characters; YAML larger than ${MAX_YAML_CHARS} characters is not read.` });
    return { documents, errors };
  }
  const lineCounter = new LineCounter();
  let parsed: ReturnType<Composer['compose']> extends Generator<infer D> ? D[] : never;
  try {
    const tokens: CST.Token[] = [];
    for (const { token, tooDeepLine } of depthCheckedTokens(text, lineCounter)) {
      if (tooDeepLine === undefined) tokens.push(token);
      else errors.push({ line: tooDeepLine, message: `Nesting deeper than ${MAX_YAML_DEPTH} levels; that document is not read` });
    }
    // Backstage parses with `merge: false` (its `enableYamlMerge` default), so `<<` keys stay plain keys.
    parsed = [...new Composer({ merge: false }).compose(tokens)];
  } catch (error) {
    errors.push({ message: messageOf(error) });
    return { documents, errors };
  }
  for (const document of parsed) {
    const start = document.contents?.range?.[0] ?? document.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    const [error] = document.errors;
    if (error) {
      // The first error is the cause; the ones after it are usually its echoes.
      errors.push({ line: lineOfError(error, text, lineCounter), message: messageOf(error) });
      continue;
    }
    let data: unknown;
    try {
      data = document.toJS({ json: true, maxAliasCount: MAX_ALIAS_COUNT });
    } catch (conversionError) {
      errors.push({ line, message: messageOf(conversionError) });
      continue;
    }
    // Empty documents and explicit nulls are skipped, as Backstage does (a trailing `---` is common).
    if (data !== null && data !== undefined) documents.push({ line, data, fields: fieldLines(document, lineCounter) });
  }
  // Refused documents are reported as found; sorted, every error reads in file order.
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { documents, errors };
}

/** `YamlDocument.fields` of a composed document. */
function fieldLines(document: Document, lineCounter: LineCounter): Record<string, number> {
  const fields: Record<string, number> = {};
  const walk = (node: unknown, pointer: string, depth: number) => {
    if (depth === FIELD_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        const start = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
        if (typeof key !== 'string' || start === undefined) continue;
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        fields[child] = lineCounter.linePos(start).line;
        walk(pair.value, child, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const start = (item as { range?: [number, number, number] } | null)?.range?.[0];
        if (start === undefined) return;
        fields[`${pointer}/${index}`] = lineCounter.linePos(start).line;
        walk(item, `${pointer}/${index}`, depth + 1);
      });
    }
  };
  walk(document.contents, '', 0);
  return fields;
}

/**
 * Offset of the first collection nested deeper than MAX_YAML_DEPTH in a document's syntax tree, or
 * undefined. Walked with a stack of its own, since recursion is what deep input breaks.
 */
function tooDeepAt(document: CST.Document): number | undefined {
  const pending: Array<[CST.Token | undefined, number]> = [[document.value, 0]];
  let first: number | undefined;
  while (pending.length > 0) {
    const [token, depth] = pending.pop()!;
    if (!token || !('items' in token)) continue;
    if (depth >= MAX_YAML_DEPTH) {
      first = Math.min(first ?? token.offset, token.offset);
      continue;
    }
    for (const item of token.items) pending.push(['key' in item ? (item.key ?? undefined) : undefined, depth + 1], [item.value, depth + 1]);
  }
  return first;
}

/**
 * The line of the first collection nested deeper than MAX_YAML_DEPTH in any document of `text`, or
 * undefined: for parsers of single documents (configuration files) that must refuse it first.
 */
export function deepNestingAt(text: string): { line: number } | undefined {
  const line = depthCheckedTokens(text, new LineCounter()).find(({ tooDeepLine }) => tooDeepLine !== undefined)?.tooDeepLine;
  return line === undefined ? undefined : { line };
}

/**
 * `text` parsed once into tokens, each document's with the line of its first collection nested
 * deeper than MAX_YAML_DEPTH, which is refused before composing.
 */
function depthCheckedTokens(text: string, lineCounter: LineCounter): Array<{ token: CST.Token; tooDeepLine?: number }> {
  return [...new Parser(lineCounter.addNewLine).parse(text)].map((token) => {
    const offset = token.type === 'document' ? tooDeepAt(token) : undefined;
    return offset === undefined ? { token } : { token, tooDeepLine: lineCounter.linePos(offset).line };
  });
}

/** The first line of an error message: `yaml` appends a source excerpt after it. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/:$/, '');
}

/** A repository's one-document YAML file, parsed, or its first fault and the line of it. */
export type ParsedYamlFile = { document: Document.Parsed; lineCounter: LineCounter } | { error: string; line: number };

/**
 * Parses a repository's one-document YAML file (a workflow, dependabot.yml, mkdocs.yml) with the
 * `yaml` options given. Nesting deeper than MAX_YAML_DEPTH is refused before composing, as in
 * `parseYamlDocuments`; a syntax error is the first one, at its line.
 */
export function parseYamlFile(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): ParsedYamlFile {
  // Parsed once into tokens, which are checked for depth and then composed: what `parseDocument` does.
  const lineCounter = new LineCounter();
  const tokens = depthCheckedTokens(text, lineCounter);
  const tooDeepLine = tokens.find((token) => token.tooDeepLine !== undefined)?.tooDeepLine;
  if (tooDeepLine !== undefined) return { error: `nesting deeper than ${MAX_YAML_DEPTH} levels`, line: tooDeepLine };
  let document: Document.Parsed | undefined;
  for (const composed of new Composer(options).compose(
    tokens.map(({ token }) => token),
    true,
    text.length,
  )) {
    if (!document) document = composed;
    else return { error: 'Source contains multiple documents', line: lineCounter.linePos(composed.range[0]).line };
  }
  if (!document) return { error: 'no document', line: 1 };
  const [error] = document.errors;
  if (error) return { error: error.message.split('\n')[0]!, line: lineOfError(error, text, lineCounter) };
  return { document, lineCounter };
}
