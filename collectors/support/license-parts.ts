/** What tells a license file's part: a scope (`LICENSE.writing.txt` → `writing`), and the license it gives. */
interface LicenseText {
  scope?: string | undefined;
  pointer?: boolean | undefined;
  spdxId?: string | undefined;
}

/**
 * Texts for one part (`LICENSE.writing.txt`) under a license the code's own texts do not give: the
 * license fact joins them to the expression, and license-allowed does not judge the code by them.
 */
export function partTexts<T extends LicenseText>(files: readonly T[]): T[] {
  const code = new Set(files.flatMap((file) => (!file.scope && !file.pointer && file.spdxId ? [file.spdxId] : [])));
  return files.filter((file) => file.scope && file.spdxId && !code.has(file.spdxId));
}
