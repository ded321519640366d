import { describe, expect, it } from 'vitest';
import {
  htmlNesting,
  inlineMarks,
  markdownNesting,
  MAX_HTML_NESTING,
  MAX_INLINE_MARKS,
  MAX_MARKDOWN_NESTING,
  unrenderable,
  withoutCode,
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
    ['void and self-closing elements', '<div><br><img src=x><hr/><span /></div>', 1],
    ['elements HTML closes by itself', '<table><tr><td>a<td>b<tr><td>c</table>', 1],
    ['an end tag with no start', '</div></div><div>', 1],
    ['type parameters and autolinks are not elements', `${'Promise<Item> '.repeat(2000)}${'<https://example.com/p> '.repeat(2000)}`, 0],
    ['a run of < without tags', '<'.repeat(100_000), 0],
    ['thousands deep', '<div>'.repeat(8000), 8000],
  ])('%s', (_name, text, depth) => {
    expect(htmlNesting(text)).toBe(depth);
  });

  it('reads a long run of letters after < once', () => {
    expect(htmlNesting(`<${'a'.repeat(300_000)}`)).toBe(0);
  });
});

describe('inlineMarks', () => {
  it.each([
    ['a sentence', 'See [the guide](x) and **this**.', 6],
    ['a paragraph adds up its lines', '[a](b)\n[c](d)\n\n[e](f)', 4],
    [
      'list items, headings and table rows count alone',
      `${'- [a](b)\n'.repeat(1000)}${'## [h](i)\n'.repeat(1000)}| a |\n|---|\n${'| [x](y) |\n'.repeat(1000)}`,
      2,
    ],
    ['list items’ markers are not emphasis', '* one\n* two\n* three', 0],
    ['one line of links', '[a]('.repeat(600), 1200],
    ['closing brackets alone', ']'.repeat(700), 700],
  ])('%s', (_name, text, marks) => {
    expect(inlineMarks(text)).toBe(marks);
  });
});

describe('withoutCode', () => {
  it('blanks fenced blocks and code spans, keeping the lines', () => {
    expect(withoutCode('a `*p` b\n```c\n*p = *q;\n```\n~~~\n[x]\n~~~\nend')).toBe('a `` b\n\n\n\n\n\n\nend');
  });
});

describe('unrenderable', () => {
  it.each([
    [
      'ordinary docs',
      `# Title\n\n${'Some [link](x) and *emphasis*.\n\n'.repeat(1000)}| a |\n|---|\n${'| [x](y) |\n'.repeat(1000)}${'**Term**: definition\n'.repeat(300)}`,
      undefined,
    ],
    [
      'code full of marks and angle brackets',
      `\`\`\`c\n${'int *p = *q; List<String> x;\n'.repeat(3000)}\`\`\`\n${'Returns `Promise<Item>`.\n\n'.repeat(2000)}`,
      undefined,
    ],
    ['deep quotes', '>'.repeat(200), `it nests quotes or lists more than ${MAX_MARKDOWN_NESTING} deep`],
    ['deep HTML', '<div>'.repeat(MAX_HTML_NESTING + 1), `it nests HTML elements more than ${MAX_HTML_NESTING} deep`],
    [
      'a paragraph of links',
      '[a]('.repeat(MAX_INLINE_MARKS),
      `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`,
    ],
    [
      'a paragraph of emphasis',
      '*a'.repeat(MAX_INLINE_MARKS + 1),
      `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`,
    ],
    [
      'closing brackets',
      ']'.repeat(MAX_INLINE_MARKS + 1),
      `a paragraph of it holds more than ${MAX_INLINE_MARKS} link brackets or emphasis marks`,
    ],
  ])('%s', (_name, text, reason) => {
    expect(unrenderable(text)).toBe(reason);
  });
});
