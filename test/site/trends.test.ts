import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../collectors/contract/history.ts';
import { historyRecord } from '../../collectors/runs/history.ts';
import { appendHistory } from '../../collectors/store/history-folder.ts';
import { buildSite } from '../../scripts/cli/site.ts';
import { snapshotFixture, writeSnapshotFixture } from '../helpers/snapshot-fixture.ts';

// The fixture site with a history of three runs: two earlier ones (crafted from this run's record) and this run.
const BASE = '/portal/';
let workDir: string;
let outDir: string;
const current = historyRecord(snapshotFixture);
const PAYMENTS = 'component:default/payments-service';
const CHECKOUT = 'component:default/checkout-web';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'cairn-trends-'));
  const history = join(workDir, 'history');
  const earlier = (days: number, change: (record: HistoryRecord) => void): HistoryRecord => {
    const record = structuredClone(current);
    record.generatedAt = new Date(Date.parse(current.generatedAt) - days * 86_400_000).toISOString();
    change(record);
    return record;
  };
  await appendHistory(history, earlier(14, (record) => (record.scorecards['production-readiness']![PAYMENTS] = [null, 0.4, ['ci-configured']])), 10);
  await appendHistory(
    history,
    earlier(7, (record) => {
      record.scorecards['production-readiness']![PAYMENTS] = ['bronze', 0.6, []];
      record.scorecards['production-readiness']![CHECKOUT] = ['silver', 0.9, []];
      record.entities['component:default/legacy-ledger'] = {};
    }),
    10,
  );
  await appendHistory(history, current, 10);
  outDir = join(workDir, 'dist');
  await buildSite({ snapshot: await writeSnapshotFixture(workDir), outDir, base: BASE, historyDir: history });
}, 120_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what changed', () => {
  it('compares this run with the one before it: levels up and down, new, gone and newly failing', async () => {
    const html = text(await page('changes'));
    expect(html).toMatch(/Up a level \(1\) Entity Scorecard From To Payments Service Production readiness Bronze Silver Down/);
    expect(html).toMatch(/Down a level \(1\) Entity Scorecard From To Checkout Web Production readiness Silver No level Newly/);
    expect(html).toContain('Newly failing checks (2) Checkout Web on Production readiness : Has CODEOWNERS , Has a licence , Runs CI , Has a runbook link Payments Service on Production readiness : Container runs as non-root');
    expect(html).toContain('Gone from the catalog (1) component:legacy-ledger');
  });
});

describe('trend charts', () => {
  it('show a scorecard’s entities by level over the runs, with the figures as a table', async () => {
    const html = await page('scorecards/production-readiness');
    expect(html).toMatch(/<svg viewBox="0 0 640 220" role="img" aria-labelledby="chart-production-readiness-entities-by-level-over-time" class="trend-stacked">/);
    const figures = html.slice(html.indexOf('<details class="trend-data">'), html.indexOf('</details>', html.indexOf('<details class="trend-data">')));
    expect(text(figures)).toMatch(/Run No level Bronze Silver Gold/);
    expect(figures.match(/<tr>/g)).toHaveLength(4);
  });

  it("show an entity's scores over the runs", async () => {
    const html = text(await page('catalog/default/component/payments-service'));
    expect(html).toMatch(/Scores over time .*Production readiness/);
    expect(html).toContain('40%');
  });

  it("show a team's roll-up over the runs on its group page", async () => {
    const html = await page('catalog/default/group/payments-team');
    expect(html).toContain('aria-labelledby="chart-what-the-team-owns-over-time"');
    expect(text(html)).toMatch(/The team over time .*Production readiness: Bronze or better/);
  });

  it('publish history.json with every run in a few figures', async () => {
    const exported = JSON.parse(await readFile(join(outDir, 'history.json'), 'utf8')) as { runs: Array<{ generatedAt: string; entities: number; scorecards: Record<string, Record<string, number>> }> };
    expect(exported.runs.map((run) => run.generatedAt)).toEqual([
      new Date(Date.parse(current.generatedAt) - 14 * 86_400_000).toISOString(),
      new Date(Date.parse(current.generatedAt) - 7 * 86_400_000).toISOString(),
      current.generatedAt,
    ]);
    expect(exported.runs[1]!.entities).toBe(snapshotFixture.entities.length + 1);
    expect(Object.values(exported.runs[2]!.scorecards['production-readiness']!).reduce((sum, count) => sum + count, 0)).toBe(snapshotFixture.results.filter((result) => result.scorecard === 'production-readiness').length);
  });
});
