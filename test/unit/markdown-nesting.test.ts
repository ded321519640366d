import { describe, expect, it } from 'vitest';
import { markdownNesting, MAX_MARKDOWN_NESTING } from '../../collectors/support/markdown-nesting.ts';

describe('markdownNesting', () => {
  it.each([
    ['plain text', 'Just words.\nMore words.', 0],
    ['a quote', '> quoted', 1],
    ['a quote in a list in a quote', '> - > x', 3],
    ['an ordered item', '1. first\n2) second', 1],
    ['an indented item counts its indentation', '- a\n  - b\n    - c', 3],
    ['a dash without a space is no marker', '-x\n>', 1],
    ['a number too long to be a marker', '1234567890. x', 0],
    ['many quotes stop counting past the limit', '>'.repeat(200_000), MAX_MARKDOWN_NESTING + 1],
  ])('%s', (_name, text, depth) => {
    expect(markdownNesting(text)).toBe(depth);
  });
});
