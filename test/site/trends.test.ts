import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyRecord } from '../../collectors/runs/history.ts';
import { EARLIER_CAIRN, FIXTURE_CAIRN, fixtureSite } from '../helpers/fixture-site.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';

// The fixture site, with its history of three runs: two earlier ones (crafted from this run's record) and this run.
const BASE = '/portal/';
let outDir: string;
const current = historyRecord(snapshotFixture);

beforeAll(async () => {
  ({ outDir } = await fixtureSite());
}, 120_000);

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what changed', () => {
  it('compares this run with the one before it: levels up and down, new, gone and newly failing', async () => {
    const html = text(await page('changes'));
    expect(html).toMatch(/Up a level \(1\) Entity Scorecard From To Payments Service Production readiness Bronze Silver Down/);
    expect(html).toMatch(/Down a level \(1\) Entity Scorecard From To Checkout Web Production readiness Silver No level Newly/);
    expect(html).toContain(
      'Newly failing checks (2) Checkout Web on Production readiness : Has CODEOWNERS , Has a licence , Runs CI , Has a runbook link Payments Service on Production readiness : Container runs as non-root',
    );
    expect(html).toContain('Gone from the catalog (1) component:legacy-ledger');
  });

  it('says when the two runs were judged by different Cairns or standards, since some changes may be theirs', async () => {
    expect(text(await page('changes'))).toContain(
      `The two runs were judged by different versions of Cairn (${EARLIER_CAIRN}, then ${FIXTURE_CAIRN}) and with different standards (scorecards, custom checks or exemptions): some of the changes below may come from how the services are judged, not from the services themselves.`,
    );
  });
});

describe('trend charts', () => {
  it('show a scorecard’s entities by level over the runs, with the figures as a table', async () => {
    const html = await page('scorecards/production-readiness');
    expect(html).toMatch(
      /<svg viewBox="0 0 640 220" role="img" aria-labelledby="chart-production-readiness-entities-by-level-over-time" class="trend-stacked">/,
    );
    const figures = html.slice(
      html.indexOf('<details class="trend-data">'),
      html.indexOf('</details>', html.indexOf('<details class="trend-data">')),
    );
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
    const exported = JSON.parse(await readFile(join(outDir, 'history.json'), 'utf8')) as {
      runs: Array<{ generatedAt: string; entities: number; scorecards: Record<string, Record<string, number>> }>;
    };
    expect(exported.runs.map((run) => run.generatedAt)).toEqual([
      new Date(Date.parse(current.generatedAt) - 14 * 86_400_000).toISOString(),
      new Date(Date.parse(current.generatedAt) - 7 * 86_400_000).toISOString(),
      current.generatedAt,
    ]);
    expect(exported.runs[1]!.entities).toBe(snapshotFixture.entities.length + 1);
    expect(Object.values(exported.runs[2]!.scorecards['production-readiness']!).reduce((sum, count) => sum + count, 0)).toBe(
      snapshotFixture.results.filter((result) => result.scorecard === 'production-readiness').length,
    );
  });
});
