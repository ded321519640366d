import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import { portalConfigSchema } from '../../../collectors/config/schema.ts';
import { initiativeFileSchema } from '../../../collectors/initiatives/schema.ts';
import { customCheckFileSchema } from '../../../collectors/checks/custom/schema.ts';
import { scorecardDefinitionSchema } from '../../../collectors/scorecards/definition.ts';
import { parseYamlConfig } from '../../../collectors/yaml/config.ts';
import { renderJsonSchema, USER_SCHEMAS } from '../../../scripts/dev/generate-schemas.ts';

const parse = (text: string) => parseYamlConfig(text, 'content/portal.yaml', portalConfigSchema);

describe('portal.yaml', () => {
  it('refuses deep nesting at its line with the same message every time', () => {
    const text = `title: Acme\nsources: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const messages = [0, 1].map(() => {
      try {
        parse(text);
        return 'parsed';
      } catch (error) {
        return error instanceof ConfigError ? error.message : `unexpected: ${String(error)}`;
      }
    });
    expect(messages).toEqual(Array(2).fill('content/portal.yaml:2: invalid YAML: nesting deeper than 128 levels'));
  });

  it('fills defaults', () => {
    expect(parse('title: Acme\n')).toEqual({
      title: 'Acme',
      base: '/',
      badges: false,
      sources: [],
      catalog: {},
      activity: { windowDays: 90 },
      guides: { staleAfterDays: 180 },
      history: { keep: 365 },
      limits: { files: 500_000, megabytes: 256, seconds: 300 },
    });
    expect(parse('')).toMatchObject({ title: 'Cairn' });
  });

  it.each([
    [
      'a wrong type, with its line',
      'title: Acme\nsources:\n  - type: directory\n    repos: 3\n',
      'content/portal.yaml:4: sources[0].repos: expected string, received number',
    ],
    [
      'an unknown source type',
      'sources:\n  - type: gitlab\n',
      'content/portal.yaml:2: sources[0].type: expected "directory", "git" or "github"; did you mean "github"?',
    ],
    [
      'a misspelt source type',
      'sources:\n  - type: directori\n    repos: x\n',
      'content/portal.yaml:2: sources[0].type: expected "directory", "git" or "github"; did you mean "directory"?',
    ],
    [
      'a missing required field points at its parent',
      'sources:\n  - type: directory\n',
      'content/portal.yaml:2: sources[0].repos: missing; expected string',
    ],
    [
      'a guide link template that is not a web URL',
      'guides:\n  editUrl: javascript:alert(1)\n',
      'content/portal.yaml:2: guides.editUrl: expected an http(s) URL',
    ],
    ['an unknown field', 'title: Acme\ntheme: dark\n', 'content/portal.yaml:2: (top level): unknown field "theme"'],
    ['a bad base path', 'base: portal\n', 'content/portal.yaml:1: base: expected a path starting with /'],
    ['badges that are neither true nor scorecard ids', 'badges: []\n', /content\/portal\.yaml:1: badges: /],
    ['a bad URL', 'site: not a url\n', /content\/portal\.yaml:1: site: .*URL/i],
    ['invalid YAML', 'title: [unclosed\n', /^content\/portal\.yaml:\d: invalid YAML: /],
    [
      'an alias bomb',
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      /^content\/portal\.yaml: invalid YAML: .*alias/i,
    ],
    ['a duplicate key', 'title: A\ntitle: B\n', /^content\/portal\.yaml:2: invalid YAML: .*unique/i],
    ['a cap that is not positive', 'limits:\n  seconds: 0\n', 'content/portal.yaml:2: limits.seconds: Too small: expected number to be >0'],
  ])('rejects %s', (_name, text, expected) => {
    let error: unknown;
    try {
      parse(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    if (typeof expected === 'string') expect((error as Error).message).toBe(expected);
    else expect((error as Error).message).toMatch(expected);
  });
});

describe('generated JSON Schemas', () => {
  it.each(Object.keys(USER_SCHEMAS))('schemas/%s matches the zod schema (run `npm run schemas`)', async (file) => {
    expect(await readFile(new URL(`../../../schemas/${file}`, import.meta.url), 'utf8')).toBe(renderJsonSchema(file));
  });
});

describe('a value that matches no branch of a union', () => {
  const scorecard = (checks: string) => `id: s\ntitle: S\nlevels:\n  - id: bronze\n    checks:\n${checks}`;
  const message = (text: string, schema: Parameters<typeof parseYamlConfig>[2]) => {
    try {
      parseYamlConfig(text, 'x.yaml', schema);
      return 'parsed';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it.each([
    [
      'a check entry whose weight is not a number',
      scorecard('      - id: recent-commit\n        weight: heavy\n'),
      'x.yaml:7: levels[0].checks[0].weight: expected number, received string',
    ],
    [
      'a check entry with a misspelt field',
      scorecard('      - idd: recent-commit\n'),
      'x.yaml:6: levels[0].checks[0].id: missing; expected string\nx.yaml:6: levels[0].checks[0]: unknown field "idd"; did you mean "id"?',
    ],
    [
      'a check entry of neither type',
      scorecard('      - 42\n'),
      'x.yaml:6: levels[0].checks[0]: expected string or object, received number',
    ],
  ])('is reported by the branch it was meant for: %s', (_name, text, expected) => {
    expect(message(text, scorecardDefinitionSchema)).toBe(expected);
  });

  it('says a date is expected as YYYY-MM-DD', () => {
    expect(
      message('id: x\ntitle: X\nowner: group:platform\ndeadline: 31/03/2027\ngoal:\n  checks: [readme-present]\n', initiativeFileSchema),
    ).toBe('x.yaml:4: deadline: expected a date as YYYY-MM-DD, e.g. 2027-03-31');
  });

  it('names every type a value could have had when it has none of them', () => {
    expect(message('title: A\nbadges: yes please\n', portalConfigSchema)).toBe(
      'x.yaml:2: badges: expected boolean or array, received string',
    );
  });
});

describe('an unknown field', () => {
  it.each([
    [
      'title: A\nsources:\n  - type: directory\n    repos: x\n    repo: y\n',
      'content/portal.yaml:5: sources[0]: unknown field "repo"; did you mean "repos"?',
    ],
    ['title: A\nactivity:\n  windowDay: 3\n', 'content/portal.yaml:3: activity: unknown field "windowDay"; did you mean "windowDays"?'],
    ['title: A\nzzzzzz: 1\n', /^content\/portal\.yaml:2: \(top level\): unknown field "zzzzzz"$/],
    // A block value starts on a later line; the field is on its key's.
    [
      'title: A\nsource:\n  - type: directory\n    repos: x\n',
      /^content\/portal\.yaml:2: \(top level\): unknown field "source"; did you mean "sources"\?$/m,
    ],
    [
      'title: A\nactivty:\n\n  windowDays: 90\n',
      /^content\/portal\.yaml:2: \(top level\): unknown field "activty"; did you mean "activity"\?$/m,
    ],
  ])('is named with the field it may have meant: %j', (text, expected) => {
    expect(() => parse(text)).toThrow(expected);
  });

  it('inside a union, by the fields of its object form', () => {
    expect(() =>
      parseYamlConfig(
        'id: s\ntitle: S\nlevels:\n  - id: bronze\n    checks:\n      - id: x\n        wieght: 2\n',
        'x.yaml',
        scorecardDefinitionSchema,
      ),
    ).toThrow('x.yaml:7: levels[0].checks[0]: unknown field "wieght"; did you mean "weight"?');
  });

  it("is never offered itself because another branch of the union has it: a fact rule's path is a json-path field", () => {
    const text = 'id: c\ntitle: C\nrule:\n  type: fact\n  fact: readme\n  path: words\n';
    expect(() => parseYamlConfig(text, 'c.yaml', customCheckFileSchema)).toThrow(
      /^c\.yaml:6: rule: unknown field "path"(?!; did you mean "path")/m,
    );
  });
});
