/**
 * The bench's results as rows, and the rows as a Markdown table (work | Cairn | floor | ratio |
 * target). Pure: the caller prints and writes.
 */
import type { Command, Pairs } from './processes.ts';

/** A figure's target: met when the figure is at most `limit`. */
export interface Target {
  /** What the target says, e.g. `≤ 0.5 s`, `≤ 12× floor`. */
  text: string;
  limit: number;
  actual: number;
}

/** What one side of a timed row measured: median time, and the largest peak memory of its runs. */
export interface Figures {
  seconds: number;
  peakBytes: number | undefined;
}

/** A command timed against its floor. */
export interface TimedRow {
  kind: 'timed';
  work: string;
  command: Command;
  floorCommand: Command;
  cairn: Figures;
  floor: Figures;
  /** The median of the pairs' own ratios. */
  ratio: number;
  targets: Target[];
  runs: Pairs;
}

/** A figure with no floor (a page weight). */
export interface FigureRow {
  kind: 'figure';
  work: string;
  figure: string;
  targets: Target[];
}

export type Row = TimedRow | FigureRow;

export function secondsTarget(limit: number, actual: number): Target {
  return { text: `≤ ${limit} s`, limit, actual };
}

export function ratioTarget(limit: number, actual: number, floorName = 'floor'): Target {
  return { text: `≤ ${limit}× ${floorName}`, limit, actual };
}

export function bytesTarget(limit: number, actual: number, per = ''): Target {
  return { text: `≤ ${formatBytes(limit)}${per}`, limit, actual };
}

/** The rows as a Markdown table. */
export function renderTable(rows: readonly Row[]): string {
  const lines = ['| work | Cairn | floor | ratio | target |', '|---|---|---|---|---|'];
  for (const row of rows) {
    const cells =
      row.kind === 'timed'
        ? [row.work, figures(row.cairn), figures(row.floor), formatRatio(row.ratio), targets(row.targets)]
        : [row.work, row.figure, '—', '—', targets(row.targets)];
    lines.push(`| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function figures(figures: Figures): string {
  return figures.peakBytes === undefined
    ? formatSeconds(figures.seconds)
    : `${formatSeconds(figures.seconds)}, ${formatBytes(figures.peakBytes)}`;
}

function targets(targets: readonly Target[]): string {
  if (targets.length === 0) return '—';
  return targets.map((target) => `${target.text} ${target.actual <= target.limit ? 'met' : 'MISSED'}`).join('; ');
}

export function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

export function formatRatio(ratio: number): string {
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×`;
}

/** Decimal units (1 KB = 1,000 bytes), as the targets are written. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))} ${units[unit]}`;
}
