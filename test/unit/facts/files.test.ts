import { describe, expect, it } from 'vitest';
import { files } from '../../../collectors/facts/files.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('files fact', () => {
  it.each<{ name: string; tree: Record<string, string | Uint8Array>; expected: unknown }>([
    { name: 'empty repository', tree: {}, expected: [] },
    { name: 'every tracked path, sorted, binaries included', tree: { 'src/b.ts': '', 'a.md': '', 'bin/tool': new Uint8Array([0, 1]) }, expected: ['a.md', 'bin/tool', 'src/b.ts'] },
  ])('$name', async ({ tree, expected }) => {
    const result = await files.collect(memoryContext(tree));
    expect(files.schema.parse(result)).toEqual(expected);
  });

  it('is not published', () => {
    expect(files.publish).toBe(false);
  });
});
