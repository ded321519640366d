/**
 * Bad configuration or bad usage: the user must change a file or a flag. The CLI prints the
 * message as it is (no stack trace) and exits with status 2.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
