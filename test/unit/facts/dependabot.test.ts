import { describe, expect, it } from 'vitest';
import { dependabot } from '../../../collectors/facts/dependabot.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('dependabot fact', () => {
  it.each<{ name: string; tree: Record<string, string>; expected: unknown }>([
    { name: 'no configuration', tree: { 'README.md': '# x' }, expected: null },
    {
      name: 'the ecosystems, lowercased, with their lines and folders',
      tree: {
        '.github/dependabot.yml':
          'version: 2\nupdates:\n  - package-ecosystem: "github-actions"\n    directory: "/"\n  - package-ecosystem: NPM\n    directories: ["/", "/web"]\n  - directory: /x\n',
      },
      expected: {
        path: '.github/dependabot.yml',
        updates: [
          { ecosystem: 'github-actions', line: 3, directories: ['/'] },
          { ecosystem: 'npm', line: 5, directories: ['/', '/web'] },
        ],
      },
    },
    {
      name: 'a .yaml file',
      tree: { '.github/dependabot.yaml': 'version: 2\nupdates:\n  - package-ecosystem: pip\n' },
      expected: { path: '.github/dependabot.yaml', updates: [{ ecosystem: 'pip', line: 3, directories: [] }] },
    },
    {
      name: 'nesting too deep',
      tree: { '.github/dependabot.yml': `updates: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
      expected: { path: '.github/dependabot.yml', updates: [], error: 'invalid YAML: nesting deeper than 128 levels' },
    },
    {
      name: 'invalid YAML',
      tree: { '.github/dependabot.yml': 'updates: [\n' },
      expected: { path: '.github/dependabot.yml', updates: [], error: expect.stringMatching(/^invalid YAML: /) },
    },
    {
      name: 'no updates list',
      tree: { '.github/dependabot.yml': 'version: 2\n' },
      expected: { path: '.github/dependabot.yml', updates: [], error: 'no `updates` list' },
    },
  ])('$name', async ({ tree, expected }) => {
    expect(dependabot.schema.parse(await dependabot.collect(memoryContext(tree)))).toEqual(expected);
  });
});
