import { describe, expect, it } from 'vitest';
import { deepNestingAt, MAX_YAML_CHARS, MAX_YAML_DEPTH, parseYamlDocuments, parseYamlFile } from '../../../collectors/yaml/documents.ts';

describe('parseYamlDocuments', () => {
  it.each([
    { name: 'one document', text: 'kind: A\n', documents: [{ line: 1, data: { kind: 'A' } }] },
    {
      name: 'leading comment: the line is where the content starts',
      text: '# hello\n\nkind: A\n',
      documents: [{ line: 3, data: { kind: 'A' } }],
    },
    {
      name: 'several documents with separators',
      text: 'kind: A\n---\nkind: B\n---\n# note\nkind: C\n',
      documents: [
        { line: 1, data: { kind: 'A' } },
        { line: 3, data: { kind: 'B' } },
        { line: 6, data: { kind: 'C' } },
      ],
    },
    {
      name: 'empty documents and a trailing separator are skipped',
      text: '---\n---\nkind: A\n---\n',
      documents: [{ line: 3, data: { kind: 'A' } }],
    },
    { name: 'an explicit null document is skipped', text: '--- null\n---\nkind: A\n', documents: [{ line: 3, data: { kind: 'A' } }] },
    { name: 'only comments', text: '# nothing here\n', documents: [] },
    { name: 'empty text', text: '', documents: [] },
    { name: 'a scalar document is kept for validation to reject', text: 'just text\n', documents: [{ line: 1, data: 'just text' }] },
    { name: 'small aliases are fine', text: 'a: &x [1]\nb: *x\n', documents: [{ line: 1, data: { a: [1], b: [1] } }] },
    {
      name: 'merge keys stay plain keys, as in Backstage',
      text: 'a: &x {k: 1}\nb:\n  <<: *x\n',
      documents: [{ line: 1, data: { a: { k: 1 }, b: { '<<': { k: 1 } } } }],
    },
  ])('$name', ({ text, documents }) => {
    const parsed = parseYamlDocuments(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.documents.map(({ line, data }) => ({ line, data }))).toEqual(documents);
  });

  it("gives the line of each field down to three levels, by JSON pointer, where Backstage's rejections point", () => {
    const text = '# a team\nkind: Group\nmetadata:\n  name: web\n  "a/b": 1\nspec:\n  members:\n    - ana\n    - { deep: { deeper: 1 } }\n';
    expect(parseYamlDocuments(text).documents[0]!.fields).toEqual({
      '/kind': 2,
      '/metadata': 3,
      '/metadata/name': 4,
      '/metadata/a~1b': 5,
      '/spec': 6,
      '/spec/members': 7,
      '/spec/members/0': 8,
      '/spec/members/1': 9,
    });
  });

  it.each([
    { name: 'unclosed flow sequence', text: 'kind: A\n---\na: [1, 2\nb: 3\n---\nkind: C\n', errorLine: 4, kept: ['A', 'C'] },
    { name: 'unterminated quote in the last document', text: 'kind: A\n---\nkind: "B\n', errorLine: 3, kept: ['A'] },
    { name: 'duplicate keys', text: 'kind: A\n---\nkind: B\nkind: C\n', errorLine: 4, kept: ['A'] },
    { name: 'misaligned mapping in the first document', text: 'kind: A\nspec:\n  a: 1\n b: 2\n---\nkind: B\n', errorLine: 4, kept: ['B'] },
  ])('$name: an error with its line, the other documents still load', ({ text, errorLine, kept }) => {
    const result = parseYamlDocuments(text);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(errorLine);
    expect(result.errors[0]!.message).not.toContain('\n');
    expect(result.documents.map((document) => (document.data as { kind: string }).kind)).toEqual(kept);
  });

  it('rejects an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n');
    const result = parseYamlDocuments(`kind: Safe\n---\n${bomb}\n`);
    expect(result.documents).toEqual([{ line: 1, data: { kind: 'Safe' }, fields: { '/kind': 1 } }]);
    expect(result.errors).toEqual([{ line: 3, message: expect.stringMatching(/alias/i) }]);
  });

  it('refuses text over the size cap without parsing it', () => {
    const result = parseYamlDocuments(`kind: A\n${'#'.repeat(MAX_YAML_CHARS)}\n`);
    expect(result.documents).toEqual([]);
    expect(result.errors).toEqual([{ message: expect.stringContaining(String(MAX_YAML_CHARS)) }]);
  });

  it('survives pathological nesting', () => {
    const result = parseYamlDocuments(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    expect(result.documents.length + result.errors.length).toBeGreaterThan(0);
  });

  // Deep input used to overflow the parser's stack at a point that varied between runs, so the
  // error's column did too; the depth limit now refuses it at the same collection every time.
  it.each([
    ['flow sequences on one line', `kind: A\n---\n${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 3],
    ['flow maps', `${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`, 1],
    ['block maps', `${Array.from({ length: 2_000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')} 1\n`, MAX_YAML_DEPTH + 1],
    ['block sequences', `${Array.from({ length: 2_000 }, (_, depth) => `${' '.repeat(depth * 2)}-`).join('\n')} 1\n`, MAX_YAML_DEPTH + 1],
  ])('refuses %s nested too deep, with the same message on every parse', (_, text, line) => {
    const first = parseYamlDocuments(text);
    const second = parseYamlDocuments(text);
    expect(second).toEqual(first);
    expect(first.errors).toEqual([{ line, message: `Nesting deeper than ${MAX_YAML_DEPTH} levels; that document is not read` }]);
    expect(deepNestingAt(text)).toEqual({ line });
  });

  it('reads the documents beside a document nested too deep', () => {
    const result = parseYamlDocuments(`kind: A\n---\n${'['.repeat(1_000)}${']'.repeat(1_000)}\n---\nkind: B\n`);
    expect(result.documents).toEqual([
      { line: 1, data: { kind: 'A' }, fields: { '/kind': 1 } },
      { line: 5, data: { kind: 'B' }, fields: { '/kind': 5 } },
    ]);
    expect(result.errors).toEqual([{ line: 3, message: expect.stringContaining('Nesting deeper') }]);
  });

  it('reads nesting up to the limit', () => {
    const depth = MAX_YAML_DEPTH;
    const result = parseYamlDocuments(`${'['.repeat(depth)}1${']'.repeat(depth)}\n`);
    expect(result.errors).toEqual([]);
    expect(result.documents).toHaveLength(1);
    expect(deepNestingAt(`${'['.repeat(depth)}1${']'.repeat(depth)}`)).toBeUndefined();
  });

  it('gives syntax errors without a column or source excerpt, so two parses agree', () => {
    const text = 'kind: A\nmetadata:\n  name: [unclosed\n';
    const result = parseYamlDocuments(text);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).not.toMatch(/column|\n/);
    expect(parseYamlDocuments(text)).toEqual(result);
  });
});

describe('parseYamlFile', () => {
  it.each<[string, string, unknown]>([
    ['one document', 'on: push\njobs: {}\n', { data: { on: 'push', jobs: {} } }],
    [
      'nesting too deep, refused before composing',
      `a: 1\nb: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      { error: `nesting deeper than ${MAX_YAML_DEPTH} levels`, line: 2 },
    ],
    ['a syntax error, at its line', 'a: 1\nb: "open\n', { error: expect.any(String), line: 2 }],
    ['two documents, at the second one', 'a: 1\n---\nb: 2\n', { error: 'Source contains multiple documents', line: 2 }],
  ])('%s', (_name, text, expected) => {
    const parsed = parseYamlFile(text);
    expect('error' in parsed ? parsed : { data: parsed.document.toJS() }).toEqual(expected);
  });
});
