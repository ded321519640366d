import { LineCounter, parseDocument } from 'yaml';
import { formatPath, lineAtPath } from '../yaml/lines.ts';

/**
 * Bad configuration or bad usage: the user must change a file or a flag. The CLI prints the
 * message as it is (no stack trace) and exits with status 2.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /**
   * Where in portal.yaml the fault is (`['sources', 0, 'repos']`), for a message that does not say
   * itself: `located` names the file, line and field.
   */
  readonly field?: ReadonlyArray<string | number>;

  constructor(message: string, options: { field?: ReadonlyArray<string | number> } = {}) {
    super(message);
    if (options.field) this.field = options.field;
  }
}

/**
 * `error` naming portal.yaml, its line and the field, when it has a field and there is a file
 * (`portal.yaml:4: sources[0].repos: …`); as it is otherwise (`--repos` gave the glob).
 */
export async function located(error: ConfigError, file: { path: string; shown: string } | undefined): Promise<ConfigError> {
  if (!error.field || !file) return error;
  // Read here, when an error is reported: the stages that throw ConfigErrors read no files.
  const { readFile } = await import('node:fs/promises');
  const lineCounter = new LineCounter();
  const line = await readFile(file.path, 'utf8').then(
    (text) => lineAtPath(parseDocument(text, { lineCounter }), lineCounter, error.field!),
    () => undefined,
  );
  return new ConfigError(`${file.shown}${line ? `:${line}` : ''}: ${formatPath(error.field)}: ${error.message}`);
}
