import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../../collectors/contract/history.ts';
import type { ScorecardDefinition } from '../../../collectors/contract/snapshot.ts';
import { CHART, lineChart, stackedChart } from '../../../site/lib/charts.ts';
import { historyOf } from '../../../site/lib/run-history.ts';
import { changesBetween, entityScores, levelsOverTime, shareAtLevel } from '../../../site/lib/trends.ts';
import { adoptionTrendChart, runLabels } from '../../../site/lib/trend-charts.ts';
import type { Guide } from '../../../collectors/contract/snapshot.ts';

const SCORECARD = {
  id: 'ready',
  title: 'Ready',
  description: '',
  appliesTo: {},
  levels: [
    { id: 'bronze', checks: [] },
    { id: 'silver', checks: [] },
    { id: 'gold', checks: [] },
  ],
} as unknown as ScorecardDefinition;

function run(
  date: string,
  standings: Record<string, [string | null, number, string[]]>,
  guides: HistoryRecord['guides'] = {},
): HistoryRecord {
  const entities = Object.fromEntries(
    Object.keys(standings).map((ref) => [ref, { owner: ref.includes('web') ? 'group:default/web' : 'group:default/payments' }]),
  );
  return {
    schemaVersion: 1,
    generatedAt: `${date}T03:00:00.000Z`,
    entities,
    scorecards: { ready: standings },
    checks: {},
    guides,
    initiatives: {},
  };
}

const RUNS = [
  run(
    '2026-10-01',
    { 'component:default/api': ['bronze', 0.5, ['tests']], 'component:default/web': [null, 0.2, ['ci', 'tests']] },
    { 'build/ci': [1, 4] },
  ),
  run(
    '2026-10-08',
    {
      'component:default/api': ['silver', 0.75, ['docs']],
      'component:default/web': ['bronze', 0.5, ['tests']],
      'component:default/batch': ['gold', 1, []],
    },
    { 'build/ci': [3, 4] },
  ),
];
const HISTORY = historyOf(RUNS);

describe('trends', () => {
  it('counts entities per level, run by run', () => {
    expect(levelsOverTime(HISTORY, SCORECARD).map((entry) => [entry.date.slice(0, 10), Object.fromEntries(entry.counts)])).toEqual([
      ['2026-10-01', { null: 1, bronze: 1, silver: 0, gold: 0 }],
      ['2026-10-08', { null: 0, bronze: 1, silver: 1, gold: 1 }],
    ]);
  });

  it.each([
    { level: 'bronze', owner: undefined, values: [0.5, 1] },
    { level: 'silver', owner: undefined, values: [0, 2 / 3] },
    { level: 'bronze', owner: 'group:default/web', values: [0, 1] },
  ])('share at $level or above for $owner', ({ level, owner, values }) => {
    expect(shareAtLevel(HISTORY, SCORECARD, level, owner).map((point) => point.value)).toEqual(values);
  });

  it('follows a guide and an entity', () => {
    expect(adoptionTrendChart(HISTORY, { id: 'build/ci', title: 'CI' } as Guide)!.table.rows).toEqual([
      ['2026-10-01', '1', '4'],
      ['2026-10-08', '3', '4'],
    ]);
    expect(entityScores(HISTORY, 'ready', 'component:default/batch').map((point) => point.date.slice(0, 10))).toEqual(['2026-10-08']);
    expect(entityScores(HISTORY, 'ready', 'component:default/api').map((point) => point.value)).toEqual([0.5, 0.75]);
  });
});

describe('two runs on one day', () => {
  it('get one date tick, and table rows told apart by their time', () => {
    const morning = run('2026-10-15', { 'component:default/api': ['bronze', 0.5, []] }, { 'build/ci': [1, 4] });
    const evening = {
      ...run('2026-10-15', { 'component:default/api': ['silver', 0.75, []] }, { 'build/ci': [2, 4] }),
      generatedAt: '2026-10-15T18:30:00.000Z',
    };
    const chart = adoptionTrendChart(historyOf([RUNS[1]!, morning, evening]), { id: 'build/ci', title: 'CI' } as Guide)!;
    expect(chart.table.rows.map((row) => row[0])).toEqual(['2026-10-08', '2026-10-15 03:00 UTC', '2026-10-15 18:30 UTC']);
    expect(chart.geometry.xTicks.map((tick) => tick.label)).toEqual(['2026-10-08', '2026-10-15']);
  });
});

