import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_SCHEMA_VERSION, historyRecordSchema, type HistoryRecord } from '../contract/history.ts';
import { removeUnfinishedWrites, writeFileAtomically } from './atomic-write.ts';

/** A record's file name: its time, sortable, and valid on every file system. */
function fileName(generatedAt: string): string {
  return `${generatedAt.replace(/:/g, '-')}.json`;
}

/**
 * Adds a run's record to the history folder (a rerun at the same time replaces its own record) and
 * keeps only the newest `keep` records.
 */
export async function appendHistory(dir: string, record: HistoryRecord, keep: number): Promise<void> {
  await writeFileAtomically(join(dir, fileName(record.generatedAt)), `${JSON.stringify(record)}\n`);
  const files = (await readdir(dir)).filter((file) => /^\d{4}-\d\d-\d\dT.*\.json$/.test(file)).sort();
  await Promise.all([
    ...files.slice(0, Math.max(0, files.length - keep)).map((file) => rm(join(dir, file), { force: true })),
    removeUnfinishedWrites(dir),
  ]);
}

/**
 * Hands every record in the history folder to `visit`, oldest first (file names are the runs'
 * times), one at a time: a long history of a large organisation is never all in memory. A missing
 * folder is an empty history; a file that cannot be read or is not a record of this version is
 * skipped and named in `skipped`, with why.
 */
export async function readHistory(
  dir: string,
  visit: (record: HistoryRecord) => void,
): Promise<{ skipped: Array<{ file: string; why: string }> }> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const skipped: Array<{ file: string; why: string }> = [];
  for (const file of files.filter((name) => name.endsWith('.json')).sort()) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch {
      skipped.push({ file, why: 'it cannot be read as JSON (cut short or damaged)' });
      continue;
    }
    const parsed = historyRecordSchema.safeParse(json);
    if (parsed.success) {
      visit(parsed.data);
      continue;
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    skipped.push({
      file,
      why:
        typeof version === 'number' && version !== HISTORY_SCHEMA_VERSION
          ? `a record of history schema ${version}, from another version of Cairn; this one reads schema ${HISTORY_SCHEMA_VERSION}`
          : 'not a run record of this Cairn',
    });
  }
  return { skipped };
}
