/**
 * Globs a repository writes (Location targets, CODEOWNERS patterns), matched in time linear in the
 * glob times the path. picomatch turns a glob into a regular expression that backtracks: six `*`
 * against a 120-character name took 47 s, on the thread the run's deadline needs. The syntax is
 * the common one, as picomatch reads it with `dot: true`: `*` and `?` within a segment, `**` for
 * any number of segments, `[a-z]`/`[!x]` classes, `{a,b}` alternatives and `\` escapes; anything
 * else is the character itself.
 */

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: string[] };
type Segment = { globstar: true } | { globstar: false; tokens: Token[] };

/** Alternatives `{a,b}` expands a glob into, at most; past it, the glob matches only itself. */
const MAX_ALTERNATIVES = 256;

/** A matcher for any of `globs`; a path equal to a glob matches it, as with `globMatcher`. */
export function untrustedGlobMatcher(globs: readonly string[]): (path: string) => boolean {
  const literal = new Set(globs);
  const patterns = globs.flatMap((glob) => expandBraces(glob.replace(/^(\.\/)+/, '')) ?? []).map(parseGlob);
  return (path) => {
    if (path === '') return false;
    if (literal.has(path)) return true;
    const names = path.split('/');
    return patterns.some((segments) => matchSegments(segments, names));
  };
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`; undefined past `MAX_ALTERNATIVES`. An unclosed `{` is itself. */
export function expandBraces(glob: string): string[] | undefined {
  let results = [''];
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at]!;
    if (char === '\\' && at + 1 < glob.length) {
      results = results.map((prefix) => prefix + glob.slice(at, at + 2));
      at++;
      continue;
    }
    const close = char === '{' ? closingBrace(glob, at) : -1;
    if (close === -1) {
      results = results.map((prefix) => prefix + char);
      continue;
    }
    const options = splitOptions(glob.slice(at + 1, close));
    if (options.length < 2) {
      results = results.map((prefix) => prefix + glob.slice(at, close + 1));
    } else {
      const tails: string[] = [];
      for (const option of options) {
        const inner = expandBraces(option);
        if (!inner) return undefined;
        tails.push(...inner);
      }
      if (results.length * tails.length > MAX_ALTERNATIVES) return undefined;
      results = results.flatMap((prefix) => tails.map((tail) => prefix + tail));
    }
    at = close;
  }
  return results;
}

function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let at = open; at < glob.length; at++) {
    if (glob[at] === '\\') at++;
    else if (glob[at] === '{') depth++;
    else if (glob[at] === '}' && --depth === 0) return at;
  }
  return -1;
}

/** The comma-separated options of a brace's inside, commas of nested braces kept. */
function splitOptions(inside: string): string[] {
  const options: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < inside.length; at++) {
    if (inside[at] === '\\') at++;
    else if (inside[at] === '{') depth++;
    else if (inside[at] === '}') depth--;
    else if (inside[at] === ',' && depth === 0) {
      options.push(inside.slice(start, at));
      start = at + 1;
    }
  }
  options.push(inside.slice(start));
  return options;
}

function parseGlob(glob: string): Segment[] {
  const segments: Segment[] = [];
  let tokens: Token[] = [];
  let raw = '';
  const end = () => {
    segments.push(raw === '**' ? { globstar: true } : { globstar: false, tokens });
    tokens = [];
    raw = '';
  };
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at]!;
    if (char === '/') {
      end();
      continue;
    }
    raw += char;
    if (char === '\\' && at + 1 < glob.length) {
      tokens.push({ kind: 'char', char: glob[++at]! });
      raw += glob[at];
    } else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '*') {
      // Runs of stars in a segment are one star; `**` alone is a globstar.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '[') {
      const parsed = parseClass(glob, at);
      if (parsed) {
        tokens.push(parsed.token);
        raw += glob.slice(at + 1, parsed.end + 1);
        at = parsed.end;
      } else tokens.push({ kind: 'char', char });
    } else tokens.push({ kind: 'char', char });
  }
  end();
  return segments;
}

/** A `[…]` class from `open`: its members as single characters or `a-z` ranges, and where it ends. */
function parseClass(glob: string, open: number): { token: Token; end: number } | undefined {
  let at = open + 1;
  const negated = glob[at] === '!' || glob[at] === '^';
  if (negated) at++;
  const ranges: string[] = [];
  for (let first = true; at < glob.length && (first || glob[at] !== ']'); first = false) {
    let char = glob[at]!;
    if (char === '/') return undefined;
    if (char === '\\' && at + 1 < glob.length) char = glob[++at]!;
    if (glob[at + 1] === '-' && at + 2 < glob.length && glob[at + 2] !== ']') {
      ranges.push(`${char}${glob[at + 2]}`);
      at += 3;
    } else {
      ranges.push(`${char}${char}`);
      at++;
    }
  }
  return at < glob.length ? { token: { kind: 'class', negated, ranges }, end: at } : undefined;
}

/** Whether the glob's segments match the path's names: a table of which segment can reach which name. */
function matchSegments(segments: readonly Segment[], names: readonly string[]): boolean {
  let reach = new Array<boolean>(names.length + 1).fill(false);
  reach[0] = true;
  for (const segment of segments) {
    const next = new Array<boolean>(names.length + 1).fill(false);
    if (segment.globstar) {
      // Zero or more names: everything from the first name reached on.
      const first = reach.indexOf(true);
      if (first !== -1) next.fill(true, first);
    } else {
      for (let at = 0; at < names.length; at++) if (reach[at] && matchName(segment.tokens, names[at]!)) next[at + 1] = true;
    }
    reach = next;
    if (!reach.includes(true)) return false;
  }
  return reach[names.length]!;
}

/** Whether one name matches a segment's tokens: wildcard matching over a row of the usual table. */
function matchName(tokens: readonly Token[], name: string): boolean {
  let row = new Array<boolean>(name.length + 1).fill(false);
  row[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(name.length + 1).fill(false);
    if (token.kind === 'star') {
      const first = row.indexOf(true);
      if (first !== -1) next.fill(true, first);
    } else {
      for (let at = 0; at < name.length; at++) if (row[at] && matchesChar(token, name[at]!)) next[at + 1] = true;
    }
    row = next;
    if (!row.includes(true)) return false;
  }
  return row[name.length]!;
}

function matchesChar(token: Exclude<Token, { kind: 'star' }>, char: string): boolean {
  if (token.kind === 'char') return token.char === char;
  if (token.kind === 'any') return true;
  const inside = token.ranges.some((range) => range[0]! <= char && char <= range[1]!);
  return inside !== token.negated;
}
