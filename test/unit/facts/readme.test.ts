import { describe, expect, it } from 'vitest';
import { isDescriptive, outlineReadme, readme } from '../../../collectors/facts/readme.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { openRepo } from '../../../collectors/repo/open.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';
import { files, makeRepos } from '../../helpers/repos.ts';

const summaryOf = (path: string, text: string) => outlineReadme(path, text).summary;

describe('the README summary (Markdown)', () => {
  it.each([
    {
      name: 'inline badges and a logo image are skipped',
      text: '# Parcel\n\n[![CI](https://ci.example/badge.svg)](https://ci.example) [![npm](https://img.example/v.svg)](https://npm.example)\n\n![logo](logo.png)\n\nShips parcels between depots.\n',
      summary: 'Ships parcels between depots.',
    },
    {
      name: 'reference-style badges and their definitions are skipped',
      text: '# Ledger\n\n[![Version][version-image]][version-link]\n[![Build][build-image]][build-link]\n\nKeeps the books balanced.\n\n[version-image]: https://img.example/v.svg\n[version-link]: https://pkg.example/ledger\n',
      summary: 'Keeps the books balanced.',
    },
    {
      name: 'link reference definitions directly under the title are not a paragraph',
      text: '# Ledger &emsp; [![Build]][ci]\n\n[Build]: https://img.example/build.svg\n[ci]: https://ci.example/ledger\n\n**Ledger keeps the *books* balanced.**\n',
      summary: 'Ledger keeps the books balanced.',
    },
    {
      name: 'reference links keep their text',
      text: 'Read the [guide][g] before you start the ledger.\n\n[g]: https://docs.example/guide\n',
      summary: 'Read the guide before you start the ledger.',
    },
    {
      name: 'YAML front matter is page metadata, skipped',
      text: '---\npage_type: sample\nlanguages:\n- go\n---\n# Booking\n\nBooks meeting rooms.\n',
      summary: 'Books meeting rooms.',
    },
    {
      name: 'HTML blocks (logos, centred taglines, comments) are markup, not prose',
      text: '<p align="center">\n  <img src="logo.svg" alt="Tool">\n</p>\n<div align="center"><b>Sponsored</b></div>\n\n<!--\nA hidden comment paragraph here.\n-->\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'a lone anchor tag opens an HTML block',
      text: '<a href="https://tool.example">\n  <picture><img alt="Tool"></picture>\n</a>\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'inline HTML inside prose keeps its text',
      text: 'Builds <abbr title="command line interface">CLI</abbr> tools from plain functions.\n',
      summary: 'Builds CLI tools from plain functions.',
    },
    {
      name: 'a paragraph that is only a link is skipped',
      text: '<a href="https://tool.example">Visit the website for the documentation</a>\n\n[Docs](https://docs.example) · [Blog](https://blog.example)\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'a bare URL is skipped',
      text: 'https://tool.example/docs\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'a lead-in ending with a colon is skipped',
      text: 'See the slides here:\n[Tool in ten minutes](https://slides.example)\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'labelled links are skipped',
      text: '**Documentation**: [https://tool.example](https://tool.example)\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'admonitions are notes, not descriptions',
      text: '**IMPORTANT:** Version 3 needs a new config file.\n\n> [!NOTE]\n> Read this first.\n\n!!! warning\n    Beta software here.\n\nNote: the API may change.\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'a release announcement is news, and is skipped',
      text: "# Tool\n\n## Tool 2.4.0 is now available!\n\nWe're excited to announce the release of **Tool 2.4.0**! It brings speed.\n\n---\n\nTool turns tickets into reports.\n",
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'a thematic break is not a paragraph',
      text: '***\n\n___\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'indented code is not prose',
      text: '# Tool\n\n    tool --help and more words here\n\nTool turns tickets into reports.\n',
      summary: 'Tool turns tickets into reports.',
    },
    {
      name: 'lists, quotes and tables are not the summary',
      text: '- one item here\n\n> A quote from someone.\n\n| a | b |\n\nThe service itself runs.\n',
      summary: 'The service itself runs.',
    },
    {
      name: 'nothing fits: no summary',
      text: '# Tool\n\n[![CI](https://ci.example/b.svg)](https://ci.example)\n\n## Install\n\n```sh\nnpm i tool\n```\n',
      summary: undefined,
    },
    { name: 'too few words of its own: no summary', text: 'Hello.\n', summary: undefined },
    {
      name: 'asterisks emphasise inside words',
      text: '**Serde is for *ser*ializing and *de*serializing data.**\n',
      summary: 'Serde is for serializing and deserializing data.',
    },
  ])('$name', ({ text, summary }) => {
    expect(summaryOf('README.md', text)).toBe(summary);
  });

  it('keeps headings and title, with their lines, beside a front matter', () => {
    const outline = outlineReadme('README.md', '---\ndescription: Not the summary\n---\n# Booking\n\n## Usage\n');
    expect(outline.title).toBe('Booking');
    expect(outline.headings).toEqual([
      { depth: 1, text: 'Booking', line: 4 },
      { depth: 2, text: 'Usage', line: 6 },
    ]);
    expect(outline.summary).toBeUndefined();
  });
});

