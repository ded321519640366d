import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../../collectors/contract/history.ts';
import type { CatalogEntity, FeedbackSnapshot, Guide } from '../../../collectors/contract/snapshot.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import {
  formatChange,
  guideStanding,
  needingAttention,
  platformView,
  previousQuarter,
  satisfactionChange,
  surveyQuestions,
  type GuideStanding,
} from '../../../site/lib/platform.ts';
import { emptyHistory, historyOf } from '../../../site/lib/run-history.ts';
import type { Satisfaction } from '../../../site/lib/satisfaction.ts';

function guide(id: string, following: number, applicable: number): Guide {
  return {
    id,
    file: `content/guides/${id}.mdx`,
    title: id,
    summary: 'S',
    category: 'Build',
    owner: 'group:default/platform',
    status: 'recommended',
    reviewed: '2026-10-01',
    checks: ['has-ci'],
    stale: false,
    headings: [],
    adoption: {
      entities: Array.from({ length: applicable }, (_, index) => ({
        entityRef: `component:default/s${index}`,
        follows: index < following,
        missing: [],
      })),
      checks: [],
    },
  };
}

function satisfaction(id: string, ratings: number, mean: number | undefined, trend: Satisfaction['trend'] = []): Satisfaction {
  return {
    target: { kind: 'guide', id },
    ratings,
    ...(mean === undefined ? {} : { mean }),
    distribution: [0, 0, 0, 0, ratings],
    reactions: { up: 0, down: 0 },
    comments: [],
    trend,
  };
}

const run = (date: string, guides: HistoryRecord['guides']): HistoryRecord => ({
  schemaVersion: 1,
  generatedAt: `${date}T03:00:00.000Z`,
  entities: {},
  scorecards: {},
  checks: {},
  guides,
  initiatives: {},
});
const NOW = '2026-11-20T03:00:00.000Z';

describe('satisfactionChange: the last three months against the three before, weighted by ratings', () => {
  it.each([
    { name: 'no ratings', trend: [], change: undefined },
    { name: 'only recent ratings', trend: [{ period: '2026-10', mean: 4, ratings: 2 }], change: undefined },
    { name: 'only earlier ratings', trend: [{ period: '2026-07', mean: 4, ratings: 2 }], change: undefined },
    {
      name: 'one month each side',
      trend: [
        { period: '2026-06', mean: 3, ratings: 2 },
        { period: '2026-10', mean: 2, ratings: 3 },
      ],
      change: -1,
    },
    {
      name: 'weighted by ratings',
      trend: [
        { period: '2026-06', mean: 2, ratings: 1 },
        { period: '2026-08', mean: 4, ratings: 3 },
        { period: '2026-09', mean: 5, ratings: 1 },
        { period: '2026-11', mean: 4, ratings: 3 },
      ],
      change: 0.8,
    },
    {
      name: 'no change is 0, never −0',
      trend: [
        { period: '2026-07', mean: 3.5, ratings: 2 },
        { period: '2026-10', mean: 3.5, ratings: 1 },
      ],
      change: 0,
    },
    {
      name: 'the run’s own month counts as recent',
      trend: [
        { period: '2026-08', mean: 3, ratings: 1 },
        { period: '2026-11', mean: 4.5, ratings: 2 },
      ],
      change: 1.5,
    },
    {
      name: 'older months are left out',
      trend: [
        { period: '2026-05', mean: 1, ratings: 9 },
        { period: '2026-06', mean: 3, ratings: 1 },
        { period: '2026-09', mean: 4, ratings: 1 },
      ],
      change: 1,
    },
    {
      name: 'across a new year',
      trend: [
        { period: '2025-11', mean: 2, ratings: 1 },
        { period: '2026-01', mean: 3, ratings: 1 },
      ],
      now: '2026-02-01T00:00:00.000Z',
      change: 1,
    },
  ])('$name', ({ trend, change, now = NOW }) => {
    expect(satisfactionChange(trend, now)).toBe(change);
  });
});

