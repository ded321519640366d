import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../collectors/checks/check.ts';
import {
  contentGlobsFor,
  customCheckFileSchema,
  parsePath,
  toCheckDefinition,
  type CustomCheckFile,
} from '../../../collectors/checks/custom.ts';
import { runCheck } from '../../../collectors/checks/run.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { parseYamlConfig } from '../../../collectors/yaml/config.ts';
import { component } from '../scorecards/fixtures.ts';

const META = {
  id: 'custom-rule',
  title: 'A custom rule',
  description: 'Looks at something.',
  why: 'Because.',
  fix: 'Do it.',
  effort: 'low',
};

function check(rule: Record<string, unknown>, extra: Record<string, unknown> = {}): CustomCheckFile {
  return customCheckFileSchema.parse({ ...META, ...extra, rule });
}

/** Runs `rule` over a repository whose tracked files are `tree` (every one readable unless listed in `unreadable`). */
function run(
  rule: Record<string, unknown>,
  tree: Record<string, string>,
  options: { unreadable?: string[]; extra?: Record<string, unknown>; facts?: Partial<Facts> } = {},
): CheckResult {
  const contents = Object.fromEntries(Object.entries(tree).filter(([path]) => !options.unreadable?.includes(path)));
  const facts = { files: Object.keys(tree).sort(), contentFiles: contents, ...options.facts } as Facts;
  return runCheck(toCheckDefinition(check(rule, options.extra)), {
    entity: component('svc'),
    facts,
    catalog: { get: () => undefined },
    options: {},
    now: new Date('2026-11-01T00:00:00Z'),
  });
}

describe('parsePath', () => {
  it.each([
    ['scripts.test', ['scripts', 'test']],
    ['jobs.build.steps[0]', ['jobs', 'build', 'steps', 0]],
    ['manifests[0].runtime', ['manifests', 0, 'runtime']],
    ['a["b.c"].d', ['a', 'b.c', 'd']],
    ["on['pull_request']", ['on', 'pull_request']],
    ['[2]', [2]],
    ['', undefined],
    ['.a', undefined],
    ['a..b', undefined],
    ['a[b]', undefined],
    ['a[0', undefined],
  ])('%s', (path, expected) => {
    expect(parsePath(path)).toEqual(expected);
  });
});

