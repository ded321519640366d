import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

/*
 * The regular expressions a portal's custom checks run over repository text, matched in linear time
 * by RE2 (its JavaScript port): no file can make a pattern backtrack for minutes, as JavaScript's
 * engine did with `^(\w+\s?)*$` over an ordinary changelog, blocking the run where no time limit can
 * stop it. Patterns are written as in JavaScript: its escapes (`\u00e9`, `\cM`), `[^]` and named
 * groups are translated, and lookbehind works; lookahead and backreferences are refused. Flags i, m
 * and s mean what they mean in JavaScript, and u is how RE2 always reads text.
 */

const require = createRequire(import.meta.url);
let engine: typeof RE2JS | undefined;

/** RE2, loaded on the first pattern compiled: a run whose portal has no custom check never loads it. */
function re2(): typeof RE2JS {
  return (engine ??= (require('re2js') as typeof import('re2js')).RE2JS);
}

const compiled = new Map<string, RE2JS>();

/** `pattern` compiled with JavaScript-style `flags`, once per run; throws when RE2 cannot read it. */
export function linearRegex(pattern: string, flags = ''): RE2JS {
  const key = `${flags}/${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const RE2 = re2();
    const FLAGS: Readonly<Record<string, number>> = { i: RE2.CASE_INSENSITIVE, m: RE2.MULTILINE, s: RE2.DOTALL, u: 0 };
    regex = RE2.compile(
      RE2.translateRegExp(pattern),
      [...flags].reduce((all, flag) => all | (FLAGS[flag] ?? 0), RE2.LOOKBEHINDS),
    );
    compiled.set(key, regex);
  }
  return regex;
}

/** Why `pattern` cannot be matched in linear time (its syntax error, as RE2 words it), or undefined when it can. */
export function linearRegexProblem(pattern: string, flags = ''): string | undefined {
  try {
    linearRegex(pattern, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^error parsing regexp: /, '');
  }
}

/**
 * Where `regex` matches in `text`, as string indexes, first to last (at most `max`). Whether it
 * matches at all is asked first, of RE2's DFA, several times faster than finding where: most files a
 * check reads do not match.
 */
export function matchIndexes(regex: RE2JS, text: string, max: number): number[] {
  if (!regex.test(text)) return [];
  const matcher = regex.matcher(text);
  const found: number[] = [];
  while (found.length < max && matcher.find()) found.push(matcher.start());
  return found;
}
