import type { RepoReader } from '../../repo/reader.ts';
import { isLfsPointer } from '../../repo/lfs.ts';
import { resolveRepoPath, servedAt } from '../../support/repo-paths.ts';
import type { FactContext } from '../retriever.ts';
import { DOC_LIMITS, type DocImage } from './schema.ts';

export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/**
 * Anything in Markdown that looks like a path to an image file; only those that are tracked are kept.
 * A match starts where a run of path characters starts (the lookbehind): tried from every position
 * of a long run (a base64 image), the expression took time quadratic in its length.
 */
const IMAGE_REFERENCE = /(?<![^\s"'()<>[\]])[^\s"'()<>[\]]+\.(?:png|jpe?g|gif|webp|svg)\b/gi;

/** Tracked image files the texts mention by a path relative to themselves or to the repository root. */
export async function readImages(
  repo: RepoReader,
  texts: readonly { path: string; text: string }[],
  context: FactContext,
): Promise<DocImage[]> {
  const wanted = new Set<string>();
  for (const { path, text } of texts) {
    for (const match of text.matchAll(IMAGE_REFERENCE)) {
      const reference = decodePath(match[0]);
      if (reference === undefined || /^[a-z][a-z\d+.-]*:/i.test(reference) || reference.startsWith('//')) continue;
      // As Markdown writes it, relative to the file; or as mkdocs leaves raw HTML, relative to the page's URL.
      const resolved = [resolveRepoPath(path, reference), resolveRepoPath(servedAt(path), reference)].find(
        (candidate) => candidate !== undefined && repo.has(candidate),
      );
      if (resolved !== undefined) wanted.add(resolved);
    }
  }
  const images: DocImage[] = [];
  let total = 0;
  for (const path of [...wanted].sort()) {
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const mediaType = IMAGE_TYPES[extension];
    const size = await repo.size(path);
    if (!mediaType || size === undefined || size > DOC_LIMITS.imageBytes) continue;
    if (total + size > DOC_LIMITS.imagesTotalBytes) {
      context.problem({
        severity: 'warning',
        file: path,
        message: `Docs images are limited to ${DOC_LIMITS.imagesTotalBytes / 1024 / 1024} MB per repository; ${path} and the images after it are not published.`,
      });
      break;
    }
    const bytes = await repo.readBytes(path, { maxBytes: DOC_LIMITS.imageBytes });
    if (!bytes) continue;
    if (isLfsPointer(bytes)) {
      context.problem({
        severity: 'warning',
        file: path,
        message: `${path} is stored in Git LFS: the repository holds only a pointer to it, and Cairn does not fetch LFS objects, so the image is not published.`,
      });
      continue;
    }
    if (!looksLike(mediaType, bytes)) {
      // Published files are served by type: HTML named .png must never reach the site.
      context.problem({
        severity: 'warning',
        file: path,
        message: `${path} does not hold the image its name says (${mediaType}); it is not published.`,
      });
      continue;
    }
    total += size;
    images.push({ path, mediaType, base64: Buffer.from(bytes).toString('base64') });
  }
  return images;
}

function decodePath(reference: string): string | undefined {
  try {
    return decodeURIComponent(reference.split(/[?#]/)[0]!).replaceAll('\\', '/');
  } catch {
    return undefined;
  }
}

/** The first bytes each published image type starts with. */
const SIGNATURES: Readonly<Record<string, (bytes: Uint8Array) => boolean>> = {
  'image/png': (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  'image/gif': (bytes) => startsWith(bytes, [0x47, 0x49, 0x46, 0x38]),
  'image/webp': (bytes) => startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

/** SVG is only ever shown through a data: URL in <img>, where it cannot run; other types must match their signature. */
function looksLike(mediaType: string, bytes: Uint8Array): boolean {
  const signature = SIGNATURES[mediaType];
  return signature ? signature(bytes) : mediaType === 'image/svg+xml';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
