import { describe, expect, it } from 'vitest';
import {
  htmlNesting,
  inlineMarks,
  markdownNesting,
  MAX_HTML_NESTING,
  MAX_INLINE_MARKS,
  MAX_MARKDOWN_NESTING,
  unrenderable,
} from '../../collectors/support/markdown-nesting.ts';

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

describe('htmlNesting', () => {
  it.each([
    ['no HTML', 'a < b > c', 0],
    ['siblings', '<div></div><div><span>x</span></div>', 2],
    ['void and self-closing elements', '<div><br><img src=x><hr/><x-icon /></div>', 1],
    ['elements HTML closes by itself', '<table><tr><td>a<td>b<tr><td>c</table>', 1],
    ['an end tag with no start', '</div></div><div>', 1],
    ['a run of < without tags', '<'.repeat(100_000), 0],
    ['thousands deep', '<div>'.repeat(8000), 8000],
  ])('%s', (_name, text, depth) => {
    expect(htmlNesting(text)).toBe(depth);
  });
});

describe('inlineMarks', () => {
  it.each([
    ['a sentence', 'See [the guide](x) and **this**.', 5],
    ['a paragraph adds up its lines', '[a](b)\n[c](d)\n\n[e](f)', 2],
    ['list items’ markers are not emphasis', '* one\n* two\n* three', 0],
    ['table rows count one by one', `| a |\n|---|\n${'| [x](y) |\n'.repeat(1000)}`, 1],
    ['one line of links', '[a]('.repeat(600), 600],
  ])('%s', (_name, text, marks) => {
    expect(inlineMarks(text)).toBe(marks);
  });
});

describe('unrenderable', () => {
  it.each([
    [
      'ordinary docs',
      `# Title\n\n${'Some [link](x) and *emphasis*.\n\n'.repeat(1000)}| a |\n|---|\n${'| [x](y) |\n'.repeat(1000)}`,
      undefined,
    ],
    ['deep quotes', '>'.repeat(200), `it nests quotes or lists more than ${MAX_MARKDOWN_NESTING} deep`],
    ['deep HTML', '<div>'.repeat(MAX_HTML_NESTING + 1), `it nests HTML elements more than ${MAX_HTML_NESTING} deep`],
    [
      'a paragraph of links',
      '[a]('.repeat(MAX_INLINE_MARKS + 1),
      `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`,
    ],
    [
      'a paragraph of emphasis',
      '*a'.repeat(MAX_INLINE_MARKS + 1),
      `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`,
    ],
  ])('%s', (_name, text, reason) => {
    expect(unrenderable(text)).toBe(reason);
  });
});
