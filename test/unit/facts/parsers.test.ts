import { describe, expect, it } from 'vitest';
import { parseCodeownersWithLines } from '../../../collectors/facts/codeowners.ts';
import { MAX_IMAGE_REFERENCE, parseDockerfile, withArguments } from '../../../collectors/facts/dockerfiles.ts';
import { languageOf } from '../../../collectors/facts/languages.ts';
import { identifyLicense } from '../../../collectors/facts/license.ts';
import { manifests, parseManifest } from '../../../collectors/facts/manifests.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';
import { outlineMarkdown } from '../../../collectors/facts/readme.ts';
import spdxFull from 'spdx-license-list/full.js';
import { loadFormats } from '../../../collectors/facts/formats/index.ts';

// The parsers are called directly, some as the tables below are built, not through a retriever that loads their formats.
await loadFormats();

describe('languageOf', () => {
  it.each([
    ['src/index.ts', 'TypeScript'],
    ['main.go', 'Go'],
    ['app/models.py', 'Python'],
    ['src/main/java/App.java', 'Java'],
    ['src/lib.rs', 'Rust'],
    ['Dockerfile', 'Dockerfile'],
    ['Makefile', 'Makefile'],
    ['README.md', undefined],
    ['index.html', 'HTML'],
    ['component.d.ts', 'TypeScript'],
    ['data.json', undefined],
    ['LICENSE', undefined],
    ['no-extension', undefined],
    ['src/App.tsx', 'TypeScript'],
    ['db/schema.sql', undefined],
    ['build.gradle.kts', undefined],
  ])('%s → %s', (path, expected) => {
    expect(languageOf(path)).toBe(expected);
  });
});

describe('outlineMarkdown', () => {
  it.each([
    {
      name: 'title, summary past badges, headings with lines',
      text: '# Payments\n\n[![ci](https://x/badge.svg)](https://x)\n\nTakes **money** from [customers](https://acme.dev).\nSecond line.\n\n## Usage\n\nRun it.\n',
      expected: {
        title: 'Payments',
        summary: 'Takes money from customers. Second line.',
        headings: [
          { depth: 1, text: 'Payments', line: 1 },
          { depth: 2, text: 'Usage', line: 8 },
        ],
      },
    },
    {
      name: 'setext headings',
      text: 'Orders\n======\n\nKeeps orders.\n\nInstall\n-------\n',
      expected: {
        title: 'Orders',
        summary: 'Keeps orders.',
        headings: [
          { depth: 1, text: 'Orders', line: 1 },
          { depth: 2, text: 'Install', line: 6 },
        ],
      },
    },
    {
      name: "an HTML heading around a logo is titled by the logo's alt text",
      text: '<h1 align="center">\n\t<br>\n\t<img width="320" src="media/logo.svg" alt="Chalk">\n</h1>\n\n> Styling\n\n## Info\n',
      expected: {
        title: 'Chalk',
        headings: [
          { depth: 1, text: 'Chalk', line: 1 },
          { depth: 2, text: 'Info', line: 8 },
        ],
      },
    },
    {
      name: 'an HTML heading with text; an unclosed one is no heading',
      text: '<h2 id="x">Get <em>started</em></h2>\n\n<h1>\nnever closed\n\nWords of prose here.\n',
      expected: { summary: 'Words of prose here.', headings: [{ depth: 2, text: 'Get started', line: 1 }] },
    },
    {
      name: 'headings inside fenced code are not headings',
      text: '# Tool\n\n```sh\n# not a heading\n```\n\nDoes things.\n',
      expected: { title: 'Tool', summary: 'Does things.', headings: [{ depth: 1, text: 'Tool', line: 1 }] },
    },
    {
      name: 'underscores and stars inside words and maths stay; links with parentheses keep their text',
      text: 'Set `MY_ENV_VAR` or MY_ENV_VAR, compute 2 * 3 * 4, read [the docs](https://en.wikipedia.org/wiki/Foo_(bar)) and _really_ **do**.\n',
      expected: { summary: 'Set MY_ENV_VAR or MY_ENV_VAR, compute 2 * 3 * 4, read the docs and really do.', headings: [] },
    },
    {
      name: 'a list is not the summary',
      text: '- one\n- two\n\nThe service itself.\n',
      expected: { summary: 'The service itself.', headings: [] },
    },
    {
      // express: a linked logo, then badges, then the first heading.
      name: 'the first image above the first heading is its logo',
      text: '[![Express Logo](https://x/logo.png)](https://expressjs.com/)\n\n[![npm](https://x/npm.svg)](https://x)\n\n## Table of contents\n',
      expected: { logo: { alt: 'Express Logo', line: 1 }, headings: [{ depth: 2, text: 'Table of contents', line: 5 }] },
    },
    {
      // typer: an HTML paragraph around the logo.
      name: 'an HTML logo',
      text: '<p align="center">\n  <a href="https://typer.tiangolo.com"><img src="logo.svg" alt="Typer"></a>\n</p>\n\nWords of prose here.\n',
      expected: { logo: { alt: 'Typer', line: 2 }, summary: 'Words of prose here.', headings: [] },
    },
    {
      name: 'an image below the first heading is no logo',
      text: '# Tool\n\n![diagram](d.png)\n',
      expected: { title: 'Tool', headings: [{ depth: 1, text: 'Tool', line: 1 }] },
    },
    { name: 'empty', text: '', expected: { headings: [] } },
    { name: 'no heading', text: 'Just a line.', expected: { summary: 'Just a line.', headings: [] } },
  ])('$name', ({ text, expected }) => {
    const { words: _, ...outline } = outlineMarkdown(text);
    expect(outline).toEqual(expected);
  });

  it('counts words', () => {
    expect(outlineMarkdown('one two\nthree').words).toBe(3);
  });
});

