import { describe, expect, it } from 'vitest';
import { markdownCode, markdownMessage, markdownText, splitCodeSpans } from '../../../scripts/cli/report/text.ts';

describe('markdownText', () => {
  it.each([
    ['a team', '@backstage/operations-maintainers', '@\u200bbackstage/operations\\-maintainers'],
    ['a user and an address', 'ask @octocat or ops@example.com', 'ask @\u200boctocat or ops@\u200bexample\\.com'],
    ['a pipe, a tag and a link', 'a | <b> [x](https://e.example)', 'a \\| \\<b\\> \\[x\\]\\(https\\://e\\.example\\)'],
    ['a line break', 'a\nb', 'a b'],
  ])('%s', (_case, text, markdown) => {
    expect(markdownText(text)).toBe(markdown);
  });
});

describe('markdownCode', () => {
  it.each<[string, string, 'prose' | 'cell', string]>([
    ['plain', 'a.yml', 'prose', '`a.yml`'],
    ['a backtick', 'a`b', 'prose', '``a`b``'],
    ['a leading backtick', '`a', 'prose', '`` `a ``'],
    ['a pipe in prose, as written', 'a|b', 'prose', '`a|b`'],
    ['a pipe in a cell, escaped', 'a|b', 'cell', '`a\\|b`'],
    ['a backslash before a pipe in a cell, parted from it', 'a\\|b', 'cell', '`a\\\u200b\\|b`'],
    ['a mention, kept in the span', '* @org/team', 'cell', '`* @org/team`'],
  ])('%s', (_case, text, place, markdown) => {
    expect(markdownCode(text, place)).toBe(markdown);
  });
});

describe('splitCodeSpans', () => {
  it.each([
    ['no span', 'plain text', [{ code: false, text: 'plain text' }]],
    [
      'one span',
      'add `* @org/team` now',
      [
        { code: false, text: 'add ' },
        { code: true, text: '* @org/team' },
        { code: false, text: ' now' },
      ],
    ],
    [
      'a span of two backticks holding one',
      'x ``a`b`` y',
      [
        { code: false, text: 'x ' },
        { code: true, text: 'a`b' },
        { code: false, text: ' y' },
      ],
    ],
    ['a run nothing closes', 'a ` b', [{ code: false, text: 'a ` b' }]],
    [
      'a longer run that closes nothing before a span',
      '``` `a`',
      [
        { code: false, text: '``` ' },
        { code: true, text: 'a' },
      ],
    ],
    ['one space each side dropped', '` a `', [{ code: true, text: 'a' }]],
  ])('%s', (_case, text, parts) => {
    expect(splitCodeSpans(text)).toEqual(parts);
  });
});

describe('markdownMessage', () => {
  it.each<[string, string, 'prose' | 'cell', string]>([
    ['code stays code, the rest is escaped', 'Add `* @org/team` to CODEOWNERS.', 'prose', 'Add `* @org/team` to CODEOWNERS\\.'],
    ['a pipe in a span is escaped in a cell', 'Use `a|b` here.', 'cell', 'Use `a\\|b` here\\.'],
    ['a quoted backtick cannot let HTML out', 'The last `x`<img src=y>` rule', 'prose', 'The last `x`\\<img src=y\\>\\` rule'],
  ])('%s', (_case, text, place, markdown) => {
    expect(markdownMessage(text, place)).toBe(markdown);
  });
});
