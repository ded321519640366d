import { describe, expect, it } from 'vitest';
import type { Problem } from '../../collectors/contract/problems.ts';
import { sortProblems } from '../../collectors/runs/collect-repo.ts';

const problem = (file: string | undefined, line: number | undefined, message: string): Problem => ({
  severity: 'warning',
  repo: 'ledger',
  ...(file === undefined ? {} : { file }),
  ...(line === undefined ? {} : { line }),
  message,
});

describe('sortProblems', () => {
  it.each([
    {
      name: 'by file in code-unit order, the same in every locale (upper case first, accents after z)',
      given: ['ä.md', 'z.md', 'docs/a.md', 'README.md'].map((file) => problem(file, 1, 'x')),
      order: ['README.md:1:x', 'docs/a.md:1:x', 'z.md:1:x', 'ä.md:1:x'],
    },
    {
      name: 'then by line, then by message',
      given: [problem('a', 9, 'b'), problem('a', 2, 'z'), problem('a', 9, 'B'), problem('a', undefined, 'q')],
      order: ['a:0:q', 'a:2:z', 'a:9:B', 'a:9:b'],
    },
    {
      name: 'a problem of no file comes first',
      given: [problem('a', 1, 'x'), problem(undefined, undefined, 'repository')],
      order: [':0:repository', 'a:1:x'],
    },
  ])('$name', ({ given, order }) => {
    expect(sortProblems([...given]).map((found) => `${found.file ?? ''}:${found.line ?? 0}:${found.message}`)).toEqual(order);
  });
});
