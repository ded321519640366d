import { describe, expect, it } from 'vitest';
import type { FeedbackSnapshot, Guide } from '../../../collectors/contract/snapshot.ts';
import { historyOf } from '../../../site/lib/run-history.ts';
import { satisfactionView } from '../../../site/lib/satisfaction.ts';
import { formatMean } from '../../../site/lib/text.ts';
import { guidesAdoptionChart, satisfactionByMonthChart, satisfactionTrendChart, seriesClass } from '../../../site/lib/trend-charts.ts';

const REPOSITORY = { forge: 'github', webUrl: 'https://github.com/acme/portal', label: 'cairn-feedback' } as const;
const RATED: FeedbackSnapshot['satisfaction'][number] = {
  target: { kind: 'guide', id: 'build/ci' },
  ratings: 4,
  mean: 3.75,
  distribution: [0, 0, 1, 3, 0],
  reactions: { up: 2, down: 1 },
  comments: [
    { comment: 'Clear.', rating: 4, createdAt: '2026-10-02T10:00:00Z', url: 'https://github.com/acme/portal/issues/80', author: 'dana' },
    { comment: 'On GitLab.', createdAt: '2026-09-01T10:00:00Z', url: 'https://gitlab.example.com/acme/portal/-/issues/3' },
    { comment: 'Not a web link.', createdAt: '2026-08-01T10:00:00Z', url: 'javascript:alert(1)' },
  ],
  trend: [
    { period: '2026-09', mean: 3, ratings: 1 },
    { period: '2026-10', mean: 4, ratings: 3 },
  ],
};

describe('satisfactionView', () => {
  it.each([
    { name: 'no feedback at all', feedback: undefined },
    {
      name: 'surveys only, nothing on this page',
      feedback: { satisfaction: [RATED], surveys: [] } as FeedbackSnapshot,
      target: { kind: 'check', id: 'build/ci' } as const,
    },
  ])('is undefined with $name', ({ feedback, target = { kind: 'guide', id: 'other' } as const }) => {
    expect(satisfactionView(feedback, target, 'Other')).toBeUndefined();
  });

  it('gives the mean, the spread from 5 down, reactions, comments with their issue, the trend and the prefilled link', () => {
    const view = satisfactionView(
      { repository: REPOSITORY, satisfaction: [RATED], surveys: [] },
      { kind: 'guide', id: 'build/ci' },
      'Set up CI',
    )!;
    expect(view.mean).toBe('3.8');
    expect(view.distribution.map(({ rating, label, count, percent }) => [rating, label, count, percent])).toEqual([
      [5, '5 - Very helpful', 0, 0],
      [4, '4 - Helpful', 3, 75],
      [3, '3 - Somewhat helpful', 1, 25],
      [2, '2 - Not very helpful', 0, 0],
      [1, '1 - Not helpful', 0, 0],
    ]);
    expect(view.reactions).toEqual({ up: 2, down: 1 });
    expect(view.comments).toEqual([
      {
        text: 'Clear.',
        rating: 4,
        date: '2026-10-02',
        href: 'https://github.com/acme/portal/issues/80',
        issue: 'issue #80',
        author: 'dana',
      },
      { text: 'On GitLab.', date: '2026-09-01', href: 'https://gitlab.example.com/acme/portal/-/issues/3', issue: 'issue #3' },
      { text: 'Not a web link.', date: '2026-08-01', issue: 'the issue' },
    ]);
    expect(view.trend!.table.rows).toEqual([
      ['2026-09', '3.0', '1'],
      ['2026-10', '4.0', '3'],
    ]);
    expect(view.feedbackHref).toBe(
      'https://github.com/acme/portal/issues/new?template=cairn-feedback.yml&title=Feedback%3A+Set+up+CI&page=guide%3Abuild%2Fci',
    );
  });

  it('with a repository but no feedback on the page: no ratings, and the link', () => {
    const view = satisfactionView(
      { repository: REPOSITORY, satisfaction: [], surveys: [] },
      { kind: 'check', id: 'has-readme' },
      'Has a README',
    )!;
    expect(view).toEqual({
      ratings: 0,
      distribution: [5, 4, 3, 2, 1].map((rating) => expect.objectContaining({ rating, count: 0, percent: 0 })),
      reactions: { up: 0, down: 0 },
      comments: [],
      feedbackHref: expect.stringContaining('page=check%3Ahas-readme'),
    });
  });
});

describe('rating charts', () => {
  it.each([
    [4, '4.0'],
    [3.95, '4.0'],
    [3.94, '3.9'],
    [2.04, '2.0'],
  ])('formatMean(%d) is %s', (mean, shown) => {
    expect(formatMean(mean)).toBe(shown);
  });

  it('draws one page’s monthly mean on a 0–5 scale, with the ratings in the table; nothing without months', () => {
    const chart = satisfactionTrendChart('CI: mean rating by month', RATED.trend)!;
    expect(chart.geometry.yTicks.map((tick) => tick.label)).toEqual(['0.0', '2.5', '5.0']);
    expect(chart.geometry.xTicks.map((tick) => tick.label)).toEqual(['2026-09', '2026-10']);
    expect(chart.table.columns).toEqual(['Month', 'Mean rating', 'Ratings']);
    expect(satisfactionTrendChart('none', [])).toBeUndefined();
  });

  it('draws several guides by month, each cell the mean and its ratings', () => {
    const chart = satisfactionByMonthChart('All', [
      { label: 'CI', months: RATED.trend },
      { label: 'Docs', months: [{ period: '2026-08', mean: 5, ratings: 2 }] },
      { label: 'Unrated', months: [] },
    ])!;
    expect(chart.legend.map((entry) => entry.label)).toEqual(['CI', 'Docs']);
    expect(chart.table).toEqual({
      columns: ['Month', 'CI', 'Docs'],
      rows: [
        ['2026-08', '–', '5.0 (2)'],
        ['2026-09', '3.0 (1)', '–'],
        ['2026-10', '4.0 (3)', '–'],
      ],
    });
  });

  it('draws every guide’s adoption run by run, up to ten lines told apart', () => {
    const guides = Array.from({ length: 11 }, (_, index) => ({ id: `g${index}`, title: `Guide ${index}` }) as Guide);
    const record = (date: string, share: number) => ({
      schemaVersion: 1 as const,
      generatedAt: `${date}T03:00:00.000Z`,
      entities: {},
      scorecards: {},
      checks: {},
      initiatives: {},
      guides: Object.fromEntries(guides.map((guide) => [guide.id, [share, 4] as [number, number]])),
    });
    const chart = guidesAdoptionChart(historyOf([record('2026-10-01', 1), record('2026-11-01', 3)]), guides)!;
    expect(chart.table.rows[1]).toEqual(['2026-11-01', ...guides.map(() => '75%')]);
    expect(chart.legend.map((entry) => entry.className)).toEqual([
      'series-0',
      'series-1',
      'series-2',
      'series-3',
      'series-4',
      'series-5',
      'series-6',
      'series-7',
      'series-8',
      'series-9',
      'series-0',
    ]);
    expect(seriesClass(12)).toBe('series-2');
    expect(guidesAdoptionChart(historyOf([]), guides)).toBeUndefined();
  });
});
