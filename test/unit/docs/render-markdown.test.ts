import { describe, expect, it } from 'vitest';
import type { DocImage } from '../../../collectors/facts/docs-site/schema.ts';
import { renderMarkdown } from '../../../collectors/docs/render-markdown.ts';
import type { OtherPath } from '../../../collectors/docs/rewrite-references.ts';

const PNG: DocImage = { path: 'docs/img/diagram.png', mediaType: 'image/png', base64: 'iVBORw0KGgo=' };
const SVG: DocImage = {
  path: 'docs/img/flow.svg',
  mediaType: 'image/svg+xml',
  base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
};
const PAGES: Record<string, string> = {
  'docs/index.md': '',
  'docs/guide/setup.md': 'guide/setup',
  'docs/guide/index.md': 'guide',
  'docs/guide': 'guide',
};

async function render(markdown: string, options: { sourcePath?: string; pageSlug?: string; webUrl?: boolean } = {}) {
  const published: string[] = [];
  const otherPaths: OtherPath[] = [];
  const rendered = await renderMarkdown(markdown, {
    onOtherPath: (other) => otherPaths.push(other),
    sourcePath: options.sourcePath ?? 'docs/index.md',
    pageSlug: options.pageSlug ?? '',
    pageOf: (path) => PAGES[path],
    imageOf: (path) => [PNG, SVG].find((image) => image.path === path),
    ...(options.webUrl === false ? {} : { webUrlOf: (path: string) => `https://git.example.com/acme/app/blob/abc123/${path}` }),
    publish: (image) => {
      published.push(image.path);
      return `_assets/${image.path}`;
    },
  });
  return { ...rendered, published, otherPaths };
}

