import { describe, expect, it } from 'vitest';
import { descriptionHtml, renderMarkdown } from '../../../site/lib/markdown.ts';

describe('renderMarkdown', () => {
  it('renders Markdown, code and tables', () => {
    const html = renderMarkdown('Add **CODEOWNERS**:\n\n```\n* @acme/team\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<strong>CODEOWNERS</strong>');
    // Both may be wider than a phone: a keyboard can focus and scroll them.
    expect(html).toContain('<pre tabindex="0"><code>* @acme/team\n</code></pre>');
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table: a, b"><table>');
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

describe('an entity description', () => {
  it.each([
    ['Taking money from customers.', undefined],
    ['Fast, unopinionated, minimalist web framework for node.', undefined],
    ['Les “docs” (v2) en français', undefined],
    ['**tl;dr;** This demo template asks some questions', '<p><strong>tl;dr;</strong> This demo template asks some questions</p>'],
    ['Uses `make` to build', '<p>Uses <code>make</code> to build</p>'],
    ['- one\n- two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
    ['1. first', '<ol>\n<li>first</li>\n</ol>'],
    ['See www.example.com', '<p>See <a href="http://www.example.com">www.example.com</a></p>'],
    ['Docs at https://example.com', '<p>Docs at <a href="https://example.com">https://example.com</a></p>'],
    ['snake_case names', '<p>snake_case names</p>'],
    ['[click](javascript:alert(1))', '<p><a>click</a></p>'],
    // Sanitized to nothing: nothing is shown.
    ['<script>alert(1)</script>', ''],
    // A remote image is a link to it: the page's policy loads none, and a description must not track its readers.
    [
      '![track](https://127.0.0.1:1/t.png) <img src="https://127.0.0.1:1/t2.png">',
      '<p><a href="https://127.0.0.1:1/t.png">track</a> <a href="https://127.0.0.1:1/t2.png">https://127.0.0.1:1/t2.png</a></p>',
    ],
    // Nested deeper than any description a person writes: shown as its text.
    ['>'.repeat(100_000) + ' x', undefined],
  ])('%j is shown as %j', (description, html) => {
    expect(descriptionHtml(description)).toBe(html);
  });

  it.each(['Taking money from customers.', 'Les “docs” (v2) en français — 100% tested', 'A/B tests; e.g. (this)?'])(
    'takes %j for plain text only where Markdown renders it as itself',
    (description) => {
      expect(descriptionHtml(description)).toBeUndefined();
      expect(renderMarkdown(description)).toBe(`<p>${description}</p>`);
    },
  );
});