describe('the README summary (AsciiDoc)', () => {
  it.each([
    {
      name: 'attributes, a block title and an admonition are skipped; attribute references resolve',
      text: ':toc:\n:tabsize: 4\n:project: Ledger\n\n.Overview\nNOTE: Read this first.\n\nThis guide shows how {project} keeps the books balanced.\n\n== Next\n',
      summary: 'This guide shows how Ledger keeps the books balanced.',
    },
    {
      name: 'the title, author line, anchors, macros and delimited blocks are skipped',
      text: '= Ledger\nJane Doe <jane@example.com>\n\n[[intro]]\ninclude::https://example.com/part.adoc[]\n\n----\nsome code in a listing block\n----\n\n[NOTE]\nA note in a styled paragraph here.\n\nLedger keeps https://books.example[the books] balanced.\n',
      summary: 'Ledger keeps the books balanced.',
    },
    {
      name: 'lists are skipped',
      text: '. Open the page here\n. Click the button there\n\nThe guide ends with a working app.\n',
      summary: 'The guide ends with a working app.',
    },
  ])('$name', ({ text, summary }) => {
    expect(summaryOf('README.adoc', text)).toBe(summary);
  });

  it('reads AsciiDoc headings by their level', () => {
    expect(outlineReadme('README.adoc', '= Ledger\n\n== Install\n\n=== On Linux\n').headings).toEqual([
      { depth: 1, text: 'Ledger', line: 1 },
      { depth: 2, text: 'Install', line: 3 },
      { depth: 3, text: 'On Linux', line: 5 },
    ]);
  });
});

describe('the README summary (reStructuredText)', () => {
  it.each([
    {
      name: 'directives, substitutions, comments and field lists are skipped',
      text: '.. image:: https://ci.example/badge.svg\n   :target: https://ci.example\n\n|build| |version|\n\n.. |build| image:: https://ci.example/b.svg\n\n:Author: Jane\n:Version: 1.0\n\n.. note::\n   Read this first please.\n\nLedger keeps the `books <https://books.example>`_ balanced, ``always``.\n',
      summary: 'Ledger keeps the books balanced, always.',
    },
    {
      name: 'a paragraph introducing a literal block is a lead-in',
      text: 'Install it like this::\n\n    pip install ledger\n\nLedger keeps the books balanced.\n',
      summary: 'Ledger keeps the books balanced.',
    },
  ])('$name', ({ text, summary }) => {
    expect(summaryOf('README.rst', text)).toBe(summary);
  });

  it('reads underlined and overlined titles, levels by order of appearance', () => {
    const outline = outlineReadme('README.rst', '======\nLedger\n======\n\nKeeps books balanced.\n\nInstall\n-------\n\nUsage\n-----\n');
    expect(outline.title).toBe('Ledger');
    expect(outline.headings).toEqual([
      { depth: 1, text: 'Ledger', line: 2 },
      { depth: 2, text: 'Install', line: 7 },
      { depth: 2, text: 'Usage', line: 10 },
    ]);
    expect(outline.summary).toBe('Keeps books balanced.');
  });
});