describe('the sanitizer', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>', /<script|alert/],
    ['an onerror handler', '<img src=x onerror=alert(1)>', /onerror|alert/],
    ['a Markdown javascript: link', '[x](javascript:alert(1))', /href|alert/],
    ['a mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>', /href|alert/],
    ['a javascript: link with leading whitespace and tabs', '<a href=" java\tscript:alert(1)">x</a>', /href|alert/],
    ['a data:text/html link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /href|data:/],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/],
    ['an object', '<object data="https://evil.example/x.swf"></object>', /<object|data=/],
    ['an embed', '<embed src="https://evil.example/x.swf">', /<embed|src=/],
    ['an iframe of a javascript: URL', '<iframe src="javascript:alert(1)"></iframe>', /iframe|alert|href/],
    ['an iframe of a data: page', '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', /iframe|data:|alert|href/],
    ['a video of a javascript: URL', '<video><source src="javascript:alert(1)"></video>', /video|alert|href/],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">', /meta|refresh|evil/],
    ['a base href', '<base href="https://evil.example/">', /base|evil/],
    ['an SVG with a script', '<svg><script>alert(1)</script><circle r="1"/></svg>', /svg|script|alert|circle/],
    ['an SVG onload', '<svg onload="alert(1)"></svg>', /svg|onload|alert/],
    ['a form', '<form action="https://evil.example"><button>Go</button></form>', /form|button|action|evil/],
    ['a style attribute', '<p style="background:url(https://evil.example/x)">styled</p>', /style=|evil/],
    ['a style element', '<style>body{display:none}</style>', /style|display/],
    ['an inline SVG data image', '<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="svg">', /<img|data:/],
    ['a srcset', '<img src="docs/img/diagram.png" srcset="https://evil.example/x.png 2x">', /srcset|evil/],
    ['a picture source', '<picture><source srcset="https://evil.example/x.png"><img alt="p"></picture>', /picture|source|evil/],
  ])('removes %s', async (_name, markdown, forbidden) => {
    const { html } = await render(markdown);
    expect(html).not.toMatch(forbidden);
  });

  it.each([
    [
      'an iframe, named by its title',
      '<iframe width="672" src="https://www.youtube.com/embed/85TQ" title="YouTube video player" allowfullscreen></iframe>',
      '<p>Embedded content, not shown in the portal: <a href="https://www.youtube.com/embed/85TQ">YouTube video player</a></p>',
    ],
    [
      'a video, by its first source, inline in a paragraph',
      'Watch <video controls><source src="https://cdn.example/demo.mp4">Not supported.</video> first.',
      '<p>Watch Embedded video, not shown in the portal: <a href="https://cdn.example/demo.mp4">https://cdn.example/demo.mp4</a> first.</p>',
    ],
    [
      'an object, by its data',
      '<object data="https://example.com/chart.pdf" aria-label="Q3 chart"></object>',
      '<p>Embedded content, not shown in the portal: <a href="https://example.com/chart.pdf">Q3 chart</a></p>',
    ],
  ])('links %s, which the portal does not embed', async (_name, markdown, expected) => {
    const { html } = await render(markdown);
    expect(html).toBe(expected);
  });

  it.each([
    [
      'inside a link, named but not linked again',
      '<a href="https://example.com/demo"><video src="https://cdn.example/demo.mp4" title="Demo"></video></a>',
      '<p><a href="https://example.com/demo">Embedded video, not shown in the portal: Demo</a></p>',
    ],
    [
      'in a figure, a paragraph of its own before the caption (the sanitizer keeps the caption’s text)',
      '<figure><iframe src="https://example.com/map" title="Map"></iframe><figcaption>Where we are</figcaption></figure>',
      '<p>Embedded content, not shown in the portal: <a href="https://example.com/map">Map</a></p>Where we are',
    ],
    ['with whitespace hiding a javascript: address, nothing', '<video src="java\tscript:alert(1)"></video>', '<p></p>'],
  ])('an embed %s', async (_name, markdown, expected) => {
    expect((await render(markdown)).html).toBe(expected);
  });

  it('links an embedded repository file where the docs link to files', async () => {
    const { html } = await render('<iframe src="../diagrams/flow.html" title="Flow"></iframe>', { sourcePath: 'docs/guide/setup.md' });
    expect(html).toContain('<a href="https://git.example.com/acme/app/blob/abc123/docs/diagrams/flow.html">Flow</a>');
  });

  it('keeps inline raster data images', async () => {
    const { html } = await render('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
  });

  it('prefixes author ids, so they cannot clobber globals', async () => {
    const { html } = await render('<p id="__xss" name="config">x</p>\n\n<a name="top"></a>');
    expect(html).toContain('id="user-content-__xss"');
    expect(html).toContain('<a name="user-content-top"></a>');
  });
});

