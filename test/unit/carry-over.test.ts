import { describe, expect, it } from 'vitest';
import { carryOver } from '../../collectors/runs/carry-over.ts';
import { checkRunKey } from '../../collectors/scorecards/evaluate.ts';
import type { Guide, Snapshot } from '../../collectors/contract/snapshot.ts';
import type { Unreachable, UnreachableRepo } from '../../collectors/sources/source.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';

const repo = (name: string, webUrl?: string): UnreachableRepo => ({
  name,
  source: 'git',
  ...(webUrl ? { webUrl } : {}),
  reason: `could not clone https://git.example.com/acme/${name}.git`,
});
const unreachable = (...repos: UnreachableRepo[]): Unreachable => ({ repos, sources: [] });
const NONE = new Set<string>();
const withDocs: Snapshot = {
  ...snapshotFixture,
  docs: [
    {
      entityRef: 'component:default/payments-service',
      repo: 'payments-service',
      title: 'Payments',
      origin: 'annotation',
      dir: 'docs',
      pages: [],
      nav: [],
      assets: [],
    },
    {
      entityRef: 'component:default/checkout-web',
      repo: 'checkout-web',
      title: 'Checkout',
      origin: 'annotation',
      dir: 'docs',
      pages: [],
      nav: [],
      assets: [],
    },
  ],
};

describe('carryOver', () => {
  it.each([
    { name: 'no previous snapshot', previous: undefined, missing: unreachable(repo('payments-service')) },
    { name: 'a repository the snapshot does not know', previous: withDocs, missing: unreachable(repo('brand-new')) },
    { name: 'nothing unreachable', previous: withDocs, missing: unreachable() },
    {
      name: 'an unlisted source of another kind',
      previous: withDocs,
      missing: { repos: [], sources: [{ source: 'github', reason: 'could not list the repositories of acme' }] },
    },
  ])('keeps nothing with $name', ({ previous, missing }) => {
    const carried = carryOver(previous, missing, NONE);
    expect([carried.repos, [...carried.checkResults], carried.docs]).toEqual([[], [], []]);
  });

  it('keeps the repository’s published facts, marked stale with the reason and the snapshot’s day', () => {
    const { repos } = carryOver(
      withDocs,
      unreachable(repo('payments-service'), repo('billing-scripts', 'https://git.example.com/new/billing-scripts')),
      NONE,
    );
    expect(repos.map(({ name, source, webUrl, stale, problems }) => ({ name, source, webUrl, stale, problems }))).toEqual([
      {
        name: 'payments-service',
        source: 'git',
        webUrl: 'https://git.example.com/acme/payments-service',
        stale: 'could not clone https://git.example.com/acme/payments-service.git; the data was collected on 2026-11-20',
        problems: [],
      },
      {
        name: 'billing-scripts',
        source: 'git',
        webUrl: 'https://git.example.com/new/billing-scripts',
        stale: 'could not clone https://git.example.com/acme/billing-scripts.git; the data was collected on 2026-11-20',
        problems: [],
      },
    ]);
    expect(repos[0]!.facts).toBe(snapshotFixture.repos[0]!.facts);
  });

  it('keeps the recorded check outcomes of its entities only, keyed by the options they ran with, and their docs', () => {
    const carried = carryOver(withDocs, unreachable(repo('payments-service')), NONE);
    const inRepo = new Set(
      snapshotFixture.entities.filter((entity) => entity.source.repo === 'payments-service').map((entity) => entity.ref),
    );
    const expected = snapshotFixture.results
      .filter((result) => inRepo.has(result.entityRef))
      .flatMap((result) => result.checks.map((check) => checkRunKey(result.entityRef, check.checkId, {})));
    expect(expected.length).toBeGreaterThan(0);
    expect([...carried.checkResults.keys()].sort()).toEqual([...new Set(expected)].sort());
    const readme = carried.checkResults.get(checkRunKey('component:default/payments-service', 'has-readme', {}));
    const recorded = snapshotFixture.results
      .find((result) => result.entityRef === 'component:default/payments-service')!
      .checks.find((check) => check.checkId === 'has-readme')!;
    expect(readme).toEqual({ outcome: recorded.outcome, message: recorded.message, evidence: recorded.evidence });
    expect(carried.docs.map((docs) => docs.entityRef)).toEqual(['component:default/payments-service']);
  });

  it('keeps the repositories of a source that could not list them, but those another source listed', () => {
    const { repos } = carryOver(
      withDocs,
      { repos: [repo('hostile')], sources: [{ source: 'directory', reason: 'could not list ../repos/*' }] },
      new Set(['checkout-web']),
    );
    expect(repos.map(({ name, stale }) => [name, stale])).toEqual([
      ['hostile', 'could not clone https://git.example.com/acme/hostile.git; the data was collected on 2026-11-20'],
      ['payments-service', 'could not list ../repos/*; the data was collected on 2026-11-20'],
      ['billing-scripts', 'could not list ../repos/*; the data was collected on 2026-11-20'],
    ]);
  });

  it('keeps what a guide recorded for checks in no scorecard: missed fails, not missed passes, not counted did not apply', () => {
    const guide: Guide = {
      id: 'build/basics',
      title: 'Basics',
      summary: 'The basics.',
      category: 'Build',
      owner: 'group:default/platform',
      status: 'recommended',
      reviewed: '2026-10-01',
      checks: ['has-readme', 'gitignore-present', 'no-binaries'],
      file: 'content/guides/build/basics.mdx',
      stale: false,
      headings: [],
      adoption: {
        entities: [{ entityRef: 'component:default/payments-service', follows: false, missing: ['no-binaries'] }],
        checks: [],
      },
    };
    const { checkResults } = carryOver({ ...snapshotFixture, guides: [guide] }, unreachable(repo('payments-service')), NONE);
    const outcome = (ref: string, checkId: string) => checkResults.get(checkRunKey(ref, checkId, {}))?.outcome;
    // has-readme is in a scorecard: its recorded result wins.
    expect(checkResults.get(checkRunKey('component:default/payments-service', 'has-readme', {}))?.message).not.toContain('guide');
    expect(outcome('component:default/payments-service', 'gitignore-present')).toBe('pass');
    expect(outcome('component:default/payments-service', 'no-binaries')).toBe('fail');
    expect(outcome('api:default/payments-api', 'no-binaries')).toBe('notApplicable');
    expect(checkResults.get(checkRunKey('component:default/payments-service', 'no-binaries', {}))?.message).toBe(
      'The guide "Basics" recorded it as failing in the snapshot of 2026-11-20.',
    );
  });
});
