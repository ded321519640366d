import { feedbackIssueUrl, RATING_CHOICES } from '../../collectors/contract/helpers.ts';
import type { FeedbackSnapshot } from '../../collectors/contract/snapshot.ts';
import { safeWebHref } from './links.ts';
import { formatMean } from './text.ts';
import { satisfactionTrendChart, type TrendChartView } from './trend-charts.ts';

/**
 * What developers said about one guide or check, shaped for its page: the mean rating and how many,
 * how the ratings spread, the 👍/👎 on the feedback issues, the monthly trend, the newest comments,
 * and the link that opens a prefilled feedback issue. Pure.
 */

/** One guide's or check's feedback as the snapshot folds it. */
export type Satisfaction = FeedbackSnapshot['satisfaction'][number];
/** The page feedback is about. */
export type FeedbackTarget = Satisfaction['target'];

/** The rating scale's top. */
export const RATING_SCALE = 5;

export interface FeedbackComment {
  /** As written (cleaned by the collectors; escaped by the renderer). */
  text: string;
  rating?: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The issue, when its URL is a web link. */
  href?: string;
  /** The link's text: `issue #12`, or `the issue` when its number is not in the URL. */
  issue: string;
  /** Only when the portal publishes respondents. */
  author?: string;
}

export interface SatisfactionView {
  ratings: number;
  /** The mean to one decimal (`3.9`); undefined without ratings. */
  mean?: string;
  meanValue?: number;
  /** From 5 down to 1: the form's wording, how many, and their share of the ratings in whole percent. */
  distribution: Array<{ rating: number; label: string; count: number; percent: number }>;
  reactions: { up: number; down: number };
  comments: FeedbackComment[];
  /** Mean rating by month; undefined without ratings. */
  trend?: TrendChartView;
  /** The prefilled "new issue" link, when the portal names its feedback repository. */
  feedbackHref?: string;
}

/** The satisfaction folded for a target, if anyone gave feedback on it. */
export function satisfactionOf(feedback: FeedbackSnapshot | undefined, target: FeedbackTarget): Satisfaction | undefined {
  return feedback?.satisfaction.find((entry) => entry.target.kind === target.kind && entry.target.id === target.id);
}

/**
 * The page's satisfaction, or undefined when there is nothing to show: the portal reads no feedback,
 * or nobody gave any on this page and there is no repository to give it in.
 */
export function satisfactionView(
  feedback: FeedbackSnapshot | undefined,
  target: FeedbackTarget,
  title: string,
): SatisfactionView | undefined {
  const satisfaction = satisfactionOf(feedback, target);
  const feedbackHref = feedback?.repository ? feedbackIssueUrl(feedback.repository, target, title) : undefined;
  if (!satisfaction && !feedbackHref) return undefined;
  const ratings = satisfaction?.ratings ?? 0;
  const distribution = satisfaction?.distribution ?? [0, 0, 0, 0, 0];
  const trend = satisfaction && satisfactionTrendChart(`${title}: mean rating by month`, satisfaction.trend);
  return {
    ratings,
    ...(satisfaction?.mean !== undefined ? { mean: formatMean(satisfaction.mean), meanValue: satisfaction.mean } : {}),
    distribution: [5, 4, 3, 2, 1].map((rating) => {
      const count = distribution[rating - 1]!;
      return { rating, label: RATING_CHOICES[RATING_SCALE - rating]!, count, percent: ratings ? Math.round((count / ratings) * 100) : 0 };
    }),
    reactions: satisfaction?.reactions ?? { up: 0, down: 0 },
    comments: (satisfaction?.comments ?? []).map(commentView),
    ...(trend ? { trend } : {}),
    ...(feedbackHref ? { feedbackHref } : {}),
  };
}

function commentView(comment: Satisfaction['comments'][number]): FeedbackComment {
  const href = safeWebHref(comment.url);
  const number = /\/issues\/(\d+)\/?$/.exec(comment.url)?.[1];
  return {
    text: comment.comment,
    ...(comment.rating !== undefined ? { rating: comment.rating } : {}),
    date: comment.createdAt.slice(0, 10),
    ...(href ? { href } : {}),
    issue: number ? `issue #${number}` : 'the issue',
    ...(comment.author ? { author: comment.author } : {}),
  };
}
