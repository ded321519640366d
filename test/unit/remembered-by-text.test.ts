import { describe, expect, it } from 'vitest';
import { rememberedByText } from '../../collectors/support/remembered-by-text.ts';

describe('rememberedByText', () => {
  it('computes once per text, undefined results too, and again past its bound of characters', () => {
    const computed: string[] = [];
    const length = rememberedByText((text: string) => {
      computed.push(text);
      return text.startsWith('x') ? undefined : text.length;
    }, 10);
    expect(['abc', 'abc', 'xy', 'xy', 'abcdef', 'abcdef', 'abc'].map(length)).toEqual([3, 3, undefined, undefined, 6, 6, 3]);
    // abc (3) and xy (2) are remembered; abcdef (6) would pass 10 characters, so it is computed each time.
    expect(computed).toEqual(['abc', 'xy', 'abcdef', 'abcdef']);
  });
});
