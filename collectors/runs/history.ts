import { createHash } from 'node:crypto';
import { HISTORY_SCHEMA_VERSION, type HistoryRecord } from '../contract/history.ts';
import type { Snapshot } from '../contract/snapshot.ts';
import { RELATION, relationTarget } from '../catalog/relations.ts';

/**
 * The record of a snapshot, judged by `cairn` (its version and build). Pure: lists are in the
 * snapshot's deterministic order.
 */
export function historyRecord(snapshot: Snapshot, cairn?: string): HistoryRecord {
  const entities = Object.fromEntries(
    snapshot.entities.map((entity) => {
      const owner = relationTarget(entity, RELATION.ownedBy);
      return [entity.ref, owner ? { owner } : {}];
    }),
  );
  const scorecards: HistoryRecord['scorecards'] = {};
  // A check in several scorecards counts once per entity: passing when it passes everywhere it applies.
  const checkOutcomes = new Map<string, Map<string, boolean>>();
  for (const result of snapshot.results) {
    const failing = result.checks
      .filter((check) => check.effective === 'fail' || check.effective === 'error')
      .map((check) => check.checkId);
    (scorecards[result.scorecard] ??= {})[result.entityRef] = [result.level, Math.round(result.score * 1000) / 1000, [...new Set(failing)]];
    for (const check of result.checks) {
      if (check.effective === 'notApplicable') continue;
      const byEntity = checkOutcomes.get(check.checkId) ?? new Map<string, boolean>();
      byEntity.set(result.entityRef, (byEntity.get(result.entityRef) ?? true) && check.effective === 'pass');
      checkOutcomes.set(check.checkId, byEntity);
    }
  }
  const checks = Object.fromEntries(
    [...checkOutcomes]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, byEntity]) => [id, [[...byEntity.values()].filter(Boolean).length, byEntity.size] as [number, number]]),
  );
  const guides = Object.fromEntries(
    snapshot.guides.map((guide) => [
      guide.id,
      [guide.adoption.entities.filter((entity) => entity.follows).length, guide.adoption.entities.length] as [number, number],
    ]),
  );
  const initiatives = Object.fromEntries(
    snapshot.initiatives.map((initiative) => [
      initiative.id,
      [initiative.entities.filter((entity) => entity.done).length, initiative.entities.length] as [number, number],
    ]),
  );
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    generatedAt: snapshot.generatedAt,
    ...(cairn ? { cairn } : {}),
    standards: standardsDigest(snapshot),
    entities,
    scorecards,
    checks,
    guides,
    initiatives,
  };
}

/** A digest of what the run judged with: the scorecards, the custom checks, the exemptions and the settings published beside them. */
function standardsDigest(snapshot: Snapshot): string {
  return createHash('sha256')
    .update(JSON.stringify([snapshot.scorecards, snapshot.standards ?? null]))
    .digest('base64url')
    .slice(0, 16);
}
