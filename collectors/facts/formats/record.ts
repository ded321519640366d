/** A parsed file's table (a YAML mapping, a TOML table, a JSON object), or an empty one for anything else. */
export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
