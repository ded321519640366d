import { describe, expect, it } from 'vitest';
import { codeowners, MAX_CODEOWNERS_BYTES } from '../../../collectors/facts/codeowners.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { openRepo } from '../../../collectors/repo/open.ts';
import { files, makeRepos, type FileChange } from '../../helpers/repos.ts';

async function collect(tree: Record<string, FileChange>) {
  await using fixture = await makeRepos({ repo: files(tree) });
  const problems: Problem[] = [];
  const repo = await openRepo(fixture.dirs.repo, { name: 'repo', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
  const fact = await codeowners.collect({
    repo,
    settings: { contentGlobs: [] },
    problem: (problem) => problems.push({ ...problem, repo: 'repo' }),
  });
  return { fact, problems };
}

describe('the codeowners retriever on real repositories', () => {
  it('finds GitLab’s .gitlab/CODEOWNERS, after the places GitHub reads', async () => {
    expect((await collect({ '.gitlab/CODEOWNERS': '* @acme/platform\n' })).fact).toMatchObject({
      path: '.gitlab/CODEOWNERS',
      catchAll: ['@acme/platform'],
    });
    const both = await collect({ '.gitlab/CODEOWNERS': '* @acme/gitlab\n', 'docs/CODEOWNERS': '* @acme/docs\n' });
    expect(both.fact?.path).toBe('docs/CODEOWNERS');
  });

  it('reads a large CODEOWNERS up to the cap GitHub applies', async () => {
    const rule = (index: number) => `/services/service-${String(index).padStart(6, '0')}/ @acme/team-${index % 50}\n`;
    const text = `* @acme/platform\n${Array.from({ length: 40_000 }, (_, index) => rule(index)).join('')}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    const { fact, problems } = await collect({ '.github/CODEOWNERS': text });
    expect(problems).toEqual([]);
    expect(fact?.rules).toHaveLength(40_001);
    expect(fact?.rules.at(-1)).toEqual({ pattern: '/services/service-039999/', owners: ['@acme/team-49'], line: 40_001 });
    expect(fact?.catchAll).toEqual(['@acme/platform']);
  });

  it('reports a CODEOWNERS over the cap with its size, instead of calling it missing', async () => {
    const text = `* @acme/platform\n${'# padding\n'.repeat(MAX_CODEOWNERS_BYTES / 10)}`;
    const { fact, problems } = await collect({ CODEOWNERS: text });
    expect(fact).toBeNull();
    expect(problems).toEqual([
      {
        severity: 'error',
        repo: 'repo',
        file: 'CODEOWNERS',
        message: `CODEOWNERS is ${Buffer.byteLength(text)} bytes, over the cap of 3000000 bytes. GitHub ignores a CODEOWNERS file over 3 MB too, so it assigns no owners. No owners are read from it.`,
      },
    ]);
  });

  it('reads no owners from a CODEOWNERS that is a symlink leaving the repository, which the files fact names', async () => {
    const { fact, problems } = await collect({ '.github/CODEOWNERS': { symlink: '../../../../../etc/passwd' } });
    expect(fact).toBeNull();
    expect(problems).toEqual([]);
  });
});