describe('identifyLicense', () => {
  it.each([
    ['MIT full text with a holder', spdxFull.MIT!.licenseText.replace('<year> <copyright holders>', '2024 Acme Corp'), 'MIT'],
    ['Apache-2.0 full text', spdxFull['Apache-2.0']!.licenseText, 'Apache-2.0'],
    ['BSD-3-Clause full text', spdxFull['BSD-3-Clause']!.licenseText, 'BSD-3-Clause'],
    ['BSD-2-Clause is not BSD-3-Clause', spdxFull['BSD-2-Clause']!.licenseText, 'BSD-2-Clause'],
    ['the JSON license is not MIT ("Good, not Evil")', spdxFull.JSON!.licenseText, undefined],
    ['BSD-4-Clause is not BSD-3-Clause', spdxFull['BSD-4-Clause']!.licenseText, undefined],
    ['only a title', 'MIT License\n\nCopyright (c) 2024 Acme\n\nSee the website.', 'MIT'],
    ['an SPDX identifier line', '// SPDX-License-Identifier: MPL-2.0\n', 'MPL-2.0'],
    ['an unknown SPDX identifier', 'SPDX-License-Identifier: Not-A-License\n', undefined],
    ['proprietary text', 'Copyright Acme. All rights reserved. Do not distribute.', undefined],
    ['empty', '', undefined],
    ['the CC0 1.0 Universal text', spdxFull['CC0-1.0']!.licenseText, 'CC0-1.0'],
  ])('%s', (_name, text, expected) => {
    expect(identifyLicense(text)).toBe(expected);
  });
});

describe('parseCodeownersWithLines', () => {
  it.each([
    {
      name: 'rules keep their lines; the last * rule is the catch-all',
      text: '# owners\n* @acme/platform\n\n/docs/ @acme/writers @alice\n* @acme/payments\n',
      expected: {
        rules: [
          { pattern: '*', owners: ['@acme/platform'], line: 2 },
          { pattern: '/docs/', owners: ['@acme/writers', '@alice'], line: 4 },
          { pattern: '*', owners: ['@acme/payments'], line: 5 },
        ],
        catchAll: ['@acme/payments'],
      },
    },
    { name: 'no catch-all', text: '/src/ @acme/web\n', expected: { rules: [{ pattern: '/src/', owners: ['@acme/web'], line: 1 }] } },
    {
      name: '/** matches every file, so it is a catch-all',
      text: '/** @acme/web\n',
      expected: { rules: [{ pattern: '/**', owners: ['@acme/web'], line: 1 }], catchAll: ['@acme/web'] },
    },
    {
      name: '/* matches the root folder’s files only, so it is not a catch-all',
      text: '/* @acme/web\n',
      expected: { rules: [{ pattern: '/*', owners: ['@acme/web'], line: 1 }] },
    },
    { name: 'a * rule without owners clears ownership', text: '*\n', expected: { rules: [{ pattern: '*', owners: [], line: 1 }] } },
    {
      name: 'GitLab sections, optional ones too, are not rules, and give their owners to rules that name none',
      text: '[Docs]\n*.md @acme/writers\n^[Optional review][2] @acme/leads\n*.ts\n[Default] @acme/platform/sub/billing-team\n*\n',
      expected: {
        rules: [
          { pattern: '*.md', owners: ['@acme/writers'], line: 2, section: 'Docs' },
          { pattern: '*.ts', owners: ['@acme/leads'], line: 4, section: 'Optional review' },
          { pattern: '*', owners: ['@acme/platform/sub/billing-team'], line: 6, section: 'Default' },
        ],
        catchAll: ['@acme/platform/sub/billing-team'],
        gitlab: true,
      },
    },
    {
      name: 'GitLab asks every section, so the catch-all owners are each section’s last, once each; headers differing in case are one section',
      text: '* @acme/all\n[Backend] @acme/backend\n*\n[Security]\n* @acme/old-security\n* @acme/security @acme/all\n[backend]\n* @acme/platform\n',
      expected: {
        rules: [
          { pattern: '*', owners: ['@acme/all'], line: 1 },
          { pattern: '*', owners: ['@acme/backend'], line: 3, section: 'Backend' },
          { pattern: '*', owners: ['@acme/old-security'], line: 5, section: 'Security' },
          { pattern: '*', owners: ['@acme/security', '@acme/all'], line: 6, section: 'Security' },
          { pattern: '*', owners: ['@acme/platform'], line: 8, section: 'backend' },
        ],
        catchAll: ['@acme/all', '@acme/platform', '@acme/security'],
        gitlab: true,
      },
    },
    {
      name: 'an escaped # starts a pattern, not a comment',
      text: '\\#notes.md @acme/docs # the notes\n',
      expected: { rules: [{ pattern: '#notes.md', owners: ['@acme/docs'], line: 1 }] },
    },
    {
      name: 'an escaped space is part of the pattern',
      text: 'path\\ with\\ spaces/ @acme/docs\n',
      expected: { rules: [{ pattern: 'path with spaces/', owners: ['@acme/docs'], line: 1 }] },
    },
    {
      name: 'comments after a rule, indentation, tabs and CRLF line ends',
      text: '  /api/\t@acme/api  @bob # the API\r\n   # indented comment\r\n/web/ @acme/web#no space\r\n',
      expected: {
        rules: [
          { pattern: '/api/', owners: ['@acme/api', '@bob'], line: 1 },
          { pattern: '/web/', owners: ['@acme/web'], line: 3 },
        ],
      },
    },
    { name: 'empty', text: '', expected: { rules: [] } },
  ])('$name', ({ text, expected }) => {
    expect(parseCodeownersWithLines(text)).toEqual(expected);
  });
});

