import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRepo } from '../../collectors/collect.ts';
import { DEFAULT_LIMITS, portalConfigSchema } from '../../collectors/config/schema.ts';
import { retrievers } from '../../collectors/facts/index.ts';
import { openRepo } from '../../collectors/repo/open.ts';
import { ReadBudget } from '../../collectors/repo/read-budget.ts';
import { describeRefusal } from '../../collectors/repo/reader.ts';
import { makeRepos, TEST_AUTHOR, type RepoFixture } from '../helpers/repos.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const KIB = 1024;

let fixture: RepoFixture<'wide' | 'docs'>;

beforeAll(async () => {
  fixture = await makeRepos({
    wide: {
      commits: [
        {
          date: '2026-05-01T09:00:00Z',
          author: TEST_AUTHOR,
          message: 'many files',
          files: {
            'README.md': '# Wide\n',
            'z-link': { symlink: 'README.md' },
            ...Object.fromEntries(
              Array.from({ length: 30 }, (_, i) => [`src/f${String(i).padStart(2, '0')}.ts`, `export const v = ${i};\n`]),
            ),
          },
        },
      ],
    },
    docs: {
      commits: [
        {
          date: '2026-05-01T09:00:00Z',
          author: TEST_AUTHOR,
          message: 'large docs',
          files: {
            'catalog-info.yaml':
              'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
            'README.md': '# Docs\n',
            ...Object.fromEntries(
              Array.from({ length: 6 }, (_, i) => [`docs/page-${i}.md`, `# Page ${i}\n\n${'word '.repeat(60 * KIB)}\n`]),
            ),
          },
        },
      ],
    },
  });
});

afterAll(() => fixture.remove());

describe('portal.yaml limits', () => {
  it('has defaults that no ordinary repository reaches, and refuses a cap that is not positive', () => {
    expect(portalConfigSchema.parse({}).limits).toEqual({ files: 500_000, megabytes: 256, seconds: 300 });
    expect(DEFAULT_LIMITS).toEqual(portalConfigSchema.parse({}).limits);
    expect(portalConfigSchema.safeParse({ limits: { files: 0 } }).success).toBe(false);
    expect(portalConfigSchema.safeParse({ limits: { seconds: -1 } }).success).toBe(false);
    expect(portalConfigSchema.safeParse({ limits: { bytes: 10 } }).success).toBe(false);
  });
});

describe('the files cap', () => {
  it('keeps the first files by path, and says how many were left out', async () => {
    const reader = await openRepo(fixture.dirs.wide, { name: 'wide', now: NOW, windowDays: 90, maxFiles: 10 });
    expect(reader.files()).toEqual(['README.md', ...Array.from({ length: 9 }, (_, i) => `src/f0${i}.ts`)]);
    expect(reader.leftOut()).toBe(22);
    expect(reader.has('src/f20.ts')).toBe(false);
    expect(reader.symlinks()).toEqual([]);
    expect((await reader.read('src/f20.ts')).ok).toBe(false);
  });

  it('leaves nothing out below the cap', async () => {
    const reader = await openRepo(fixture.dirs.wide, { name: 'wide', now: NOW, windowDays: 90, maxFiles: 32 });
    expect(reader.files()).toHaveLength(32);
    expect(reader.leftOut()).toBe(0);
    expect(reader.symlinks()).toEqual(['z-link']);
  });

  it('is a warning on the repository, from the files fact', async () => {
    const repo = await collectRepo(
      { name: 'wide', dir: fixture.dirs.wide, source: 'directory' },
      { now: NOW, windowDays: 90, settings: { contentGlobs: [] }, limits: { ...DEFAULT_LIMITS, files: 10 } },
    );
    expect(repo.problems).toContainEqual({
      severity: 'warning',
      repo: 'wide',
      message:
        'wide tracks 32 files, over its cap of 10 (limits.files in portal.yaml): facts and checks see the first 10 by path; the other 22 are left out.',
    });
    expect(repo.facts.files).toHaveLength(10);
  });
});