describe('customCheckFileSchema', () => {
  const yamlOf = (rule: string) => `id: custom-rule\ntitle: A rule\ndescription: d\nwhy: w\nfix: f\neffort: low\nrule:\n${rule}`;
  it.each([
    ['both any and all', '  type: file-exists\n  any: [a]\n  all: [b]\n', 'x.yaml:7: rule: give exactly one of any, all or none'],
    ['any and none', '  type: file-exists\n  any: [a]\n  none: [b]\n', 'x.yaml:7: rule: give exactly one of any, all or none'],
    ['neither any nor all', '  type: file-exists\n', 'x.yaml:7: rule: give exactly one of any, all or none'],
    [
      'a regular expression that does not compile',
      '  type: file-contains\n  files: Makefile\n  pattern: "(test"\n',
      'x.yaml:10: rule.pattern: not a valid regular expression (missing closing ): `(test`)',
    ],
    [
      'lookahead, which no linear-time engine matches',
      '  type: file-not-contains\n  files: Makefile\n  pattern: "test(?=:)"\n',
      'x.yaml:10: rule.pattern: not a pattern custom checks can match (invalid or unsupported Perl syntax: `(?=`): JavaScript accepts it, but they match with RE2, in time linear in the text, which has no lookahead or backreferences (lookbehind works); rewrite it without them',
    ],
    [
      'a backreference in a value pattern',
      '  type: fact\n  fact: readme.path\n  matches: "(a)\\\\1"\n',
      'x.yaml:10: rule.matches: not a pattern custom checks can match (invalid escape sequence: `\\1`): JavaScript accepts it, but they match with RE2, in time linear in the text, which has no lookahead or backreferences (lookbehind works); rewrite it without them',
    ],
    [
      'unknown flags',
      '  type: file-contains\n  files: Makefile\n  pattern: test\n  flags: gx\n',
      'x.yaml:11: rule.flags: expected some of i, m, s, u, each once',
    ],
    [
      'exists: false with a condition',
      '  type: json-path\n  file: package.json\n  path: engines.node\n  exists: false\n  equals: "22"\n',
      'x.yaml:11: rule.exists: exists: false cannot be combined with equals',
    ],
    [
      'a path outside the grammar',
      '  type: yaml-path\n  file: a.yaml\n  path: a..b\n',
      'x.yaml:10: rule.path: expected a path like scripts.test or jobs.build.steps[0]',
    ],
    [
      'a semver range that is not one',
      '  type: fact\n  fact: manifests[0].runtime\n  semver: "new enough"\n',
      'x.yaml:10: rule.semver: not a semver range',
    ],
    ['an unknown rule type', '  type: file-absent\n  files: x\n', 'x.yaml:8: rule.type:'],
    ['an unknown field', '  type: file-exists\n  any: [a]\n  some: [b]\n', 'x.yaml:10: rule: unknown field "some"'],
  ])('rejects %s, naming the line and field', (_name, rule, message) => {
    expect(() => parseYamlConfig(yamlOf(rule), 'x.yaml', customCheckFileSchema)).toThrow(message);
  });

  it('reports unknown flags alone, not as a fault of the pattern too', () => {
    const rule = '  type: file-not-contains\n  files: Makefile\n  pattern: x\n  flags: zz\n';
    expect(() => parseYamlConfig(yamlOf(rule), 'x.yaml', customCheckFileSchema)).toThrow(
      /^x\.yaml:11: rule\.flags: expected some of i, m, s, u, each once$/,
    );
  });

  it('defaults the category to custom and accepts one glob or many', () => {
    const parsed = check({ type: 'file-exists', any: 'Makefile' }, { ignore: 'vendor/**' });
    expect(parsed.category).toBe('custom');
    expect(parsed.ignore).toEqual(['vendor/**']);
    expect(parsed.rule).toEqual({ type: 'file-exists', any: ['Makefile'] });
  });
});

describe('file-exists', () => {
  const tree = { Makefile: 'test:\n', 'docs/index.md': '# Docs', 'vendor/lib/README.md': 'x' };
  it.each([
    { rule: { any: ['Makefile', 'justfile'] }, outcome: 'pass', evidence: [{ path: 'Makefile' }] },
    { rule: { any: ['justfile'] }, outcome: 'fail', evidence: [] },
    { rule: { all: ['Makefile', 'docs/**/*.md'] }, outcome: 'pass', evidence: [{ path: 'Makefile' }, { path: 'docs/index.md' }] },
    { rule: { all: ['Makefile', 'CHANGELOG.md'] }, outcome: 'fail', evidence: [] },
    { rule: { any: ['**/README.md'] }, outcome: 'fail', evidence: [], ignore: ['vendor/**'] },
    { rule: { any: ['**/README.md'] }, outcome: 'pass', evidence: [{ path: 'vendor/lib/README.md' }] },
    { rule: { none: ['.travis.yml', '**/.env'] }, outcome: 'pass', evidence: [] },
    { rule: { none: ['**/README.md'] }, outcome: 'fail', evidence: [{ path: 'vendor/lib/README.md' }] },
    { rule: { none: ['**/README.md'] }, outcome: 'pass', evidence: [], ignore: ['vendor/**'] },
  ])('$rule (ignoring $ignore) → $outcome', ({ rule, outcome, evidence, ignore }) => {
    const result = run({ type: 'file-exists', ...rule }, tree, { extra: ignore ? { ignore } : {} });
    expect(result.outcome).toBe(outcome);
    expect(result.evidence).toEqual(evidence);
  });

  it('says which files its ignore left out, when nothing else matches', () => {
    const dockerfile = { '.devcontainer/Dockerfile': 'FROM x' };
    const ignore = { extra: { ignore: ['.devcontainer/**'] } };
    expect(run({ type: 'file-exists', any: ['**/Dockerfile'] }, dockerfile, ignore).message).toBe(
      'No file matches **/Dockerfile but .devcontainer/Dockerfile, which the check ignores.',
    );
    expect(run({ type: 'json-path', file: '.devcontainer/Dockerfile', path: 'a' }, dockerfile, ignore).message).toBe(
      '.devcontainer/Dockerfile is ignored by the check.',
    );
  });

  it('names what is missing, or what should not be there', () => {
    expect(run({ type: 'file-exists', all: ['Makefile', 'CHANGELOG.md'] }, tree).message).toBe('No file matches CHANGELOG.md.');
    expect(run({ type: 'file-exists', none: ['Makefile', '.travis.yml'] }, tree).message).toBe(
      'Makefile is tracked; no file should match Makefile or .travis.yml.',
    );
  });
});

