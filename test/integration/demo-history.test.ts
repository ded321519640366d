import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRecordSchema } from '../../collectors/contract/history.ts';
import { generateDemoOrg } from '../../scripts/dev/demo-org/generate.ts';
import { generateDemoHistory, HISTORY_STAMP_FILE } from '../../scripts/dev/demo-org/past-runs.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');

let work: string;
let org: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-demo-history-test-'));
  org = (await generateDemoOrg({ out: join(work, 'org') })).out;
  await cp(CONTENT, join(work, 'content'), { recursive: true });
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function records(dir: string) {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })));
}

describe('the demo history', () => {
  it('records the portal on the first of each past month, from each repository as it was then', async () => {
    const out = join(work, 'history');
    const options = { org, configPath: join(work, 'content', 'portal.yaml'), out, months: 2 };
    expect(await generateDemoHistory(options)).toEqual({ generated: true, runs: 2 });
    const written = await records(out);
    expect(written.map((record) => record.file)).toEqual(['2026-09-01T12-00-00.000Z.json', '2026-10-01T12-00-00.000Z.json']);
    // Repositories and descriptors were added between those months: a record of today's organisation would not grow.
    const entityCounts = written.map((record) => Object.keys(historyRecordSchema.parse(JSON.parse(record.text)).entities).length);
    expect(entityCounts[0]).toBeLessThan(entityCounts[1]!);

    // Made once per organisation and content; made again, it is the same, byte for byte.
    expect(await generateDemoHistory(options)).toEqual({ generated: false, runs: 2 });
    await generateDemoHistory({ ...options, force: true });
    expect(await records(out)).toEqual(written);

    // New content (here, a scorecard) judges the past again.
    await writeFile(
      join(work, 'content', 'scorecards', 'extra.yaml'),
      'id: extra\ntitle: Extra\nlevels:\n  - id: one\n    checks: [readme-present]\n',
    );
    expect((await generateDemoHistory(options)).generated).toBe(true);
    expect(Object.keys(historyRecordSchema.parse(JSON.parse((await records(out))[0]!.text)).scorecards)).toContain('extra');
    expect((await readFile(join(out, HISTORY_STAMP_FILE), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);
});
