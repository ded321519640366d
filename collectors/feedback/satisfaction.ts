import type { z } from 'zod';
import { compareCodeUnits } from '../support/order.ts';
import type { FeedbackItem, satisfactionSchema, surveyFigureSchema, SurveyResponse } from './feedback.ts';

/**
 * Satisfaction as a figure: feedback folded per guide or check (mean rating, how many, the newest
 * comments, a monthly trend) and survey answers folded per question, team and quarter. Pure: the
 * same feedback always gives the same figures, in the same order.
 */

/** How many comments a page shows: the newest, with the issue one click away. */
export const RECENT_COMMENTS = 5;

/** One guide's or check's feedback folded: ratings (count, mean, distribution), reactions, the newest comments and a monthly trend. */
export type Satisfaction = z.infer<typeof satisfactionSchema>;

export function satisfactionByTarget(items: readonly FeedbackItem[]): Satisfaction[] {
  const byTarget = new Map<string, FeedbackItem[]>();
  for (const item of items) {
    const key = `${item.target.kind}:${item.target.id}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), item]);
  }
  return [...byTarget.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, group]) => summarise(group));
}

function summarise(items: readonly FeedbackItem[]): Satisfaction {
  const rated = items.filter((item) => item.rating !== undefined);
  const distribution: Satisfaction['distribution'] = [0, 0, 0, 0, 0];
  for (const item of rated) distribution[item.rating! - 1]! += 1;
  const months = new Map<string, number[]>();
  for (const item of rated) {
    const month = item.createdAt.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), item.rating!]);
  }
  const newestFirst = [...items].sort((a, b) => compareCodeUnits(b.createdAt, a.createdAt) || compareCodeUnits(a.url, b.url));
  return {
    target: items[0]!.target,
    ratings: rated.length,
    ...(rated.length > 0 ? { mean: mean(rated.map((item) => item.rating!)) } : {}),
    distribution,
    reactions: { up: sum(items.map((item) => item.reactions.up)), down: sum(items.map((item) => item.reactions.down)) },
    comments: newestFirst
      .filter((item): item is FeedbackItem & { comment: string } => Boolean(item.comment))
      .slice(0, RECENT_COMMENTS)
      .map((item) => ({
        comment: item.comment,
        createdAt: item.createdAt,
        url: item.url,
        ...(item.rating ? { rating: item.rating } : {}),
        ...(item.author ? { author: item.author } : {}),
      })),
    trend: [...months.entries()]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([period, ratings]) => ({ period, mean: mean(ratings), ratings: ratings.length })),
  };
}

/** Survey answers to one question by one team in one quarter (`YYYY-Qn`). */
export type SurveyFigure = z.infer<typeof surveyFigureSchema>;

/** Survey answers folded per question, team and quarter, sorted by question, team, then period. */
export function surveyFigures(responses: readonly SurveyResponse[]): SurveyFigure[] {
  const groups = new Map<string, { question: string; team: string; period: string; scores: number[] }>();
  for (const response of responses) {
    const period = quarterOf(response.date);
    const key = JSON.stringify([response.question, response.team, period]);
    const group = groups.get(key) ?? { question: response.question, team: response.team, period, scores: [] };
    group.scores.push(response.score);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => compareCodeUnits(a.question, b.question) || compareCodeUnits(a.team, b.team) || compareCodeUnits(a.period, b.period))
    .map(({ scores, ...group }) => ({ ...group, mean: mean(scores), responses: scores.length }));
}

/** `2026-05-14` → `2026-Q2`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function mean(values: readonly number[]): number {
  return Math.round((sum(values) / values.length) * 100) / 100;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
