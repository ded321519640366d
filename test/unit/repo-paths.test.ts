import { describe, expect, it } from 'vitest';
import { dirnameOf, isInside, joinPath, resolveRepoPath } from '../../collectors/support/repo-paths.ts';

describe('repository paths', () => {
  it.each([
    ['.', 'docs/index.md', 'docs/index.md'],
    ['docs', './a/../b.md', 'docs/b.md'],
    ['docs', '../../x', '../x'],
    ['a', '', 'a'],
    ['.', '.', '.'],
    ['.', '/etc/passwd', undefined],
  ])('joinPath(%j, %j) is %j', (folder, path, expected) => {
    expect(joinPath(folder, path)).toBe(expected);
  });

  it.each([
    ['README.md', '.'],
    ['docs/a/b.md', 'docs/a'],
  ])('dirnameOf(%j) is %j', (path, expected) => {
    expect(dirnameOf(path)).toBe(expected);
  });

  it.each([
    ['docs/a.md', 'docs', true],
    ['docs', 'docs', true],
    ['docsite/a.md', 'docs', false],
    ['anything', '.', true],
  ])('isInside(%j, %j) is %j', (path, folder, expected) => {
    expect(isInside(path, folder)).toBe(expected);
  });

  it.each([
    ['docs/index.md', 'img/logo.png', 'docs/img/logo.png'],
    ['docs/index.md', '../README.md', 'README.md'],
    ['docs/index.md', '/assets/a.png', 'assets/a.png'],
    ['docs/index.md', '../../etc/passwd', undefined],
    ['README.md', '..', undefined],
    ['README.md', '//evil.example/x.png', undefined],
    ['README.md', '/', '.'],
  ])('resolveRepoPath(%j, %j) is %j', (fromFile, written, expected) => {
    expect(resolveRepoPath(fromFile, written)).toBe(expected);
  });
});
