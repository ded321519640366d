import type { Guide, ScorecardDefinition } from '../../collectors/contract/snapshot.ts';
import { lineChart, stackedChart, type ChartGeometry } from './charts.ts';
import type { History } from './run-history.ts';
import { formatScore, levelTitle } from './standards.ts';
import { formatMean } from './text.ts';
import { entityScores, levelsOverTime, shareAtLevel, type Point } from './trends.ts';

/** A trend chart as `components/TrendChart.astro` draws it. */
export interface TrendChartView {
  title: string;
  kind: 'line' | 'stacked';
  geometry: ChartGeometry;
  legend: Array<{ label: string; className: string }>;
  table: { columns: string[]; rows: string[][] };
}

// Rounded down, as the figures beside the charts are: 4 of 13 is 30% in both.
const percent = formatScore;
const count = (value: number) => String(Math.round(value));

/**
 * Each run's name in a table: its day, with the time when another of `dates` falls on the same day,
 * to the second when another falls in the same minute (a collect, then a build).
 */
export function runLabels(dates: readonly string[]): (date: string) => string {
  const unique = new Set(dates);
  const perDay = Map.groupBy(unique, (date) => date.slice(0, 10));
  const perMinute = Map.groupBy(unique, (date) => date.slice(0, 16));
  return (date) => {
    if (perDay.get(date.slice(0, 10))!.length === 1) return date.slice(0, 10);
    return `${date.slice(0, 10)} ${date.slice(11, perMinute.get(date.slice(0, 16))!.length > 1 ? 19 : 16)} UTC`;
  };
}

/** A scorecard's entities by level, run by run; undefined before the first recorded run. */
export function levelTrendChart(history: History, scorecard: ScorecardDefinition): TrendChartView | undefined {
  const runs = levelsOverTime(history, scorecard);
  if (runs.length === 0) return undefined;
  const runName = runLabels(runs.map((run) => run.date));
  const layers = [
    { id: null, label: 'No level', className: 'level-none' },
    ...scorecard.levels.map((level, index) => ({ id: level.id, label: levelTitle(level), className: `level-${Math.min(index, 4)}` })),
  ];
  const series = layers.map((layer) => ({
    label: layer.label,
    className: layer.className,
    points: runs.map((run) => ({ date: run.date, value: run.counts.get(layer.id) ?? 0 })),
  }));
  return {
    title: `${scorecard.title}: entities by level over time`,
    kind: 'stacked',
    geometry: stackedChart(series, count),
    legend: layers.map(({ label, className }) => ({ label, className })),
    table: {
      columns: ['Run', ...layers.map((layer) => layer.label)],
      rows: runs.map((run) => [runName(run.date), ...layers.map((layer) => String(run.counts.get(layer.id) ?? 0))]),
    },
  };
}

/** The share of applicable services following a guide, run by run. */
export function adoptionTrendChart(history: History, guide: Guide): TrendChartView | undefined {
  const runs = history.runs.flatMap((date, run) => {
    const figures = history.figures[run]!.guides[guide.id];
    return figures && figures[1] > 0 ? [{ date, part: figures[0], whole: figures[1] }] : [];
  });
  if (runs.length === 0) return undefined;
  return fractionChart(
    `${guide.title}: adoption over time`,
    'Share of applicable services following the path',
    ['Following', 'Applicable'],
    runs,
  );
}

/**
 * One line of `part / whole`, run by run (a whole of 0 counts as all done), with both figures in
 * the table under `columns`.
 */
export function fractionChart(
  title: string,
  legend: string,
  columns: [string, string],
  runs: ReadonlyArray<{ date: string; part: number; whole: number }>,
): TrendChartView {
  const points = runs.map((run) => ({ date: run.date, value: run.whole ? run.part / run.whole : 1 }));
  const runName = runLabels(runs.map((run) => run.date));
  return {
    title,
    kind: 'line',
    geometry: lineChart([{ label: columns[0], className: 'series-0', points }], 1, percent),
    legend: [{ label: legend, className: 'series-0' }],
    table: { columns: ['Run', ...columns], rows: runs.map((run) => [runName(run.date), String(run.part), String(run.whole)]) },
  };
}

/** An entity's score on each scorecard, run by run. */
export function scoreTrendChart(
  history: History,
  scorecards: readonly ScorecardDefinition[],
  entityRef: string,
): TrendChartView | undefined {
  return sharesChart(
    'Scores over time',
    scorecards.map((scorecard) => ({ label: scorecard.title, points: entityScores(history, scorecard.id, entityRef) })),
  );
}

