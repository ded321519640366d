import { describe, expect, it } from 'vitest';
import { cleanText, plainData, REPLACEMENT_CHARACTER as R, shortened, type DataPath } from '../../collectors/support/text.ts';

describe('shortened', () => {
  it.each([
    ['short enough', 'abc', 3, 'abc'],
    ['cut, the ellipsis counted', 'abcdef', 4, 'abc…'],
    ['an emoji ending at the cut stays whole', 'ab😀cd', 5, 'ab😀…'],
    ['an emoji across the cut is left out whole, not halved', 'abc😀d', 5, 'abc…'],
  ])('%s', (_name, text, max, expected) => {
    expect(shortened(text, max)).toBe(expected);
    expect(shortened(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('cleanText', () => {
  it.each([
    ['plain text is kept', 'Payments API', 'Payments API'],
    ['tab and newline are kept', 'a\tb\nc', 'a\tb\nc'],
    ['CR LF and a lone CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['NUL, BEL and ESC become U+FFFD', 'a\u0000b\u0007c\u001b[31md', `a${R}b${R}c${R}[31md`],
    ['an OSC retitle sequence is broken up', '\u001b]0;pwned\u0007', `${R}]0;pwned${R}`],
    ['vertical tab, form feed and unit separator', '\u000b\u000c\u001f', `${R}${R}${R}`],
    ['DEL', 'a\u007fb', `a${R}b`],
    ['C1 controls (CSI U+009B, NEL U+0085, U+0080, U+009F)', '\u009b2J\u0085\u0080\u009f', `${R}2J${R}${R}${R}`],
    ['bidi embeddings and overrides U+202A–U+202E', '\u202a\u202b\u202c\u202d\u202e', R.repeat(5)],
    ['bidi isolates U+2066–U+2069', 'x\u2066\u2067\u2068\u2069y', `x${R.repeat(4)}y`],
    [
      'neighbours of the ranges are kept (U+00A0, U+2029, U+202F, U+2065, U+206A)',
      '\u00a0\u2029\u202f\u2065\u206a',
      '\u00a0\u2029\u202f\u2065\u206a',
    ],
    ['letters, emoji and right-to-left script are kept', 'Zürich 🚀 שלום', 'Zürich 🚀 שלום'],
    ['the empty string', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('takes another replacement, for the terminal', () => {
    expect(cleanText('a\u001b[2Jb\u202ec', '?')).toBe('a?[2Jb?c');
  });
});

describe('plainData', () => {
  const run = (value: unknown) => {
    const dropped: DataPath[] = [];
    const result = plainData(value, { onDroppedKey: (path) => dropped.push(path) });
    return { result, dropped };
  };

  it.each([
    ['a string', 'a\u0007', 'a\uFFFD', []],
    ['numbers, booleans and null as they are', [1, true, null], [1, true, null], []],
    ['strings in arrays and nested objects', { a: ['x\u001b'], b: { c: '\u202e' } }, { a: ['x\uFFFD'], b: { c: '\uFFFD' } }, []],
    ['keys are cleaned', { 'a\u0000': 1 }, { 'a\uFFFD': 1 }, []],
    ['a key that cleans to one already there keeps the first value', { 'a\u0000': 1, 'a\u0001': 2 }, { 'a\uFFFD': 1 }, []],
    [
      'constructor and prototype keys are ordinary keys',
      { constructor: 'c', prototype: { constructor: 1 } },
      { constructor: 'c', prototype: { constructor: 1 } },
      [],
    ],
  ])('%s', (_name, input, expected, dropped) => {
    expect(run(input)).toEqual({ result: expected, dropped });
  });

  it('leaves out own __proto__ keys at every level and reports each path', () => {
    const input = JSON.parse(
      '{"__proto__":{"x":1},"metadata":{"name":"a","__proto__":"q"},"spec":[{"__proto__":{"__proto__":1}}]}',
    ) as unknown;
    const { result, dropped } = run(input);
    expect(JSON.stringify(result)).toBe('{"metadata":{"name":"a"},"spec":[{}]}');
    expect(dropped).toEqual([['__proto__'], ['metadata', '__proto__'], ['spec', 0, '__proto__']]);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('copies: the input is not changed', () => {
    const input = { title: 'a\u0007', list: ['b\u0007'] };
    plainData(input);
    expect(input).toEqual({ title: 'a\u0007', list: ['b\u0007'] });
  });

  it('copies only what has something to clean: the rest is returned as it is', () => {
    const clean = { name: 'a', tags: ['b'] };
    const input = { clean, dirty: { note: 'c\u0007', list: [1, 'd'] }, last: [clean] };
    const result = plainData(input);
    expect(result).toEqual({ clean, dirty: { note: 'c\uFFFD', list: [1, 'd'] }, last: [clean] });
    expect(result).not.toBe(input);
    expect(result.clean).toBe(clean);
    expect(result.last).toBe(input.last);
    expect(result.dirty.list).toBe(input.dirty.list);
    expect(plainData(clean)).toBe(clean);
  });

  it('leaves out a key that cleans to one already there without reading its value', () => {
    const input = JSON.parse('{"a\\uFFFD":1,"a\\u0000":{"__proto__":{"x":1}}}') as unknown;
    expect(run(input)).toEqual({ result: { 'a\uFFFD': 1 }, dropped: [] });
  });

  it('copies own keys only, whatever Object.prototype holds', () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: 'yes', enumerable: true, configurable: true, writable: true });
    try {
      const result = plainData({ a: 'x\u0007' }) as Record<string, unknown>;
      expect(Object.hasOwn(result, 'polluted')).toBe(false);
      expect(Object.keys(result)).toEqual(['a']);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it('keeps values that are not plain data (a Map, a Date) as they are', () => {
    const map = new Map([['k', 'v\u0007']]);
    const date = new Date(0);
    expect(plainData({ map, date })).toEqual({ map, date });
  });

  it('takes another replacement for strings', () => {
    expect(plainData({ a: 'x\u001by' }, { replacement: '?' })).toEqual({ a: 'x?y' });
  });
});
