import { LineCounter, parseAllDocuments } from 'yaml';

/**
 * Aliases a single document may expand. The `yaml` package counts every alias expansion against
 * this limit, so a "billion laughs" document (aliases of aliases) fails fast instead of eating memory.
 */
export const MAX_ALIAS_COUNT = 100;

/** Largest YAML text parsed, in characters. Descriptors are small; anything bigger is an accident or an attack. */
export const MAX_YAML_CHARS = 1024 * 1024;

/** One YAML document of a multi-document file, with the 1-based line its content starts on. */
export interface YamlDocument {
  line: number;
  data: unknown;
}

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
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    // Backstage parses with `merge: false` (its `enableYamlMerge` default), so `<<` keys stay plain keys.
    parsed = parseAllDocuments(text, { lineCounter, merge: false });
  } catch (error) {
    errors.push({ message: messageOf(error) });
    return { documents, errors };
  }
  // An input without any document parses to an EmptyStream, which is not an array.
  if (!Array.isArray(parsed)) return { documents, errors };
  for (const document of parsed) {
    const start = document.contents?.range?.[0] ?? document.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    const [error] = document.errors;
    if (error) {
      // The first error is the cause; the ones after it are usually its echoes.
      errors.push({ line: error.linePos?.[0].line ?? line, message: messageOf(error) });
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
    if (data !== null && data !== undefined) documents.push({ line, data });
  }
  return { documents, errors };
}

/** The first line of an error message: `yaml` appends a source excerpt after it. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/:$/, '');
}