/** A team's roll-up: per scorecard, the share of what it owns at the first level or above, run by run. */
export function teamTrendChart(history: History, scorecards: readonly ScorecardDefinition[], groupRef: string): TrendChartView | undefined {
  return sharesChart(
    'What the team owns, over time',
    scorecards
      .filter((scorecard) => scorecard.levels.length > 0)
      .map((scorecard) => ({
        label: `${scorecard.title}: ${levelTitle(scorecard.levels[0]!)} or better`,
        points: shareAtLevel(history, scorecard, scorecard.levels[0]!.id, groupRef),
      })),
  );
}

/** Lines of 0–1 shares, one per series with points (none: no chart), with the figures as a table. */
function sharesChart(title: string, lines: ReadonlyArray<{ label: string; points: Point[] }>): TrendChartView | undefined {
  return linesChart(title, lines, { max: 1, format: percent, firstColumn: 'Run', rowName: runLabels });
}

/** Ten series classes: five colours, drawn solid and then dashed, so up to ten lines stay apart. */
export function seriesClass(index: number): string {
  return `series-${index % 10}`;
}

interface LinesScale {
  max: number;
  format: (value: number) => string;
  /** The table's first column: what each row is (a run, a month). */
  firstColumn: string;
  /** Each row's name, given every date of the chart. */
  rowName: (dates: readonly string[]) => (date: string) => string;
  /** A cell of the table (default: the value, formatted). */
  cell?: (point: Point & { ratings?: number }) => string;
}

/** Lines on a shared 0–`max` scale, one per series with points (none: no chart), with the figures as a table, one row per date. */
function linesChart(
  title: string,
  lines: ReadonlyArray<{ label: string; points: Array<Point & { ratings?: number }> }>,
  scale: LinesScale,
): TrendChartView | undefined {
  const series = lines.map((line, index) => ({ ...line, className: seriesClass(index) })).filter((line) => line.points.length > 0);
  if (series.length === 0) return undefined;
  const dates = [...new Set(series.flatMap((line) => line.points.map((point) => point.date)))].sort();
  const rowName = scale.rowName(dates);
  const cell = scale.cell ?? ((point) => scale.format(point.value));
  return {
    title,
    kind: 'line',
    geometry: lineChart(series, scale.max, scale.format),
    legend: series.map(({ label, className }) => ({ label, className })),
    table: {
      columns: [scale.firstColumn, ...series.map((line) => line.label)],
      rows: dates.map((date) => [
        rowName(date),
        ...series.map((line) => {
          const point = line.points.find((candidate) => candidate.date === date);
          return point ? cell(point) : '–';
        }),
      ]),
    },
  };
}

/** Every guide's adoption (the share of applicable services following it), run by run; undefined before the first recorded run. */
export function guidesAdoptionChart(history: History, guides: readonly Guide[]): TrendChartView | undefined {
  return sharesChart(
    'Golden paths: adoption over time',
    guides.map((guide) => ({
      label: guide.title,
      points: history.runs.flatMap((date, run) => {
        const figures = history.figures[run]!.guides[guide.id];
        return figures && figures[1] > 0 ? [{ date, value: figures[0] / figures[1] }] : [];
      }),
    })),
  );
}

/** A month of ratings: `YYYY-MM`, their mean and how many. */
export interface RatingMonth {
  period: string;
  mean: number;
  ratings: number;
}

const ratingScale = { max: 5, format: formatMean, firstColumn: 'Month', rowName: () => (month: string) => month } as const;

/** One guide's or check's mean rating, month by month, with the number of ratings in the table; undefined without ratings. */
export function satisfactionTrendChart(title: string, months: readonly RatingMonth[]): TrendChartView | undefined {
  if (months.length === 0) return undefined;
  const points = months.map((month) => ({ date: month.period, value: month.mean }));
  return {
    title,
    kind: 'line',
    geometry: lineChart([{ label: 'Mean rating', className: seriesClass(0), points }], ratingScale.max, formatMean),
    legend: [{ label: 'Mean rating (1 to 5) of the month', className: seriesClass(0) }],
    table: {
      columns: ['Month', 'Mean rating', 'Ratings'],
      rows: months.map((month) => [month.period, formatMean(month.mean), String(month.ratings)]),
    },
  };
}

/** Several guides' mean ratings, month by month; each cell of the table is `mean (ratings)`. */
export function satisfactionByMonthChart(
  title: string,
  lines: ReadonlyArray<{ label: string; months: readonly RatingMonth[] }>,
): TrendChartView | undefined {
  return linesChart(
    title,
    lines.map((line) => ({
      label: line.label,
      points: line.months.map((month) => ({ date: month.period, value: month.mean, ratings: month.ratings })),
    })),
    { ...ratingScale, cell: (point) => `${formatMean(point.value)} (${point.ratings})` },
  );
}
