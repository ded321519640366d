import { isBinaryFileSync } from 'isbinaryfile';

/** Encodings the repo reader decodes; anything else is refused with the encoding it looks like. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text, or why the bytes are not text Cairn reads. */
export type DecodedText = { text: string; encoding: TextEncoding } | { binary: true } | { encodedAs: string };

/** Bytes sampled to tell UTF-16 without a byte order mark from binary. */
const SNIFF_BYTES = 4096;

/**
 * Decodes a file's bytes the way an editor would guess them: a byte order mark decides (UTF-8,
 * UTF-16 LE/BE; UTF-32 is refused, named), then BOM-less UTF-16 is recognised by its NUL bytes
 * interleaved with ASCII, then binary content is refused, then UTF-8; text that is not UTF-8 is
 * Windows-1252 (Latin-1's superset) unless it is mostly UTF-8 with a few stray bytes, which are
 * replaced. `complete: false` means the bytes are a file's first part: an incomplete trailing
 * character is dropped instead of replaced.
 */
export function decodeText(bytes: Uint8Array, complete = true): DecodedText {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encodedAs: 'UTF-32LE' };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encodedAs: 'UTF-32BE' };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs('utf-8', bytes.subarray(3), complete);
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16('utf-16le', bytes.subarray(2), complete);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16('utf-16be', bytes.subarray(2), complete);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(utf16, bytes, complete);
  // The latin1 hint keeps short legacy-encoded text from being mistaken for binary; NUL and control bytes still mark binary.
  if (bytes.length > 0 && isBinaryFileSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { encoding: 'latin1' }))
    return { binary: true };
  const { valid, invalid } = utf8Sequences(bytes, complete);
  if (invalid === 0 || valid > invalid) return decodeAs('utf-8', bytes, complete);
  return decodeAs('windows-1252', bytes, complete);
}

function decodeAs(encoding: TextEncoding, bytes: Uint8Array, complete: boolean): { text: string; encoding: TextEncoding } {
  // `stream: true` holds back an incomplete last character of a truncated read instead of replacing it.
  return { text: new TextDecoder(encoding, { fatal: false }).decode(bytes, { stream: !complete }), encoding };
}

/** UTF-16 text is refused as binary when it decodes to control characters (other than layout ones). */
function decodeUtf16(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array, complete: boolean): DecodedText {
  const decoded = decodeAs(encoding, bytes, complete);
  const controls = decoded.text.slice(0, SNIFF_BYTES).match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > 0 ? { binary: true } : decoded;
}

/**
 * UTF-16 without a byte order mark: most 2-byte units of the sample have a NUL on one side and a
 * non-NUL on the other (ASCII in UTF-16), on the same side throughout.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  const units = sample.length / 2;
  if (units < 1) return undefined;
  let nulHigh = 0;
  let nulLow = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] !== 0 && sample[index + 1] === 0) nulHigh++;
    else if (sample[index] === 0 && sample[index + 1] !== 0) nulLow++;
  }
  if (nulHigh >= units * 0.9) return 'utf-16le';
  if (nulLow >= units * 0.9) return 'utf-16be';
  return undefined;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that are not part of one. */
function utf8Sequences(bytes: Uint8Array, complete: boolean): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    // A truncated read may end inside a character: that is not an error.
    if (length > 0 && !complete && index + length > bytes.length) break;
    let ok = length > 0 && index + length <= bytes.length;
    for (let next = 1; ok && next < length; next++) ok = (bytes[index + next]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      index += length;
    } else {
      invalid++;
      index++;
    }
  }
  return { valid, invalid };
}

/**
 * A path as git quotes it (`core.quotePath`): `"a\303\251"` → its bytes. Unquoted paths are
 * returned as their UTF-8 bytes.
 */
export function unquoteGitPath(quoted: string): Uint8Array {
  if (!quoted.startsWith('"') || !quoted.endsWith('"') || quoted.length < 2) return new TextEncoder().encode(quoted);
  const body = quoted.slice(1, -1);
  const out: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      out.push(...new TextEncoder().encode(char));
      continue;
    }
    const octal = /^[0-3][0-7]{2}/.exec(body.slice(index + 1, index + 4));
    if (octal) {
      out.push(Number.parseInt(octal[0], 8));
      index += 3;
    } else {
      const escaped = body[index + 1] ?? '';
      out.push(simple[escaped] ?? escaped.charCodeAt(0));
      index++;
    }
  }
  return new Uint8Array(out);
}
