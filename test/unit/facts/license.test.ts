import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import {
  chooseExpression,
  license,
  licenseConflicts,
  manifestLicenses,
  readLicenseFile,
  readmeLicenseStatement,
  scopeOf,
  toExpression,
  type LicenseFile,
  type LicenseSource,
} from '../../../collectors/facts/license.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { files as filesFact } from '../../../collectors/facts/files.ts';
import { openRepo } from '../../../collectors/repo/open.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';
import { files, makeRepos } from '../../helpers/repos.ts';
import { loadFormats } from '../../../collectors/facts/formats/index.ts';

// The parsers are called directly, some as the tables below are built, not through a retriever that loads their formats.
await loadFormats();

const MIT = spdxFull.MIT!.licenseText.replace('<year> <copyright holders>', '2015 Jane Doe');
const APACHE = spdxFull['Apache-2.0']!.licenseText;
const UNLICENSE = spdxFull.Unlicense!.licenseText;
const BSD3 = spdxFull['BSD-3-Clause']!.licenseText;

describe('toExpression', () => {
  it.each([
    ['MIT', 'MIT'],
    ['mit', 'MIT'],
    ['MIT OR Apache-2.0', 'MIT OR Apache-2.0'],
    ['Unlicense/MIT', 'Unlicense OR MIT'],
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', '(MIT OR Apache-2.0) AND BSD-3-Clause'],
    ['apache-2.0 with LLVM-exception', 'Apache-2.0 WITH LLVM-exception'],
    ['GPL-2.0+', 'GPL-2.0+'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['The Apache Software License, Version 2.0', 'Apache-2.0'],
    ['MIT License', 'MIT'],
    ['Mozilla Public License 2.0', 'MPL-2.0'],
    ['The Unlicense', 'Unlicense'],
    ['UNLICENSED', undefined],
    ['SEE LICENSE IN LICENSE.txt', undefined],
    ['BSD', undefined],
    ['Eclipse Public License - v 2.0', 'EPL-2.0'],
    ['Proprietary', undefined],
  ])('%s → %s', (declared, expected) => {
    expect(toExpression(declared)).toBe(expected);
  });
});

describe('scopeOf', () => {
  it.each([
    ['LICENSE', undefined],
    ['LICENSE.txt', undefined],
    ['LICENSE-MIT', undefined],
    ['LICENSE-APACHE', undefined],
    ['LICENSE.BSD-3-Clause', undefined],
    ['COPYING.LESSER', undefined],
    ['LICENSE-CODE', undefined],
    ['LICENSE.writing.txt', 'writing'],
    ['LICENSE-docs.md', 'docs'],
    ['UNLICENSE', undefined],
  ])('%s → %s', (path, expected) => {
    expect(scopeOf(path)).toBe(expected);
  });
});

describe('readLicenseFile', () => {
  const known = new Map([
    ['LICENSE-MIT', 'MIT'],
    ['UNLICENSE', 'Unlicense'],
  ]);
  it.each([
    ['a full license text', MIT, { kind: 'license', spdxId: 'MIT' }],
    [
      'a pointer naming two licenses and a choice',
      'This project is dual-licensed under the Unlicense and MIT licenses.\n\nYou may use this code under the terms of either license.\n',
      { kind: 'pointer', expression: 'Unlicense OR MIT' },
    ],
    [
      'a pointer naming two licenses without a choice: both apply',
      'The code is licensed under the MIT license and the fonts under the SIL OFL; parts under Apache-2.0 are marked.\n',
      { kind: 'pointer', expression: 'MIT AND Apache-2.0' },
    ],
    ['a pointer to one license file', 'See LICENSE-MIT for the terms.\n', { kind: 'pointer', expression: 'MIT' }],
    [
      'a one-line grant by deed URL',
      'Except where otherwise noted, this work is licensed under https://creativecommons.org/licenses/by-nd/3.0/\n',
      { kind: 'license', spdxId: 'CC-BY-ND-3.0' },
    ],
    ['a title only', 'MIT License\n\nCopyright (c) 2024 Acme\n', { kind: 'license', spdxId: 'MIT' }],
    ['proprietary text', 'Copyright Acme Corp. All rights reserved.\n', { kind: 'unknown' }],
    [
      'a proprietary notice naming the licenses of the parts it ships, which license none of its own',
      'Copyright (c) 2024 Acme Corp. All rights reserved.\n\nThis software is proprietary. Third-party components are under their own licenses (MIT, BSD-3-Clause, Apache-2.0).\n',
      { kind: 'unknown' },
    ],
    [
      'a proprietary notice saying what it is not',
      'Copyright (c) 2024 Acme Corp. All rights reserved.\nProprietary and confidential. Not MIT.\n',
      { kind: 'unknown' },
    ],
    [
      'a license only mentioned, granted by nothing',
      'Copyright 2024 Acme Corporation and its contributors.\nUnlike the MIT one, this license keeps every right.\n',
      { kind: 'unknown' },
    ],
    ['names alone', 'MIT OR Apache-2.0\n', { kind: 'pointer', expression: 'MIT OR Apache-2.0' }],
  ])('%s', (_name, text, expected) => {
    expect(readLicenseFile(text, known)).toEqual(expected);
  });
});

describe('readmeLicenseStatement', () => {
  const known = new Map([
    ['LICENSE-APACHE', 'Apache-2.0'],
    ['LICENSE-MIT', 'MIT'],
  ]);
  it.each([
    [
      'a Markdown section offering a choice',
      '# json\n\nIntro.\n\n#### License\n\n<sup>\nLicensed under either of <a href="LICENSE-APACHE">Apache License, Version\n2.0</a> or <a href="LICENSE-MIT">MIT license</a> at your option.\n</sup>\n\n## Next\n\nMentions GPL-3.0 outside the section.\n',
      { line: 5, expression: 'Apache-2.0 OR MIT' },
    ],
    ['a setext heading', 'Title\n=====\n\nLicense\n-------\n\nBSD-3-Clause, see LICENSE.\n', { line: 4, expression: 'BSD-3-Clause' }],
    ['no License section', '# Tool\n\nReleased under the MIT license.\n', undefined],
    ['a License section that names nothing', '## License\n\nSee the file.\n', undefined],
  ])('%s', (_name, text, expected) => {
    const statement = readmeLicenseStatement(text, known);
    expect(statement && { line: statement.line, expression: statement.expression }).toEqual(expected);
  });

  it("quotes the statement without the link definitions a README gathers under its last section (express's badges)", () => {
    const text =
      '# express\n\n## License\n\n  [MIT](LICENSE)\n\n[coveralls-image]: https://img.shields.io/coverallsCoverage/github/expressjs/express\n[npm-url]: https://npmjs.org/package/express\n';
    expect(readmeLicenseStatement(text, new Map([['LICENSE', 'MIT']]))).toEqual({ line: 3, declared: 'MIT', expression: 'MIT' });
  });

  it('quotes a badge in the License section by its words', () => {
    const text =
      '## License\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT) Copyright (c) 2024 Foo\n';
    expect(readmeLicenseStatement(text)).toMatchObject({ declared: 'License: MIT Copyright (c) 2024 Foo', expression: 'MIT' });
  });
});

describe('manifestLicenses', () => {
  it.each<[string, string, string, Array<Partial<LicenseSource>>]>([
    [
      'Cargo, current syntax',
      'Cargo.toml',
      '[package]\nname = "json"\nlicense = "MIT OR Apache-2.0"\n',
      [{ line: 3, declared: 'MIT OR Apache-2.0', expression: 'MIT OR Apache-2.0' }],
    ],
    [
      'Cargo, old slash syntax',
      'Cargo.toml',
      '[package]\nlicense = "Unlicense/MIT"\n',
      [{ line: 2, declared: 'Unlicense/MIT', expression: 'Unlicense OR MIT' }],
    ],
    ['package.json', 'package.json', '{\n  "name": "x",\n  "license": "ISC"\n}\n', [{ line: 3, declared: 'ISC', expression: 'ISC' }]],
    [
      'package.json UNLICENSED is kept as written, with no expression',
      'package.json',
      '{"license": "UNLICENSED"}',
      [{ line: 1, declared: 'UNLICENSED' }],
    ],
    [
      'package.json old licenses array is a choice',
      'package.json',
      '{"licenses": [{"type": "MIT"}, {"type": "GPL-2.0-only"}]}',
      [{ line: 1, declared: 'MIT OR GPL-2.0-only', expression: 'MIT OR GPL-2.0-only' }],
    ],
    [
      'pyproject: table text and classifiers',
      'pyproject.toml',
      '[project]\nname = "requests"\nlicense = {text = "Apache-2.0"}\nclassifiers = [\n  "License :: OSI Approved :: Apache Software License",\n]\n',
      [
        { line: 3, declared: 'Apache-2.0', expression: 'Apache-2.0' },
        { line: 5, declared: 'License :: OSI Approved :: Apache Software License', expression: 'Apache-2.0' },
      ],
    ],
    [
      'pyproject: an ambiguous classifier has no expression',
      'pyproject.toml',
      '[project]\nclassifiers = ["License :: OSI Approved :: BSD License"]\n',
      [{ line: 2, declared: 'License :: OSI Approved :: BSD License' }],
    ],
    [
      'setup.cfg metadata',
      'setup.cfg',
      '[metadata]\nname = x\nlicense = MIT\nclassifiers =\n    License :: OSI Approved :: MIT License\n    Programming Language :: Python\n',
      [
        { line: 3, declared: 'MIT', expression: 'MIT' },
        { line: 5, declared: 'License :: OSI Approved :: MIT License', expression: 'MIT' },
      ],
    ],
    [
      'setup.py',
      'setup.py',
      'setup(\n    name="x",\n    license="BSD-3-Clause",\n)\n',
      [{ line: 3, declared: 'BSD-3-Clause', expression: 'BSD-3-Clause' }],
    ],
    [
      'pom.xml: several licenses are a choice',
      'pom.xml',
      '<project>\n  <licenses>\n    <license><name>Apache License, Version 2.0</name></license>\n    <license><name>MIT License</name></license>\n  </licenses>\n</project>\n',
      [{ line: 2, declared: 'Apache License, Version 2.0; MIT License', expression: 'Apache-2.0 OR MIT' }],
    ],
    ['a manifest that does not parse declares nothing', 'Cargo.toml', '[package\nlicense = "MIT"', []],
  ])('%s', (_name, path, text, expected) => {
    expect(manifestLicenses(path, text)).toEqual(expected.map((source) => ({ path, kind: 'manifest', ...source })));
  });
});

describe('chooseExpression', () => {
  const file = (path: string, spdxId?: string, extra: Partial<LicenseFile> = {}): LicenseFile => ({
    path,
    ...(spdxId ? { spdxId } : {}),
    ...extra,
  });
  const source = (path: string, kind: LicenseSource['kind'], expression?: string): LicenseSource => ({
    path,
    kind,
    declared: expression ?? '?',
    ...(expression ? { expression } : {}),
  });
  it.each<[string, LicenseFile[], LicenseSource[], { expression?: string; expressionFrom: string[] }]>([
    ['one text', [file('LICENSE', 'MIT')], [], { expression: 'MIT', expressionFrom: ['LICENSE'] }],
    [
      'a manifest that agrees adds itself',
      [file('LICENSE', 'MIT')],
      [source('package.json', 'manifest', 'MIT')],
      { expression: 'MIT', expressionFrom: ['LICENSE', 'package.json'] },
    ],
    [
      'a manifest that disagrees with the text does not win',
      [file('LICENSE', 'MIT')],
      [source('package.json', 'manifest', 'Apache-2.0')],
      { expression: 'MIT', expressionFrom: ['LICENSE'] },
    ],
    [
      'two texts and a manifest naming both: the manifest decides how they combine',
      [file('LICENSE-APACHE', 'Apache-2.0'), file('LICENSE-MIT', 'MIT')],
      [source('README.md', 'readme', 'Apache-2.0 OR MIT'), source('Cargo.toml', 'manifest', 'MIT OR Apache-2.0')],
      { expression: 'MIT OR Apache-2.0', expressionFrom: ['LICENSE-APACHE', 'LICENSE-MIT', 'Cargo.toml'] },
    ],
    [
      'two texts and a pointer',
      [file('COPYING', undefined, { pointer: true }), file('LICENSE-MIT', 'MIT'), file('UNLICENSE', 'Unlicense')],
      [source('COPYING', 'pointer', 'Unlicense OR MIT')],
      { expression: 'Unlicense OR MIT', expressionFrom: ['LICENSE-MIT', 'UNLICENSE', 'COPYING'] },
    ],
    [
      'two texts and no statement: both apply',
      [file('LICENSE', 'MIT'), file('LICENSE.BSD', 'BSD-3-Clause')],
      [],
      { expression: 'MIT AND BSD-3-Clause', expressionFrom: ['LICENSE', 'LICENSE.BSD'] },
    ],
    [
      'a text for one part joins with AND',
      [file('LICENSE.txt', 'Apache-2.0'), file('LICENSE.writing.txt', 'CC-BY-ND-3.0', { scope: 'writing' })],
      [],
      { expression: 'Apache-2.0 AND CC-BY-ND-3.0', expressionFrom: ['LICENSE.txt', 'LICENSE.writing.txt'] },
    ],
    [
      'a choice and a part',
      [file('LICENSE-APACHE', 'Apache-2.0'), file('LICENSE-MIT', 'MIT'), file('LICENSE-docs', 'CC-BY-4.0', { scope: 'docs' })],
      [source('Cargo.toml', 'manifest', 'MIT OR Apache-2.0')],
      { expression: '(MIT OR Apache-2.0) AND CC-BY-4.0', expressionFrom: ['LICENSE-APACHE', 'LICENSE-MIT', 'Cargo.toml', 'LICENSE-docs'] },
    ],
    [
      'no file: the manifest speaks',
      [],
      [source('package.json', 'manifest', 'MIT')],
      { expression: 'MIT', expressionFrom: ['package.json'] },
    ],
    [
      'an unrecognised text and a manifest',
      [file('LICENSE')],
      [source('package.json', 'manifest', 'MIT')],
      { expression: 'MIT', expressionFrom: ['package.json'] },
    ],
    [
      'an unrecognised text and only a README statement: no guess',
      [file('LICENSE')],
      [source('README.md', 'readme', 'MIT')],
      { expressionFrom: [] },
    ],
    ['nothing', [], [], { expressionFrom: [] }],
  ])('%s', (_name, files, sources, expected) => {
    expect(chooseExpression(files, sources)).toEqual(expected);
  });
});

describe('licenseConflicts', () => {
  const file = (path: string, spdxId?: string, extra: Partial<LicenseFile> = {}): LicenseFile => ({
    path,
    ...(spdxId ? { spdxId } : {}),
    ...extra,
  });
  const manifest = (path: string, expression: string, line?: number): LicenseSource => ({
    path,
    kind: 'manifest',
    declared: expression,
    expression,
    ...(line ? { line } : {}),
  });
  it.each<[string, LicenseFile[], LicenseSource[], string[]]>([
    [
      'a manifest that disagrees with the text',
      [file('LICENSE', 'MIT')],
      [manifest('package.json', 'Apache-2.0', 6)],
      [
        'package.json:6: package.json declares the license Apache-2.0, but LICENSE is MIT; Cairn takes MIT from the license text. Make them agree.',
      ],
    ],
    ['a manifest that agrees', [file('LICENSE', 'MIT')], [manifest('package.json', 'MIT')], []],
    [
      'a dual license stated in either order',
      [file('LICENSE-APACHE', 'Apache-2.0'), file('LICENSE-MIT', 'MIT')],
      [manifest('Cargo.toml', 'MIT OR Apache-2.0')],
      [],
    ],
    [
      'a manifest naming one of two texts',
      [file('LICENSE-APACHE', 'Apache-2.0'), file('LICENSE-MIT', 'MIT')],
      [manifest('Cargo.toml', 'MIT')],
      [
        'Cargo.toml: Cargo.toml declares the license MIT, but LICENSE-APACHE is Apache-2.0 and LICENSE-MIT is MIT; Cairn takes Apache-2.0 AND MIT from the license texts. Make them agree.',
      ],
    ],
    ['no recognised text: the manifest speaks alone', [file('LICENSE')], [manifest('package.json', 'MIT')], []],
    [
      'a text for one part only does not count',
      [file('LICENSE', 'Apache-2.0'), file('LICENSE.writing.txt', 'CC-BY-ND-3.0', { scope: 'writing' })],
      [manifest('pom.xml', 'Apache-2.0')],
      [],
    ],
  ])('%s', (_name, files, sources, expected) => {
    const problems = licenseConflicts(chooseExpression(files, sources), files, sources);
    expect(problems.map((problem) => `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`)).toEqual(expected);
  });
});

describe('license fact', () => {
  it.each<{ name: string; tree: Record<string, string>; expected: unknown }>([
    {
      name: 'byteorder-style: COPYING pointer, UNLICENSE and LICENSE-MIT, old Cargo syntax',
      tree: {
        COPYING:
          'This project is dual-licensed under the Unlicense and MIT licenses.\n\nYou may use this code under the terms of either license.\n',
        'LICENSE-MIT': MIT,
        UNLICENSE: UNLICENSE,
        'Cargo.toml': '[package]\nname = "byteorder"\nlicense = "Unlicense/MIT"\n',
        'src/lib.rs': '',
      },
      expected: {
        expression: 'Unlicense OR MIT',
        expressionFrom: ['LICENSE-MIT', 'UNLICENSE', 'Cargo.toml'],
        files: [
          { path: 'COPYING', pointer: true },
          { path: 'LICENSE-MIT', spdxId: 'MIT' },
          { path: 'UNLICENSE', spdxId: 'Unlicense' },
        ],
        sources: [
          {
            path: 'COPYING',
            kind: 'pointer',
            declared:
              'This project is dual-licensed under the Unlicense and MIT licenses. You may use this code under the terms of either license.',
            expression: 'Unlicense OR MIT',
          },
          { path: 'Cargo.toml', kind: 'manifest', line: 3, declared: 'Unlicense/MIT', expression: 'Unlicense OR MIT' },
        ],
      },
    },
    {
      name: 'a README "either" statement decides when no manifest says',
      tree: {
        'LICENSE-APACHE': APACHE,
        'LICENSE-MIT': MIT,
        'README.md': '# x\n\n## License\n\nLicensed under either of [Apache-2.0](LICENSE-APACHE) or [MIT](LICENSE-MIT) at your option.\n',
      },
      expected: {
        expression: 'Apache-2.0 OR MIT',
        expressionFrom: ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md'],
        files: [
          { path: 'LICENSE-APACHE', spdxId: 'Apache-2.0' },
          { path: 'LICENSE-MIT', spdxId: 'MIT' },
        ],
        sources: [
          {
            path: 'README.md',
            kind: 'readme',
            line: 3,
            declared: 'Licensed under either of Apache-2.0 or MIT at your option.',
            expression: 'Apache-2.0 OR MIT',
          },
        ],
      },
    },
    {
      name: "only a manifest; nested license files are not the repository's",
      tree: { 'package.json': '{"license": "MIT"}', 'packages/a/LICENSE': BSD3 },
      expected: {
        expression: 'MIT',
        expressionFrom: ['package.json'],
        files: [],
        sources: [{ path: 'package.json', kind: 'manifest', line: 1, declared: 'MIT', expression: 'MIT' }],
      },
    },
    { name: 'nothing at all', tree: { 'src/a.ts': '', 'packages/a/package.json': '{"license": "MIT"}' }, expected: null },
  ])('$name', async ({ tree, expected }) => {
    expect(license.schema.parse(await license.collect(memoryContext(tree)))).toEqual(expected);
  });
});

describe('license fact on real repositories', () => {
  it('does not count a LICENSE that is a symlink leaving the repository, and leaves saying so to the files fact', async () => {
    await using fixture = await makeRepos({
      repo: files({ LICENSE: { symlink: '../../../../../../etc/passwd' }, 'README.md': '# Repo\n' }),
    });
    const problems: Problem[] = [];
    const repo = await openRepo(fixture.dirs.repo, { name: 'repo', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
    const fact = await license.collect({
      repo,
      settings: { contentGlobs: [] },
      problem: (problem) => problems.push({ ...problem, repo: 'repo' }),
    });
    expect(fact).toBeNull();
    expect(problems).toEqual([]);
    const named: Problem[] = [];
    await filesFact.collect({ repo, settings: { contentGlobs: [] }, problem: (problem) => named.push({ ...problem, repo: 'repo' }) });
    expect(named).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'LICENSE',
        message:
          "LICENSE is a symbolic link to something outside the repository's tracked files; Cairn never follows it, so what it points at is not read.",
      },
    ]);
  });

  it('keeps the readable license file beside a refused one', async () => {
    const mit = spdxFull.MIT!.licenseText.replace('<year>', '2026').replace('<copyright holders>', 'Acme');
    await using fixture = await makeRepos({ repo: files({ 'LICENSE-MIT': mit, 'LICENSE-APACHE': { symlink: '/etc/passwd' } }) });
    const problems: Problem[] = [];
    const repo = await openRepo(fixture.dirs.repo, { name: 'repo', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
    const fact = await license.collect({
      repo,
      settings: { contentGlobs: [] },
      problem: (problem) => problems.push({ ...problem, repo: 'repo' }),
    });
    expect(fact?.files.map(({ path, spdxId }) => ({ path, spdxId }))).toEqual([{ path: 'LICENSE-MIT', spdxId: 'MIT' }]);
    expect(fact?.expression).toBe('MIT');
    expect(problems).toEqual([]);
  });
});
