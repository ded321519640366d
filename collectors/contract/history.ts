import { z } from 'zod';

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
  /**
   * The Cairn that judged the run (its version and build) and a digest of the standards it judged
   * with: "what changed" tells a new Cairn's or new standards' verdicts from the repositories' own
   * changes. Absent from the records of earlier Cairns.
   */
  cairn: z.string().optional(),
  standards: z.string().optional(),
  /** Per initiative, `[done, covered]`. */
  initiatives: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])).default({}),
});

export type HistoryRecord = z.infer<typeof historyRecordSchema>;
