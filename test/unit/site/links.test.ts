import { describe, expect, it } from 'vitest';
import { safeHref, safeWebHref } from '../../../site/lib/links.ts';
import { joinBase } from '../../../site/lib/urls.ts';

describe('safeHref', () => {
  it.each([
    ['https://example.com/docs', 'https://example.com/docs'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:team@example.com', 'mailto:team@example.com'],
    ['HTTPS://Example.com/a b', 'https://example.com/a%20b'],
    ['javascript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['/relative/path', undefined],
    ['docs/index.md', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });

  it('allows only http(s) for web UI links', () => {
    expect(safeWebHref('https://git.example.com/acme/repo')).toBe('https://git.example.com/acme/repo');
    expect(safeWebHref('mailto:team@example.com')).toBeUndefined();
    expect(safeWebHref('javascript:alert(1)')).toBeUndefined();
  });
});

describe('joinBase', () => {
  it.each([
    ['/', '', '/'],
    ['/', 'catalog/', '/catalog/'],
    ['/portal/', 'catalog/', '/portal/catalog/'],
    ['/portal', '/catalog/', '/portal/catalog/'],
    ['/portal/', '', '/portal/'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});