describe('file-contains', () => {
  const makefile = 'build:\n\tgo build ./...\n\ntest:\n\tgo test ./...\n';
  it.each<{ name: string; rule: Record<string, unknown>; tree: Record<string, string>; outcome: string; evidence: unknown[] }>([
    {
      name: 'a match, with its line',
      rule: { files: 'Makefile', pattern: '^test:', flags: 'm' },
      tree: { Makefile: makefile },
      outcome: 'pass',
      evidence: [{ path: 'Makefile', line: 4, note: 'test:' }],
    },
    {
      name: 'no match',
      rule: { files: 'Makefile', pattern: '^lint:', flags: 'm' },
      tree: { Makefile: makefile },
      outcome: 'fail',
      evidence: [{ path: 'Makefile' }],
    },
    {
      name: 'flags are honoured',
      rule: { files: 'Makefile', pattern: '^TEST:', flags: 'mi' },
      tree: { Makefile: makefile },
      outcome: 'pass',
      evidence: [{ path: 'Makefile', line: 4, note: 'test:' }],
    },
    {
      name: 'no such file: not applicable by default',
      rule: { files: 'Makefile', pattern: 'x' },
      tree: { 'go.mod': '' },
      outcome: 'notApplicable',
      evidence: [],
    },
    {
      name: 'no such file: fail when asked',
      rule: { files: 'Makefile', pattern: 'x', whenMissing: 'fail' },
      tree: { 'go.mod': '' },
      outcome: 'fail',
      evidence: [],
    },
    {
      name: 'any file is enough',
      rule: { files: '**/Dockerfile', pattern: 'HEALTHCHECK' },
      tree: { 'a/Dockerfile': 'FROM x', 'b/Dockerfile': 'FROM x\nHEALTHCHECK CMD true' },
      outcome: 'pass',
      evidence: [{ path: 'b/Dockerfile', line: 2, note: 'HEALTHCHECK CMD true' }],
    },
    {
      name: 'every file, when match is all',
      rule: { files: '**/Dockerfile', pattern: 'HEALTHCHECK', match: 'all' },
      tree: { 'a/Dockerfile': 'FROM x', 'b/Dockerfile': 'FROM x\nHEALTHCHECK CMD true' },
      outcome: 'fail',
      evidence: [{ path: 'a/Dockerfile' }],
    },
  ])('$name', ({ rule, tree, outcome, evidence }) => {
    const result = run({ type: 'file-contains', ...rule }, tree);
    expect(result.outcome).toBe(outcome);
    expect(result.evidence).toEqual(evidence);
  });

  it('matches in linear time: a pattern that backtracks exponentially in JavaScript takes milliseconds over any text', () => {
    // JavaScript's engine takes 2^60 steps on each line here: the run would never end.
    const text = Array.from({ length: 50 }, () => `${'word '.repeat(60)}!`).join('\n');
    const result = run({ type: 'file-contains', files: 'CHANGELOG.md', pattern: '^(\\w+\\s?)*$', flags: 'm' }, { 'CHANGELOG.md': text });
    expect(result.outcome).toBe('fail');
  });

  it.each([
    ['$ with m ends a Windows line too', { pattern: '^---$', flags: 'm' }, 'title\r\n---\r\nbody\r\n', 'pass'],
    ['lookbehind', { pattern: '(?<=@)v[0-9]+' }, 'uses: actions/checkout@v4', 'pass'],
    ['negative lookbehind', { pattern: '(?<!@)v[0-9]+' }, 'uses: actions/checkout@v4', 'fail'],
    ['JavaScript’s \\u escapes', { pattern: 'caf\\u00e9' }, 'un café', 'pass'],
    ['[^] for any character', { pattern: 'a[^]b' }, 'a\nb', 'pass'],
  ])('reads patterns as JavaScript does: %s', (_name, rule, text, outcome) => {
    expect(run({ type: 'file-contains', files: 'notes.md', ...rule }, { 'notes.md': text }).outcome).toBe(outcome);
  });

  it('says which matching files its ignore left out, when none is left', () => {
    const result = run(
      { type: 'file-contains', files: '**/Dockerfile', pattern: 'HEALTHCHECK' },
      { '.devcontainer/Dockerfile': 'FROM x' },
      { extra: { ignore: ['.devcontainer/**'] } },
    );
    expect(result).toMatchObject({
      outcome: 'notApplicable',
      message: 'No file matches **/Dockerfile but .devcontainer/Dockerfile, which the check ignores.',
    });
  });

  it('gives the line of a match in a Windows file', () => {
    expect(run({ type: 'file-contains', files: 'a.md', pattern: '^b$', flags: 'm' }, { 'a.md': 'a\r\nb\r\nc' }).evidence).toEqual([
      { path: 'a.md', line: 2, note: 'b' },
    ]);
  });

  it('keeps JavaScript’s flags: i, m and s', () => {
    const tree = { 'README.md': '# Tool\n\n## usage\nrun it\nnow' };
    expect(run({ type: 'file-contains', files: 'README.md', pattern: '^## Usage', flags: 'im' }, tree).evidence).toEqual([
      { path: 'README.md', line: 3, note: '## usage' },
    ]);
    expect(run({ type: 'file-contains', files: 'README.md', pattern: '^## Usage', flags: 'i' }, tree).outcome).toBe('fail');
    expect(run({ type: 'file-contains', files: 'README.md', pattern: 'it.now', flags: 's' }, tree).outcome).toBe('pass');
    expect(run({ type: 'file-contains', files: 'README.md', pattern: 'it.now' }, tree).outcome).toBe('fail');
  });

  it('is an error when the only file could not be read', () => {
    const result = run({ type: 'file-contains', files: 'Makefile', pattern: 'test' }, { Makefile: '' }, { unreadable: ['Makefile'] });
    expect(result).toEqual({ outcome: 'error', message: expect.stringContaining('Could not read Makefile'), evidence: [] });
  });

  it('is an error when no file text was collected at all', () => {
    const result = run(
      { type: 'file-contains', files: 'Makefile', pattern: 'test' },
      { Makefile: 'test:' },
      { facts: { contentFiles: undefined } },
    );
    expect(result).toEqual({
      outcome: 'error',
      message: expect.stringContaining('The "contentFiles" fact of repository svc could not be collected'),
      evidence: [],
    });
  });

  it('passes on a readable match even when another file could not be read', () => {
    const result = run(
      { type: 'file-contains', files: '*.md', pattern: 'Usage' },
      { 'A.md': '', 'B.md': '## Usage' },
      { unreadable: ['A.md'] },
    );
    expect(result.outcome).toBe('pass');
  });
});

