import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { HistoryRecord } from '../../collectors/contract/history.ts';
import { historyRecord } from '../../collectors/runs/history.ts';
import { appendHistory } from '../../collectors/store/history-folder.ts';
import { buildSite, type SiteOptions } from '../../scripts/cli/site.ts';
import { snapshotFixture, writeSnapshotFixture } from './snapshot-fixture.ts';

export const PAYMENTS = 'component:default/payments-service';
export const CHECKOUT = 'component:default/checkout-web';

/** The fixture site's settings: a base path, a site URL, badges for every scorecard, and a history. */
export interface FixtureSite {
  /** Where the site was built. */
  outDir: string;
  /** A folder of this worker's own, for more output. */
  workDir: string;
  /** What it was built with: build again with these to get the same site. */
  options: Required<Pick<SiteOptions, 'snapshot' | 'base' | 'site' | 'historyDir' | 'badges'>>;
}

let built: Promise<FixtureSite> | undefined;

/** The Cairn the fixture's run says judged it, and the one the earlier runs say judged them. */
export const FIXTURE_CAIRN = '0.2.0+b2b2b2b2b2b2';
export const EARLIER_CAIRN = '0.1.0+a1a1a1a1a1a1';

/**
 * The fixture organisation's site (`snapshotFixture`), built once per test worker for the site
 * tests that read it: under `/portal/`, for `https://acme.example.com`, with badges and a history of three
 * runs (two earlier ones crafted from this run's record, then this run). Removed when the test run ends.
 */
export function fixtureSite(): Promise<FixtureSite> {
  built ??= buildFixtureSite();
  return built;
}

async function buildFixtureSite(): Promise<FixtureSite> {
  // Under the run's temporary folder (test/helpers/temporary-root.ts), which goes when the run ends.
  const workDir = await mkdtemp(join(inject('temporaryRoot'), 'cairn-fixture-site-'));
  const historyDir = join(workDir, 'history');
  const current = historyRecord(snapshotFixture, FIXTURE_CAIRN);
  const earlier = (days: number, change: (record: HistoryRecord) => void): HistoryRecord => {
    const record = structuredClone(current);
    record.generatedAt = new Date(Date.parse(current.generatedAt) - days * 86_400_000).toISOString();
    // Judged by an earlier Cairn, with other standards: "what changed" says so.
    record.cairn = EARLIER_CAIRN;
    record.standards = 'earlier-standard';
    change(record);
    return record;
  };
  await appendHistory(
    historyDir,
    earlier(14, (record) => (record.scorecards['production-readiness']![PAYMENTS] = [null, 0.4, ['ci-configured']])),
    10,
  );
  await appendHistory(
    historyDir,
    earlier(7, (record) => {
      record.scorecards['production-readiness']![PAYMENTS] = ['bronze', 0.6, []];
      record.scorecards['production-readiness']![CHECKOUT] = ['silver', 0.9, []];
      record.entities['component:default/legacy-ledger'] = {};
    }),
    10,
  );
  await appendHistory(historyDir, current, 10);
  const options = {
    snapshot: await writeSnapshotFixture(workDir),
    base: '/portal/',
    site: 'https://acme.example.com',
    historyDir,
    badges: true,
  };
  const outDir = join(workDir, 'dist');
  await buildSite({ ...options, outDir });
  return { outDir, workDir, options };
}
