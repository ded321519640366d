import picomatch from 'picomatch';

const compiled = new Map<string, (path: string) => boolean>();

/**
 * A matcher for any of `globs` (picomatch, dotfiles included unless `dot` is false), compiled once
 * per set of globs: checks run for every entity of every scorecard that has them, and compiling
 * cost more than matching.
 */
export function globMatcher(globs: readonly string[], dot = true): (path: string) => boolean {
  const key = JSON.stringify([dot, globs]);
  let matcher = compiled.get(key);
  if (!matcher) compiled.set(key, (matcher = picomatch([...globs], { dot })));
  return matcher;
}
