import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { files } from '../../../collectors/facts/files.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { openRepo } from '../../../collectors/repo/open.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';
import { makeRepo } from '../../helpers/repos.ts';

describe('files fact', () => {
  it.each<{ name: string; tree: Record<string, string | Uint8Array>; expected: unknown }>([
    { name: 'empty repository', tree: {}, expected: [] },
    {
      name: 'every tracked path, sorted, binaries included',
      tree: { 'src/b.ts': '', 'a.md': '', 'bin/tool': new Uint8Array([0, 1]) },
      expected: ['a.md', 'bin/tool', 'src/b.ts'],
    },
  ])('$name', async ({ tree, expected }) => {
    const result = await files.collect(memoryContext(tree));
    expect(files.schema.parse(result)).toEqual(expected);
  });

  it('reports a tracked file whose name is not UTF-8, escaped as git quotes it', async () => {
    await using fixture = await makeRepo({ commits: [] });
    await writeFile(
      Buffer.concat([Buffer.from(`${fixture.dir}/`), Buffer.from([0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x2e, 0x6d, 0x64])]),
      'text\n',
    );
    await writeFile(`${fixture.dir}/README.md`, '# Hi\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: fixture.dir,
      });
    git('add', '-A');
    git('commit', '-q', '-m', 'names');
    const problems: Problem[] = [];
    const repo = await openRepo(fixture.dir, { name: 'names', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
    const result = await files.collect({
      repo,
      settings: { contentGlobs: [] },
      problem: (problem) => problems.push({ ...problem, repo: 'names' }),
    });
    expect(result).toEqual(['README.md']);
    expect(problems).toEqual([
      {
        severity: 'warning',
        repo: 'names',
        file: '"r\\351sum\\351.md"',
        message:
          'The file "r\\351sum\\351.md" (as git quotes it) has a name that is not valid UTF-8, so Cairn leaves it out of every fact. Rename it.',
      },
    ]);
  });

  it('is not published', () => {
    expect(files.publish).toBe(false);
  });
});