describe('parseDockerfile', () => {
  it('reads FROM (tag, digest, stages), USER and ADD with lines', () => {
    const text = [
      'FROM node:22.11-alpine@sha256:abc123 AS build',
      'ADD https://example.com/tool.tgz /opt/',
      'RUN npm ci',
      'FROM build AS test',
      'FROM gcr.io/distroless/nodejs22',
      'COPY --from=build /app /app',
      'USER 1000:1000',
    ].join('\n');
    expect(parseDockerfile(text)).toEqual({
      from: [
        {
          image: 'node:22.11-alpine@sha256:abc123',
          name: 'node',
          tag: '22.11-alpine',
          digest: 'sha256:abc123',
          alias: 'build',
          stageRef: false,
          line: 1,
        },
        { image: 'build', name: 'build', alias: 'test', stageRef: true, line: 4 },
        { image: 'gcr.io/distroless/nodejs22', name: 'gcr.io/distroless/nodejs22', stageRef: false, line: 5 },
      ],
      users: [{ user: '1000:1000', line: 7 }],
      adds: [{ sources: ['https://example.com/tool.tgz'], line: 2 }],
    });
  });

  it.each([
    {
      name: 'a default before the first FROM',
      text: 'ARG NODE=16\nFROM node:${NODE}-bullseye-slim\n',
      expected: { image: 'node:16-bullseye-slim', written: 'node:${NODE}-bullseye-slim', name: 'node', tag: '16-bullseye-slim' },
    },
    {
      // spring-petclinic's dev container.
      name: 'a quoted default, braces, a registry with a port',
      text: 'ARG VARIANT="17"\nFROM localhost:5000/vscode/java:0-$VARIANT\n',
      expected: {
        image: 'localhost:5000/vscode/java:0-17',
        written: 'localhost:5000/vscode/java:0-$VARIANT',
        name: 'localhost:5000/vscode/java',
        tag: '0-17',
      },
    },
    {
      name: 'a fallback in the reference itself, and a digest',
      text: 'ARG BASE\nFROM ${BASE:-python}@sha256:abc\n',
      expected: { image: 'python@sha256:abc', written: '${BASE:-python}@sha256:abc', name: 'python', digest: 'sha256:abc' },
    },
    {
      name: 'no default: only the build knows',
      text: 'ARG BASE\nFROM ${BASE}\n',
      expected: { image: '${BASE}', name: '${BASE}' },
    },
    {
      name: 'an ARG after FROM is not the FROM’s',
      text: 'FROM alpine AS a\nARG IMAGE=node:22\nFROM $IMAGE\n',
      at: 1,
      expected: { image: '$IMAGE', name: '$IMAGE' },
    },
  ])('build arguments in FROM: $name', ({ text, expected, at = 0 }) => {
    const { line: _, stageRef: __, ...from } = parseDockerfile(text).from[at]!;
    expect(from).toEqual(expected);
  });

  it.each([
    {
      name: 'EXPOSE and CMD of the final stage',
      text: 'FROM node:22\nEXPOSE 9000\nCMD ["node", "build.js"]\nFROM node:22-slim\nEXPOSE 8080 443/tcp\nCMD ["node", "server.js"]\n',
      expected: { exposes: [{ ports: ['8080', '443/tcp'], line: 5 }], cmd: { command: 'node server.js', line: 6 } },
    },
    {
      name: 'shell form, the last CMD wins, ENTRYPOINT apart',
      text: 'FROM python:3.13\nENTRYPOINT ["tini", "--"]\nCMD python app.py\nCMD gunicorn \\\n  app:wsgi\n',
      expected: { entrypoint: { command: 'tini --', line: 2 }, cmd: { command: 'gunicorn app:wsgi', line: 4 } },
    },
    {
      name: 'an earlier stage’s commands do not ship',
      text: 'FROM golang:1.23 AS build\nEXPOSE 1\nCMD ["go", "run", "."]\nFROM scratch\nCOPY --from=build /app /app\n',
      expected: {},
    },
  ])('$name', ({ text, expected }) => {
    const { from: _from, users: _users, adds: _adds, ...rest } = parseDockerfile(text);
    expect(rest).toEqual(expected);
  });

  it('leaves unjudged a reference that build arguments make longer than any image, however many times it repeats one', () => {
    const text = `ARG A=${'x'.repeat(20_000)}\nFROM ${'$A'.repeat(300)}:latest\n`;
    const [from] = parseDockerfile(text).from;
    expect(from!.image).toBe(`${'$A'.repeat(300)}:latest`);
    expect(JSON.stringify(parseDockerfile(text)).length).toBeLessThan(text.length);
  });

  it('keeps a reference longer than any image clipped, with its line', () => {
    const [from] = parseDockerfile(`FROM node:${'1'.repeat(5000)}\n`).from;
    expect(from).toEqual({
      image: `node:${'1'.repeat(MAX_IMAGE_REFERENCE - 5)}…`,
      name: `node:${'1'.repeat(MAX_IMAGE_REFERENCE - 5)}…`,
      stageRef: false,
      line: 1,
    });
  });

  it('reads nested fallbacks in time linear in their length, and leaves them unjudged', () => {
    const nested = `FROM node:${'${A:-'.repeat(60_000)}\n`;
    expect(parseDockerfile(`ARG A\n${nested}`).from[0]!.image.length).toBeLessThanOrEqual(MAX_IMAGE_REFERENCE + 1);
    expect(withArguments('${A:-${B:-node}}', new Map())).toBeUndefined();
    expect(withArguments('x'.repeat(100) + '${A:-'.repeat(100_000), new Map([['A', 'node']]))).toBeUndefined();
  });

  it('tolerates an empty or broken file', () => {
    expect(parseDockerfile('')).toEqual({ from: [], users: [], adds: [] });
    expect(parseDockerfile('FROM\nUSER').from).toHaveLength(1);
  });
});

