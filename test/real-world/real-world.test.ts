import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { assemble, collectRepo, NO_STANDARDS } from '../../collectors/collect.ts';
import { snapshotSchema, type RepoSnapshot, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { readIndexListing } from '../../collectors/repo/git-index.ts';
import * as observe from './observe.ts';
import { TRUTH, type RepoTruth } from './truth.ts';

/** A fixed run time, so nothing in the comparison depends on the day the suite runs. */
const NOW = new Date('2026-12-01T00:00:00Z');

const run = promisify(execFile);
const dir = inject('realWorldDir');
const archives = inject('realWorldArchives');

let observed: Map<string, observe.Observation>;
let snapshot: Snapshot;

beforeAll(async () => {
  // Cairn's own collection, as `cairn collect` runs it on a directory source: facts per repository, then the catalog.
  const limit = pLimit(4);
  const repos: RepoSnapshot[] = await Promise.all(
    TRUTH.map((truth) =>
      limit(() =>
        collectRepo(
          { name: truth.name, dir: join(dir, truth.name), source: 'directory' },
          { now: NOW, windowDays: 90, settings: { contentGlobs: [] } },
        ),
      ),
    ),
  );
  snapshot = await assemble({
    repos,
    content: [],
    standards: NO_STANDARDS,
    now: NOW,
    title: 'Real world',
    guideSettings: { staleAfterDays: 180 },
    problems: [],
  });
  observed = observe.observations(repos, snapshot);
});

describe('the truth table', () => {
  it('covers exactly the unpacked archives, at the commits MANIFEST.tsv lists, with its default branches', async () => {
    const rows = (await readFile(join(archives, 'MANIFEST.tsv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([name, , commit, defaultBranch]) => ({ name, commit, defaultBranch }));
    const table = TRUTH.map((truth) => ({ name: truth.name, commit: truth.commit, defaultBranch: truth.defaultBranch.expected }));
    const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '');
    expect(table.toSorted(byName), 'a changed archive means checking its row again by hand').toEqual(rows.toSorted(byName));
    expect((await readdir(dir)).sort()).toEqual(TRUTH.map((truth) => truth.name).sort());
  });
});

describe('the index of each repository', () => {
  it('is read, without git, as git ls-files lists it', async () => {
    for (const { name } of TRUTH) {
      const { stdout } = await run('git', ['-c', 'core.quotePath=true', 'ls-files', '--stage'], {
        cwd: join(dir, name),
        maxBuffer: 1 << 28,
      });
      expect(readIndexListing(join(dir, name)), name).toBe(stdout);
    }
  });
});

describe('the snapshot of the corpus', () => {
  // `cairn collect` writes the snapshot as assembled; its readers (the site, --from) validate it.
  it('is one the snapshot schema accepts', () => {
    const result = snapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(result.success, result.error?.message).toBe(true);
  });
});

describe.each(TRUTH.map((truth) => [truth.name, truth] as const))('%s', (name, truth: RepoTruth) => {
  const seen = () => observed.get(name)!;

  it('owner', () => {
    expect(observe.owner(seen()), truth.owner.how).toBe(truth.owner.expected);
  });

  it('description', () => {
    expect(observe.normalizeText(observe.description(seen())), truth.description.how).toBe(
      observe.normalizeText(truth.description.expected),
    );
  });

  it('type', () => {
    expect(observe.type(seen()), truth.type.how).toBe(truth.type.expected);
  });

  it('lifecycle', () => {
    expect(observe.lifecycle(seen()), truth.lifecycle.how).toBe(truth.lifecycle.expected);
  });

  it('language', () => {
    const actual = observe.language(seen());
    expect(actual?.name, truth.language.how).toBe(truth.language.expected.name);
    expect(
      Math.abs(actual!.share - truth.language.expected.share),
      `share ${actual!.share}% against ${truth.language.expected.share}% ±5: ${truth.language.how}`,
    ).toBeLessThanOrEqual(5);
  });

  it('license', () => {
    expect(observe.normalizeSpdx(observe.license(seen())), truth.license.how).toBe(observe.normalizeSpdx(truth.license.expected));
  });

  it('default branch', () => {
    expect(observe.defaultBranch(seen()), truth.defaultBranch.how).toBe(truth.defaultBranch.expected);
  });

  it('CI systems', () => {
    expect(observe.ci(seen()), truth.ci.how).toEqual(truth.ci.expected.toSorted());
  });

  it('manifests', () => {
    expect(observe.manifests(seen()), truth.manifests.how).toEqual(truth.manifests.expected.toSorted());
  });

  it('dependency-update bot', () => {
    expect(observe.dependencyBot(seen()), truth.dependencyBot.how).toBe(truth.dependencyBot.expected);
  });

  it('docs', () => {
    expect(observe.docs(seen()), truth.docs.how).toEqual(truth.docs.expected);
  });

  it('CODEOWNERS teams', () => {
    expect(observe.codeownersTeams(seen()), truth.codeownersTeams.how).toEqual(truth.codeownersTeams.expected.toSorted());
  });

  it('descriptors', () => {
    expect(observe.descriptors(seen()), truth.descriptors.how).toEqual(truth.descriptors.expected.toSorted(observe.compareDescriptors));
  });
});
