import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../site/lib/markdown.ts';

describe('renderMarkdown', () => {
  it('renders Markdown, code and tables', () => {
    const html = renderMarkdown('Add **CODEOWNERS**:\n\n```\n* @acme/team\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<strong>CODEOWNERS</strong>');
    expect(html).toContain('<pre><code>* @acme/team\n</code></pre>');
    expect(html).toContain('<table>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', /<script/],
    ['an event handler', '<img src="https://x/y.png" onerror="alert(1)">', /onerror/],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', /data:/],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/],
    ['a style attribute', '<p style="position:fixed">x</p>', /style=/],
  ])('removes %s', (_name, markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });

  it('keeps safe links', () => {
    expect(renderMarkdown('[guide](https://acme.dev/guide) and [mail](mailto:a@acme.dev) and [rel](../checks/)')).toMatch(
      /href="https:\/\/acme\.dev\/guide".*href="mailto:a@acme\.dev".*href="\.\.\/checks\/"/s,
    );
  });
});
