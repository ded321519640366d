import { describe, expect, it } from 'vitest';
import { docs } from '../../../collectors/facts/docs.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('the docs fact', () => {
  it.each([
    [
      'Markdown pages',
      { 'docs/index.md': '# Home', 'docs/runbook.md': '# Runbook' },
      { dir: 'docs', pages: ['docs/index.md', 'docs/runbook.md'] },
    ],
    [
      'a Sphinx site in reStructuredText',
      { 'docs/conf.py': 'project = "x"', 'docs/index.rst': 'Home\n====', 'docs/api.rst': 'API\n===' },
      { dir: 'docs', pages: ['docs/api.rst', 'docs/index.rst'], sphinx: 'docs/conf.py' },
    ],
    ['AsciiDoc pages', { 'docs/guide.adoc': '= Guide' }, { dir: 'docs', pages: ['docs/guide.adoc'] }],
    ['a docs folder of pictures only', { 'docs/diagram.png': 'x' }, { pages: [] }],
    ['no docs folder', { 'README.md': '# Hi' }, { pages: [] }],
    [
      "a Hugo site's pages beside the code (cobra's)",
      { 'README.md': '# Hi', 'site/content/user_guide.md': '# Guide', 'site/content/completions/_index.md': '# Completions' },
      { dir: 'site/content', pages: ['site/content/completions/_index.md', 'site/content/user_guide.md'], website: true },
    ],
    [
      'a docs folder before a website folder',
      { 'docs/index.md': '# Home', 'website/docs/intro.md': '# Intro' },
      { dir: 'docs', pages: ['docs/index.md'] },
    ],
  ])('%s', async (_name, files, expected) => {
    expect(await docs.collect(memoryContext(files))).toEqual(expected);
  });

  it("reads mkdocs.yml's docs_dir", async () => {
    const fact = await docs.collect(
      memoryContext({ 'mkdocs.yml': 'site_name: Handbook\ndocs_dir: pages\nnav:\n  - Home: index.md\n', 'pages/index.md': '# Home' }),
    );
    expect(fact).toEqual({ dir: 'pages', pages: ['pages/index.md'], mkdocs: { path: 'mkdocs.yml', siteName: 'Handbook', hasNav: true } });
  });

  it.each([
    ['nested too deep', `site_name: X\nnav: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    [
      'an alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nnav: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    ],
  ])('reads an mkdocs.yml %s as having no settings, with the docs/ folder', async (_name, text) => {
    const fact = await docs.collect(memoryContext({ 'mkdocs.yml': text, 'docs/index.md': '# Home' }));
    expect(fact).toEqual({ dir: 'docs', pages: ['docs/index.md'], mkdocs: { path: 'mkdocs.yml', hasNav: false } });
  });
});
