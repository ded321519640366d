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
  const line = await lineInFile(file.path, error.field);
  const { formatPath } = await import('../yaml/lines.ts');
  return new ConfigError(`${file.shown}${line ? `:${line}` : ''}: ${formatPath(error.field)}: ${error.message}`);
}

/**
 * The line of the value at `path` in a YAML file already validated, when it reads. Its modules are
 * loaded here, when an error is reported: the stages that throw ConfigErrors read no files.
 */
async function lineInFile(file: string, path: ReadonlyArray<string | number>): Promise<number | undefined> {
  const [{ readFile }, { LineCounter, parseDocument }, { lineAtPath }] = await Promise.all([
    import('node:fs/promises'),
    import('yaml'),
    import('../yaml/lines.ts'),
  ]);
  try {
    const lineCounter = new LineCounter();
    return lineAtPath(parseDocument(await readFile(file, 'utf8'), { lineCounter }), lineCounter, path);
  } catch {
    return undefined;
  }
}
