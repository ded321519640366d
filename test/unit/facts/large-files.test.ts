import { describe, expect, it } from 'vitest';
import { LARGE_FILES_KEPT, largeFiles } from '../../../collectors/facts/large-files.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('largeFiles fact', () => {
  it.each<{ name: string; tree: Record<string, string | Uint8Array>; expected: unknown }>([
    { name: 'empty repository', tree: {}, expected: [] },
    {
      name: 'largest first, ties by path, binaries counted',
      tree: { 'a.txt': 'xx', 'b.txt': 'xx', 'big.bin': new Uint8Array(10), 'empty.txt': '' },
      expected: [
        { path: 'big.bin', bytes: 10 },
        { path: 'a.txt', bytes: 2 },
        { path: 'b.txt', bytes: 2 },
        { path: 'empty.txt', bytes: 0 },
      ],
    },
  ])('$name', async ({ tree, expected }) => {
    expect(largeFiles.schema.parse(await largeFiles.collect(memoryContext(tree)))).toEqual(expected);
  });

  it(`keeps only the ${LARGE_FILES_KEPT} largest`, async () => {
    const tree = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${String(index).padStart(2, '0')}`, 'x'.repeat(index)]));
    const result = await largeFiles.collect(memoryContext(tree));
    expect(result).toHaveLength(LARGE_FILES_KEPT);
    expect(result[0]).toEqual({ path: 'f29', bytes: 29 });
    expect(result.at(-1)).toEqual({ path: 'f10', bytes: 10 });
  });
});