describe('needingAttention', () => {
  /** A guide's standing; `feedback` is `[ratings, mean]`. */
  const standing = (id: string, following: number, applicable: number, feedback?: [number, number?]): GuideStanding =>
    guideStanding(guide(id, following, applicable), feedback && satisfaction(id, feedback[0], feedback[1]), emptyHistory(), NOW);

  it.each([
    { name: 'followed widely, rated low', guide: standing('a', 6, 10, [3, 2.9]), list: 'followedButDisliked' },
    { name: 'followed widely, rated exactly 3', guide: standing('a', 6, 10, [3, 3]), list: undefined },
    { name: 'followed by 59%, rated low', guide: standing('a', 59, 100, [3, 1]), list: undefined },
    { name: 'followed widely, rated low by two only', guide: standing('a', 6, 10, [2, 1]), list: undefined },
    { name: 'followed by few, rated high', guide: standing('a', 2, 10, [3, 4]), list: 'likedButRare' },
    { name: 'followed by 30%, rated high', guide: standing('a', 3, 10, [3, 5]), list: undefined },
    { name: 'followed by few, rated 3.9', guide: standing('a', 0, 10, [9, 3.9]), list: undefined },
    { name: 'no service in scope', guide: standing('a', 0, 0, [9, 5]), list: undefined },
    { name: 'comments without ratings', guide: standing('a', 0, 10, [0]), list: undefined },
    { name: 'no feedback', guide: standing('a', 9, 10), list: undefined },
  ])('$name → $list', ({ guide: candidate, list }) => {
    const attention = needingAttention([candidate]);
    expect(attention.followedButDisliked.length).toBe(list === 'followedButDisliked' ? 1 : 0);
    expect(attention.likedButRare.length).toBe(list === 'likedButRare' ? 1 : 0);
  });
});

describe('guideStanding', () => {
  it('gives adoption now, the change since the first run that measured the guide, and the satisfaction figures', () => {
    const history = historyOf([
      run('2026-08-01', {}),
      run('2026-09-01', { 'build/ci': [1, 0] }),
      run('2026-10-01', { 'build/ci': [1, 4] }),
      run('2026-11-01', { 'build/ci': [2, 4] }),
    ]);
    expect(guideStanding(guide('build/ci', 3, 4), satisfaction('build/ci', 2, 3.95), history, NOW)).toEqual({
      id: 'build/ci',
      title: 'build/ci',
      href: '/guides/build/ci/',
      status: 'recommended',
      statusLabel: 'Recommended',
      adoption: { following: 3, applicable: 4, percent: 75 },
      adoptionChange: { from: '2026-10-01', points: 50 },
      satisfaction: { ratings: 2, mean: '4.0', meanValue: 3.95 },
    });
  });

  it('has no change without a recorded run, nor satisfaction without feedback', () => {
    expect(guideStanding(guide('build/ci', 1, 4), undefined, emptyHistory(), NOW)).toEqual(
      expect.not.objectContaining({ adoptionChange: expect.anything(), satisfaction: expect.anything() }),
    );
  });
});

describe('surveys', () => {
  it.each([
    ['2026-Q3', '2026-Q2'],
    ['2026-Q1', '2025-Q4'],
    ['2030-Q4', '2030-Q3'],
  ])('the quarter before %s is %s', (quarter, previous) => {
    expect(previousQuarter(quarter)).toBe(previous);
  });

  it('compare each team’s newest quarter of a question with the quarter before it, linking teams that are Groups', () => {
    const figures: FeedbackSnapshot['surveys'] = [
      { question: 'Ease', team: 'data', period: '2026-Q1', mean: 2, responses: 3 },
      { question: 'Ease', team: 'payments', period: '2026-Q2', mean: 3.04, responses: 4 },
      { question: 'Ease', team: 'payments', period: '2026-Q3', mean: 3.5, responses: 6 },
      { question: 'Ease', team: 'web', period: '2026-Q3', mean: 4, responses: 2 },
      { question: 'Trust', team: 'web', period: '2026-Q1', mean: 4, responses: 5 },
    ];
    expect(
      surveyQuestions(figures, (team) =>
        team === 'payments' ? { text: 'Payments', href: '/catalog/default/group/payments/' } : { text: team },
      ),
    ).toEqual([
      {
        question: 'Ease',
        latest: '2026-Q3',
        previous: '2026-Q2',
        teams: [
          { team: { text: 'data' } },
          {
            team: { text: 'Payments', href: '/catalog/default/group/payments/' },
            latest: { mean: '3.5', responses: 6 },
            previous: { mean: '3.0', responses: 4 },
            change: 0.5,
          },
          { team: { text: 'web' }, latest: { mean: '4.0', responses: 2 } },
        ],
      },
      {
        question: 'Trust',
        latest: '2026-Q1',
        previous: '2025-Q4',
        teams: [{ team: { text: 'web' }, latest: { mean: '4.0', responses: 5 } }],
      },
    ]);
  });
});

