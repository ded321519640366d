import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../collectors/contract/history.ts';
import { historyRecord } from '../../collectors/runs/history.ts';
import { appendHistory, readHistory } from '../../collectors/store/history-folder.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';
import { runCairn } from '../helpers/cli.ts';

const record = (generatedAt: string) => ({ ...historyRecord(snapshotFixture), generatedAt });

let dir: string;
let fixture: RepoFixture<'orders'>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-history-'));
  fixture = await makeRepos({ orders: files({ 'README.md': '# Orders\n\nTakes orders.\n' }) });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await fixture?.remove();
});

async function recordsIn(history: string): Promise<{ records: HistoryRecord[]; skipped: Array<{ file: string; why: string }> }> {
  const records: HistoryRecord[] = [];
  const { skipped } = await readHistory(history, (record) => records.push(record));
  return { records, skipped };
}

describe('the history store', () => {
  it('adds one file per run, replaces a rerun, and keeps the newest', async () => {
    const history = join(dir, 'store');
    for (const date of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-03', '2026-10-04'])
      await appendHistory(history, record(`${date}T03:00:00.000Z`), 3);
    expect(await readdir(history)).toEqual([
      '2026-10-02T03-00-00.000Z.json',
      '2026-10-03T03-00-00.000Z.json',
      '2026-10-04T03-00-00.000Z.json',
    ]);
    expect((await recordsIn(history)).records.map((entry) => entry.generatedAt.slice(0, 10))).toEqual([
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ]);
  });

  it('skips what it cannot read, and reads a missing folder as no history', async () => {
    const history = join(dir, 'store');
    await writeFile(join(history, '2026-10-05T03-00-00.000Z.json'), '{ broken');
    await writeFile(join(history, '2026-10-06T03-00-00.000Z.json'), JSON.stringify({ schemaVersion: 99 }));
    const read = await recordsIn(history);
    expect(read.records).toHaveLength(3);
    expect(read.skipped).toEqual([
      { file: '2026-10-05T03-00-00.000Z.json', why: 'it cannot be read as JSON (cut short or damaged)' },
      {
        file: '2026-10-06T03-00-00.000Z.json',
        why: 'a record of history schema 99, from another version of Cairn; this one reads schema 1',
      },
    ]);
    expect(await recordsIn(join(dir, 'nowhere'))).toEqual({ records: [], skipped: [] });
  });
});

describe('runs add to the history', () => {
  /** A run at `epoch` that must succeed. */
  const cairn = async (epoch: string, ...args: string[]) =>
    expect(await runCairn(fixture.root, args, { epoch })).toMatchObject({ code: 0 });

  it('cairn collect records each run in history/, unless --no-history; --history picks the folder', async () => {
    await cairn('1793534400', 'collect', '--repos', 'orders', '--snapshot', 'out/a.json');
    await cairn('1793620800', 'collect', '--repos', 'orders', '--snapshot', 'out/b.json');
    await cairn('1793707200', 'collect', '--repos', 'orders', '--snapshot', 'out/c.json', '--no-history');
    await cairn('1793707200', 'collect', '--repos', 'orders', '--snapshot', 'out/d.json', '--history', 'elsewhere');
    expect(await readdir(join(fixture.root, 'history'))).toEqual(['2026-11-01T12-00-00.000Z.json', '2026-11-02T12-00-00.000Z.json']);
    expect(await readdir(join(fixture.root, 'elsewhere'))).toEqual(['2026-11-03T12-00-00.000Z.json']);
  });
});
