import { describe, expect, it } from 'vitest';
import { carryOver } from '../../collectors/carry-over.ts';
import { checkRunKey } from '../../collectors/scorecards/evaluate.ts';
import type { Snapshot } from '../../collectors/snapshot.ts';
import type { UnreachableRepo } from '../../collectors/sources/source.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';

const unreachable = (name: string, webUrl?: string): UnreachableRepo => ({ name, source: 'git', ...(webUrl ? { webUrl } : {}), reason: `could not clone https://git.example.com/acme/${name}.git` });
const withDocs: Snapshot = {
  ...snapshotFixture,
  docs: [
    { entityRef: 'component:default/payments-service', repo: 'payments-service', title: 'Payments', origin: 'annotation', dir: 'docs', pages: [], nav: [], assets: [] },
    { entityRef: 'component:default/checkout-web', repo: 'checkout-web', title: 'Checkout', origin: 'annotation', dir: 'docs', pages: [], nav: [], assets: [] },
  ],
};

describe('carryOver', () => {
  it.each([
    { name: 'no previous snapshot', previous: undefined, repos: [unreachable('payments-service')] },
    { name: 'a repository the snapshot does not know', previous: withDocs, repos: [unreachable('brand-new')] },
    { name: 'nothing unreachable', previous: withDocs, repos: [] },
  ])('keeps nothing with $name', ({ previous, repos }) => {
    const carried = carryOver(previous, repos);
    expect([carried.repos, [...carried.checkResults], carried.docs]).toEqual([[], [], []]);
  });

  it('keeps the repository’s published facts, marked stale with the reason and the snapshot’s day', () => {
    const { repos } = carryOver(withDocs, [unreachable('payments-service'), unreachable('billing-scripts', 'https://git.example.com/new/billing-scripts')]);
    expect(repos.map(({ name, source, webUrl, stale, problems }) => ({ name, source, webUrl, stale, problems }))).toEqual([
      { name: 'payments-service', source: 'git', webUrl: 'https://git.example.com/acme/payments-service', stale: 'could not clone https://git.example.com/acme/payments-service.git; the data is from the snapshot of 2026-11-20', problems: [] },
      { name: 'billing-scripts', source: 'git', webUrl: 'https://git.example.com/new/billing-scripts', stale: 'could not clone https://git.example.com/acme/billing-scripts.git; the data is from the snapshot of 2026-11-20', problems: [] },
    ]);
    expect(repos[0]!.facts).toBe(snapshotFixture.repos[0]!.facts);
  });

  it('keeps the recorded check outcomes of its entities only, keyed by the options they ran with, and their docs', () => {
    const carried = carryOver(withDocs, [unreachable('payments-service')]);
    const inRepo = new Set(snapshotFixture.entities.filter((entity) => entity.source.repo === 'payments-service').map((entity) => entity.ref));
    const expected = snapshotFixture.results.filter((result) => inRepo.has(result.entityRef)).flatMap((result) => result.checks.map((check) => checkRunKey(result.entityRef, check.checkId, {})));
    expect(expected.length).toBeGreaterThan(0);
    expect([...carried.checkResults.keys()].sort()).toEqual([...new Set(expected)].sort());
    const readme = carried.checkResults.get(checkRunKey('component:default/payments-service', 'has-readme', {}));
    const recorded = snapshotFixture.results.find((result) => result.entityRef === 'component:default/payments-service')!.checks.find((check) => check.checkId === 'has-readme')!;
    expect(readme).toEqual({ outcome: recorded.outcome, message: recorded.message, evidence: recorded.evidence });
    expect(carried.docs.map((docs) => docs.entityRef)).toEqual(['component:default/payments-service']);
  });
});
