import { describe, expect, it } from 'vitest';
import { parseUses, parseWorkflow, workflows } from '../../../collectors/facts/workflows.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

const CI = `name: ci
on:
  push:
    branches: [main]
  pull_request_target:
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - uses: actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a # v4.2.0
      - uses: ./.github/actions/local
      - uses: docker://alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      - name: greet
        run: |
          echo "hello"
          echo "\${{ github.event.pull_request.title }}"
      - uses: actions/github-script@v7
        with:
          script: console.log("\${{ github.head_ref }}")
  reuse:
    uses: acme/shared/.github/workflows/deploy.yml@main
`;

describe('parseWorkflow', () => {
  it('reads triggers, permissions, uses, expressions and checkout refs with lines', () => {
    expect(parseWorkflow(CI)).toEqual({
      triggers: ['push', 'pull_request_target'],
      permissions: { value: { contents: 'read' }, line: 6 },
      jobs: [
        { id: 'build', line: 9, permissions: { value: { 'pull-requests': 'write' }, line: 11 } },
        { id: 'reuse', line: 27 },
      ],
      uses: [
        { job: 'build', uses: 'actions/checkout@v4', kind: 'action', action: 'actions/checkout', ref: 'v4', line: 14 },
        {
          job: 'build',
          uses: 'actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a',
          kind: 'action',
          action: 'actions/setup-node',
          ref: '1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a',
          line: 17,
        },
        { job: 'build', uses: './.github/actions/local', kind: 'local', action: './.github/actions/local', line: 18 },
        {
          job: 'build',
          uses: 'docker://alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
          kind: 'docker',
          action: 'alpine',
          ref: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
          line: 19,
        },
        { job: 'build', uses: 'actions/github-script@v7', kind: 'action', action: 'actions/github-script', ref: 'v7', line: 24 },
        {
          job: 'reuse',
          uses: 'acme/shared/.github/workflows/deploy.yml@main',
          kind: 'reusable-workflow',
          action: 'acme/shared/.github/workflows/deploy.yml',
          ref: 'main',
          line: 28,
        },
      ],
      runExpressions: [
        { job: 'build', in: 'run', expression: 'github.event.pull_request.title', line: 23 },
        { job: 'build', in: 'github-script', expression: 'github.head_ref', line: 26 },
      ],
      checkoutRefs: [{ job: 'build', ref: '${{ github.event.pull_request.head.sha }}', line: 16 }],
    });
  });

  it.each([
    {
      name: 'string trigger, read-all',
      text: 'on: push\npermissions: read-all\njobs: {}\n',
      triggers: ['push'],
      permissions: { value: 'read-all', line: 2 },
    },
    {
      name: 'list trigger, empty permissions',
      text: 'on: [push, pull_request]\npermissions: {}\njobs: {}\n',
      triggers: ['push', 'pull_request'],
      permissions: { value: {}, line: 2 },
    },
    { name: 'no permissions', text: 'on:\n  workflow_dispatch:\njobs:\n', triggers: ['workflow_dispatch'], permissions: undefined },
  ])('$name', ({ text, triggers, permissions }) => {
    const parsed = parseWorkflow(text);
    expect(parsed).toMatchObject({ triggers });
    expect((parsed as { permissions?: unknown }).permissions).toEqual(permissions);
  });

  it.each([
    ['on:\n  pull_request:\n    types: [closed]\njobs: {}\n', ['closed']],
    ['on:\n  pull_request:\n    types: opened\njobs: {}\n', ['opened']],
    ['on:\n  pull_request:\n    branches: [main]\njobs: {}\n', undefined],
    ['on: [pull_request]\njobs: {}\n', undefined],
  ])('reads the types a pull_request trigger is limited to: %j', (text, types) => {
    expect((parseWorkflow(text) as { pullRequestTypes?: string[] }).pullRequestTypes).toEqual(types);
  });

  it('follows YAML anchors', () => {
    const parsed = parseWorkflow('on: push\njobs:\n  a:\n    steps: &steps\n      - uses: actions/checkout@v4\n  b:\n    steps: *steps\n');
    expect((parsed as { uses: Array<{ job: string; line: number }> }).uses.map(({ job, line }) => `${job}:${line}`)).toEqual([
      'a:5',
      'b:5',
    ]);
  });

  it.each([
    { name: 'a syntax error, with its line', text: 'on: push\njobs:\n  a: [\n', line: 4 },
    { name: 'not a mapping', text: '- a\n- b\n', line: 1 },
    { name: 'duplicate keys', text: 'on: push\non: pull_request\n', line: 2 },
  ])('$name is an error', ({ text, line }) => {
    expect(parseWorkflow(text)).toMatchObject({ error: expect.any(String), line });
  });

  it('refuses nesting too deep with the same message every time, not a stack overflow', () => {
    const text = `on: push\njobs:\n  a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(parseWorkflow(text)).toEqual({ error: 'invalid YAML: nesting deeper than 128 levels', line: 3 });
  });
});

describe('parseUses', () => {
  it.each([
    ['actions/checkout@v4', { kind: 'action', action: 'actions/checkout', ref: 'v4' }],
    ['github/codeql-action/analyze@v3', { kind: 'action', action: 'github/codeql-action/analyze', ref: 'v3' }],
    ['acme/x', { kind: 'action', action: 'acme/x' }],
    ['./local', { kind: 'local', action: './local' }],
    ['docker://node:20', { kind: 'docker', action: 'node', ref: '20' }],
    ['docker://ghcr.io/a/b', { kind: 'docker', action: 'ghcr.io/a/b' }],
  ])('%s', (uses, expected) => {
    expect(parseUses(uses)).toEqual(expected);
  });
});

describe('workflows fact', () => {
  it('reads .github/workflows/*.yml and *.yaml, reports a broken one as a warning and skips it', async () => {
    const context = memoryContext({
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      '.github/workflows/bad.yaml': 'on: push\njobs:\n  x: [\n',
      '.github/workflows/sub/ignored.yml': 'on: push\n',
      '.github/workflows/readme.md': '# no',
      'workflows/other.yml': 'on: push\n',
    });
    const result = workflows.schema.parse(await workflows.collect(context));
    expect(result.map((workflow) => workflow.path)).toEqual(['.github/workflows/ci.yml']);
    expect(context.problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: '.github/workflows/bad.yaml', line: 4, repo: 'memory' }),
    ]);
  });

  it('no workflows', async () => {
    expect(await workflows.collect(memoryContext({ 'README.md': '' }))).toEqual([]);
  });
});