describe('file-not-contains', () => {
  const readme = '# Svc\n\nTODO: write this\n\nUsage: run it.\nTODO fix\n';
  it.each<{ name: string; tree: Record<string, string>; outcome: string; evidence: unknown[] }>([
    {
      name: 'every offending line is evidence',
      tree: { 'README.md': readme },
      outcome: 'fail',
      evidence: [
        { path: 'README.md', line: 3, note: 'TODO: write this' },
        { path: 'README.md', line: 6, note: 'TODO fix' },
      ],
    },
    { name: 'clean', tree: { 'README.md': '# Svc\n\nDone.\n' }, outcome: 'pass', evidence: [{ path: 'README.md' }] },
    { name: 'no README', tree: { 'main.go': '' }, outcome: 'notApplicable', evidence: [] },
  ])('$name', ({ tree, outcome, evidence }) => {
    const result = run({ type: 'file-not-contains', files: 'README.md', pattern: '\\bTODO\\b' }, tree);
    expect(result.outcome).toBe(outcome);
    expect(result.evidence).toEqual(evidence);
  });

  it('is an error when a file could not be read and nothing else offends', () => {
    expect(
      run({ type: 'file-not-contains', files: '*.md', pattern: 'TODO' }, { 'A.md': 'fine', 'B.md': '' }, { unreadable: ['B.md'] }).outcome,
    ).toBe('error');
  });

  it('does not read ignored files', () => {
    expect(
      run(
        { type: 'file-not-contains', files: '**/*.md', pattern: 'TODO' },
        { 'README.md': 'ok', 'vendor/x.md': 'TODO' },
        { extra: { ignore: 'vendor/**' } },
      ).outcome,
    ).toBe('pass');
  });
});

