import { describe, expect, it } from 'vitest';
import { MAX_NAMED_MISSING, missingPathProblems } from '../../../collectors/docs/missing-paths.ts';

const FILES = ['README.md', 'docs/index.md', 'docs/img/logo.png', 'src/main.ts'];
const at = (path: string, image = false, line = 3) => ({ source: 'docs/index.md', path, image, line });

describe('links and images to nothing', () => {
  it.each([
    ['a tracked file', at('src/main.ts'), []],
    ['a folder of tracked files', at('src'), []],
    ['a folder written with a slash', at('docs/img/'), []],
    ['the repository root', at('.'), []],
    [
      'a missing file',
      at('docs/gone.md'),
      [
        {
          severity: 'warning',
          file: 'docs/index.md',
          line: 3,
          message: 'docs/index.md links to docs/gone.md, which is not in the repository: the link leads nowhere.',
        },
      ],
    ],
    [
      'a missing image',
      at('docs/img/lost.png', true, 7),
      [
        {
          severity: 'warning',
          file: 'docs/index.md',
          line: 7,
          message:
            'docs/index.md shows the image docs/img/lost.png, which is not in the repository: the page shows its description instead.',
        },
      ],
    ],
  ])('%s', (_name, reference, expected) => {
    expect(missingPathProblems([reference], FILES)).toEqual(expected);
  });

  it('says nothing without the repository’s file list, names one reference once, and counts those past the first ones', () => {
    expect(missingPathProblems([at('gone')], undefined)).toEqual([]);
    expect(missingPathProblems([at('gone'), at('gone')], FILES)).toHaveLength(1);
    const many = Array.from({ length: MAX_NAMED_MISSING + 3 }, (_, index) => at(`gone-${index}`));
    const problems = missingPathProblems(many, FILES);
    expect(problems).toHaveLength(MAX_NAMED_MISSING + 1);
    expect(problems.at(-1)).toEqual({
      severity: 'warning',
      message: '3 more links and images in the docs name paths that are not in the repository.',
    });
  });
});
