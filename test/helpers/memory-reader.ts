import picomatch from 'picomatch';
import type { FactContext, FactSettings } from '../../collectors/facts/retriever.ts';
import type { Problem } from '../../collectors/contract/problems.ts';
import type { RepoHistory, RepoReader } from '../../collectors/repo/reader.ts';

const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * An in-memory RepoReader over a file tree, for unit tests of fact retrievers without git or disk.
 * A `Uint8Array` value is a binary file (reads return `undefined`, as the real reader does).
 */
export function memoryReader(
  files: Record<string, string | Uint8Array>,
  options: { name?: string; history?: RepoHistory } = {},
): RepoReader {
  const paths = Object.keys(files).sort();
  const tracked = new Set(paths);
  const bytes = (path: string) => {
    const content = files[path];
    return content === undefined ? undefined : typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  };
  return {
    name: options.name ?? 'memory',
    files: () => paths,
    has: (path) => tracked.has(path),
    glob(pattern) {
      const matches = picomatch(pattern as string | string[], { dot: true });
      return paths.filter((path) => matches(path));
    },
    async readText(path, readOptions) {
      const read = await this.read(path, readOptions);
      return read.ok ? read.text : undefined;
    },
    async read(path, readOptions) {
      const content = files[path];
      if (content === undefined) return { ok: false, reason: 'not-tracked' };
      if (typeof content !== 'string') return { ok: false, reason: 'binary' };
      const size = bytes(path) ?? 0;
      const maxBytes = readOptions?.maxBytes ?? DEFAULT_MAX_BYTES;
      if (size <= maxBytes) return { ok: true, text: content, encoding: 'utf-8', size, truncated: false };
      if (!readOptions?.truncate) return { ok: false, reason: 'too-large', size, maxBytes };
      const start = new TextDecoder().decode(new TextEncoder().encode(content).subarray(0, maxBytes), { stream: true });
      return { ok: true, text: start, encoding: 'utf-8', size, truncated: true };
    },
    async inspect(path) {
      const size = bytes(path);
      return size === undefined ? { ok: false, reason: 'not-tracked' } : { ok: true, size };
    },
    unlisted: () => [],
    leftOut: () => 0,
    symlinks: () => [],
    async readBytes(path, readOptions) {
      const content = files[path];
      if (content === undefined || (bytes(path) ?? 0) > (readOptions?.maxBytes ?? DEFAULT_MAX_BYTES)) return undefined;
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    async size(path) {
      return bytes(path);
    },
    async history() {
      return options.history ?? { recent: [], since: '1970-01-01T00:00:00.000Z', tags: [] };
    },
  };
}

/** A FactContext over `files` that records the problems a retriever reports. */
export function memoryContext(
  files: Record<string, string | Uint8Array>,
  name = 'memory',
  settings: FactSettings = { contentGlobs: [] },
): FactContext & { problems: Problem[] } {
  const problems: Problem[] = [];
  return { repo: memoryReader(files, { name }), settings, problems, problem: (problem) => problems.push({ ...problem, repo: name }) };
}