describe('json-path and yaml-path', () => {
  const packageJson =
    '{\n  "name": "svc",\n  "scripts": {\n    "test": "vitest run"\n  },\n  "engines": {\n    "node": ">=22.11"\n  }\n}\n';
  const workflow =
    'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n';
  it.each([
    {
      name: 'semver within range',
      rule: { type: 'json-path', file: 'package.json', path: 'engines.node', semver: '>=20' },
      outcome: 'pass',
      evidence: [{ path: 'package.json', line: 7, note: '">=22.11"' }],
    },
    {
      name: 'semver allowing older versions',
      rule: { type: 'json-path', file: 'package.json', path: 'engines.node', semver: '>=24' },
      outcome: 'fail',
      evidence: [{ path: 'package.json', line: 7, note: '">=22.11"' }],
    },
    {
      name: 'exists',
      rule: { type: 'json-path', file: 'package.json', path: 'scripts.test' },
      outcome: 'pass',
      evidence: [{ path: 'package.json', line: 4, note: '"vitest run"' }],
    },
    {
      name: 'missing key points at its parent',
      rule: { type: 'json-path', file: 'package.json', path: 'scripts.lint' },
      outcome: 'fail',
      evidence: [{ path: 'package.json', line: 3 }],
    },
    {
      name: 'must not exist',
      rule: { type: 'json-path', file: 'package.json', path: 'scripts.lint', exists: false },
      outcome: 'pass',
      evidence: [{ path: 'package.json', line: 3 }],
    },
    {
      name: 'equals',
      rule: { type: 'json-path', file: 'package.json', path: 'name', equals: 'svc' },
      outcome: 'pass',
      evidence: [{ path: 'package.json', line: 2, note: '"svc"' }],
    },
    {
      name: 'equals a map, deeply',
      rule: { type: 'json-path', file: 'package.json', path: 'scripts', equals: { test: 'vitest' } },
      outcome: 'fail',
      evidence: [{ path: 'package.json', line: 3, note: '{"test":"vitest run"}' }],
    },
    {
      name: 'matches',
      rule: { type: 'json-path', file: 'package.json', path: 'scripts.test', matches: '^vitest' },
      outcome: 'pass',
      evidence: [{ path: 'package.json', line: 4, note: '"vitest run"' }],
    },
    {
      name: 'a list index in YAML',
      rule: { type: 'yaml-path', file: '.github/workflows/ci.yml', path: 'jobs.build.steps[0].uses', matches: '@[0-9a-f]{40}$' },
      outcome: 'fail',
      evidence: [{ path: '.github/workflows/ci.yml', line: 7, note: '"actions/checkout@v4"' }],
    },
    { name: 'no such file', rule: { type: 'json-path', file: 'composer.json', path: 'name' }, outcome: 'notApplicable', evidence: [] },
    {
      name: 'no such file, failing when asked',
      rule: { type: 'json-path', file: 'composer.json', path: 'name', whenMissing: 'fail' },
      outcome: 'fail',
      evidence: [],
    },
  ])('$name', ({ rule, outcome, evidence }) => {
    const result = run(rule, { 'package.json': packageJson, '.github/workflows/ci.yml': workflow });
    expect(result.outcome).toBe(outcome);
    expect(result.evidence).toEqual(evidence);
  });

  it('fails a file that does not parse, at the line of the fault', () => {
    const result = run({ type: 'json-path', file: 'package.json', path: 'name' }, { 'package.json': '{\n  "name": "svc",\n  "x": [\n}\n' });
    expect(result.outcome).toBe('fail');
    expect(result.message).toMatch(/^package\.json could not be parsed/);
    expect(result.evidence[0]).toMatchObject({ path: 'package.json', line: expect.any(Number) });
  });

  it('fails a file nested too deep at its line, the same every time, without parsing it', () => {
    const files = { 'config.yaml': `a: 1\nb: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` };
    const result = run({ type: 'yaml-path', file: 'config.yaml', path: 'a' }, files);
    expect(result).toMatchObject({
      outcome: 'fail',
      message: 'config.yaml could not be parsed: nesting deeper than 128 levels.',
      evidence: [{ path: 'config.yaml', line: 2 }],
    });
    expect(run({ type: 'yaml-path', file: 'config.yaml', path: 'a' }, files)).toEqual(result);
  });

  it('says what the value should be', () => {
    expect(
      run({ type: 'json-path', file: 'package.json', path: 'engines.node', semver: '>=24' }, { 'package.json': packageJson }).message,
    ).toBe('engines.node in package.json is ">=22.11"; it allows versions outside >=24.');
  });
});

