/**
 * `compute`, remembering its result for each text it was given, up to `maxChars` characters of
 * texts in all: an organisation's repositories repeat files (workflows copied from one template,
 * the same LICENSE), and parsing or matching them again is most of what reading them costs.
 * `compute` must be pure; a result that is an object is shared by every caller with the same text.
 */
export function rememberedByText<T>(compute: (text: string) => T, maxChars: number): (text: string) => T {
  const results = new Map<string, T>();
  let chars = 0;
  return (text) => {
    if (results.has(text)) return results.get(text)!;
    const result = compute(text);
    if (chars + text.length <= maxChars) {
      chars += text.length;
      results.set(text, result);
    }
    return result;
  };
}
