import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRepo } from '../../collectors/collect.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

// Repositories that copy the same workflow and LICENSE: what is parsed or matched once per text.
const WORKFLOW = 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
const LICENSE = 'MIT License\n\nCopyright (c) 2026 Acme\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n';
const copied = files({ '.github/workflows/ci.yml': WORKFLOW, LICENSE, 'src/index.ts': 'export {};\n' });

let fixture: RepoFixture<'first' | 'second'>;
beforeAll(async () => {
  fixture = await makeRepos({ first: copied, second: copied });
});
afterAll(() => fixture?.remove());

const collect = (name: 'first' | 'second') =>
  collectRepo(
    { name, dir: fixture.dirs[name], source: 'directory' },
    { now: new Date('2026-11-01T12:00:00Z'), windowDays: 90, settings: { contentGlobs: [] } },
  );

describe('files repositories repeat', () => {
  it('give every repository the same facts, in objects of its own', async () => {
    const first = await collect('first');
    const second = await collect('second');
    expect(second.facts.workflows).toEqual(first.facts.workflows);
    expect(first.facts.workflows![0]!.uses).toEqual([expect.objectContaining({ action: 'actions/checkout', ref: 'v4', line: 6 })]);
    expect(second.facts.workflows![0]!.uses).not.toBe(first.facts.workflows![0]!.uses);
    expect(second.facts.license).toEqual(first.facts.license);
    expect(second.facts.languages).toEqual(first.facts.languages);
  });
});