describe('fact', () => {
  const facts: Partial<Facts> = {
    manifests: [{ ecosystem: 'npm', path: 'services/api/package.json', runtime: '>=18', dependencies: [] }],
    activity: { since: '2026-08-01T00:00:00Z', commits: 40, authors: 3 },
  };
  it.each([
    {
      name: 'semver with the manifest as evidence',
      rule: { fact: 'manifests[0].runtime', semver: '>=20' },
      outcome: 'fail',
      evidence: [{ path: 'services/api/package.json', note: '">=18"' }],
    },
    { name: 'gte', rule: { fact: 'activity.authors', gte: 2 }, outcome: 'pass', evidence: [] },
    { name: 'lte', rule: { fact: 'activity.commits', lte: 10 }, outcome: 'fail', evidence: [] },
    { name: 'a missing element', rule: { fact: 'manifests[1].runtime' }, outcome: 'fail', evidence: [] },
    { name: 'a fact that was not collected', rule: { fact: 'readme.title' }, outcome: 'error', evidence: [] },
  ])('$name', ({ rule, outcome, evidence }) => {
    const result = run({ type: 'fact', ...rule }, {}, { facts });
    expect(result.outcome).toBe(outcome);
    expect(result.evidence).toEqual(evidence);
  });

  it('does not apply to an entity without a repository', () => {
    const definition = toCheckDefinition(check({ type: 'fact', fact: 'activity.commits', gte: 1 }));
    expect(
      runCheck(definition, {
        entity: component('team', { repo: null }),
        facts: undefined,
        catalog: { get: () => undefined },
        options: {},
        now: new Date(),
      }).outcome,
    ).toBe('notApplicable');
  });
});

describe('contentGlobsFor', () => {
  it('asks for the files content rules search and the documents path rules read, once each', () => {
    const checks = [
      check({ type: 'file-contains', files: ['Makefile', '**/Dockerfile'], pattern: 'x' }),
      check({ type: 'file-not-contains', files: 'Makefile', pattern: 'y' }),
      check({ type: 'json-path', file: 'package(1).json', path: 'name' }),
      check({ type: 'file-exists', any: 'README.md' }),
      check({ type: 'fact', fact: 'head.branch' }),
    ];
    expect(contentGlobsFor(checks)).toEqual(['**/Dockerfile', 'Makefile', 'package\\(1\\).json']);
  });
});
