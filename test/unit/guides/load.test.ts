import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import { parseGuide } from '../../../collectors/guides/load.ts';

const CHECKS = new Set(['ci-configured', 'actions-pinned', 'readme-present']);
const FILE = 'content/guides/build/set-up-ci.mdx';

const FRONTMATTER = [
  'title: Set up CI',
  'summary: Build and test every change.',
  'category: Build and ship',
  'owner: group:platform',
  'status: recommended',
  'reviewed: 2026-09-14',
];

function guide(frontmatter: string[], body = '# Intro\n'): string {
  return `---\n${frontmatter.join('\n')}\n---\n${body}`;
}

function parse(text: string, id = 'build/set-up-ci') {
  return parseGuide(text, id, FILE, CHECKS);
}

function errorOf(text: string, id?: string): string {
  try {
    parse(text, id);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseGuide: frontmatter', () => {
  it('reads a valid guide, defaulting checks to none', () => {
    const parsed = parse(guide(FRONTMATTER));
    expect(parsed.id).toBe('build/set-up-ci');
    expect(parsed.frontmatter).toMatchObject({ title: 'Set up CI', status: 'recommended', reviewed: '2026-09-14', checks: [] });
    expect(parsed.ownerLine).toBe(5);
  });

  it.each([
    {
      why: 'a missing field points at the top',
      lines: FRONTMATTER.filter((line) => !line.startsWith('summary')),
      message: `${FILE}:2: summary: missing; expected string`,
    },
    {
      why: 'a bad status names its line',
      lines: FRONTMATTER.map((line) => (line.startsWith('status') ? 'status: golden' : line)),
      message: `${FILE}:6: status:`,
    },
    {
      why: 'a bad date names its line',
      lines: FRONTMATTER.map((line) => (line.startsWith('reviewed') ? 'reviewed: last week' : line)),
      message: `${FILE}:7: reviewed:`,
    },
    {
      why: 'an unknown field names its own line',
      lines: [...FRONTMATTER, 'audience: everyone'],
      message: `${FILE}:8: (top level): unknown field "audience"`,
    },
    {
      why: 'an unknown check names its entry and suggests',
      lines: [...FRONTMATTER, 'checks:', '  - ci-configured', '  - actions-pined'],
      message: `${FILE}:10: checks[1]: unknown check "actions-pined"; did you mean "actions-pinned"?`,
    },
    {
      why: 'a bad filter kind',
      lines: [...FRONTMATTER, 'appliesTo:', '  kind: Service'],
      message: `${FILE}:9: appliesTo.kind[0]: unknown kind "Service"`,
    },
    { why: 'YAML syntax', lines: [...FRONTMATTER, 'checks: [ci-configured'], message: `${FILE}:` },
  ])('$why', ({ lines, message }) => {
    expect(errorOf(guide(lines))).toContain(message);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parse(`\uFEFF${guide(FRONTMATTER)}`).frontmatter.title).toBe('Set up CI');
  });

  it('accepts the components with valid props', () => {
    expect(() =>
      parse(
        guide(FRONTMATTER, '<Callout type="tip" title="Hint">Yes</Callout>\n\n<Examples limit={3} />\n\n<Steps>\n\n1. One\n\n</Steps>\n'),
      ),
    ).not.toThrow();
  });

  it('refuses a file without frontmatter', () => {
    expect(errorOf('# Just a heading\n')).toBe(
      `${FILE}:1: expected frontmatter between --- lines (title, summary, category, owner, status, reviewed)`,
    );
  });

  it.each(['Build/Set-Up-CI', 'build/set up ci', 'build//ci', 'build/ci_tools'])('refuses the id %s', (id) => {
    expect(errorOf(guide(FRONTMATTER), id)).toContain(`the file name gives the guide id "${id}"`);
  });
});

