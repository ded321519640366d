import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { expandBraces, untrustedGlobMatcher } from '../../collectors/support/untrusted-glob.ts';

const PATHS = [
  'README.md',
  '.github/CODEOWNERS',
  '.github/workflows/ci.yml',
  'catalog-info.yaml',
  'services/a/catalog-info.yaml',
  'services/b/c/catalog-info.yml',
  'docs/index.md',
  'docs/guide/setup.md',
  'src/app.test.ts',
  'src/deep/nested/x.spec.js',
  'a[b].txt',
  'file-1.txt',
  'file-x.txt',
  'aaaa/bbbb',
  '.env',
];

const GLOBS = [
  '*.md',
  '**/*.md',
  'docs/**',
  'docs/*',
  '**/catalog-info.{yaml,yml}',
  'services/*/catalog-info.yaml',
  'services/**/catalog-info.y?ml',
  '**/*.test.*',
  'src/**/*.{ts,js}',
  'file-[0-9].txt',
  'a\\[b].txt',
  '.github/**',
  '**',
  '*',
  '**/x.spec.js',
  'a*a/b*b',
  '*/*',
  '.*',
  './catalog-info.yaml',
  '{docs,src}/**/*.md',
];

describe('untrustedGlobMatcher', () => {
  it.each(GLOBS)('matches %s as picomatch does (dot: true)', (glob) => {
    const ours = untrustedGlobMatcher([glob]);
    const theirs = picomatch(glob, { dot: true });
    expect(PATHS.filter(ours)).toEqual(PATHS.filter((path) => theirs(path)));
  });

  it('negates a class with ! as git and Backstage do (picomatch reads it as a member)', () => {
    expect(PATHS.filter(untrustedGlobMatcher(['file-[!0-9].txt']))).toEqual(['file-x.txt']);
    expect(PATHS.filter(untrustedGlobMatcher(['file-[^0-9].txt']))).toEqual(['file-x.txt']);
  });

  it('takes time linear in the name where a regular expression backtracks', () => {
    // picomatch: tens of seconds for these; here the table is 7 × 4,000 cells.
    const matches = untrustedGlobMatcher(['*a*a*a*a*a*a*b.yaml', '**/a/**/a/**/a/**/a/**/b']);
    expect(matches('a'.repeat(4_000))).toBe(false);
    expect(matches(Array(400).fill('a').join('/'))).toBe(false);
    expect(matches(`${'a'.repeat(4_000)}b.yaml`)).toBe(true);
  });

  it.each([
    ['a{b,c}d', ['abd', 'acd']],
    ['{a,b}{c,d}', ['ac', 'ad', 'bc', 'bd']],
    ['x{a,{b,c}}', ['xa', 'xb', 'xc']],
    ['{single}', ['{single}']],
    ['{open', ['{open']],
    ['\\{a,b}', ['\\{a,b}']],
  ])('expands %s', (glob, expanded) => {
    expect(expandBraces(glob)).toEqual(expanded);
  });

  it('reads a glob longer than 2,048 characters only as itself (unclosed [ and { rescanned the rest each)', () => {
    for (const glob of ['['.repeat(60_000), '{'.repeat(60_000), `${'{a,'.repeat(7000)}${'}'.repeat(7000)}`]) {
      const matches = untrustedGlobMatcher([glob]);
      expect([matches(glob), matches('a')]).toEqual([true, false]);
    }
  });

  it('gives up past 256 alternatives, matching the glob only as itself', () => {
    const glob = '{a,b}'.repeat(9);
    expect(expandBraces(glob)).toBeUndefined();
    expect(untrustedGlobMatcher([glob])('aaaaaaaaa')).toBe(false);
    expect(untrustedGlobMatcher([glob])(glob)).toBe(true);
  });
});
