import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotSummary, summaryOf } from '../../scripts/cli/snapshot-summary.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';

// Past 32 MB a snapshot is read in a thread of its own; these files are made that large on purpose.
const LARGE = 33 * 1024 * 1024;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-summary-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the summary of a snapshot cairn build --from reads', () => {
  it('is the same from a thread, for a large snapshot, as read here', async () => {
    const padded = structuredClone(snapshotFixture);
    padded.problems.push({ severity: 'warning', repo: 'payments-service', message: 'x'.repeat(LARGE) });
    const file = join(work, 'large.json');
    await writeFile(file, JSON.stringify(padded));
    expect(await snapshotSummary(file, 'warning')).toEqual(summaryOf(padded, 'warning'));
    expect(await snapshotSummary(file, 'error')).toEqual(summaryOf(padded, 'error'));
  });

  it('fails from the thread with the reason a large file is no snapshot', async () => {
    const file = join(work, 'broken.json');
    await writeFile(file, `{"schemaVersion": 2, "padding": "${'x'.repeat(LARGE)}"`);
    await expect(snapshotSummary(file, 'error')).rejects.toThrow(/broken\.json/);
  });

  it('says a missing file is missing, with its code', async () => {
    await expect(snapshotSummary(join(work, 'nowhere.json'), 'error')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