describe('links', () => {
  it.each([
    ['another page with a fragment', '[s](guide/setup.md#install)', '<a href="guide/setup/#install">s</a>'],
    ['a folder with a home page', '[g](guide/)', '<a href="guide/">g</a>'],
    ['the docs home from itself', '[h](index.md)', '<a href="./">h</a>'],
    [
      'a repository file outside the docs',
      '[m](../src/main.go)',
      '<a href="https://git.example.com/acme/app/blob/abc123/src/main.go">m</a>',
    ],
    ['a root-relative path, as GitHub reads it', '[r](/Makefile)', '<a href="https://git.example.com/acme/app/blob/abc123/Makefile">r</a>'],
    ['a path escaping the repository', '[p](../../../../etc/passwd)', '<p>p</p>'],
    ['an encoded path escaping the repository', '[p](%2e%2e/%2e%2e/%2e%2e/etc/passwd)', '<p>p</p>'],
    ['a backslash path escaping the repository', '<a href="..\\..\\..\\etc\\passwd">p</a>', '<p>p</p>'],
    ['an external https link', '[e](https://example.com/a?b=1)', '<a href="https://example.com/a?b=1">e</a>'],
    ['a protocol-relative link', '<a href="//example.com/x">e</a>', '<a href="https://example.com/x">e</a>'],
    ['a mailto link', '[m](mailto:team@example.com)', '<a href="mailto:team@example.com">m</a>'],
    ['a raster image in the repository', '[d](img/diagram.png)', '<a href="_assets/docs/img/diagram.png">d</a>'],
  ])('rewrites %s', async (_name, markdown, expected) => {
    expect((await render(markdown)).html).toContain(expected);
  });

  it('links from a nested page back up', async () => {
    const { html } = await render('[home](../index.md) [sibling](index.md#a)', {
      sourcePath: 'docs/guide/setup.md',
      pageSlug: 'guide/setup',
    });
    expect(html).toContain('<a href="../../">home</a>');
    expect(html).toContain('<a href="../../guide/#a">sibling</a>');
  });

  it('leaves a repository file as text when the web URL is unknown', async () => {
    expect((await render('[m](../src/main.go)', { webUrl: false })).html).toBe('<p>m</p>');
  });

  it('points in-page fragments at headings as they are, and at other targets with the sanitizer prefix', async () => {
    const { html } = await render('# Title\n\n## Getting started\n\n[a](#getting-started) [b](#top) [c](#nowhere)\n\n<a name="top"></a>');
    expect(html).toContain('<a href="#getting-started">a</a>');
    expect(html).toContain('<a href="#user-content-top">b</a>');
    expect(html).toContain('<a href="#nowhere">c</a>');
  });

  it('keeps footnote references working', async () => {
    const { html } = await render('Text[^1].\n\n[^1]: Note.');
    expect(html).toContain('href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
  });
});

describe('images', () => {
  it('publishes repository raster images as assets, relative to the page', async () => {
    const home = await render('![Diagram](img/diagram.png)');
    expect(home.html).toContain('<img src="_assets/docs/img/diagram.png" alt="Diagram" loading="lazy">');
    expect(home.published).toEqual(['docs/img/diagram.png']);
    const nested = await render('![Diagram](../img/diagram.png)', { sourcePath: 'docs/guide/setup.md', pageSlug: 'guide/setup' });
    expect(nested.html).toContain('src="../../_assets/docs/img/diagram.png"');
  });

  it('inlines repository SVG as a data URL instead of publishing it', async () => {
    const { html, published } = await render('![Flow](img/flow.svg)');
    expect(html).toContain(`src="data:image/svg+xml;base64,${SVG.base64}"`);
    expect(published).toEqual([]);
  });

  it('marks the images MkDocs shows in one colour scheme only (#only-dark, #only-light), local or remote', async () => {
    const { html } = await render('![Logo](img/flow.svg#only-dark) ![Logo](https://x.example/logo.png#only-light)');
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="Logo" class="only-dark">/);
    expect(html).toContain('<a href="https://x.example/logo.png#only-light" class="docs-remote-image only-light">image: Logo</a>');
    // typer's: a remote logo inside a link is text, in a span of its scheme, and the link is of that
    // scheme too, so that the other scheme has no empty link to tab to; a link with more keeps to both.
    const linked = await render(
      '[![Typer](https://x.example/logo.svg#only-light)](https://typer.example) [![Typer](img/flow.svg#only-dark) Home](https://typer.example)',
    );
    expect(linked.html).toMatch(
      /^<p><a href="https:\/\/typer.example" class="only-light"><span class="only-light">image: Typer<\/span><\/a> <a href="https:\/\/typer.example"><img [^>]*class="only-dark"> Home<\/a><\/p>$/,
    );
  });

  it('turns remote images into links and never loads them', async () => {
    const { html } = await render('![Build](https://ci.example.com/badge.svg)');
    expect(html).toBe('<p><a href="https://ci.example.com/badge.svg" class="docs-remote-image">image: Build</a></p>');
  });

  it('turns a remote image inside a link into text, so no link holds another', async () => {
    const { html } = await render('[![Build](https://ci.example.com/badge.svg)](https://ci.example.com/runs)');
    expect(html).toBe('<p><a href="https://ci.example.com/runs">image: Build</a></p>');
    // A link that is dropped (it leaves the repository) no longer holds the image, which is a link again.
    const dropped = await render('[![Build](https://ci.example.com/badge.svg)](../../../../outside.md)');
    expect(dropped.html).toBe('<p><a href="https://ci.example.com/badge.svg" class="docs-remote-image">image: Build</a></p>');
  });

  it.each([
    ['escaping the repository', '![x](../../../../etc/passwd.png)'],
    ['root-absolute outside the repository files', '![x](/etc/passwd.png)'],
    ['missing from the repository', '![x](img/missing.png)'],
  ])('shows the alt text of an image %s', async (_name, markdown) => {
    expect((await render(markdown)).html).toBe('<p>x</p>');
  });
});

