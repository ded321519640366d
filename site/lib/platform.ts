import type { FeedbackSnapshot, Guide, Initiative, ScorecardDefinition } from '../../collectors/contract/snapshot.ts';
import { compareText, linkToRef, type IndexedCatalog } from './catalog.ts';
import { adoptionSummary, STATUS_LABELS, type AdoptionSummary } from './guides.ts';
import { initiativeSummary, type InitiativeSummary } from './initiatives.ts';
import { guidePath, initiativePath, scorecardPath } from './paths.ts';
import type { History } from './run-history.ts';
import { satisfactionOf, type Satisfaction } from './satisfaction.ts';
import { formatMean } from './text.ts';
import { guidesAdoptionChart, levelTrendChart, satisfactionByMonthChart, type RatingMonth, type TrendChartView } from './trend-charts.ts';
import { withBase } from './urls.ts';

/**
 * The platform team's product dashboard (`/platform/`): whether developers follow each golden path
 * and whether they like it, side by side and over time, what the teams answer in surveys, the
 * scorecards' levels over the runs and the initiatives' outlook, and the guides whose adoption and
 * satisfaction disagree. Pure: the snapshot's parts and the run history in, what the page shows out.
 */

/** When a guide's adoption and satisfaction disagree enough to call it out: percentages of applicable services, mean ratings of 5. */
export const ATTENTION = {
  /** Followed by at least this share of the services it applies to … */
  highAdoption: 60,
  /** … yet rated below this: developers follow it because they must. */
  lowSatisfaction: 3,
  /** Followed by fewer than this share … */
  lowAdoption: 30,
  /** … yet rated at least this: a path worth promoting. */
  highSatisfaction: 4,
  /** A mean of fewer ratings says too little to call anything out. */
  minRatings: 3,
} as const;

/** How many months each side of a satisfaction change spans: the last ones up to the run against the ones before. */
export const CHANGE_MONTHS = 3;

export interface GuideStanding {
  id: string;
  title: string;
  href: string;
  status: Guide['status'];
  statusLabel: string;
  adoption: AdoptionSummary;
  /** Percentage points gained since the first recorded run that measured the guide (`from`: its date). */
  adoptionChange?: { from: string; points: number };
  satisfaction?: {
    ratings: number;
    mean?: string;
    meanValue?: number;
    /** Mean of the last `CHANGE_MONTHS` months' ratings minus the mean of the months before them. */
    change?: number;
  };
}

export interface SurveyQuestionView {
  question: string;
  /** The newest quarter any team answered the question in (`YYYY-Qn`), and the one before it. */
  latest: string;
  previous: string;
  teams: Array<{
    team: { text: string; href?: string };
    latest?: { mean: string; responses: number };
    previous?: { mean: string; responses: number };
    /** Latest mean minus previous, when the team answered in both. */
    change?: number;
  }>;
}

export interface PlatformView {
  guides: GuideStanding[];
  /** Every guide's adoption over the recorded runs; undefined when the history holds none. */
  adoptionChart?: TrendChartView;
  /** The rated guides' mean rating by month. */
  satisfactionChart?: TrendChartView;
  attention: { followedButDisliked: GuideStanding[]; likedButRare: GuideStanding[] };
  /** Whether the portal reads feedback issues (a repository) and surveys at all. */
  feedback: { issues: boolean; surveys: boolean };
  surveys: SurveyQuestionView[];
  levels: Array<{ title: string; href: string; chart?: TrendChartView }>;
  initiatives: InitiativeSummary[];
}

export interface PlatformInput {
  /** In display order. */
  guides: readonly Guide[];
  feedback: FeedbackSnapshot | undefined;
  history: History;
  scorecards: readonly ScorecardDefinition[];
  initiatives: readonly Initiative[];
  /** The run's time, the "now" of changes and outlooks. */
  generatedAt: string;
  /** For survey teams that are Groups of the catalog. */
  catalog: IndexedCatalog;
}

export function platformView({ guides, feedback, history, scorecards, initiatives, generatedAt, catalog }: PlatformInput): PlatformView {
  const standings = guides.map((guide) =>
    guideStanding(guide, satisfactionOf(feedback, { kind: 'guide', id: guide.id }), history, generatedAt),
  );
  const rated = guides.flatMap((guide) => {
    const satisfaction = satisfactionOf(feedback, { kind: 'guide', id: guide.id });
    return satisfaction && satisfaction.trend.length > 0 ? [{ label: guide.title, months: satisfaction.trend }] : [];
  });
  const adoptionChart = guidesAdoptionChart(history, guides);
  const satisfactionChart = satisfactionByMonthChart('Golden paths: mean rating by month', rated);
  return {
    guides: standings,
    ...(adoptionChart ? { adoptionChart } : {}),
    ...(satisfactionChart ? { satisfactionChart } : {}),
    attention: needingAttention(standings),
    feedback: {
      issues: Boolean(feedback?.repository) || (feedback?.satisfaction.length ?? 0) > 0,
      surveys: (feedback?.surveys.length ?? 0) > 0,
    },
    surveys: surveyQuestions(feedback?.surveys ?? [], (team) => teamLink(catalog, team)),
    levels: scorecards.map((scorecard) => {
      const chart = levelTrendChart(history, scorecard);
      return { title: scorecard.title, href: withBase(scorecardPath(scorecard.id)), ...(chart ? { chart } : {}) };
    }),
    initiatives: initiatives.map((initiative) =>
      initiativeSummary(initiative, history, generatedAt, withBase(initiativePath(initiative.id))),
    ),
  };
}

