import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonDirOf, gitDirOf } from './head-ref.ts';

/** An index larger than this is left to git: no repository's is anywhere near it. */
const MAX_INDEX_BYTES = 512 * 1024 * 1024;

/**
 * What `git -c core.quotePath=true ls-files --stage` prints for the work tree at `dir`, read from
 * git's index file (versions 2 to 4) without starting git: one line per entry, in the index's
 * order, `<mode> <object> <stage>\t<path>`, the path quoted as git quotes it. `undefined` means
 * "ask git": a split or sparse index, an index this reader does not recognise, or no index at all.
 */
export function readIndexListing(dir: string): string | undefined {
  const gitDir = gitDirOf(dir);
  const commonDir = gitDir && commonDirOf(gitDir);
  if (!gitDir || !commonDir) return undefined;
  const hashBytes = objectHashBytes(commonDir);
  const index = readRegularFile(join(gitDir, 'index'), MAX_INDEX_BYTES);
  if (!hashBytes || !index) return undefined;
  try {
    return parseIndex(index, hashBytes);
  } catch {
    return undefined;
  }
}

/** Bytes of an object name: 20 (SHA-1), or 32 in a SHA-256 repository; undefined when the config cannot be read. */
function objectHashBytes(commonDir: string): number | undefined {
  const config = readRegularFile(join(commonDir, 'config'), 1024 * 1024)?.toString('utf8');
  if (config === undefined) return undefined;
  return /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
}

/** Entry modes: a directory entry only exists in a sparse index. */
const DIRECTORY_TYPE = 0o040000;
const TYPE_MASK = 0o170000;
/** The entry flags: its stage, whether extended flags follow (version 3 on), and its name's length. */
const STAGE_MASK = 0x3000;
const EXTENDED_FLAG = 0x4000;
const NAME_MASK = 0x0fff;
/** Stat data (ctime, mtime, dev, ino, mode, uid, gid, size), before the object name. */
const STAT_BYTES = 40;

/**
 * The listing of an index file's bytes (git's Documentation/gitformat-index.txt). Throws or
 * returns undefined on anything unexpected, which sends the caller to git.
 */
export function parseIndex(index: Buffer, hashBytes: number): string | undefined {
  if (index.length < 12 || index.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = index.readUInt32BE(8);
  const end = index.length - hashBytes;
  const lines: string[] = [];
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let entry = 0; entry < count; entry++) {
    const start = offset;
    const mode = index.readUInt32BE(start + 24);
    const object = index.toString('hex', start + STAT_BYTES, start + STAT_BYTES + hashBytes);
    const flags = index.readUInt16BE(start + STAT_BYTES + hashBytes);
    offset = start + STAT_BYTES + hashBytes + 2;
    if (flags & EXTENDED_FLAG) {
      if (version < 3) return undefined;
      offset += 2;
    }
    let name: Buffer;
    if (version === 4) {
      // The name is the previous one less its last N bytes, plus what follows up to a NUL.
      let byte = index[offset++]!;
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = index[offset++]!;
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      if (strip > previous.length) return undefined;
      const nul = index.indexOf(0, offset);
      if (nul === -1 || nul >= end) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), index.subarray(offset, nul)]);
      offset = nul + 1;
    } else {
      const nul = index.indexOf(0, offset);
      if (nul === -1 || nul >= end) return undefined;
      name = index.subarray(offset, nul);
      // Entries are padded with 1 to 8 NULs to a multiple of eight bytes.
      offset = start + ((nul - start + 8) & ~7);
    }
    if ((flags & NAME_MASK) !== Math.min(name.length, NAME_MASK) || offset > end) return undefined;
    if ((mode & TYPE_MASK) === DIRECTORY_TYPE) return undefined;
    lines.push(`${mode.toString(8).padStart(6, '0')} ${object} ${(flags & STAGE_MASK) >> 12}\t${quotePath(name)}\n`);
    previous = name;
  }
  // Extensions: a split index ('link') keeps entries in another file, which only git merges in.
  while (offset + 8 <= end) {
    if (index.toString('latin1', offset, offset + 4) === 'link') return undefined;
    offset += 8 + index.readUInt32BE(offset + 4);
  }
  return offset === end ? lines.join('') : undefined;
}

/** Escapes of the bytes git writes as a letter; the other control bytes become octal. */
const LETTER_ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' };

/**
 * A path as git prints it with `core.quotePath`: as it is when every byte is printable ASCII, else
 * in double quotes with C escapes, every byte from 0x80 up in octal.
 */
export function quotePath(name: Uint8Array): string {
  if (name.every((byte) => byte >= 0x20 && byte < 0x7f && byte !== 34 && byte !== 92)) return Buffer.from(name).toString('latin1');
  let quoted = '"';
  for (const byte of name) {
    const letter = LETTER_ESCAPES[byte];
    if (letter !== undefined) quoted += `\\${letter}`;
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += String.fromCharCode(byte);
  }
  return `${quoted}"`;
}

/** A regular file's bytes when it is one (never a symlink) and at most `maxBytes`; undefined otherwise. */
function readRegularFile(path: string, maxBytes: number): Buffer | undefined {
  try {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > maxBytes) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