describe('references as mkdocs serves raw HTML', () => {
  it('resolves a raw HTML link or image relative to the page’s URL when its file has none: guide/setup.md is served at guide/setup/', async () => {
    const { html, otherPaths } = await render('<a href="../">Guide</a> <img src="../../img/diagram.png" alt="d">', {
      sourcePath: 'docs/guide/setup.md',
      pageSlug: 'guide/setup',
    });
    expect(html).toContain('<a href="../../guide/">Guide</a>');
    expect(html).toContain('<img src="../../_assets/docs/img/diagram.png" alt="d" loading="lazy">');
    expect(otherPaths).toEqual([]);
  });

  it('takes a URL folder for the page served there (setup/ is setup.md)', async () => {
    const { html } = await render('<a href="guide/setup/">Setup</a>');
    expect(html).toContain('<a href="guide/setup/">Setup</a>');
  });

  it('tells each path that is neither a page nor an image, at its line in the file, front matter included', async () => {
    const { otherPaths } = await render(
      '---\ntitle: Home\n---\n# Home\n\n[gone](missing.md) and ![lost](img/lost.png)\n\n[code](../src/main.ts)\n',
    );
    expect(otherPaths).toEqual([
      { path: 'docs/missing.md', image: false, line: 6 },
      { path: 'docs/img/lost.png', image: true, line: 6 },
      { path: 'src/main.ts', image: false, line: 8 },
    ]);
  });
});

