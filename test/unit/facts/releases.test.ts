import { describe, expect, it } from 'vitest';
import { releases } from '../../../collectors/facts/releases.ts';
import type { FactContext } from '../../../collectors/facts/retriever.ts';
import type { RepoHistory } from '../../../collectors/repo/reader.ts';
import { memoryReader } from '../../helpers/memory-reader.ts';

function contextWith(tags: RepoHistory['tags']): FactContext {
  return {
    repo: memoryReader({}, { history: { recent: [], since: '2026-01-01T00:00:00.000Z', tags } }),
    settings: { contentGlobs: [] },
    problem: () => {},
  };
}

const tag = (name: string, date: string) => ({ name, commit: `c-${name}`, date });

describe('releases fact', () => {
  it.each([
    { name: 'no tags', tags: [], expected: [] },
    {
      name: 'newest first by date; same date keeps git order',
      tags: [tag('v1.0.0', '2026-01-01T00:00:00Z'), tag('v1.2.0', '2026-03-01T00:00:00Z'), tag('latest', '2026-03-01T00:00:00Z')],
      expected: [
        { name: 'v1.2.0', date: '2026-03-01T00:00:00Z' },
        { name: 'latest', date: '2026-03-01T00:00:00Z' },
        { name: 'v1.0.0', date: '2026-01-01T00:00:00Z' },
      ],
    },
    {
      name: 'at most ten',
      tags: Array.from({ length: 12 }, (_, index) => tag(`v0.${index}.0`, `2026-01-${String(index + 1).padStart(2, '0')}T00:00:00Z`)),
      expected: Array.from({ length: 10 }, (_, index) => ({
        name: `v0.${11 - index}.0`,
        date: `2026-01-${String(12 - index).padStart(2, '0')}T00:00:00Z`,
      })),
    },
  ])('$name', async ({ tags, expected }) => {
    expect(releases.schema.parse(await releases.collect(contextWith(tags)))).toEqual(expected);
  });
});
