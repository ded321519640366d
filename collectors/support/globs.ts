import picomatch from 'picomatch';
import { z } from 'zod';
import { anyPattern } from './patterns.ts';

const compiled = new Map<string, (path: string) => boolean>();
/** Sets of globs kept compiled: far more than Cairn's own facts and checks use. */
const MAX_COMPILED = 1000;

/**
 * A matcher for any of `globs` (picomatch, dotfiles included unless `dot` is false), compiled once
 * per set of globs: facts glob every repository's files, and checks run for every entity of every
 * scorecard that has them, with the same globs; compiling cost more than matching. The globs become
 * one regular expression, tried once per path (picomatch's own matcher for a list tries each glob
 * in turn, the largest part of a warm run's checks); a path equal to a glob matches, as picomatch
 * has it, even where the glob's brackets would not.
 */
export function globMatcher(globs: readonly string[], dot = true): (path: string) => boolean {
  const key = JSON.stringify([dot, globs]);
  let matcher = compiled.get(key);
  if (!matcher) {
    // Repositories' own globs (Location targets) come through here too: a long-lived process
    // (`cairn dev`, `cairn mcp`) keeps the newest only.
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, (matcher = anyOf(globs, dot)));
  }
  return matcher;
}

function anyOf(globs: readonly string[], dot: boolean): (path: string) => boolean {
  const literal = new Set(globs);
  const matches = anyPattern(globs.map((glob) => picomatch.makeRe(glob, { dot })));
  return (path) => path !== '' && (literal.has(path) || matches(path));
}

/**
 * What is wrong with a glob a user wrote, or undefined: a `[` or `{` it never closes. picomatch
 * matches such a glob literally (`[README` finds only a file of that name), so a typo would pass for
 * a rule that never matches. A character escaped with `\` is itself.
 */
export function globFault(glob: string): string | undefined {
  let braces = 0;
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at];
    if (char === '\\') at++;
    else if (char === '{') braces++;
    else if (char === '}' && braces > 0) braces--;
    else if (char === '[') {
      // A class may start with `!` or `^`, then `]` as its first member.
      let end = at + 1;
      if (glob[end] === '!' || glob[end] === '^') end++;
      if (glob[end] === ']') end++;
      while (end < glob.length && glob[end] !== ']') end += glob[end] === '\\' ? 2 : 1;
      if (end >= glob.length) return `"[" at character ${at + 1} is never closed`;
      at = end;
    }
  }
  return braces > 0 ? `a "{" is never closed` : undefined;
}

/** What to tell a user of a glob `globFault` finds fault with, or undefined. */
export function globProblem(glob: string): string | undefined {
  const fault = globFault(glob);
  return fault && `glob "${glob}": ${fault}; write \\[ or \\{ for the character itself`;
}

/** A glob a user writes in a YAML file: one that `globFault` finds nothing wrong with. */
export const globSchema = z
  .string()
  .min(1)
  .superRefine((value, context) => {
    const problem = globProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
