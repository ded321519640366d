/**
 * Git LFS pointer files: what a repository holds in place of a file stored in LFS, when LFS has not
 * fetched it (Cairn never runs LFS). A pointer is under 1,024 bytes, opens with the spec's version
 * line and names the object by its SHA-256 and size (git-lfs/docs/spec.md).
 */
const VERSION = /^version https:\/\/(?:git-lfs|hawser)\.github\.com\/spec\/v1\n/;
const OID = /\noid sha256:[0-9a-f]{64}\n/;
const SIZE = /\nsize \d+\n/;

/** Whether `bytes` are a Git LFS pointer rather than the file it stands for. */
export function isLfsPointer(bytes: Uint8Array): boolean {
  // `v`: most files are ruled out by their first byte, without decoding them.
  if (bytes.length >= 1024 || bytes[0] !== 0x76) return false;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return VERSION.test(text) && OID.test(text) && SIZE.test(text);
}
