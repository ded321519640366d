import { describe, expect, it } from 'vitest';
import { contentFiles, MAX_CONTENT_FILE_BYTES, MAX_CONTENT_FILES } from '../../../collectors/facts/content-files.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('contentFiles', () => {
  it('reads only the files matching the content globs', async () => {
    const context = memoryContext({ Makefile: 'test:\n', 'package.json': '{}', 'src/main.go': 'package main' }, 'svc', {
      contentGlobs: ['Makefile', '**/*.json'],
    });
    expect(await contentFiles.collect(context)).toEqual({ Makefile: 'test:\n', 'package.json': '{}' });
    expect(context.problems).toEqual([]);
  });

  it('reads nothing when no custom check needs content', async () => {
    expect(await contentFiles.collect(memoryContext({ Makefile: 'test:\n' }))).toEqual({});
  });

  it('leaves out binary files and files over the size cap', async () => {
    const context = memoryContext(
      { 'a.txt': 'x', 'big.txt': 'y'.repeat(MAX_CONTENT_FILE_BYTES + 1), 'logo.txt': new Uint8Array([0, 1, 2]) },
      'svc',
      { contentGlobs: ['*.txt'] },
    );
    expect(Object.keys(await contentFiles.collect(context))).toEqual(['a.txt']);
  });

  it('reads at most the file limit, in path order, and says so', async () => {
    const tree = Object.fromEntries(
      Array.from({ length: MAX_CONTENT_FILES + 5 }, (_, index) => [`docs/${String(index).padStart(3, '0')}.md`, `page ${index}`]),
    );
    const context = memoryContext(tree, 'svc', { contentGlobs: ['docs/*.md'] });
    const read = Object.keys(await contentFiles.collect(context));
    expect(read).toHaveLength(MAX_CONTENT_FILES);
    expect(read.at(-1)).toBe(`docs/${String(MAX_CONTENT_FILES - 1).padStart(3, '0')}.md`);
    expect(context.problems).toEqual([
      { severity: 'warning', repo: 'svc', message: expect.stringContaining(`${MAX_CONTENT_FILES + 5} files match`) },
    ]);
  });

  it('is not published in the snapshot', () => {
    expect(contentFiles.publish).toBe(false);
  });
});
