import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../collectors/contract/snapshot.ts';
import { historyOf } from '../../../site/lib/run-history.ts';
import { outlook, progressOf } from '../../../site/lib/initiatives.ts';

const run = (date: string, done: number, total = 10) => ({ date: `${date}T03:00:00.000Z`, done, total });

describe('outlook', () => {
  it.each([
    { name: 'everything done', progress: [run('2026-10-01', 10)], deadline: '2026-12-31', state: { state: 'done' } },
    { name: 'one run only', progress: [run('2026-10-01', 4)], deadline: '2026-12-31', state: { state: 'unknown', remaining: 6 } },
    {
      name: 'runs within a day',
      progress: [run('2026-10-01', 4), { date: '2026-10-01T20:00:00.000Z', done: 5, total: 10 }],
      deadline: '2026-12-31',
      state: { state: 'unknown', remaining: 5 },
    },
    {
      name: 'no progress',
      progress: [run('2026-10-01', 4), run('2026-10-31', 4)],
      deadline: '2026-12-31',
      state: { state: 'stalled', remaining: 6 },
    },
    {
      name: 'going backwards',
      progress: [run('2026-10-01', 5), run('2026-10-31', 4)],
      deadline: '2026-12-31',
      state: { state: 'stalled', remaining: 6 },
    },
    {
      name: 'one a week, six left, nine weeks to go',
      progress: [run('2026-10-01', 0), run('2026-10-29', 4)],
      deadline: '2026-12-31',
      state: { state: 'on-track', remaining: 6, projected: '2026-12-10' },
    },
    {
      name: 'one a week, six left, three weeks to go',
      progress: [run('2026-10-01', 0), run('2026-10-29', 4)],
      deadline: '2026-11-19',
      state: { state: 'at-risk', remaining: 6, projected: '2026-12-10' },
    },
    {
      name: 'nothing its goal applies to: nothing to do, not done',
      progress: [{ date: '2026-10-01', done: 0, total: 0 }],
      deadline: '2026-12-31',
      state: { state: 'empty' },
    },
    {
      name: 'deadline passed',
      progress: [run('2026-10-01', 0), run('2026-10-29', 4)],
      deadline: '2026-10-15',
      state: { state: 'missed', remaining: 6 },
    },
  ])('$name', ({ progress, deadline, state }) => {
    expect(outlook(progress, deadline, progress.at(-1)!.date)).toEqual(state);
  });
});

describe('progressOf', () => {
  const initiative = (start?: string) =>
    ({
      id: 'silver',
      deadline: '2027-03-31',
      ...(start ? { start } : {}),
      entities: [
        { entityRef: 'a', done: true, missing: [] },
        { entityRef: 'b', done: false, missing: ['x'] },
      ],
    }) as unknown as Initiative;
  const history = historyOf(
    ['2026-08-01', '2026-09-01', '2026-10-01'].map((date, index) => ({
      schemaVersion: 1,
      generatedAt: `${date}T03:00:00.000Z`,
      entities: {},
      scorecards: {},
      checks: {},
      guides: {},
      initiatives: { silver: [index % 2, 2] as [number, number] },
    })),
  );

  it.each([
    { start: undefined, dates: ['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'] },
    { start: '2026-09-01', dates: ['2026-09-01', '2026-10-01', '2026-11-01'] },
    { start: '2026-10-15', dates: ['2026-11-01'] },
  ])('counts the runs since $start, then this one', ({ start, dates }) => {
    expect(progressOf(initiative(start), history, '2026-11-01T03:00:00.000Z').map((point) => point.date.slice(0, 10))).toEqual(dates);
  });
});
