import { describe, expect, it } from 'vitest';
import { describeRefusal } from '../../../collectors/repo/reader.ts';
import { decodeText, unquoteGitPath } from '../../../collectors/repo/text.ts';

const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const bytes = (...parts: Array<number[] | Uint8Array | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : [...part])));

const DESCRIPTOR = 'kind: Component\nmetadata:\n  name: café\n';

describe('decodeText', () => {
  it.each([
    ['UTF-8', bytes(DESCRIPTOR), { text: DESCRIPTOR, encoding: 'utf-8' }],
    ['UTF-8 with a byte order mark', bytes([0xef, 0xbb, 0xbf], DESCRIPTOR), { text: DESCRIPTOR, encoding: 'utf-8' }],
    ['UTF-16 LE with a byte order mark', bytes([0xff, 0xfe], utf16le(DESCRIPTOR)), { text: DESCRIPTOR, encoding: 'utf-16le' }],
    ['UTF-16 BE with a byte order mark', bytes([0xfe, 0xff], utf16be(DESCRIPTOR)), { text: DESCRIPTOR, encoding: 'utf-16be' }],
    ['UTF-16 LE without a byte order mark', utf16le(DESCRIPTOR), { text: DESCRIPTOR, encoding: 'utf-16le' }],
    ['UTF-16 BE without a byte order mark', utf16be(DESCRIPTOR), { text: DESCRIPTOR, encoding: 'utf-16be' }],
    ['Latin-1', new Uint8Array(Buffer.from(DESCRIPTOR, 'latin1')), { text: DESCRIPTOR, encoding: 'windows-1252' }],
    [
      'Windows-1252 punctuation',
      bytes('say ', [0x93], 'hi', [0x94], ' for ', [0x80], '5\n'),
      { text: 'say \u201chi\u201d for \u20ac5\n', encoding: 'windows-1252' },
    ],
    ['UTF-8 with one stray byte', bytes('naïve café résumé ', [0xff], '\n'), { text: 'naïve café résumé \ufffd\n', encoding: 'utf-8' }],
    ['an empty file', new Uint8Array(0), { text: '', encoding: 'utf-8' }],
    [
      'a PNG header',
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
      { binary: true },
    ],
    ['NUL bytes that are not UTF-16', bytes('abc', [0, 0, 0, 0], 'def', [0, 1, 2, 3, 0, 0]), { binary: true }],
    ['UTF-16 that decodes to control characters', utf16le('\u0001\u0002\u0003\u0004data'), { binary: true }],
    ['UTF-32 LE', bytes([0xff, 0xfe, 0, 0, 0x6b, 0, 0, 0]), { encodedAs: 'UTF-32LE' }],
    ['UTF-32 BE', bytes([0, 0, 0xfe, 0xff, 0, 0, 0, 0x6b]), { encodedAs: 'UTF-32BE' }],
  ])('%s', (_, input, expected) => {
    expect(decodeText(input)).toEqual(expected);
  });

  it('drops a character cut by a truncated read instead of replacing it', () => {
    const start = bytes('ab', [0xc3]); // the first byte of "é"
    expect(decodeText(start, false)).toEqual({ text: 'ab', encoding: 'utf-8' });
    expect(decodeText(bytes('ab é'.repeat(10), [0xe2, 0x82]), false)).toEqual({ text: 'ab é'.repeat(10), encoding: 'utf-8' });
  });
});

describe('unquoteGitPath', () => {
  it.each([
    ['plain/path.txt', 'plain/path.txt'],
    ['"caf\\303\\251.txt"', 'café.txt'],
    ['"line\\nbreak \\"quoted\\" back\\\\slash\\ttab"', 'line\nbreak "quoted" back\\slash\ttab'],
  ])('%s', (quoted, path) => {
    expect(new TextDecoder().decode(unquoteGitPath(quoted))).toBe(path);
  });

  it('keeps bytes that are not UTF-8', () => {
    expect([...unquoteGitPath('"caf\\351"')]).toEqual([0x63, 0x61, 0x66, 0xe9]);
  });
});

describe('describeRefusal', () => {
  it.each([
    [{ reason: 'too-large', size: 10_485_760, maxBytes: 1_048_576 } as const, 'README.md is 10485760 bytes, over the cap of 1 MiB.'],
    [{ reason: 'too-large', size: 9000, maxBytes: 1000 } as const, 'README.md is 9000 bytes, over the cap of 1000 bytes.'],
    [{ reason: 'binary' } as const, 'README.md is binary; expected text.'],
    [
      { reason: 'symlink-outside' } as const,
      'README.md is a symlink leaving the repository (or to a file git does not track); Cairn does not follow it.',
    ],
    [
      { reason: 'encoding', encoding: 'UTF-32LE' } as const,
      'README.md is encoded as UTF-32LE, which Cairn does not decode; save it as UTF-8.',
    ],
    [{ reason: 'unreadable', detail: 'a symlink to nothing' } as const, 'README.md could not be read (a symlink to nothing).'],
  ])('%j', (refusal, message) => {
    expect(describeRefusal('README.md', refusal)).toBe(message);
  });
});