describe('parseManifest', () => {
  it.each([
    {
      path: 'package.json',
      text: JSON.stringify({
        name: '@acme/web',
        description: 'Storefront',
        version: '1.2.0',
        license: 'MIT',
        engines: { node: '>=22' },
        dependencies: { react: '^19' },
        devDependencies: { vitest: '^5' },
      }),
      expected: {
        ecosystem: 'npm',
        path: 'package.json',
        name: '@acme/web',
        description: 'Storefront',
        version: '1.2.0',
        license: 'MIT',
        runtime: '>=22',
        dependencies: ['react', 'vitest'],
      },
    },
    {
      path: 'svc/go.mod',
      text: 'module github.com/acme/orders\n\ngo 1.23\n\nrequire (\n\tgithub.com/google/uuid v1.6.0 // indirect\n\tgolang.org/x/sync v0.8.0\n)\nrequire github.com/stretchr/testify v1.9.0\n',
      expected: {
        ecosystem: 'go',
        path: 'svc/go.mod',
        name: 'github.com/acme/orders',
        runtime: '1.23',
        dependencies: ['github.com/google/uuid', 'github.com/stretchr/testify', 'golang.org/x/sync'],
      },
    },
    {
      path: 'pyproject.toml',
      text: '[project]\nname = "ledger"\ndescription = "Double-entry ledger"\nversion = "0.3.0"\nrequires-python = ">=3.11"\ndependencies = ["requests[socks]>=2.31", "pydantic ~= 2.0"]\n',
      expected: {
        ecosystem: 'python',
        path: 'pyproject.toml',
        name: 'ledger',
        description: 'Double-entry ledger',
        version: '0.3.0',
        runtime: '>=3.11',
        dependencies: ['pydantic', 'requests'],
      },
    },
    {
      path: 'requirements.txt',
      text: '# pinned\nFlask==3.0.0\n-r dev.txt\nrequests>=2 ; python_version > "3.8"\n',
      expected: { ecosystem: 'python', path: 'requirements.txt', dependencies: ['flask', 'requests'], pinned: false },
    },
    {
      path: 'requirements.txt',
      text: 'flask==3.0.0 \\\n    --hash=sha256:abc\nrequests[socks]===2.31.0 ; python_version > "3.8"  # pinned\n',
      expected: { ecosystem: 'python', path: 'requirements.txt', dependencies: ['flask', 'requests'], pinned: true },
    },
    {
      path: 'setup.py',
      text: "from setuptools import setup\nsetup(name='etl', version='1.0', description='Nightly ETL', install_requires=['pandas>=2', 'sqlalchemy'])\n",
      expected: {
        ecosystem: 'python',
        path: 'setup.py',
        name: 'etl',
        version: '1.0',
        description: 'Nightly ETL',
        dependencies: ['pandas', 'sqlalchemy'],
        artifact: 'library',
        artifactSignal: 'setup.py',
      },
    },
    {
      path: 'Cargo.toml',
      text: '[package]\nname = "edge-proxy"\nversion = "0.1.0"\nrust-version = "1.80"\nlicense = "Apache-2.0"\n\n[dependencies]\ntokio = "1"\n',
      expected: {
        ecosystem: 'cargo',
        path: 'Cargo.toml',
        name: 'edge-proxy',
        version: '0.1.0',
        runtime: '1.80',
        license: 'Apache-2.0',
        dependencies: ['tokio'],
      },
    },
    {
      path: 'pom.xml',
      text: '<project><artifactId>billing</artifactId><version>2.0.1</version><description>Invoices</description><properties><maven.compiler.release>21</maven.compiler.release></properties><dependencies><dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency></dependencies></project>',
      expected: {
        ecosystem: 'maven',
        path: 'pom.xml',
        name: 'billing',
        version: '2.0.1',
        description: 'Invoices',
        runtime: '21',
        runtimeField: 'maven.compiler.release',
        dependencies: ['org.slf4j:slf4j-api'],
        artifact: 'library',
        artifactSignal: 'jar packaging',
      },
    },
    {
      // spring-petclinic's pom.xml: Spring Boot's parent reads java.version.
      path: 'pom.xml',
      text: '<project><artifactId>petclinic</artifactId><properties><java.version>17</java.version></properties></project>',
      expected: {
        ecosystem: 'maven',
        path: 'pom.xml',
        name: 'petclinic',
        runtime: '17',
        runtimeField: 'java.version',
        dependencies: [],
        artifact: 'library',
        artifactSignal: 'jar packaging',
      },
    },
    {
      path: 'build.gradle',
      text: "plugins { id 'java' }\nversion = '1.4.0'\njava { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\ndependencies {\n  implementation 'com.google.guava:guava:33.0.0-jre'\n  testImplementation(\"org.junit.jupiter:junit-jupiter:5.10.0\")\n}\n",
      expected: {
        ecosystem: 'gradle',
        path: 'build.gradle',
        version: '1.4.0',
        runtime: '17',
        runtimeField: 'a Java toolchain',
        dependencies: ['com.google.guava:guava', 'org.junit.jupiter:junit-jupiter'],
      },
    },
    {
      path: 'setup.cfg',
      text: '[metadata]\nname = ledger\nversion = attr: ledger.__version__\ndescription = Double-entry ledger\nlong_description = file: README.md\nlicense = BSD-3-Clause\n\n[options]\npython_requires = >=3.10\ninstall_requires =\n    requests>=2\n    click ; python_version > "3.8"\n',
      expected: {
        ecosystem: 'python',
        path: 'setup.cfg',
        name: 'ledger',
        description: 'Double-entry ledger',
        license: 'BSD-3-Clause',
        runtime: '>=3.10',
        dependencies: ['click', 'requests'],
        artifact: 'library',
        artifactSignal: 'setup.cfg',
      },
    },
    {
      path: 'setup.cfg',
      text: '[metadata]\nname = internal\nclassifiers =\n    Private :: Do Not Upload\n',
      expected: { ecosystem: 'python', path: 'setup.cfg', name: 'internal', dependencies: [], private: true },
    },
    {
      path: 'ledger.gemspec',
      text: 'Gem::Specification.new do |spec|\n  spec.name = "ledger"\n  spec.version = Ledger::VERSION\n  spec.summary = %q{Keeps books}\n  spec.description = "A much longer text"\n  spec.license = "MIT"\n  spec.required_ruby_version = ">= 3.1"\n  spec.add_dependency "bigdecimal", "~> 3"\n  spec.add_development_dependency("rspec")\nend\n',
      expected: {
        ecosystem: 'ruby',
        path: 'ledger.gemspec',
        name: 'ledger',
        description: 'Keeps books',
        license: 'MIT',
        runtime: '>= 3.1',
        dependencies: ['bigdecimal', 'rspec'],
        artifact: 'library',
        artifactSignal: 'gemspec',
      },
    },
    {
      path: 'Pipfile',
      text: '[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\nDjango = "*"\ngunicorn = "*"\n\n[dev-packages]\npytest = "*"\n\n[requires]\npython_version = "3.12"\n',
      expected: { ecosystem: 'python', path: 'Pipfile', runtime: '3.12', dependencies: ['django', 'gunicorn', 'pytest'] },
    },
    {
      path: 'setup.py',
      text: '# Use pip install . instead.\nimport sys\nfrom setuptools import setup\nsys.exit(__doc__)\nsetup(name="old")\n',
      expected: undefined,
    },
    { path: 'setup.py', text: 'print("no setup call here")\n', expected: undefined },
    { path: 'Gemfile', text: "gem 'rails'", expected: undefined },
    { path: 'constructor', text: '{}', expected: undefined },
  ])('$path', ({ path, text, expected }) => {
    expect(parseManifest(path, text)).toEqual(expected);
  });

  /** What a manifest builds, from its text and the files beside it. */
  it.each<{ name: string; path: string; text: string; beside?: string[]; goPackage?: string; expected: Record<string, unknown> }>([
    {
      name: 'npm: exports publish a library',
      path: 'package.json',
      text: '{"name":"a","exports":"./index.js"}',
      expected: { artifact: 'library', artifactSignal: 'exports' },
    },
    {
      name: 'npm: a main that exists',
      path: 'package.json',
      text: '{"name":"a","main":"./lib/index.js"}',
      beside: ['lib/index.js'],
      expected: { artifact: 'library', artifactSignal: 'main' },
    },
    {
      name: 'npm: a main left by npm init, naming no file, publishes nothing',
      path: 'package.json',
      text: '{"name":"a","main":"index.js"}',
      beside: ['src/index.js'],
      expected: {},
    },
    {
      name: 'npm: publishConfig',
      path: 'package.json',
      text: '{"name":"a","publishConfig":{"access":"public"}}',
      expected: { artifact: 'library', artifactSignal: 'publishConfig' },
    },
    {
      name: 'npm: private is never published',
      path: 'package.json',
      text: '{"name":"a","private":true,"exports":"./x.js"}',
      expected: { private: true },
    },
    { name: 'npm: nothing to ship', path: 'package.json', text: '{"name":"a","dependencies":{"lodash":"4"}}', expected: {} },
    {
      name: 'cargo: src/lib.rs',
      path: 'Cargo.toml',
      text: '[package]\nname = "a"\n',
      beside: ['src/lib.rs', 'src/main.rs'],
      expected: { artifact: 'library', artifactSignal: 'src/lib.rs' },
    },
    {
      name: 'cargo: a binary',
      path: 'Cargo.toml',
      text: '[package]\nname = "a"\n',
      beside: ['src/main.rs'],
      expected: { artifact: 'application', artifactSignal: 'src/main.rs' },
    },
    {
      name: 'cargo: publish = false',
      path: 'Cargo.toml',
      text: '[package]\nname = "a"\npublish = false\n[lib]\n',
      expected: { private: true, artifact: 'library', artifactSignal: '[lib]' },
    },
    {
      name: 'cargo: a workspace root builds nothing itself',
      path: 'Cargo.toml',
      text: '[workspace]\nmembers = ["a"]\n',
      beside: ['src/lib.rs'],
      expected: {},
    },
    {
      name: 'go: a package other than main',
      path: 'go.mod',
      text: 'module example.com/a\n',
      goPackage: 'router',
      expected: { artifact: 'library', artifactSignal: 'package router' },
    },
    {
      name: 'go: package main',
      path: 'go.mod',
      text: 'module example.com/a\n',
      goPackage: 'main',
      expected: { artifact: 'application', artifactSignal: 'package main' },
    },
    {
      name: 'pyproject: a build backend',
      path: 'pyproject.toml',
      text: '[project]\nname = "a"\n[build-system]\nbuild-backend = "hatchling.build"\n',
      expected: { artifact: 'library', artifactSignal: '[build-system] hatchling.build' },
    },
    { name: 'pyproject: no build system, not packaged', path: 'pyproject.toml', text: '[project]\nname = "a"\n', expected: {} },
    {
      name: 'pyproject: Poetry packages unless package-mode is off',
      path: 'pyproject.toml',
      text: '[tool.poetry]\nname = "a"\npackage-mode = false\n',
      expected: {},
    },
    {
      name: 'pyproject: the private classifier',
      path: 'pyproject.toml',
      text: '[project]\nname = "a"\nclassifiers = ["Private :: Do Not Upload"]\n[build-system]\n',
      expected: { private: true },
    },
    {
      name: 'maven: Spring Boot',
      path: 'pom.xml',
      text: '<project><artifactId>a</artifactId><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>',
      expected: { artifact: 'application', artifactSignal: 'spring-boot-maven-plugin', framework: 'spring-boot' },
    },
    {
      name: 'maven: a war',
      path: 'pom.xml',
      text: '<project><artifactId>a</artifactId><packaging>war</packaging></project>',
      expected: { artifact: 'application', artifactSignal: 'war packaging' },
    },
    {
      name: 'maven: an aggregator builds nothing itself',
      path: 'pom.xml',
      text: '<project><artifactId>a</artifactId><packaging>pom</packaging></project>',
      expected: {},
    },
    {
      name: 'gradle: Spring Boot (Kotlin DSL)',
      path: 'build.gradle.kts',
      text: 'plugins {\n  java\n  id("org.springframework.boot") version "3.5.0"\n}\n',
      expected: { artifact: 'application', artifactSignal: 'org.springframework.boot plugin', framework: 'spring-boot' },
    },
    {
      name: 'gradle: java-library',
      path: 'build.gradle.kts',
      text: 'plugins {\n  `java-library`\n}\n',
      expected: { artifact: 'library', artifactSignal: 'java-library plugin' },
    },
    {
      name: 'gradle: application (Groovy DSL)',
      path: 'build.gradle',
      text: "plugins {\n  id 'application'\n}\n",
      expected: { artifact: 'application', artifactSignal: 'application plugin' },
    },
    { name: 'gradle: plain java says nothing', path: 'build.gradle', text: "plugins {\n  id 'java'\n}\n", expected: {} },
  ])('$name', ({ path, text, beside = [], goPackage, expected }) => {
    const manifest = parseManifest(path, text, {
      has: (relative) => beside.includes(relative.replace(/^\.\//, '')),
      ...(goPackage ? { goPackage } : {}),
    })!;
    const picked = Object.fromEntries(
      Object.entries(manifest).filter(([key]) => ['artifact', 'artifactSignal', 'private', 'framework'].includes(key)),
    );
    expect(picked).toEqual(expected);
  });

  /** The web pages a manifest names, as the links of an inferred entity. */
  it.each<{ name: string; path: string; text: string; expected: unknown }>([
    {
      name: "package.json's homepage and bugs (a string or its url)",
      path: 'package.json',
      text: '{"name":"a","homepage":"https://a.dev","bugs":{"url":"https://github.com/o/a/issues"},"repository":"o/a"}',
      expected: [
        { title: 'Homepage', url: 'https://a.dev' },
        { title: 'Issues', url: 'https://github.com/o/a/issues' },
      ],
    },
    {
      name: 'bugs as a string',
      path: 'package.json',
      text: '{"bugs":"https://a.dev/bugs"}',
      expected: [{ title: 'Issues', url: 'https://a.dev/bugs' }],
    },
    {
      name: '[project.urls] as titled, each URL once',
      path: 'pyproject.toml',
      text: '[project]\nname = "t"\n[project.urls]\nHomepage = "https://github.com/o/t"\nDocumentation = "https://t.dev"\nRepository = "https://github.com/o/t"\n',
      expected: [
        { title: 'Homepage', url: 'https://github.com/o/t' },
        { title: 'Documentation', url: 'https://t.dev' },
      ],
    },
    {
      name: "Poetry's homepage, documentation and urls",
      path: 'pyproject.toml',
      text: '[tool.poetry]\nname = "p"\ndocumentation = "https://p.dev/docs"\n[tool.poetry.urls]\n"Bug Tracker" = "https://p.dev/issues"\n',
      expected: [
        { title: 'Documentation', url: 'https://p.dev/docs' },
        { title: 'Bug Tracker', url: 'https://p.dev/issues' },
      ],
    },
    {
      name: "Cargo's homepage, documentation and repository",
      path: 'Cargo.toml',
      text: '[package]\nname = "c"\ndocumentation = "https://docs.rs/c"\nrepository = "https://github.com/o/c"\n',
      expected: [
        { title: 'Documentation', url: 'https://docs.rs/c' },
        { title: 'Repository', url: 'https://github.com/o/c' },
      ],
    },
    {
      name: "setup.cfg's url and project_urls",
      path: 'setup.cfg',
      text: '[metadata]\nname = s\nurl = https://s.dev\nproject_urls =\n    Source = https://github.com/o/s\n    Tracker = https://github.com/o/s/issues\n',
      expected: [
        { title: 'Homepage', url: 'https://s.dev' },
        { title: 'Source', url: 'https://github.com/o/s' },
        { title: 'Tracker', url: 'https://github.com/o/s/issues' },
      ],
    },
    {
      name: "a gemspec's homepage",
      path: 'g.gemspec',
      text: 'Gem::Specification.new do |s|\n  s.name = "g"\n  s.homepage = "https://g.dev"\nend\n',
      expected: [{ title: 'Homepage', url: 'https://g.dev' }],
    },
    {
      name: "pom.xml's url",
      path: 'pom.xml',
      text: '<project><artifactId>m</artifactId><url>https://m.dev</url></project>',
      expected: [{ title: 'Homepage', url: 'https://m.dev' }],
    },
    {
      name: "pom.xml's url with a placeholder: none",
      path: 'pom.xml',
      text: '<project><url>https://github.com/${org}/m</url></project>',
      expected: undefined,
    },
    {
      name: "pom.xml's url with an entity, decoded",
      path: 'pom.xml',
      text: '<project><url>https://m.dev/?a=1&amp;b=2</url></project>',
      expected: [{ title: 'Homepage', url: 'https://m.dev/?a=1&b=2' }],
    },
    {
      name: 'never a URL with a user name or password',
      path: 'setup.cfg',
      text: '[metadata]\nname = s\nproject_urls =\n    Cred = https://user:secret@example.com/private\n    At = https://example.com/@user\n',
      expected: [{ title: 'At', url: 'https://example.com/@user' }],
    },
    {
      name: 'only http(s) URLs',
      path: 'package.json',
      text: '{"homepage":"javascript:alert(1)","bugs":"mailto:a@b.c"}',
      expected: undefined,
    },
    {
      name: 'not a URL with spaces, nor a relative path',
      path: 'pyproject.toml',
      text: '[project]\nname = "t"\n[project.urls]\nA = "https://a b.dev"\nB = "/docs"\nC = "https://"\n',
      expected: undefined,
    },
    {
      name: 'at most ten',
      path: 'pyproject.toml',
      text: `[project]\nname = "t"\n[project.urls]\n${Array.from({ length: 12 }, (_, index) => `L${index} = "https://t.dev/${index}"`).join('\n')}\n`,
      expected: Array.from({ length: 10 }, (_, index) => ({ title: `L${index}`, url: `https://t.dev/${index}` })),
    },
  ])('links: $name', ({ path, text, expected }) => {
    expect(parseManifest(path, text)?.links).toEqual(expected);
  });

  it('collects manifests with the files beside each, and the Go package of each module root', async () => {
    const context = memoryContext({
      'go.mod': 'module example.com/router\n',
      'doc.go': '// Package router routes.\npackage router\n',
      'router_test.go': 'package router_test\n',
      'cmd/tool/go.mod': 'module example.com/tool\n',
      'cmd/tool/main.go': 'package main\n',
      'web/package.json': '{"name":"web","main":"lib/index.js"}',
      'web/lib/index.js': '',
    });
    const found = await manifests.collect(context);
    expect(found.map((manifest) => [manifest.path, manifest.artifact, manifest.artifactSignal])).toEqual([
      ['cmd/tool/go.mod', 'application', 'package main'],
      ['go.mod', 'library', 'package router'],
      ['web/package.json', 'library', 'main'],
    ]);
  });

  it("finds the nearest .npmrc that turns npm's lockfile off, for each package.json", async () => {
    const context = memoryContext({
      '.npmrc': 'save-exact=true\npackage-lock = false\n',
      'package.json': '{"name":"root","dependencies":{"a":"1"}}',
      'packages/own/.npmrc': 'package-lock=true\n',
      'packages/own/package.json': '{"name":"own","dependencies":{"a":"1"}}',
      'packages/inherits/package.json': '{"name":"inherits","dependencies":{"a":"1"}}',
      'pyproject.toml': '[project]\nname = "tool"\n',
    });
    const found = await manifests.collect(context);
    expect(found.map((manifest) => [manifest.path, manifest.lockfileOff])).toEqual([
      ['package.json', { path: '.npmrc', line: 2 }],
      ['packages/inherits/package.json', { path: '.npmrc', line: 2 }],
      ['packages/own/package.json', undefined],
      ['pyproject.toml', undefined],
    ]);
  });

  it('throws on a syntax error, with the line for TOML', () => {
    expect(() => parseManifest('package.json', '{ "name": ')).toThrow();
    expect(() => parseManifest('Cargo.toml', '[package]\nname = \n')).toThrow();
  });
});