describe('headings and code', () => {
  it('ids headings with github-slugger, replacing author ids, and adds an anchor', async () => {
    const { html, headings, title } = await render('# API *reference*\n\n## Setup\n\n## Setup\n\n<h3 id="custom">Custom id</h3>');
    expect(title).toBe('API reference');
    expect(headings).toEqual([
      { depth: 1, slug: 'api-reference', text: 'API reference' },
      { depth: 2, slug: 'setup', text: 'Setup' },
      { depth: 2, slug: 'setup-1', text: 'Setup' },
      { depth: 3, slug: 'custom-id', text: 'Custom id' },
    ]);
    expect(html).toContain('<h2 id="setup-1">Setup<a class="docs-anchor" href="#setup-1" data-pagefind-ignore="">');
    expect(html).not.toContain('custom"');
  });

  it.each(['ts', 'go', 'yaml', 'bash'])(
    'highlights %s, each token given the class of its kind, with no style attribute',
    async (language) => {
      const { html } = await render(`\`\`\`${language}\nvalue: 1 # note\n\`\`\``);
      expect(html).toContain(`<pre class="shiki cairn-code" tabindex="0" data-language="${language}">`);
      expect(html).toMatch(/<span class="code-(keyword|constant|string|comment)">/);
      expect(html).not.toContain('style=');
    },
  );

  it('gives italic and bold tokens their classes too', async () => {
    expect((await render('```md\n*emphasis* and **strong**\n```')).html).toMatch(/class="[^"]*code-italic[^"]*".*class="[^"]*code-bold/);
  });

  it('leaves unknown languages as plain, focusable code', async () => {
    expect((await render('```klingon\nQapla\n```')).html).toBe('<pre tabindex="0"><code class="language-klingon">Qapla\n</code></pre>');
  });

  it('bounds highlighting by size, never by time: a huge block stays plain, an overlong line is left untokenized', async () => {
    const huge = `const a = 1;\n`.repeat(8_000);
    expect((await render(`\`\`\`ts\n${huge}\`\`\``)).html).toMatch(/^<pre tabindex="0"><code class="language-ts">/);
    const long = `const a = "${'x'.repeat(1_500)}";`;
    const html = (await render(`\`\`\`ts\nconst b = 2;\n${long}\n\`\`\``)).html;
    expect(html).toContain('data-language="ts"');
    expect(html).toContain(`<span class="line"><span>${long}</span></span>`);
  });

  it('never gives a heading or an attribute list the ids of the page around the docs', async () => {
    const rendered = await render('## Cairn main\n\n## Header search { #header-search }\n\nA paragraph.\n{ #cairn-main }\n');
    expect(rendered.headings.map((heading) => heading.slug)).toEqual(['cairn-main-1', 'header-search-1']);
    expect(rendered.html).not.toMatch(/id="(cairn-main|header-search)"/);
  });

  it('leaves out an empty heading, which names no section', async () => {
    const rendered = await render('#\n\nText.\n\n## Usage\n');
    expect(rendered.html).toMatch(/^\s*<p>Text\.<\/p>\n<h2 id="usage">/);
    expect(rendered.headings).toEqual([{ depth: 2, slug: 'usage', text: 'Usage' }]);
  });

  it.each([
    ['a skipped level', '# Enum\n\n### Choices\n\n#### Case\n\n## Next\n\n#### Deep', [1, 2, 3, 2, 3]],
    // typer's enum.md: three sections under the title stay siblings.
    ['siblings after a skipped level', '# Enum\n\n### Case\n\n### List\n\n### Literal', [1, 2, 2, 2]],
    ['a deeper section closed by a shallower one', '# A\n\n#### B\n\n##### C\n\n### D\n\n#### E', [1, 2, 3, 2, 3]],
    ['no title: the page title is level 1', '### Usage\n\n###### Note', [2, 3]],
    ['levels that step one at a time stay', '# A\n\n## B\n\n### C\n\n# D\n\n## E', [1, 2, 3, 1, 2]],
  ])('never goes more than one heading level down: %s', async (_case, markdown, depths) => {
    const rendered = await render(markdown);
    expect(rendered.headings.map((heading) => heading.depth)).toEqual(depths);
    expect([...rendered.html.matchAll(/<h(\d) id=/g)].map((match) => Number(match[1]))).toEqual(depths);
  });
  it('wraps each table in a focusable region named by its header row, so a keyboard can scroll a wide one', async () => {
    const html = (await render('| Option | Default |\n|---|---|\n| `strict` | false |\n\n<table><tr><td>raw</td></tr></table>')).html;
    expect(html).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Option, Default"><table>\n<thead>/);
    expect(html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Table 2"><table><tbody><tr><td>raw</td></tr></tbody></table></div>',
    );
  });

  it('numbers a header row seen before on the page, so that no two regions share a name', async () => {
    const table = '| Old name | New name |\n|---|---|\n| a | b |\n';
    const html = (await render(`${table}\nText.\n\n${table}`)).html;
    expect([...html.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'Table: Old name, New name',
      'Table: Old name, New name (2)',
    ]);
  });

  it('renders the same input to the same HTML', async () => {
    const markdown = '# T\n\n```ts\nconst a = 1;\n```\n\n[s](guide/setup.md)';
    expect((await render(markdown)).html).toBe((await render(markdown)).html);
  });
});