describe('the read cap', () => {
  const docs = Array.from({ length: 6 }, (_, i) => `docs/page-${i}.md`);

  it('refuses reads once a fact has spent its bytes, the same files whatever order the disk answers in', async () => {
    const reader = await openRepo(fixture.dirs.docs, { name: 'docs', now: NOW, windowDays: 90 });
    const size = (await reader.size(docs[0]!))!;
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused: string[] = [];
      const budget = new ReadBudget(reader, size * 3 + 10, (path) => refused.push(path));
      // All at once: the decisions follow the order of the calls.
      const reads = await Promise.all(docs.map((path) => budget.read(path)));
      expect(reads.map((read) => read.ok)).toEqual([true, true, true, false, false, false]);
      expect(refused).toEqual(docs.slice(3));
      const refusal = reads[3]!;
      if (refusal.ok) throw new Error('expected a refusal');
      expect(describeRefusal(docs[3]!, refusal)).toBe(
        `${docs[3]} was not read: the fact reading it reached its cap of ${size * 3 + 10} bytes read from one repository (limits.megabytes in portal.yaml).`,
      );
    }
  });

  it('charges a truncated read its cap, and a refused file nothing', async () => {
    const reader = await openRepo(fixture.dirs.docs, { name: 'docs', now: NOW, windowDays: 90 });
    const refused: string[] = [];
    const budget = new ReadBudget(reader, 3 * KIB, (path) => refused.push(path));
    expect((await budget.read(docs[0]!, { maxBytes: KIB })).ok).toBe(false);
    expect(await budget.readText('missing.md')).toBeUndefined();
    expect((await budget.read(docs[1]!, { maxBytes: KIB, truncate: true })).ok).toBe(true);
    expect((await budget.read(docs[2]!, { maxBytes: 2 * KIB, truncate: true })).ok).toBe(true);
    expect(refused).toEqual([]);
    expect(await budget.readBytes('README.md')).toBeUndefined();
    expect(refused).toEqual(['README.md']);
  });

  it('is a warning naming the fact and the files it did not read', async () => {
    const repo = await collectRepo(
      { name: 'docs', dir: fixture.dirs.docs, source: 'directory' },
      { now: NOW, windowDays: 90, settings: { contentGlobs: [] }, limits: { ...DEFAULT_LIMITS, megabytes: 0.5 } },
    );
    const capped = repo.problems.filter((problem) => problem.message.includes('limits.megabytes'));
    expect(capped.length).toBeGreaterThan(0);
    for (const problem of capped) {
      expect(problem.severity).toBe('warning');
      expect(problem.message).toMatch(
        /^Fact "[a-zA-Z]+" reached its cap of 0.5 MiB read from docs \(limits\.megabytes in portal\.yaml\): \d+ files? (was|were) not read \(docs\/page-\d\.md/,
      );
    }
    expect(repo.facts.descriptors?.documents).toHaveLength(1);
  });
});

describe('the time cap', () => {
  it('leaves out the facts not read in time, names them, and stops the reader', async () => {
    const repo = await collectRepo(
      { name: 'docs', dir: fixture.dirs.docs, source: 'directory' },
      { now: NOW, windowDays: 90, settings: { contentGlobs: [] }, limits: { ...DEFAULT_LIMITS, seconds: 0.001 } },
    );
    const timedOut = repo.problems.find((problem) => problem.message.includes('limits.seconds'));
    expect(timedOut?.severity).toBe('error');
    expect(timedOut?.message).toMatch(
      /^(Collecting docs reached its cap of 0\.001 s \(limits\.seconds in portal\.yaml\): the facts? "|Could not list the files of docs within its cap of 0\.001 s)/,
    );
    // Git's log takes longer than a millisecond to start: the facts read from it are left out, whether
    // or not the files were listed in time.
    expect(repo.facts.activity).toBeUndefined();
    expect(Object.keys(repo.facts).length).toBeLessThan(retrievers.length);
    if (timedOut?.message.startsWith('Collecting')) expect(timedOut.message).toContain('"activity"');
  });

  it('refuses reads and git commands once stopped', async () => {
    const reader = await openRepo(fixture.dirs.docs, { name: 'docs', now: NOW, windowDays: 90 });
    reader.stop(30);
    const read = await reader.read('README.md');
    expect(read).toEqual({ ok: false, reason: 'limit', limit: 'seconds', cap: 30 });
    expect(describeRefusal('README.md', { reason: 'limit', limit: 'seconds', cap: 30 })).toBe(
      'README.md was not read: the repository reached its cap of 30 s of collection (limits.seconds in portal.yaml).',
    );
    expect((await reader.history()).head).toBeUndefined();
  });
});
