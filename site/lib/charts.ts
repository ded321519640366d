/**
 * Chart geometry for static SVG charts: dates on x, values on y, computed here and drawn by
 * `components/TrendChart.astro`, so the site ships no chart library and every chart works without
 * JavaScript. Pure and deterministic.
 */

export const CHART = { width: 640, height: 220, left: 44, right: 12, top: 12, bottom: 28 } as const;

export interface ChartSeries {
  label: string;
  /** CSS class of the line or area (colours come from the stylesheet, for dark mode). */
  className: string;
  points: Array<{ date: string; value: number }>;
}

export interface ChartGeometry {
  /** One path per series: a line, or (stacked) a closed area. */
  paths: Array<{ label: string; className: string; d: string }>;
  /** Each point, for a marker and its tooltip. */
  markers: Array<{ cx: number; cy: number; className: string; title: string }>;
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
}

const plotWidth = CHART.width - CHART.left - CHART.right;
const plotHeight = CHART.height - CHART.top - CHART.bottom;
const round = (value: number) => Math.round(value * 10) / 10;

/** x of each date: spread by time between the first and last date (a single date sits in the middle). */
function xScale(dates: readonly string[]): (date: string) => number {
  const times = dates.map((date) => Date.parse(date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  return (date) => round(CHART.left + (last === first ? plotWidth / 2 : ((Date.parse(date) - first) / (last - first)) * plotWidth));
}

const yScale = (max: number) => (value: number) => round(CHART.top + plotHeight - (max === 0 ? 0 : (value / max) * plotHeight));

function ticks(
  dates: readonly string[],
  x: (date: string) => number,
  max: number,
  y: (value: number) => number,
  format: (value: number) => string,
) {
  // One tick per day: two runs of one day would write the same date twice.
  const unique = [...new Map([...dates].sort().map((date) => [date.slice(0, 10), date])).values()];
  const chosen = unique.length <= 2 ? unique : [unique[0]!, unique[Math.floor(unique.length / 2)]!, unique.at(-1)!];
  return {
    xTicks: chosen.map((date) => ({ x: x(date), label: date.slice(0, 10) })),
    yTicks: [0, 0.5, 1].map((fraction) => ({ y: y(max * fraction), label: format(max * fraction) })),
  };
}

/** Lines, one per series, on a shared scale from 0 to `max`. */
export function lineChart(series: readonly ChartSeries[], max: number, format: (value: number) => string): ChartGeometry {
  const dates = series.flatMap((line) => line.points.map((point) => point.date));
  const x = xScale(dates);
  const y = yScale(max);
  return {
    paths: series.map((line) => ({
      label: line.label,
      className: line.className,
      d: line.points.map((point, index) => `${index ? 'L' : 'M'}${x(point.date)},${y(point.value)}`).join(' '),
    })),
    markers: series.flatMap((line) =>
      line.points.map((point) => ({
        cx: x(point.date),
        cy: y(point.value),
        className: line.className,
        title: `${line.label}, ${point.date.slice(0, 10)}: ${format(point.value)}`,
      })),
    ),
    ...ticks(dates, x, max, y, format),
  };
}

/** Areas stacked bottom-up in series order (every series has a point at every date). */
export function stackedChart(series: readonly ChartSeries[], format: (value: number) => string): ChartGeometry {
  const dates = series[0]?.points.map((point) => point.date) ?? [];
  const totals = dates.map((_, index) => series.reduce((sum, layer) => sum + (layer.points[index]?.value ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = xScale(dates);
  const y = yScale(max);
  const base = dates.map(() => 0);
  const paths: ChartGeometry['paths'] = [];
  const markers: ChartGeometry['markers'] = [];
  for (const layer of series) {
    const bottom = [...base];
    layer.points.forEach((point, index) => (base[index]! += point.value));
    const top = dates.map((date, index) => `${x(date)},${y(base[index]!)}`);
    const under = dates.map((date, index) => `${x(date)},${y(bottom[index]!)}`).reverse();
    // A single run has no width: its areas are drawn as bars a few pixels wide.
    const widen =
      dates.length === 1
        ? (point: string, side: number) => point.replace(/^[\d.]+/, (value) => String(round(Number(value) + side * 6)))
        : (point: string) => point;
    const d =
      dates.length === 1
        ? `M${widen(top[0]!, -1)} L${widen(top[0]!, 1)} L${widen(under[0]!, 1)} L${widen(under[0]!, -1)} Z`
        : `M${top.join(' L')} L${under.join(' L')} Z`;
    paths.push({ label: layer.label, className: layer.className, d });
    layer.points.forEach((point, index) =>
      markers.push({
        cx: x(point.date),
        cy: y(base[index]!),
        className: layer.className,
        title: `${layer.label}, ${point.date.slice(0, 10)}: ${format(point.value)}`,
      }),
    );
  }
  return { paths, markers, ...ticks(dates, x, max, y, format) };
}
