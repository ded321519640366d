import { describe, expect, it } from 'vitest';
import { descriptors, MAX_DESCRIPTOR_DOCUMENTS, MAX_LOCATION_DEPTH, resolveLocationTarget } from '../../../collectors/facts/descriptors.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

const location = (name: string, targets: string[], extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n${extra}  targets:\n${targets.map((target) => `    - ${JSON.stringify(target)}\n`).join('')}`;
const component = (name: string, specExtra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n${specExtra}`;

async function collect(files: Record<string, string | Uint8Array>, descriptorPaths?: string[]) {
  const context = memoryContext(files, 'repo', { contentGlobs: [], ...(descriptorPaths ? { descriptorPaths } : {}) });
  const result = descriptorsSchemaParse(await descriptors.collect(context));
  return { ...result, problems: context.problems };
}

/** The retriever's output must satisfy its own schema (the facts cache stores it as JSON). */
function descriptorsSchemaParse(value: unknown) {
  return descriptors.schema.parse(value);
}

describe('resolveLocationTarget', () => {
  it.each([
    { target: './services/a/catalog-info.yaml', from: 'catalog-info.yaml', type: undefined, path: 'services/a/catalog-info.yaml' },
    { target: 'a.yaml', from: 'catalog/root.yaml', type: 'url', path: 'catalog/a.yaml' },
    { target: '../shared/b.yaml', from: 'catalog/root.yaml', type: 'url', path: 'shared/b.yaml' },
    { target: '/services/c.yaml', from: 'deep/nested/root.yaml', type: 'url', path: 'services/c.yaml' },
    { target: './my%20file.yaml', from: 'catalog-info.yaml', type: 'url', path: 'my file.yaml' },
    { target: './x/../y.yaml', from: 'catalog-info.yaml', type: 'file', path: 'y.yaml' },
    { target: './services/*/catalog-info.yaml', from: 'catalog-info.yaml', type: undefined, path: 'services/*/catalog-info.yaml' },
  ])('$target from $from ($type) → $path', ({ target, from, type, path }) => {
    expect(resolveLocationTarget(target, from, type)).toEqual({ path });
  });

  it.each([
    { target: 'https://github.com/acme/other/blob/main/catalog-info.yaml', type: 'url', reason: /absolute URL/ },
    { target: 'file:///etc/passwd', type: undefined, reason: /absolute URL/ },
    { target: '/etc/passwd', type: 'file', reason: /absolute file path/ },
    { target: '../outside.yaml', type: 'url', reason: /outside the repository/ },
    { target: './a/../../../outside.yaml', type: 'file', reason: /outside the repository/ },
    { target: './%2e%2e/%2e%2e/outside.yaml', type: 'url', reason: /outside the repository/ },
    { target: './services/', type: 'url', reason: /names a folder/ },
    { target: 'acme', type: 'github-org', reason: /type "github-org" .* not supported/ },
  ])('refuses $target ($type)', ({ target, type, reason }) => {
    const resolved = resolveLocationTarget(target, 'catalog-info.yaml', type);
    expect(resolved).toEqual({ problem: expect.stringMatching(reason) });
  });
});

describe('descriptors retriever', () => {
  it('returns nothing for a repository without a descriptor', async () => {
    expect(await collect({ 'README.md': '# hi' })).toEqual({ files: [], documents: [], problems: [] });
  });

  it.each(['catalog-info.yaml', 'catalog-info.yml'])('reads %s at the root, every document with its line', async (file) => {
    const result = await collect({ [file]: `${component('a')}---\n${component('b')}`, 'nested/catalog-info.yaml': component('not-read') });
    expect(result.files).toEqual([file]);
    expect(
      result.documents.map((document) => [document.file, document.line, (document.data as { metadata: { name: string } }).metadata.name]),
    ).toEqual([
      [file, 1, 'a'],
      [file, 10, 'b'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('prefers catalog-info.yaml and warns that the .yml is ignored', async () => {
    const result = await collect({ 'catalog-info.yaml': component('a'), 'catalog-info.yml': component('b') });
    expect(result.files).toEqual(['catalog-info.yaml']);
    expect(result.problems).toEqual([
      { severity: 'warning', repo: 'repo', file: 'catalog-info.yml', message: expect.stringContaining('ignored') },
    ]);
  });

  it('reports YAML errors with file and line and keeps the other documents', async () => {
    const result = await collect({ 'catalog-info.yaml': `${component('a')}---\nkind: [\n---\n${component('c')}` });
    // Lines 1–8 hold `a`, 9 is `---`, 10 the broken flow sequence, 11 `---`, 12 onwards `c`.
    expect(result.documents.map((document) => document.line)).toEqual([1, 12]);
    // Kept in the fact too, for descriptor-valid, which sees no problems list.
    expect(result.invalid).toEqual([{ file: 'catalog-info.yaml', line: 11 }]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        repo: 'repo',
        file: 'catalog-info.yaml',
        line: 11,
        message: expect.stringMatching(/^YAML error in catalog-info\.yaml: .+ That document is not loaded/),
      },
    ]);
  });

  it('reports a descriptor it cannot read as text', async () => {
    const result = await collect({ 'catalog-info.yaml': new Uint8Array([0, 1, 2]) });
    expect(result.files).toEqual(['catalog-info.yaml']);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        repo: 'repo',
        file: 'catalog-info.yaml',
        message: 'catalog-info.yaml is binary; expected text. Expected a YAML text file; no entity is read from it.',
      },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing yet\n'],
    ['only a document separator', '---\n'],
  ])('reports a descriptor holding %s', async (_, text) => {
    const result = await collect({ 'catalog-info.yaml': text });
    expect(result.documents).toEqual([]);
    expect(result.problems).toEqual([
      { severity: 'error', repo: 'repo', file: 'catalog-info.yaml', message: 'catalog-info.yaml is empty: expected at least one entity.' },
    ]);
  });

  it('reports a descriptor whose name differs only in case, naming both', async () => {
    const result = await collect({ 'catalog-info.yaml': component('a'), 'Catalog-Info.yaml': component('b') });
    expect(result.files).toEqual(['catalog-info.yaml']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'Catalog-Info.yaml',
        message:
          'Catalog-Info.yaml is ignored because catalog-info.yaml exists; Backstage reads one descriptor per repository, and only by its exact lowercase name. Merge Catalog-Info.yaml into catalog-info.yaml.',
      },
    ]);
  });

  it('reports a descriptor found only under another case', async () => {
    const result = await collect({ 'CATALOG-INFO.YML': component('a') });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'CATALOG-INFO.YML',
        message:
          'CATALOG-INFO.YML is ignored: Backstage looks for catalog-info.yaml by its exact lowercase name. Rename it to catalog-info.yaml.',
      },
    ]);
  });

  it('reads up to the entity limit and reports where it stopped', async () => {
    const many = Array.from({ length: MAX_DESCRIPTOR_DOCUMENTS + 2 }, (_, index) => `kind: Component\nmetadata:\n  name: c${index}\n`).join(
      '---\n',
    );
    const result = await collect({
      'catalog-info.yaml': many,
      'app-config.yaml': 'catalog:\n  locations:\n    - type: file\n      target: ./more.yaml\n',
      'more.yaml': component('more'),
    });
    expect(result.documents).toHaveLength(MAX_DESCRIPTOR_DOCUMENTS);
    const stop = 1 + MAX_DESCRIPTOR_DOCUMENTS * 4;
    expect(result.problems).toEqual([
      {
        severity: 'error',
        repo: 'repo',
        file: 'catalog-info.yaml',
        line: stop,
        message: `Entities from line ${stop} of catalog-info.yaml on, and any in further descriptor files, are not read: a repository may describe at most ${MAX_DESCRIPTOR_DOCUMENTS} entities. Split the catalog across repositories.`,
      },
    ]);
  });

  it('follows Location targets, relative to the file that holds the Location, with globs over tracked files', async () => {
    const result = await collect({
      'catalog-info.yaml': location('root', ['./catalog/all.yaml']),
      'catalog/all.yaml': location('all', ['../services/*/catalog-info.yaml', 'extra.yaml']),
      'catalog/extra.yaml': component('extra'),
      'services/a/catalog-info.yaml': component('a'),
      'services/b/catalog-info.yaml': component('b'),
      'services/b/other.yaml': component('not-targeted'),
    });
    expect(result.files).toEqual([
      'catalog-info.yaml',
      'catalog/all.yaml',
      'services/a/catalog-info.yaml',
      'services/b/catalog-info.yaml',
      'catalog/extra.yaml',
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reports remote, escaping and missing targets each at its own line in the Location, and reads none of them', async () => {
    const result = await collect({
      'catalog-info.yaml': `${component('first')}---\n${location('root', ['https://github.com/acme/other/blob/main/catalog-info.yaml', '../../etc/passwd', './missing.yaml', './services/*/none.yaml'])}`,
    });
    expect(result.files).toEqual(['catalog-info.yaml']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'catalog-info.yaml',
        line: 16,
        message: expect.stringContaining(
          "is not read: Cairn never fetches other repositories' files. When that repository is one of the portal's sources",
        ),
      },
      { severity: 'error', repo: 'repo', file: 'catalog-info.yaml', line: 17, message: expect.stringContaining('outside the repository') },
      {
        severity: 'error',
        repo: 'repo',
        file: 'catalog-info.yaml',
        line: 18,
        message: expect.stringContaining('missing.yaml, which is not a tracked file'),
      },
      {
        severity: 'warning',
        repo: 'repo',
        file: 'catalog-info.yaml',
        line: 19,
        message: expect.stringContaining('matches no tracked file'),
      },
    ]);
  });

  it("follows a Location's URL of a file of this repository as that file", async () => {
    const result = await collect({
      'catalog-info.yaml': location('root', ['https://github.com/acme/repo/blob/main/services/a/catalog-info.yaml']),
      'services/a/catalog-info.yaml': component('a'),
    });
    expect(result.files).toEqual(['catalog-info.yaml', 'services/a/catalog-info.yaml']);
    expect(result.problems).toEqual([]);
  });

  it('says nothing about missing targets of an optional Location', async () => {
    const result = await collect({ 'catalog-info.yaml': location('root', ['./missing.yaml', './none/*.yaml'], '  presence: optional\n') });
    expect(result.problems).toEqual([]);
  });

  it('reads each file once, so Location cycles end', async () => {
    const result = await collect({
      'catalog-info.yaml': location('root', ['./a.yaml']),
      'a.yaml': location('a', ['./catalog-info.yaml', './a.yaml']),
    });
    expect(result.files).toEqual(['catalog-info.yaml', 'a.yaml']);
    expect(result.documents).toHaveLength(2);
    expect(result.problems).toEqual([]);
  });

  it(`stops following after ${MAX_LOCATION_DEPTH} levels of Locations`, async () => {
    const files: Record<string, string> = { 'catalog-info.yaml': location('root', ['./level-1.yaml']) };
    for (let level = 1; level <= MAX_LOCATION_DEPTH + 2; level++)
      files[`level-${level}.yaml`] = location(`level-${level}`, [`./level-${level + 1}.yaml`]);
    const result = await collect(files);
    expect(result.files).toHaveLength(MAX_LOCATION_DEPTH + 1);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        repo: 'repo',
        file: `level-${MAX_LOCATION_DEPTH}.yaml`,
        line: 7,
        message: expect.stringContaining('nest more than'),
      },
    ]);
  });

  it('does not follow a Location its kind schema rejects (Backstage fails it before reading)', async () => {
    const result = await collect({
      'catalog-info.yaml': location('root', ['./a.yaml']).replace('  targets:\n    - "./a.yaml"\n', '  targets: ./a.yaml\n'),
      'a.yaml': component('a'),
    });
    expect(result.files).toEqual(['catalog-info.yaml']);
  });

  describe('placeholders', () => {
    const api = (definition: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    ${definition}\n`;
    const definitionOf = (result: Awaited<ReturnType<typeof collect>>) =>
      (result.documents[0]?.data as { spec: { definition: unknown } } | undefined)?.spec.definition;

    it.each<{ name: string; files: Record<string, string>; expected: unknown }>([
      {
        name: '$text, relative to the descriptor',
        files: { 'api/catalog-info.yaml': api('$text: ./openapi.yaml'), 'api/openapi.yaml': 'openapi: 3.0.0\n' },
        expected: 'openapi: 3.0.0\n',
      },
      {
        name: '$text from the repository root',
        files: { 'api/catalog-info.yaml': api('$text: /specs/openapi.yaml'), 'specs/openapi.yaml': 'openapi: 3.1.0\n' },
        expected: 'openapi: 3.1.0\n',
      },
      {
        name: '$json',
        files: { 'api/catalog-info.yaml': api('$json: ./schema.json'), 'api/schema.json': '{"a": [1]}' },
        expected: { a: [1] },
      },
      { name: '$yaml', files: { 'api/catalog-info.yaml': api('$yaml: ./values.yaml'), 'api/values.yaml': 'a: 1\n' }, expected: { a: 1 } },
      {
        name: 'a JSON Schema $ref is left alone',
        files: { 'api/catalog-info.yaml': api('$ref: "#/definitions/x"') },
        expected: { $ref: '#/definitions/x' },
      },
    ])('$name', async ({ files, expected }) => {
      const result = await collect({ 'catalog-info.yaml': location('root', ['./api/catalog-info.yaml']), ...files });
      expect(result.problems).toEqual([]);
      expect((result.documents[1]?.data as { spec: { definition: unknown } }).spec.definition).toEqual(expected);
    });

    it('never fetches a URL placeholder: the field holds the URL, with a warning', async () => {
      const result = await collect({ 'catalog-info.yaml': api('$text: https://petstore.example.com/openapi.yaml') });
      expect(definitionOf(result)).toBe('https://petstore.example.com/openapi.yaml');
      expect(result.problems).toEqual([
        // At the field's line (spec.definition), not the document's.
        { severity: 'warning', repo: 'repo', file: 'catalog-info.yaml', line: 9, message: expect.stringContaining('never fetches') },
      ]);
    });

    it.each<{ name: string; files: Record<string, string>; message: RegExp }>([
      { name: 'a missing file', files: { 'catalog-info.yaml': api('$text: ./missing.yaml') }, message: /not a tracked file/ },
      {
        name: 'a path outside the repository',
        files: { 'catalog-info.yaml': api('$text: ../../secrets') },
        message: /outside the repository/,
      },
      { name: 'invalid JSON', files: { 'catalog-info.yaml': api('$json: ./x.json'), 'x.json': '{' }, message: /not valid JSON/ },
      {
        name: 'several YAML documents',
        files: { 'catalog-info.yaml': api('$yaml: ./x.yaml'), 'x.yaml': 'a: 1\n---\nb: 2\n' },
        message: /exactly one YAML document/,
      },
    ])('drops the entity, as Backstage fails it, when a placeholder names $name', async ({ files, message }) => {
      const result = await collect({ ...files, 'other.yaml': component('unrelated') });
      expect(result.documents).toEqual([]);
      expect(result.problems).toEqual([
        { severity: 'error', repo: 'repo', file: 'catalog-info.yaml', line: 9, message: expect.stringMatching(message) },
      ]);
    });
  });
});

describe("descriptors below a repository's root", () => {
  const monorepo = {
    'services/beta/catalog-info.yaml': component('beta'),
    'services/alpha/catalog-info.yaml': component('alpha'),
    'node_modules/lib/catalog-info.yaml': component('vendored'),
    'README.md': '# Monorepo',
  };

  it('are not read by default, as Backstage discovery reads the root only; a warning says how to read them', async () => {
    const result = await collect(monorepo);
    expect(result.files).toEqual([]);
    expect(result.unread).toEqual(['services/alpha/catalog-info.yaml', 'services/beta/catalog-info.yaml']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'services/alpha/catalog-info.yaml',
        message: expect.stringMatching(
          /^services\/alpha\/catalog-info\.yaml and 1 more descriptor file below the root are not read: .* set catalog\.paths in portal\.yaml \(e\.g\. \['\*\*\/catalog-info\.yaml'\]\)/,
        ),
      },
    ]);
  });

  it('are not listed when the root has a descriptor, which chooses what the repository declares', async () => {
    const result = await collect({ ...monorepo, 'catalog-info.yaml': component('root') });
    expect(result.files).toEqual(['catalog-info.yaml']);
    expect(result.unread).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it('are read where catalog.paths names them, the root first, then by path, with the targets of their Locations', async () => {
    const result = await collect(
      {
        ...monorepo,
        'catalog-info.yaml': location('root', ['./extra.yaml']),
        'extra.yaml': component('extra'),
        'docs/catalog-info.yaml.example': component('example'),
      },
      ['/**/catalog-info.yaml'],
    );
    expect(result.files).toEqual([
      'catalog-info.yaml',
      'extra.yaml',
      'node_modules/lib/catalog-info.yaml',
      'services/alpha/catalog-info.yaml',
      'services/beta/catalog-info.yaml',
    ]);
    expect(result.unread).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it("are named, with the paths, when catalog.paths matches none of a repository's descriptors", async () => {
    const result = await collect({ ...monorepo, 'catalog-info.yaml': component('root') }, ['catalog-info.yml']);
    expect(result.files).toEqual([]);
    expect(result.unread).toEqual(['catalog-info.yaml', 'services/alpha/catalog-info.yaml', 'services/beta/catalog-info.yaml']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        repo: 'repo',
        file: 'catalog-info.yaml',
        message:
          'catalog-info.yaml and 2 more descriptor files are not read: no file of this repository matches catalog.paths in portal.yaml (catalog-info.yml). Add a pattern that matches them.',
      },
    ]);
  });

  it('read as catalog.paths names them, without the root when it is not named', async () => {
    const result = await collect({ ...monorepo, 'catalog-info.yaml': component('root') }, ['services/*/catalog-info.yaml']);
    expect(result.files).toEqual(['services/alpha/catalog-info.yaml', 'services/beta/catalog-info.yaml']);
  });
});

describe('descriptors retriever on hostile YAML', () => {
  it('keeps a __proto__ key as a plain key, never as the prototype', async () => {
    const context = memoryContext({ 'catalog-info.yaml': 'metadata:\n  __proto__:\n    polluted: true\n' });
    const metadata = ((await descriptors.collect(context)).documents[0]!.data as { metadata: object }).metadata;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.keys(metadata)).toEqual(['__proto__']);
  });
});

describe("a Backstage app's app-config.yaml", () => {
  const appConfig = (locations: string) =>
    `app:\n  title: Portal\ncatalog:\n  rules:\n    - allow: [Component, API]\n  locations:\n${locations}`;

  it('registers the files of this repository it names, by file path or by URL, after catalog-info.yaml and once each', async () => {
    const result = await collect({
      'catalog-info.yaml': component('app'),
      'app-config.yaml': appConfig(
        [
          '    - type: url\n      target: https://github.com/acme/other/blob/main/catalog-info.yaml',
          '    - type: url\n      target: https://github.com/acme/repo/blob/main/templates/new/template.yaml',
          '    - type: url\n      target: https://gitlab.example.com/acme/repo/-/blob/main/examples/entities.yaml',
          '    - type: file\n      target: ../../examples/org.yaml',
          '    - type: url\n      target: https://github.com/acme/repo/blob/main/catalog-info.yaml',
          '    - type: url\n      target: https://github.com/acme/repo/blob/main/../../../etc/passwd.yaml',
          '    - type: file\n      target: /etc/passwd',
        ].join('\n') + '\n',
      ),
      'packages/backend/package.json': '{}',
      'templates/new/template.yaml': component('from-template'),
      'examples/entities.yaml': component('example'),
      'examples/org.yaml': component('org'),
    });
    expect(result.files).toEqual(['catalog-info.yaml', 'templates/new/template.yaml', 'examples/entities.yaml', 'examples/org.yaml']);
    expect(result.documents.map((document) => (document.data as { metadata: { name: string } }).metadata.name)).toEqual([
      'app',
      'from-template',
      'example',
      'org',
    ]);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'app-config.yaml',
        repo: 'repo',
        message:
          'catalog.locations[6] is not read: Target "/etc/passwd" is an absolute file path; only relative targets (starting with ./) inside the repository are read.',
      },
      {
        severity: 'warning',
        file: 'app-config.yaml',
        repo: 'repo',
        message:
          "app-config.yaml registers 2 catalog locations in other repositories; Cairn reads only this repository's files and never fetches them. Add those repositories as sources to catalog them.",
      },
    ]);
  });

  it('is read without a catalog-info.yaml, and is only configuration when it registers nothing here', async () => {
    expect(
      (
        await collect({
          'app-config.yaml': appConfig('    - type: file\n      target: ./catalog/all.yaml\n'),
          'catalog/all.yaml': component('all'),
        })
      ).files,
    ).toEqual(['catalog/all.yaml']);
    expect(await collect({ 'app-config.yaml': 'app:\n  title: Portal\n' })).toEqual({ files: [], documents: [], problems: [] });
  });
});
