import { describe, expect, it } from 'vitest';
import type { FeedbackItem, SurveyResponse } from '../../../collectors/feedback/feedback.ts';
import { quarterOf, satisfactionByTarget, surveyFigures } from '../../../collectors/feedback/satisfaction.ts';

const item = (id: string, createdAt: string, rating?: number, comment?: string, reactions = { up: 0, down: 0 }): FeedbackItem => ({
  target: { kind: 'guide', id },
  ...(rating ? { rating } : {}),
  ...(comment ? { comment } : {}),
  createdAt,
  url: `https://github.com/acme/portal/issues/${createdAt}`,
  reactions,
});

describe('satisfaction per guide or check', () => {
  it('folds ratings, reactions, the newest comments and a monthly trend', () => {
    const [summary] = satisfactionByTarget([
      item('ci', '2026-05-02T10:00:00Z', 4, 'Good', { up: 2, down: 0 }),
      item('ci', '2026-05-20T10:00:00Z', 3),
      item('ci', '2026-06-01T10:00:00Z', 5, 'Great'),
      item('ci', '2026-06-02T10:00:00Z', undefined, 'No rating', { up: 0, down: 1 }),
    ]);
    expect(summary).toEqual({
      target: { kind: 'guide', id: 'ci' },
      ratings: 3,
      mean: 4,
      distribution: [0, 0, 1, 1, 1],
      reactions: { up: 2, down: 1 },
      comments: [
        { comment: 'No rating', createdAt: '2026-06-02T10:00:00Z', url: 'https://github.com/acme/portal/issues/2026-06-02T10:00:00Z' },
        {
          comment: 'Great',
          rating: 5,
          createdAt: '2026-06-01T10:00:00Z',
          url: 'https://github.com/acme/portal/issues/2026-06-01T10:00:00Z',
        },
        {
          comment: 'Good',
          rating: 4,
          createdAt: '2026-05-02T10:00:00Z',
          url: 'https://github.com/acme/portal/issues/2026-05-02T10:00:00Z',
        },
      ],
      trend: [
        { period: '2026-05', mean: 3.5, ratings: 2 },
        { period: '2026-06', mean: 5, ratings: 1 },
      ],
    });
  });

  it('keeps targets apart and in a stable order, and shows at most five comments', () => {
    const items = [
      ...Array.from({ length: 7 }, (_, index) => item('b', `2026-01-0${index + 1}`, 2, `c${index}`)),
      item('a', '2026-01-01', 5),
    ];
    const summaries = satisfactionByTarget(items);
    expect(summaries.map((summary) => summary.target.id)).toEqual(['a', 'b']);
    expect(summaries[1]!.comments.map((comment) => comment.comment)).toEqual(['c6', 'c5', 'c4', 'c3', 'c2']);
    expect(summaries[0]).toMatchObject({ ratings: 1, mean: 5, comments: [] });
  });
});

describe('survey figures', () => {
  it.each([
    ['2026-01-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it('folds answers per question, team and quarter', () => {
    const answer = (date: string, team: string, score: number): SurveyResponse => ({
      date,
      team,
      question: 'Ease',
      score,
      file: 's.csv',
      line: 2,
    });
    expect(
      surveyFigures([
        answer('2026-05-01', 'web', 4),
        answer('2026-06-01', 'web', 3),
        answer('2026-05-01', 'api', 5),
        answer('2026-08-01', 'web', 5),
      ]),
    ).toEqual([
      { question: 'Ease', team: 'api', period: '2026-Q2', mean: 5, responses: 1 },
      { question: 'Ease', team: 'web', period: '2026-Q2', mean: 3.5, responses: 2 },
      { question: 'Ease', team: 'web', period: '2026-Q3', mean: 5, responses: 1 },
    ]);
  });
});