/** A guide's adoption now and since its first recorded run, beside its satisfaction. */
export function guideStanding(guide: Guide, satisfaction: Satisfaction | undefined, history: History, generatedAt: string): GuideStanding {
  const adoption = adoptionSummary(guide);
  const first = firstAdoption(history, guide.id);
  const change = satisfaction ? satisfactionChange(satisfaction.trend, generatedAt) : undefined;
  return {
    id: guide.id,
    title: guide.title,
    href: withBase(guidePath(guide.id)),
    status: guide.status,
    statusLabel: STATUS_LABELS[guide.status],
    adoption,
    ...(first && adoption.percent !== undefined
      ? { adoptionChange: { from: first.date.slice(0, 10), points: adoption.percent - first.percent } }
      : {}),
    ...(satisfaction
      ? {
          satisfaction: {
            ratings: satisfaction.ratings,
            ...(satisfaction.mean !== undefined ? { mean: formatMean(satisfaction.mean), meanValue: satisfaction.mean } : {}),
            ...(change !== undefined ? { change } : {}),
          },
        }
      : {}),
  };
}

/** The guide's adoption in the oldest recorded run that measured it (some service in scope), in whole percent. */
function firstAdoption(history: History, guideId: string): { date: string; percent: number } | undefined {
  for (const [run, date] of history.runs.entries()) {
    const figures = history.figures[run]!.guides[guideId];
    if (figures && figures[1] > 0) return { date, percent: Math.floor((figures[0] / figures[1]) * 100) };
  }
  return undefined;
}

/** `2026-11` as a count of months, so windows of months are subtractions. */
function monthNumber(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/**
 * How the mean rating moved: the ratings of the last `months` months up to the run's month against
 * those of the `months` before them, each side weighted by its ratings, to one decimal. Undefined
 * when either side has no rating.
 */
export function satisfactionChange(trend: readonly RatingMonth[], generatedAt: string, months = CHANGE_MONTHS): number | undefined {
  const now = monthNumber(generatedAt);
  const windowMean = (newest: number) => {
    const inWindow = trend.filter((month) => monthNumber(month.period) <= newest && monthNumber(month.period) > newest - months);
    const ratings = inWindow.reduce((sum, month) => sum + month.ratings, 0);
    return ratings ? inWindow.reduce((sum, month) => sum + month.mean * month.ratings, 0) / ratings : undefined;
  };
  const recent = windowMean(now);
  const earlier = windowMean(now - months);
  return recent === undefined || earlier === undefined ? undefined : Math.round((recent - earlier) * 10) / 10 || 0;
}

/** Guides followed widely but rated low, and guides rated high but followed by few (`ATTENTION`'s thresholds). */
export function needingAttention(guides: readonly GuideStanding[]): PlatformView['attention'] {
  const judged = guides.filter(
    (guide) =>
      guide.adoption.percent !== undefined &&
      guide.satisfaction?.meanValue !== undefined &&
      guide.satisfaction.ratings >= ATTENTION.minRatings,
  );
  return {
    followedButDisliked: judged.filter(
      (guide) => guide.adoption.percent! >= ATTENTION.highAdoption && guide.satisfaction!.meanValue! < ATTENTION.lowSatisfaction,
    ),
    likedButRare: judged.filter(
      (guide) => guide.adoption.percent! < ATTENTION.lowAdoption && guide.satisfaction!.meanValue! >= ATTENTION.highSatisfaction,
    ),
  };
}

/** `2026-Q1` → `2025-Q4`. */
export function previousQuarter(period: string): string {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  return quarter > 1 ? `${year}-Q${quarter - 1}` : `${year - 1}-Q4`;
}

/**
 * Survey figures per question: each team's mean in the newest quarter the question was answered in,
 * in the quarter before it, and the change. Questions and teams keep the collectors' order (sorted).
 */
export function surveyQuestions(
  figures: FeedbackSnapshot['surveys'],
  team: (name: string) => { text: string; href?: string },
): SurveyQuestionView[] {
  const byQuestion = Map.groupBy(figures, (figure) => figure.question);
  return [...byQuestion].map(([question, answers]) => {
    const latest = answers.reduce((newest, figure) => (figure.period > newest ? figure.period : newest), answers[0]!.period);
    const previous = previousQuarter(latest);
    const teams = [...new Set(answers.map((figure) => figure.team))].sort(compareText);
    return {
      question,
      latest,
      previous,
      teams: teams.map((name) => {
        const at = (period: string) => answers.find((figure) => figure.team === name && figure.period === period);
        const now = at(latest);
        const before = at(previous);
        return {
          team: team(name),
          ...(now ? { latest: { mean: formatMean(now.mean), responses: now.responses } } : {}),
          ...(before ? { previous: { mean: formatMean(before.mean), responses: before.responses } } : {}),
          ...(now && before ? { change: Math.round((now.mean - before.mean) * 10) / 10 || 0 } : {}),
        };
      }),
    };
  });
}

/** A survey's team, linked to its Group page when the catalog has a Group of that name. */
function teamLink(catalog: IndexedCatalog, team: string): { text: string; href?: string } {
  const ref = `group:default/${team.toLowerCase()}`;
  if (!catalog.byRef.has(ref)) return { text: team };
  const link = linkToRef(catalog, ref);
  return { text: link.text, ...(link.href ? { href: link.href } : {}) };
}

/** A change of a mean or a percentage, signed: `+0.4`, `−1.0`, `±0`. */
export function formatChange(change: number, decimals = 1, unit = ''): string {
  if (change === 0) return `±0${unit}`;
  return `${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(decimals)}${unit}`;
}
