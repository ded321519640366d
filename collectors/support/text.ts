/**
 * Text hygiene for everything Cairn publishes. Repository text may hold control characters (a
 * title with ESC, BEL and NUL retitles or clears the terminal of whoever `cat`s `llms.txt`) and
 * bidirectional overrides (text that reads differently from what it is), and parsed YAML may hold
 * keys named `__proto__`, which Astro's data store refuses (and which are a prototype hazard in
 * any code that assigns them). Both are settled once, where data enters the snapshot.
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls, and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069). CR is handled apart: it ends lines on Windows.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_CR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What an unsafe character becomes by default: visible, so a reader sees that something was there. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * `text` with every unsafe character replaced by `replacement` (U+FFFD by default; the terminal
 * report uses `?`), and CR LF or a lone CR turned into LF (a lone CR would let a line overwrite
 * itself on a terminal). Tab and newline are kept. Text without any is returned as it is.
 */
export function cleanText(text: string, replacement: string = REPLACEMENT_CHARACTER): string {
  if (!UNSAFE_OR_CR.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, replacement);
}

/** A key that must not reach published data: JavaScript gives it meaning, and Astro's data store refuses it. */
export const FORBIDDEN_KEY = '__proto__';

/** Path of a value inside the data given to `plainData`: keys and array indexes. */
export type DataPath = ReadonlyArray<string | number>;

/** What `plainData` does besides cleaning. */
export interface PlainDataOptions {
  /** Told the path of each key named `__proto__` left out, to report it. */
  onDroppedKey?: (path: DataPath) => void;
  /** What an unsafe character of a string becomes (`cleanText`'s replacement); keys always get U+FFFD. */
  replacement?: string;
}

/**
 * JSON-like `value` as any output may receive it, made in one pass: every string and object key
 * cleaned with `cleanText`, and every own key named `__proto__` left out. When cleaning makes two
 * keys of one object equal, the first keeps its value. The input is never changed: an array or
 * object with something to clean is copied, and one with nothing (nearly all of a snapshot) is
 * returned as it is, so a large clean snapshot costs no copy. Values other than plain objects and
 * arrays (a Map, a Date) are kept as they are.
 */
export function plainData<T>(value: T, { onDroppedKey, replacement = REPLACEMENT_CHARACTER }: PlainDataOptions = {}): T {
  const path: Array<string | number> = [];
  /** `item` clean: the string cleaned, or the array or object walked; anything else as it is. */
  const clean = (item: unknown, key: string | number): unknown => {
    if (typeof item === 'string') return cleanText(item, replacement);
    if (typeof item !== 'object' || item === null) return item;
    path.push(key);
    const walked = walk(item);
    path.pop();
    return walked;
  };
  const walk = (item: object): unknown => {
    if (Array.isArray(item)) {
      let copy: unknown[] | undefined;
      for (let index = 0; index < item.length; index++) {
        const element: unknown = item[index];
        const cleaned = clean(element, index);
        if (copy) copy.push(cleaned);
        else if (cleaned !== element) copy = [...item.slice(0, index), cleaned];
      }
      return copy ?? item;
    }
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return item;
    const record = item as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    /** The entries before the `end`-th, all clean as they are. */
    const copyBefore = (end: number) => {
      const entries: Record<string, unknown> = {};
      let index = 0;
      for (const key in record) if (Object.hasOwn(record, key) && index++ < end) entries[key] = record[key];
      return entries;
    };
    // `for…in`, not `Object.keys`: no array per object. Own keys only, whatever the prototype holds.
    let index = -1;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      index++;
      if (key === FORBIDDEN_KEY) {
        onDroppedKey?.([...path, key]);
        copy ??= copyBefore(index);
        continue;
      }
      const cleanKey = cleanText(key);
      if (cleanKey !== key) copy ??= copyBefore(index);
      // A key that cleans to one already there is left out, with its value unread.
      if (copy && Object.hasOwn(copy, cleanKey)) continue;
      const element = record[key];
      const cleaned = clean(element, key);
      if (!copy && cleaned !== element) copy = copyBefore(index);
      // A cleaned key cannot be `__proto__` (U+FFFD stays in it), so plain assignment is safe.
      if (copy) copy[cleanKey] = cleaned;
    }
    return copy ?? item;
  };
  return (typeof value === 'object' && value !== null ? walk(value) : clean(value, '')) as T;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: alternatives named in a message. */
export function quotedAlternatives(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/**
 * `text` cut to `max` characters at most, an ellipsis the last when cut, never between the two
 * halves of a character outside the Basic Multilingual Plane (an emoji cut in half shows as �).
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max - 1;
  const high = text.charCodeAt(end - 1);
  return `${text.slice(0, high >= 0xd800 && high <= 0xdbff ? end - 1 : end)}…`;
}
