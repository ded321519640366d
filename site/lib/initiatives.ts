import type { Initiative } from '../../collectors/contract/snapshot.ts';
import { compareText, linkToRef, type IndexedCatalog, type EntityLink } from './catalog.ts';
import type { History } from './run-history.ts';
import { checkLink, type CheckLink, type IndexedStandards } from './standards.ts';
import { fractionChart, type TrendChartView } from './trend-charts.ts';

const DAY_MS = 86_400_000;

export type Outlook =
  | { state: 'done' }
  | { state: 'empty' }
  | { state: 'missed'; remaining: number }
  | { state: 'unknown'; remaining: number }
  | { state: 'stalled'; remaining: number }
  | { state: 'on-track' | 'at-risk'; remaining: number; projected: string };

export const OUTLOOK_LABELS: Record<Outlook['state'], string> = {
  done: 'Done',
  empty: 'Nothing in scope',
  missed: 'Deadline missed',
  unknown: 'Too early to tell',
  stalled: 'At risk: no progress',
  'on-track': 'On track',
  'at-risk': 'At risk',
};

/**
 * Whether an initiative will make its deadline at the rate it has been going: from the oldest
 * run of its progress (since it started) to now, entities done per day, projected over what
 * remains. Pure.
 */
export function outlook(progress: ReadonlyArray<{ date: string; done: number; total: number }>, deadline: string, now: string): Outlook {
  const latest = progress.at(-1);
  if (!latest) return { state: 'unknown', remaining: 0 };
  // No entity its goal applies to is not an initiative achieved: there was nothing to do.
  if (latest.total === 0) return { state: 'empty' };
  const remaining = latest.total - latest.done;
  if (remaining <= 0) return { state: 'done' };
  const end = Date.parse(`${deadline}T23:59:59Z`);
  if (Date.parse(now) > end) return { state: 'missed', remaining };
  const first = progress[0]!;
  const days = (Date.parse(latest.date) - Date.parse(first.date)) / DAY_MS;
  if (progress.length < 2 || days < 1) return { state: 'unknown', remaining };
  const rate = (latest.done - first.done) / days;
  if (rate <= 0) return { state: 'stalled', remaining };
  const projected = new Date(Date.parse(latest.date) + (remaining / rate) * DAY_MS).toISOString().slice(0, 10);
  return { state: Date.parse(`${projected}T00:00:00Z`) <= end ? 'on-track' : 'at-risk', remaining, projected };
}

/** An initiative's progress, run by run: the history's records since it started, then this run. */
export function progressOf(
  initiative: Initiative,
  history: History,
  generatedAt: string,
): Array<{ date: string; done: number; total: number }> {
  const start = initiative.start ?? '';
  const earlier = history.runs.flatMap((date, run) => {
    const figures = history.figures[run]!.initiatives[initiative.id];
    return date >= start && date < generatedAt && figures ? [{ date, done: figures[0], total: figures[1] }] : [];
  });
  return [
    ...earlier,
    { date: generatedAt, done: initiative.entities.filter((entity) => entity.done).length, total: initiative.entities.length },
  ];
}

export interface InitiativeSummary {
  id: string;
  title: string;
  href: string;
  deadline: string;
  done: number;
  total: number;
  /** Undefined when nothing is in scope: 0 of 0 is not 100%. */
  percent?: number;
  outlook: Outlook;
  outlookLabel: string;
}

export function initiativeSummary(initiative: Initiative, history: History, generatedAt: string, href: string): InitiativeSummary {
  const progress = progressOf(initiative, history, generatedAt);
  const { done, total } = progress.at(-1)!;
  const state = outlook(progress, initiative.deadline, generatedAt);
  return {
    id: initiative.id,
    title: initiative.title,
    href,
    deadline: initiative.deadline,
    done,
    total,
    ...(total ? { percent: Math.floor((done / total) * 100) } : {}),
    outlook: state,
    outlookLabel: OUTLOOK_LABELS[state.state],
  };
}

/** One team's part of an initiative: how far along, and what each of its entities still has to do. */
export interface TeamProgress {
  team: EntityLink | undefined;
  done: number;
  total: number;
  todo: Array<{ entity: EntityLink; missing: Array<CheckLink | { id: string; title: string }> }>;
}

export function teamProgress(initiative: Initiative, catalog: IndexedCatalog, standards: IndexedStandards): TeamProgress[] {
  const byTeam = Map.groupBy(initiative.entities, (entity) => entity.owner);
  const isGoalChecks = 'checks' in initiative.goal;
  return [...byTeam]
    .map(([owner, entities]) => ({
      team: owner ? linkToRef(catalog, owner) : undefined,
      done: entities.filter((entity) => entity.done).length,
      total: entities.length,
      todo: entities
        .filter((entity) => !entity.done)
        .map((entity) => ({
          entity: linkToRef(catalog, entity.entityRef),
          missing: entity.missing.map((item) => (isGoalChecks ? checkLink(standards, item) : { id: item, title: `at ${item} now` })),
        })),
    }))
    .sort((a, b) => b.total - b.done - (a.total - a.done) || compareText(a.team?.text ?? '', b.team?.text ?? ''));
}

/** Progress toward the goal over the runs, as a chart. */
export function progressChart(
  initiative: Initiative,
  progress: ReadonlyArray<{ date: string; done: number; total: number }>,
): TrendChartView {
  return fractionChart(
    `${initiative.title}: progress over time`,
    'Share of the entities covered that meet the goal',
    ['Done', 'Covered'],
    progress.map((point) => ({ date: point.date, part: point.done, whole: point.total })),
  );
}
