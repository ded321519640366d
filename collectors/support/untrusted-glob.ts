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

/** The longest glob read as one; git's own attribute lines stop at 2,048 characters. */
const MAX_GLOB_LENGTH = 2048;

/** Alternatives `{a,b}` expands a glob into, at most; past it, the glob matches only itself. */
const MAX_ALTERNATIVES = 256;

/** A matcher for any of `globs`; a path equal to a glob matches it, as with `globMatcher`. */
export function untrustedGlobMatcher(globs: readonly string[]): (path: string) => boolean {
  const literal = new Set(globs);
  // Reading a glob rescans its rest at each unclosed `[` or `{`, and nested `{` recurse: a glob
  // longer than any path a repository has matches only itself.
  const patterns = globs
    .filter((glob) => glob.length <= MAX_GLOB_LENGTH)
    .flatMap((glob) => expandBraces(glob.replace(/^(\.\/)+/, '')) ?? [])
    .map(parseGlob);
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

/** A glob's segments: `**` alone is a globstar; a class never spans a `/`, so the glob splits first. */
function parseGlob(glob: string): Segment[] {
  return glob.split('/').map((segment) => (segment === '**' ? { globstar: true } : { globstar: false, tokens: tokensOf(segment) }));
}

function tokensOf(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < segment.length; at++) {
    const char = segment[at]!;
    if (char === '\\' && at + 1 < segment.length) tokens.push({ kind: 'char', char: segment[++at]! });
    else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '*') {
      // A run of stars is one star.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '[') {
      const parsed = parseClass(segment, at);
      if (parsed) {
        tokens.push(parsed.token);
        at = parsed.end;
      } else tokens.push({ kind: 'char', char });
    } else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** A `[…]` class from `open`: its members as single characters or `a-z` ranges, and where it ends. */
function parseClass(segment: string, open: number): { token: Token; end: number } | undefined {
  let at = open + 1;
  const negated = segment[at] === '!' || segment[at] === '^';
  if (negated) at++;
  const ranges: string[] = [];
  for (let first = true; at < segment.length && (first || segment[at] !== ']'); first = false) {
    let char = segment[at]!;
    if (char === '\\' && at + 1 < segment.length) char = segment[++at]!;
    if (segment[at + 1] === '-' && at + 2 < segment.length && segment[at + 2] !== ']') {
      ranges.push(`${char}${segment[at + 2]}`);
      at += 3;
    } else {
      ranges.push(`${char}${char}`);
      at++;
    }
  }
  return at < segment.length ? { token: { kind: 'class', negated, ranges }, end: at } : undefined;
}

/** Whether the glob's segments match the path's names, `**` standing for any number of them. */
function matchSegments(segments: readonly Segment[], names: readonly string[]): boolean {
  return matchSequence(
    segments,
    names,
    (segment) => segment.globstar,
    (segment, name) => !segment.globstar && matchSequence(segment.tokens, name, (token) => token.kind === 'star', matchesChar),
  );
}

/**
 * Whether `pattern` matches all of `items`, where a wildcard stands for any run of them: the usual
 * table, one row per pattern element (names for segments, characters for a segment's tokens), so
 * the time is the pattern's length times the items', whatever they hold.
 */
function matchSequence<P, I>(
  pattern: readonly P[],
  items: ArrayLike<I>,
  isWildcard: (element: P) => boolean,
  matchesOne: (element: P, item: I) => boolean,
): boolean {
  let reached = new Array<boolean>(items.length + 1).fill(false);
  reached[0] = true;
  for (const element of pattern) {
    const next = new Array<boolean>(items.length + 1).fill(false);
    if (isWildcard(element)) {
      // Any run: everything from the first position reached on.
      const first = reached.indexOf(true);
      if (first !== -1) next.fill(true, first);
    } else {
      for (let at = 0; at < items.length; at++) if (reached[at] && matchesOne(element, items[at]!)) next[at + 1] = true;
    }
    reached = next;
    if (!reached.includes(true)) return false;
  }
  return reached[items.length]!;
}

function matchesChar(token: Token, char: string): boolean {
  if (token.kind === 'char') return token.char === char;
  if (token.kind === 'any' || token.kind === 'star') return true;
  const inside = token.ranges.some((range) => range[0]! <= char && char <= range[1]!);
  return inside !== token.negated;
}
