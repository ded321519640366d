import { describe, expect, it } from 'vitest';
import { globFault } from '../../collectors/support/globs.ts';

describe('a glob a user wrote', () => {
  it.each([
    ['**/*.md', undefined],
    ['a{b,c}/[a-z]*', undefined],
    ['[!a]*', undefined],
    ['[]]x', undefined],
    ['\\[literal\\{', undefined],
    ['x}', undefined],
    ['[README', '"[" at character 1 is never closed'],
    ['src/[a-z', '"[" at character 5 is never closed'],
    ['[\\]', '"[" at character 1 is never closed'],
    ['docs/**/{a,b', 'a "{" is never closed'],
    ['{a,{b,c}', 'a "{" is never closed'],
  ])('%j: %s', (glob, fault) => {
    expect(globFault(glob)).toBe(fault);
  });
});
