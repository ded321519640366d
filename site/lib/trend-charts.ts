import type { Guide, ScorecardDefinition } from '../../collectors/contract/snapshot.ts';
import { lineChart, stackedChart, type ChartGeometry } from './charts.ts';
import type { History } from './run-history.ts';
import { formatScore, levelTitle } from './standards.ts';
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

/** Each run's name in a table: its day, with the time when another of `dates` falls on the same day. */
function runLabels(dates: readonly string[]): (date: string) => string {
  const perDay = Map.groupBy(new Set(dates), (date) => date.slice(0, 10));
  return (date) => (perDay.get(date.slice(0, 10))!.length > 1 ? `${date.slice(0, 10)} ${date.slice(11, 16)} UTC` : date.slice(0, 10));
}

/** A scorecard's entities by level, run by run; undefined before the first recorded run. */
export function levelTrendChart(history: History, scorecard: ScorecardDefinition): TrendChartView | undefined {
  const runs = levelsOverTime(history, scorecard);
  if (runs.length === 0) return undefined;
  const runName = runLabels(runs.map((run) => run.date));
  const layers = [{ id: null, label: 'No level', className: 'level-none' }, ...scorecard.levels.map((level, index) => ({ id: level.id, label: levelTitle(level), className: `level-${Math.min(index, 4)}` }))];
  const series = layers.map((layer) => ({ label: layer.label, className: layer.className, points: runs.map((run) => ({ date: run.date, value: run.counts.get(layer.id) ?? 0 })) }));
  return {
    title: `${scorecard.title}: entities by level over time`,
    kind: 'stacked',
    geometry: stackedChart(series, count),
    legend: layers.map(({ label, className }) => ({ label, className })),
    table: { columns: ['Run', ...layers.map((layer) => layer.label)], rows: runs.map((run) => [runName(run.date), ...layers.map((layer) => String(run.counts.get(layer.id) ?? 0))]) },
  };
}

/** The share of applicable services following a guide, run by run. */
export function adoptionTrendChart(history: History, guide: Guide): TrendChartView | undefined {
  const runs = history.runs.flatMap((date, run) => {
    const figures = history.figures[run]!.guides[guide.id];
    return figures && figures[1] > 0 ? [{ date, part: figures[0], whole: figures[1] }] : [];
  });
  if (runs.length === 0) return undefined;
  return fractionChart(`${guide.title}: adoption over time`, 'Share of applicable services following the path', ['Following', 'Applicable'], runs);
}

/**
 * One line of `part / whole`, run by run (a whole of 0 counts as all done), with both figures in
 * the table under `columns`.
 */
export function fractionChart(title: string, legend: string, columns: [string, string], runs: ReadonlyArray<{ date: string; part: number; whole: number }>): TrendChartView {
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
export function scoreTrendChart(history: History, scorecards: readonly ScorecardDefinition[], entityRef: string): TrendChartView | undefined {
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
      .map((scorecard) => ({ label: `${scorecard.title}: ${levelTitle(scorecard.levels[0]!)} or better`, points: shareAtLevel(history, scorecard, scorecard.levels[0]!.id, groupRef) })),
  );
}

/** Lines of 0–1 shares, one per series with points (none: no chart), with the figures as a table. */
function sharesChart(title: string, lines: ReadonlyArray<{ label: string; points: Point[] }>): TrendChartView | undefined {
  const series = lines.map((line, index) => ({ ...line, className: `series-${index % 5}` })).filter((line) => line.points.length > 0);
  if (series.length === 0) return undefined;
  const dates = [...new Set(series.flatMap((line) => line.points.map((point) => point.date)))].sort();
  const runName = runLabels(dates);
  return {
    title,
    kind: 'line',
    geometry: lineChart(series, 1, percent),
    legend: series.map(({ label, className }) => ({ label, className })),
    table: {
      columns: ['Run', ...series.map((line) => line.label)],
      rows: dates.map((date) => [runName(date), ...series.map((line) => {
        const point = line.points.find((candidate) => candidate.date === date);
        return point ? percent(point.value) : '–';
      })]),
    },
  };
}
