import { describe, expect, it } from 'vitest';
import { golangciEnablesGosec, ruffSelectsBandit, securityLinters } from '../../../collectors/facts/security-linters.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('golangciEnablesGosec', () => {
  it.each([
    [{ linters: { enable: ['errcheck', 'gosec'] } }, true],
    [{ linters: { enable: ['GoSec'] } }, true],
    [{ version: '2', linters: { default: 'all' } }, true],
    [{ version: '2', linters: { default: 'all', disable: ['gosec'] } }, false],
    [{ linters: { 'enable-all': true } }, true],
    [{ linters: { 'enable-all': true, disable: ['gosec'] } }, false],
    [{ version: '2', linters: { default: 'standard' } }, false],
    [{ linters: { enable: 'gosec' } }, false],
    [{ linters: null }, false],
    [undefined, false],
  ])('%j → %s', (config, expected) => {
    expect(golangciEnablesGosec(config)).toBe(expected);
  });
});

describe('ruffSelectsBandit', () => {
  it.each([
    [{ lint: { select: ['E', 'S'] } }, true],
    [{ select: ['S603'] }, true],
    [{ lint: { 'extend-select': ['ALL'] } }, true],
    [{ lint: { select: ['E', 'SIM'] } }, false],
    [{ lint: { select: ['E'] } }, false],
    [{}, false],
  ])('%j → %s', (settings, expected) => {
    expect(ruffSelectsBandit(settings)).toBe(expected);
  });
});

describe('securityLinters fact', () => {
  it.each<{ name: string; tree: Record<string, string>; expected: unknown }>([
    { name: 'no linter configuration', tree: { 'main.go': 'package main' }, expected: [] },
    {
      name: 'golangci-lint version 2 enabling gosec, at its line (not default: none, not a comment)',
      tree: { '.golangci.yml': 'version: "2"\nlinters:\n  default: none\n  enable:\n    #- gosec is good\n    - errcheck\n    - gosec\n' },
      expected: [{ tool: 'golangci-lint', path: '.golangci.yml', rules: 'gosec', line: 7 }],
    },
    {
      name: 'golangci-lint in TOML with every linter on',
      tree: { '.golangci.toml': '[linters]\nenable-all = true\n' },
      expected: [{ tool: 'golangci-lint', path: '.golangci.toml', rules: 'gosec', line: 2 }],
    },
    { name: 'golangci-lint without gosec', tree: { '.golangci.yaml': 'linters:\n  enable: [errcheck]\n' }, expected: [] },
    { name: 'a configuration that does not parse', tree: { '.golangci.yml': 'linters: [\n' }, expected: [] },
    {
      name: "ruff's S rules in pyproject.toml",
      tree: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff.lint]\nselect = ["E", "S"]\n' },
      expected: [{ tool: 'ruff', path: 'pyproject.toml', rules: 'S', line: 5 }],
    },
    {
      name: 'ruff.toml wins over pyproject.toml, as ruff reads it',
      tree: { 'ruff.toml': '[lint]\nselect = ["E"]\n', 'pyproject.toml': '[tool.ruff.lint]\nselect = ["S"]\n' },
      expected: [],
    },
    { name: 'pyproject.toml without ruff', tree: { 'pyproject.toml': '[project]\nname = "x"\n' }, expected: [] },
  ])('$name', async ({ tree, expected }) => {
    expect(securityLinters.schema.parse(await securityLinters.collect(memoryContext(tree)))).toEqual(expected);
  });
});
