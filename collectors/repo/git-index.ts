import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { commonDirOf, gitDirOf, lstatOf, readRegularFile } from './head-ref.ts';

/** An index larger than this is left to git: one of 400,000 files is some 40 MB. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/**
 * What `git -c core.quotePath=true ls-files --stage` prints for the work tree at `dir`, read from
 * git's index file (versions 2 to 4) without starting git: one line per entry, in the index's
 * order, `<mode> <object> <stage>\t<path>`, the path quoted as git quotes it. `undefined` means
 * "ask git": a split or sparse index, an index this reader does not recognise, or no index at all.
 */
export function readIndexListing(dir: string): string | undefined {
  try {
    const gitDir = gitDirOf(dir);
    const commonDir = gitDir && commonDirOf(gitDir);
    // A folder git would take for a repository has a HEAD and an object store; in any other, git looks further up.
    if (!gitDir || !commonDir || !lstatOf(join(gitDir, 'HEAD'))?.isFile() || !lstatOf(join(commonDir, 'objects'))?.isDirectory())
      return undefined;
    const hashBytes = objectHashBytes(commonDir);
    const index = readRegularFile(join(gitDir, 'index'), MAX_INDEX_BYTES);
    return hashBytes && index ? parseIndex(index, hashBytes) : undefined;
  } catch {
    return undefined;
  }
}

/** Repository extensions that change nothing in how the index is read. */
const KNOWN_EXTENSIONS = new Set(['objectformat', 'worktreeconfig', 'preciousobjects', 'partialclone', 'noop']);

/**
 * Bytes of an object name: 20 (SHA-1), or 32 in a SHA-256 repository. Undefined, for git to
 * judge, when the config cannot be read, names a repository format above 1, or an extension this
 * reader does not know.
 */
function objectHashBytes(commonDir: string): number | undefined {
  const config = readRegularFile(join(commonDir, 'config'), 1024 * 1024)?.toString('utf8');
  if (config === undefined) return undefined;
  let section = '';
  let hashBytes = 20;
  for (const line of config.split('\n')) {
    const header = /^\s*\[([^\]]*)\]/.exec(line);
    if (header) section = header[1]!.trim().toLowerCase();
    const setting = /^\s*(?:\[[^\]]*\])?\s*([A-Za-z][\w-]*)\s*(?:=\s*(.*?))?\s*$/.exec(line);
    if (!setting) continue;
    const [, key, value = ''] = setting;
    const name = key!.toLowerCase();
    if (section === 'core' && name === 'repositoryformatversion' && !/^[01]$/.test(value)) return undefined;
    if (section === 'extensions') {
      if (!KNOWN_EXTENSIONS.has(name)) return undefined;
      if (name === 'objectformat') {
        if (!/^(sha1|sha256)$/i.test(value)) return undefined;
        hashBytes = /^sha256$/i.test(value) ? 32 : 20;
      }
    }
  }
  return hashBytes;
}

/** Entry modes: a directory entry only exists in a sparse index. */
const DIRECTORY_TYPE = 0o040000;
const TYPE_MASK = 0o170000;
/** The entry flags: its stage, whether extended flags follow (version 3 on), and its name's length. */
const STAGE_MASK = 0x3000;
const EXTENDED_FLAG = 0x4000;
const NAME_MASK = 0x0fff;
/** Extended flags (version 3 on): skip-worktree and intent-to-add. */
const KNOWN_EXTENDED_FLAGS = 0x6000;
/** Bytes of names a version 4 index may spell per byte of its own: far above any real one's. */
const MAX_NAME_BYTES_PER_INDEX_BYTE = 16;
/** Stat data (ctime, mtime, dev, ino, mode, uid, gid, size), before the object name. */
const STAT_BYTES = 40;

/**
 * The listing of an index file's bytes (git's Documentation/gitformat-index.txt). Throws or
 * returns undefined on anything unexpected, which sends the caller to git.
 */
export function parseIndex(index: Buffer, hashBytes: number): string | undefined {
  if (index.length < 12 + hashBytes || index.toString('latin1', 0, 4) !== 'DIRC' || !checksumHolds(index, hashBytes)) return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = index.readUInt32BE(8);
  const end = index.length - hashBytes;
  const lines: string[] = [];
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  let nameBytes = 0;
  for (let entry = 0; entry < count; entry++) {
    const start = offset;
    const mode = index.readUInt32BE(start + 24);
    const object = index.toString('hex', start + STAT_BYTES, start + STAT_BYTES + hashBytes);
    const flags = index.readUInt16BE(start + STAT_BYTES + hashBytes);
    offset = start + STAT_BYTES + hashBytes + 2;
    if (flags & EXTENDED_FLAG) {
      // Skip-worktree and intent-to-add are the only extended flags git knows; it refuses others.
      if (version < 3 || index.readUInt16BE(offset) & ~KNOWN_EXTENDED_FLAGS) return undefined;
      offset += 2;
    }
    let name: Buffer;
    if (version === 4) {
      // The name is the previous one less its last N bytes, plus what follows up to a NUL.
      let byte = index[offset++]!;
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = index[offset++]!;
        strip = (strip + 1) * 128 + (byte & 0x7f);
        if (strip > previous.length) return undefined;
      }
      if (strip > previous.length) return undefined;
      const nul = index.indexOf(0, offset);
      if (nul === -1 || nul >= end) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), index.subarray(offset, nul)]);
      offset = nul + 1;
      // Prefix compression lets a crafted index spell names far longer than itself.
      if ((nameBytes += name.length) > MAX_NAME_BYTES_PER_INDEX_BYTE * index.length) return undefined;
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
  // Extensions: a split index ('link') keeps entries in another file, which only git merges in;
  // one whose name does not start with a capital letter is one git must understand, or refuse.
  while (offset + 8 <= end) {
    const signature = index.toString('latin1', offset, offset + 4);
    if (signature === 'link' || !/^[A-Z]/.test(signature)) return undefined;
    offset += 8 + index.readUInt32BE(offset + 4);
  }
  return offset === end ? lines.join('') : undefined;
}

/**
 * Whether the index ends with the hash of what comes before it (or with zeros, written with
 * `index.skipHash`). Git reads an index without checking; this reader leaves one that fails the
 * check to git, so a damaged index is listed as git lists it.
 */
function checksumHolds(index: Buffer, hashBytes: number): boolean {
  const stored = index.subarray(index.length - hashBytes);
  if (stored.every((byte) => byte === 0)) return true;
  const computed = createHash(hashBytes === 32 ? 'sha256' : 'sha1')
    .update(index.subarray(0, index.length - hashBytes))
    .digest();
  return computed.equals(stored);
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
