import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Snapshot } from '../contract/snapshot.ts';
import { writeFileAtomically } from '../store/atomic-write.ts';

export const HISTORY_SCHEMA_VERSION = 1;

/**
 * One run, compactly: what trends and "what changed" need, not the evidence. An entity's standing
 * on a scorecard is `[level, score, failing check ids]`; a check's and a guide's figures are
 * `[passing or following, applicable]`.
 */
export const historyRecordSchema = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  /** Every entity of the run, with its owner (a full ref, for team roll-ups over time). */
  entities: z.record(z.string(), z.object({ owner: z.string().optional() })),
  scorecards: z.record(z.string(), z.record(z.string(), z.tuple([z.string().nullable(), z.number(), z.array(z.string())]))),
  checks: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])),
  guides: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])),
  /** Per initiative, `[done, covered]`. */
  initiatives: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])).default({}),
});

export type HistoryRecord = z.infer<typeof historyRecordSchema>;

/** The record of a snapshot. Pure: lists are in the snapshot's deterministic order. */
export function historyRecord(snapshot: Snapshot): HistoryRecord {
  const entities = Object.fromEntries(
    snapshot.entities.map((entity) => {
      const owner = entity.relations.find((relation) => relation.type === 'ownedBy')?.targetRef;
      return [entity.ref, owner ? { owner } : {}];
    }),
  );
  const scorecards: HistoryRecord['scorecards'] = {};
  // A check in several scorecards counts once per entity: passing when it passes everywhere it applies.
  const checkOutcomes = new Map<string, Map<string, boolean>>();
  for (const result of snapshot.results) {
    const failing = result.checks.filter((check) => check.effective === 'fail' || check.effective === 'error').map((check) => check.checkId);
    (scorecards[result.scorecard] ??= {})[result.entityRef] = [result.level, Math.round(result.score * 1000) / 1000, [...new Set(failing)]];
    for (const check of result.checks) {
      if (check.effective === 'notApplicable') continue;
      const byEntity = checkOutcomes.get(check.checkId) ?? new Map<string, boolean>();
      byEntity.set(result.entityRef, (byEntity.get(result.entityRef) ?? true) && check.effective === 'pass');
      checkOutcomes.set(check.checkId, byEntity);
    }
  }
  const checks = Object.fromEntries([...checkOutcomes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, byEntity]) => [id, [[...byEntity.values()].filter(Boolean).length, byEntity.size] as [number, number]]));
  const guides = Object.fromEntries(snapshot.guides.map((guide) => [guide.id, [guide.adoption.entities.filter((entity) => entity.follows).length, guide.adoption.entities.length] as [number, number]]));
  const initiatives = Object.fromEntries(snapshot.initiatives.map((initiative) => [initiative.id, [initiative.entities.filter((entity) => entity.done).length, initiative.entities.length] as [number, number]]));
  return { schemaVersion: HISTORY_SCHEMA_VERSION, generatedAt: snapshot.generatedAt, entities, scorecards, checks, guides, initiatives };
}

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
  await Promise.all(files.slice(0, Math.max(0, files.length - keep)).map((file) => rm(join(dir, file), { force: true })));
}

/**
 * Hands every record in the history folder to `visit`, oldest first (file names are the runs'
 * times), one at a time: a long history of a large organisation is never all in memory. A missing
 * folder is an empty history; a file that cannot be read or is not a record of this version is
 * skipped and named in `skipped`.
 */
export async function readHistory(dir: string, visit: (record: HistoryRecord) => void): Promise<{ skipped: string[] }> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const skipped: string[] = [];
  for (const file of files.filter((name) => name.endsWith('.json')).sort()) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch {
      // Unreadable or not JSON: skipped like a record of another version.
    }
    const parsed = historyRecordSchema.safeParse(json);
    if (parsed.success) visit(parsed.data);
    else skipped.push(file);
  }
  return { skipped };
}