describe('isDescriptive', () => {
  it.each([
    { text: 'Ledger keeps the books balanced.', expected: true },
    { text: 'Version 2.0 is out now with faster sync.', expected: false },
    { text: 'Ledger 1.12.0 has been released with fixes.', expected: false },
    { text: 'We are happy to share our new ledger with you.', expected: false },
    { text: 'Requests is available on PyPI for everyone.', expected: true },
    { text: 'The minimum supported version is 1.60.0 for the crate.', expected: true },
    { text: 'Warning: the API may change without notice.', expected: false },
    { text: 'Read more below:', expected: false },
    { text: 'Announcing Ledger 3.0: faster than ever.', expected: false },
    { text: 'A bot that announces deployments to chat.', expected: true },
    { text: 'Hello.', expected: false },
    { text: 'Keeps orders.', expected: true },
  ])('$text → $expected', ({ text, expected }) => {
    expect(isDescriptive({ text, withoutLinks: text })).toBe(expected);
  });
});

describe('the readme retriever', () => {
  it('prefers README.md over README.rst and README.txt at the root', async () => {
    const context = memoryContext({
      'README.txt': 'Plain text words for the readme.\n',
      'README.rst': 'Rst words for the readme here.\n',
      'README.md': 'Markdown words for the readme here.\n',
      'docs/README.md': 'Nested.',
    });
    expect(await readme.collect(context)).toMatchObject({ path: 'README.md', summary: 'Markdown words for the readme here.' });
  });

  it('reads a lone README.adoc as AsciiDoc', async () => {
    expect(await readme.collect(memoryContext({ 'README.adoc': ':toc:\n\nThis guide builds a small app.\n' }))).toMatchObject({
      path: 'README.adoc',
      summary: 'This guide builds a small app.',
    });
  });
});

describe('the readme retriever on real repositories', () => {
  const collect = async (dir: string) => {
    const problems: Problem[] = [];
    const repo = await openRepo(dir, { name: 'repo', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
    const fact = await readme.collect({
      repo,
      settings: { contentGlobs: [] },
      problem: (problem) => problems.push({ ...problem, repo: 'repo' }),
    });
    return { fact, problems };
  };

  it('outlines the start of a README with a 10 MB line, and says only that much was read', async () => {
    const text = `# Huge\n\nA service whose README ends in one very long line.\n\n${'x'.repeat(10 * 1024 * 1024)}\n`;
    await using fixture = await makeRepos({ huge: files({ 'README.md': text }) });
    const { fact, problems } = await collect(fixture.dirs.huge);
    expect(fact).toMatchObject({ path: 'README.md', title: 'Huge', summary: 'A service whose README ends in one very long line.' });
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'README.md',
        message: `README.md is ${Buffer.byteLength(text)} bytes, over the cap of 1 MiB. Only its first 1048576 bytes are read.`,
      },
    ]);
  });

  it.each([
    [
      'binary',
      { 'README.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      'README.md is binary; expected text. The README is not read.',
    ],
  ] as const)('reports a README that is %s instead of calling it missing', async (_, tree, message) => {
    await using fixture = await makeRepos({ repo: files(tree) });
    const { fact, problems } = await collect(fixture.dirs.repo);
    expect(fact).toBeNull();
    expect(problems).toEqual([{ severity: 'error', repo: 'repo', file: 'README.md', message }]);
  });

  it('leaves a README that is a symlink leaving the repository to the files fact, which names each such link once', async () => {
    await using fixture = await makeRepos({ repo: files({ 'README.md': { symlink: '/etc/passwd' } }) });
    const { fact, problems } = await collect(fixture.dirs.repo);
    expect(fact).toBeNull();
    expect(problems).toEqual([]);
  });

  it('decodes a UTF-16 README', async () => {
    const text = '# Héllo\n\nThis service says hello in UTF-16.\n';
    await using fixture = await makeRepos({
      repo: files({ 'README.md': new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])) }),
    });
    const { fact, problems } = await collect(fixture.dirs.repo);
    expect(fact).toMatchObject({ title: 'Héllo', summary: 'This service says hello in UTF-16.' });
    expect(problems).toEqual([]);
  });
});