describe('MkDocs page metadata', () => {
  it.each([
    { markdown: '---\ntitle: "Runbook"\ntags: [ops]\n---\n# On call\n\nText.\n', title: 'Runbook' },
    { markdown: '---\nauthor: sofia\n...\n# On call\n\nText.\n', title: 'On call' },
    { markdown: '\uFEFF---\ntitle: Ops\n---\nText.\n', title: 'Ops' },
  ])('is left out of the page and names it: $title', async ({ markdown, title }) => {
    const rendered = await render(markdown);
    expect(rendered.title).toBe(title);
    expect(rendered.html).not.toMatch(/<hr>|title:|author:/);
  });

  it('keeps a thematic break that is not at the top', async () => {
    expect((await render('# A\n\n---\n\ntitle: x\n')).html).toContain('<hr>');
  });
});

describe('attribute lists (MkDocs attr_list)', () => {
  it.each([
    ['a heading id', '## Locale { #mkdocs-locale }', '<h2 id="mkdocs-locale">Locale'],
    ['the colon form', '## Install {: #installing-for-development .wide }', '<h2 id="installing-for-development">Install'],
    ['classes only: the slug of the text', '## Usage { .big }', '<h2 id="usage">Usage'],
    ['an id that is not a plain name: the slug', '## Odd { #1st }', '<h2 id="odd">Odd'],
  ])('%s', async (_what, markdown, start) => {
    const { html } = await render(markdown);
    expect(html.startsWith(start)).toBe(true);
    expect(html).not.toContain('{');
  });

  it('gives a heading whose slug an author id took the next one', async () => {
    const { html } = await render('## Setup { #install }\n\n## Install\n');
    expect(html).toContain('<h2 id="install">Setup');
    expect(html).toContain('<h2 id="install-1">Install');
  });

  it('gives an inline element the id its list names, for links from other pages', async () => {
    const { html } = await render('* **`locale`**{ #mkdocs-locale }: the language.\n\n## Locale\n');
    expect(html).toContain('<strong id="mkdocs-locale"><code>locale</code></strong>: the language.');
    // Written in raw HTML, an attribute is the sanitizer's business, never an id of Cairn's.
    const raw = await render('<span data-author-id="x">y</span>{ #ok }');
    expect(raw.html).not.toContain('data-author-id');
  });

  it.each([
    [
      'an id inside a quoted value',
      '[t](https://example.com/){ title="see #cairn-main" }',
      /^<p><a href="https:\/\/example.com\/">t<\/a><\/p>$/,
    ],
    ['the layout’s own id', '**x**{ #cairn-main } and **y**{ #header-search }', /^<p><strong>x<\/strong> and <strong>y<\/strong><\/p>$/],
    ['the sanitizer’s prefix', 'A note[^1] and **x**{ #user-content-fn-1 }\n\n[^1]: The note.', /<strong>x<\/strong>/],
    ['an element’s own id', '<span id="raw">raw</span>{ #other }', /<span id="user-content-raw">raw<\/span>/],
  ])('gives no id from %s', async (_what, markdown, expected) => {
    const { html } = await render(markdown);
    expect(html).toMatch(expected);
    expect(html.match(/ id="([^"]+)"/g)?.length ?? 0).toBe(new Set(html.match(/ id="([^"]+)"/g) ?? []).size);
  });

  it('reads bare words after a colon, lists closing a paragraph, and ids starting with _', async () => {
    expect((await render('[a](https://example.com/x.zip){: download }')).html).toBe('<p><a href="https://example.com/x.zip">a</a></p>');
    expect((await render('Some text\n{: .warning #para-id }')).html).toBe('<p id="para-id">Some text</p>');
    expect((await render('**u**{ #_under }')).html).toBe('<p><strong id="_under">u</strong></p>');
  });

  it('drops the list after a link or an image, and keeps braces elsewhere', async () => {
    const { html } = await render('[Get it](https://example.com/hello.py){: download="hello.py"} and {curly} text');
    expect(html).toBe('<p><a href="https://example.com/hello.py">Get it</a> and {curly} text</p>');
  });
});
