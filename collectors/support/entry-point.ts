/**
 * The entry point `name` of a process or thread Cairn starts, beside the module whose
 * `import.meta.url` is `from` and with its extension: `.ts` beside it in the sources, `.js` in
 * build/, where the compiled command line keeps every entry point at the root with the chunks.
 */
export function entryPoint(name: string, from: string): URL {
  return new URL(`./${name}${from.slice(from.lastIndexOf('.'))}`, from);
}