describe('parseGuide: body', () => {
  it('anchors headings as github-slugger does, duplicates numbered', () => {
    const parsed = parse(guide(FRONTMATTER, '## Pin your actions\n\n### Why?\n\n## `ci.yml`, step by step\n\n### Why?\n'));
    expect(parsed.headings).toEqual([
      { depth: 2, slug: 'pin-your-actions', text: 'Pin your actions', line: 9 },
      { depth: 3, slug: 'why', text: 'Why?', line: 11 },
      { depth: 2, slug: 'ciyml-step-by-step', text: 'ci.yml, step by step', line: 13 },
      { depth: 3, slug: 'why-1', text: 'Why?', line: 15 },
    ]);
  });

  it('finds links with their file lines: Markdown, definitions and <a>', () => {
    const body = [
      'Intro with [a check](/checks/ci-configured/).',
      '',
      '<a href="https://example.com/other/">other</a>',
      '',
      '[ref]: /checks/actions-pinned/',
    ].join('\n');
    expect(parse(guide(FRONTMATTER, body)).links).toEqual([
      { href: '/checks/ci-configured/', line: 9 },
      { href: 'https://example.com/other/', line: 11 },
      { href: '/checks/actions-pinned/', line: 13 },
    ]);
  });

  it('reads <CheckList checks> as literal ids', () => {
    const parsed = parse(guide(FRONTMATTER, '<CheckList />\n\n<CheckList checks={[\'ci-configured\', "actions-pinned"]} />\n'));
    expect(parsed.checkMentions).toEqual([
      { checkId: 'ci-configured', line: 11 },
      { checkId: 'actions-pinned', line: 11 },
    ]);
  });

  it.each([
    '{Math.max(1, 2)} and {JSON.stringify({ a: 1 })} and {new Date(0).getUTCFullYear()}\n',
    '{[1, 2].map((n) => n * 2).join(", ")}\n',
    '{(() => { const x = 1; return x; })()}\n',
    '{[{ a: 1 }].map(({ a: b = 2 }) => b)}\n',
    '{frontmatter.title}\n',
    '{(() => { class A { static v = 1; m() { return 1; } } return A.v + new A().m(); })()}\n',
    '{(function () { return arguments.length; })()}\n',
    '{(() => { outer: for (const a of [1]) { break outer; } return 1; })()}\n',
    '<Examples limit={3} />\n',
    'A literal \\{brace\\}.\n',
  ])('accepts the expression in %j', (body) => {
    expect(() => parse(guide(FRONTMATTER, body))).not.toThrow();
  });

  it.each([
    { body: '<CheckList checks={ids} />\n', message: `${FILE}:9: <CheckList> checks: expected an array of check ids` },
    { body: 'Text\n\n<Callout>unclosed\n', message: `${FILE}:` },
    { body: 'A {broken expression\n', message: `invalid MDX` },
    { body: 'Text\n\n<Callout>\n\nunclosed\n', message: `${FILE}:11: invalid MDX: Expected a closing tag for \`<Callout>\`` },
    {
      body: 'Intro\n\n<Foo />\n',
      message: `${FILE}:11: <Foo>: unknown component; guides can use <Adoption>, <CheckList>, <Steps>, <Examples>, <Callout>`,
    },
    { body: '<Callout type="danger">Careful</Callout>\n', message: `${FILE}:9: <Callout> type: expected "note", "tip" or "warning"` },
    { body: '<Examples limit="abc" />\n', message: `${FILE}:9: <Examples> limit: expected a whole number, e.g. limit={3}` },
    {
      body: 'See <a href="/checks/ci-configured/">the check</a>.\n',
      message: `${FILE}:9: <a href="/checks/ci-configured/">: write site links as Markdown, [text](/checks/ci-configured/), so the portal's base path is added`,
    },
    { body: "import X from './x.js'\n\n# T\n", message: `${FILE}:9: import and export are not supported in guides` },
    // Found while loading, with its line, not when the page renders after every repository was collected.
    {
      body: 'Intro\n\nUse {node >= 20} in engines.\n',
      message: `${FILE}:11: "node" is not defined: guides have no variables, and an {expression} may hold literals and JavaScript's built-ins (write a literal { as \\{)`,
    },
    { body: '<Callout type="tip" title={heading}>Careful</Callout>\n', message: `${FILE}:9: "heading" is not defined` },
    { body: '{a + b.c + a}\n', message: `${FILE}:9: "a", "b" are not defined` },
  ])('refuses $body', ({ body, message }) => {
    expect(errorOf(guide(FRONTMATTER, body))).toContain(message);
  });
});