describe('the history, folded run by run', () => {
  it('keeps per-run figures, level counts for the organisation and per team, scores, and the two newest records whole', () => {
    const later = run('2026-10-15', { 'component:default/web': ['silver', 0.8, []] });
    const history = historyOf([...RUNS, later]);
    expect(history.runs.map((date) => date.slice(0, 10))).toEqual(['2026-10-01', '2026-10-08', '2026-10-15']);
    expect(history.figures.map((figures) => figures.entities)).toEqual([2, 3, 1]);
    expect(history.levels.get('ready')!.map((counts) => Object.fromEntries(counts!))).toEqual([
      { bronze: 1, null: 1 },
      { silver: 1, bronze: 1, gold: 1 },
      { silver: 1 },
    ]);
    // Payments owns nothing in the last run: no entry there.
    expect(
      history.runs
        .map((_, run) => history.teamLevels.get('ready')!.get('group:default/payments')![run])
        .map((counts) => counts && Object.fromEntries(counts)),
    ).toEqual([{ bronze: 1 }, { silver: 1, gold: 1 }, undefined]);
    expect(history.scores.get('ready')!.get('component:default/web')).toEqual([0.2, 0.5, 0.8]);
    expect(history.latest).toEqual([RUNS[1], later]);
  });
});

describe('changesBetween', () => {
  it('finds level moves, new and removed entities and newly failing checks', () => {
    const later = run('2026-10-15', {
      'component:default/api': ['bronze', 0.6, ['docs', 'owners']],
      'component:default/web': ['bronze', 0.5, ['tests']],
      'component:default/search': ['bronze', 0.5, []],
    });
    expect(changesBetween(RUNS[1]!, later, [SCORECARD])).toEqual({
      from: RUNS[1]!.generatedAt,
      to: later.generatedAt,
      added: ['component:default/search'],
      removed: ['component:default/batch'],
      moved: [{ scorecard: 'ready', entityRef: 'component:default/api', from: 'silver', to: 'bronze', up: false }],
      newlyFailing: [{ scorecard: 'ready', entityRef: 'component:default/api', checks: ['owners'] }],
    });
    expect(changesBetween(RUNS[0]!, RUNS[1]!, [SCORECARD]).moved.map((move) => [move.entityRef, move.up])).toEqual([
      ['component:default/api', true],
      ['component:default/web', true],
    ]);
  });
});

describe('charts', () => {
  const format = (value: number) => `${Math.round(value * 100)}%`;

  it('spreads points by time between the plot edges, values from the bottom', () => {
    const chart = lineChart(
      [
        {
          label: 'A',
          className: 'series-0',
          points: [
            { date: '2026-10-01T00:00:00Z', value: 0 },
            { date: '2026-10-03T00:00:00Z', value: 1 },
            { date: '2026-10-02T00:00:00Z', value: 0.5 },
          ],
        },
      ],
      1,
      format,
    );
    const bottom = CHART.height - CHART.bottom;
    expect(chart.paths[0]!.d).toBe(
      `M${CHART.left},${bottom} L${CHART.width - CHART.right},${CHART.top} L${(CHART.left + CHART.width - CHART.right) / 2},${(bottom + CHART.top) / 2}`,
    );
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(['0%', '50%', '100%']);
    expect(chart.xTicks.map((tick) => tick.label)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
    expect(chart.markers[1]!.title).toBe('A, 2026-10-03: 100%');
  });

  it('stacks areas on each other, and draws a single run as a bar', () => {
    const series = [
      { label: 'None', className: 'level-none', points: [{ date: '2026-10-01T00:00:00Z', value: 1 }] },
      { label: 'Bronze', className: 'level-0', points: [{ date: '2026-10-01T00:00:00Z', value: 3 }] },
    ];
    const chart = stackedChart(series, String);
    expect(chart.paths).toHaveLength(2);
    expect(chart.paths.every((path) => path.d.endsWith('Z'))).toBe(true);
    expect(chart.markers.map((marker) => marker.cy)).toEqual([CHART.top + (CHART.height - CHART.top - CHART.bottom) * 0.75, CHART.top]);
  });
});

describe('runLabels', () => {
  it.each([
    ['a run alone on its day', ['2026-12-01T03:00:00.000Z', '2026-12-02T03:00:00.000Z'], '2026-12-01T03:00:00.000Z', '2026-12-01'],
    ['two runs of one day', ['2026-12-01T03:00:00.000Z', '2026-12-01T15:30:00.000Z'], '2026-12-01T15:30:00.000Z', '2026-12-01 15:30 UTC'],
    [
      'two runs of one minute',
      ['2026-12-07T02:55:04.000Z', '2026-12-07T02:55:41.000Z'],
      '2026-12-07T02:55:41.000Z',
      '2026-12-07 02:55:41 UTC',
    ],
    ['the same run twice', ['2026-12-01T03:00:00.000Z', '2026-12-01T03:00:00.000Z'], '2026-12-01T03:00:00.000Z', '2026-12-01'],
  ])('%s', (_name, dates, date, label) => {
    expect(runLabels(dates)(date)).toBe(label);
  });
});