describe('formatChange', () => {
  it.each([
    [0.5, 1, '', '+0.5'],
    [-1, 1, '', '−1.0'],
    [0, 1, '', '±0'],
    [12, 0, ' pts', '+12 pts'],
    [-8, 0, ' pts', '−8 pts'],
    [0, 0, ' pts', '±0 pts'],
  ])('%d (%d decimals%s) is %s', (change, decimals, unit, shown) => {
    expect(formatChange(change, decimals, unit)).toBe(shown);
  });
});

describe('platformView', () => {
  const group: CatalogEntity = {
    ref: 'group:default/payments',
    apiVersion: 'backstage.io/v1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments Team' },
    spec: { type: 'team', children: [] },
    relations: [],
    source: { file: 'teams.yaml', line: 1 },
    inferred: false,
  };
  const catalog = indexCatalog({ entities: [group], repos: [], problems: [] });
  const guides = [guide('build/ci', 8, 10), guide('docs/readme', 1, 10)];
  const history = historyOf([
    run('2026-10-01', { 'build/ci': [4, 10], 'docs/readme': [1, 10] }),
    run('2026-11-01', { 'build/ci': [8, 10] }),
  ]);

  it('without feedback: adoption only, and says there is none', () => {
    const view = platformView({ guides, feedback: undefined, history, scorecards: [], initiatives: [], generatedAt: NOW, catalog });
    expect(view.feedback).toEqual({ issues: false, surveys: false });
    expect(view.satisfactionChart).toBeUndefined();
    expect(view.attention).toEqual({ followedButDisliked: [], likedButRare: [] });
    expect(view.adoptionChart!.table).toEqual({
      columns: ['Run', 'build/ci', 'docs/readme'],
      rows: [
        ['2026-10-01', '40%', '10%'],
        ['2026-11-01', '80%', '–'],
      ],
    });
  });

  it('with feedback: satisfaction beside adoption, the callouts, and survey teams linked to their Group', () => {
    const feedback: FeedbackSnapshot = {
      satisfaction: [
        satisfaction('build/ci', 4, 2.5, [{ period: '2026-10', mean: 2.5, ratings: 4 }]),
        satisfaction('docs/readme', 3, 4.5, [{ period: '2026-09', mean: 4.5, ratings: 3 }]),
      ],
      surveys: [{ question: 'Ease', team: 'Payments', period: '2026-Q3', mean: 3, responses: 4 }],
    };
    const view = platformView({ guides, feedback, history, scorecards: [], initiatives: [], generatedAt: NOW, catalog });
    expect(view.feedback).toEqual({ issues: true, surveys: true });
    expect(view.attention.followedButDisliked.map((standing) => standing.id)).toEqual(['build/ci']);
    expect(view.attention.likedButRare.map((standing) => standing.id)).toEqual(['docs/readme']);
    expect(view.satisfactionChart!.table.rows).toEqual([
      ['2026-09', '–', '4.5 (3)'],
      ['2026-10', '2.5 (4)', '–'],
    ]);
    expect(view.surveys[0]!.teams[0]!.team).toEqual({ text: 'Payments Team', href: '/catalog/default/group/payments/' });
  });
});
