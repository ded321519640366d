import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../../site/lib/text.ts';

describe('codeSpans', () => {
  it.each<[string, Array<{ code: boolean; text: string }>]>([
    ['plain text', [{ code: false, text: 'plain text' }]],
    [
      'Every `uses:` of an action is pinned',
      [
        { code: false, text: 'Every ' },
        { code: true, text: 'uses:' },
        { code: false, text: ' of an action is pinned' },
      ],
    ],
    [
      '`a` and `b`',
      [
        { code: true, text: 'a' },
        { code: false, text: ' and ' },
        { code: true, text: 'b' },
      ],
    ],
    ['an unmatched ` stays', [{ code: false, text: 'an unmatched ` stays' }]],
    ['no span across `lines\nhere`', [{ code: false, text: 'no span across `lines\nhere`' }]],
    [
      '`<script>` is text in a span',
      [
        { code: true, text: '<script>' },
        { code: false, text: ' is text in a span' },
      ],
    ],
    ['', []],
  ])('%j', (text, parts) => {
    expect(codeSpans(text)).toEqual(parts);
  });
});
