import { describe, expect, it } from 'vitest';
import { outlook } from '../../../site/lib/initiatives.ts';

const run = (date: string, done: number, total = 10) => ({ date: `${date}T03:00:00.000Z`, done, total });

describe('outlook', () => {
  it.each([
    { name: 'everything done', progress: [run('2026-10-01', 10)], deadline: '2026-12-31', state: { state: 'done' } },
    { name: 'one run only', progress: [run('2026-10-01', 4)], deadline: '2026-12-31', state: { state: 'unknown', remaining: 6 } },
    { name: 'runs within a day', progress: [run('2026-10-01', 4), { date: '2026-10-01T20:00:00.000Z', done: 5, total: 10 }], deadline: '2026-12-31', state: { state: 'unknown', remaining: 5 } },
    { name: 'no progress', progress: [run('2026-10-01', 4), run('2026-10-31', 4)], deadline: '2026-12-31', state: { state: 'stalled', remaining: 6 } },
    { name: 'going backwards', progress: [run('2026-10-01', 5), run('2026-10-31', 4)], deadline: '2026-12-31', state: { state: 'stalled', remaining: 6 } },
    { name: 'one a week, six left, nine weeks to go', progress: [run('2026-10-01', 0), run('2026-10-29', 4)], deadline: '2026-12-31', state: { state: 'on-track', remaining: 6, projected: '2026-12-10' } },
    { name: 'one a week, six left, three weeks to go', progress: [run('2026-10-01', 0), run('2026-10-29', 4)], deadline: '2026-11-19', state: { state: 'at-risk', remaining: 6, projected: '2026-12-10' } },
    { name: 'deadline passed', progress: [run('2026-10-01', 0), run('2026-10-29', 4)], deadline: '2026-10-15', state: { state: 'missed', remaining: 6 } },
  ])('$name', ({ progress, deadline, state }) => {
    expect(outlook(progress, deadline, progress.at(-1)!.date)).toEqual(state);
  });
});
