import { describe, expect, it } from 'vitest';
import { historyRecordSchema } from '../../collectors/contract/history.ts';
import { historyRecord } from '../../collectors/runs/history.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';

describe('historyRecord', () => {
  const record = historyRecord(snapshotFixture);

  it('is a valid, compact record of the run', () => {
    expect(historyRecordSchema.parse(record)).toEqual(record);
    expect(record.generatedAt).toBe(snapshotFixture.generatedAt);
    expect(Object.keys(record.entities)).toEqual(snapshotFixture.entities.map((entity) => entity.ref));
  });

  it('names the Cairn that judged the run, and the standards it judged with by a digest that changes with them', () => {
    expect(historyRecord(snapshotFixture, '0.1.0+abc').cairn).toBe('0.1.0+abc');
    expect(record.cairn).toBeUndefined();
    expect(record.standards).toMatch(/^[\w-]{16}$/);
    expect(historyRecord(structuredClone(snapshotFixture)).standards).toBe(record.standards);
    const edited = structuredClone(snapshotFixture);
    edited.scorecards[0]!.levels[0]!.checks.pop();
    expect(historyRecord(edited).standards).not.toBe(record.standards);
  });

  it('keeps each result as level, score and failing checks', () => {
    for (const result of snapshotFixture.results) {
      const failing = result.checks
        .filter((check) => check.effective === 'fail' || check.effective === 'error')
        .map((check) => check.checkId);
      expect(record.scorecards[result.scorecard]![result.entityRef]).toEqual([
        result.level,
        Math.round(result.score * 1000) / 1000,
        [...new Set(failing)],
      ]);
    }
  });

  it('counts a check once per entity, passing only where it passes on every scorecard', () => {
    const judged = new Map<string, Map<string, boolean>>();
    for (const result of snapshotFixture.results) {
      for (const check of result.checks.filter((candidate) => candidate.effective !== 'notApplicable')) {
        const byEntity = judged.get(check.checkId) ?? new Map<string, boolean>();
        byEntity.set(result.entityRef, (byEntity.get(result.entityRef) ?? true) && check.effective === 'pass');
        judged.set(check.checkId, byEntity);
      }
    }
    for (const [id, byEntity] of judged)
      expect(record.checks[id], id).toEqual([[...byEntity.values()].filter(Boolean).length, byEntity.size]);
  });

  it("records each entity's owner from its ownedBy relation", () => {
    const owned = snapshotFixture.entities.find((entity) => entity.relations.some((relation) => relation.type === 'ownedBy'))!;
    expect(record.entities[owned.ref]).toEqual({ owner: owned.relations.find((relation) => relation.type === 'ownedBy')!.targetRef });
  });
});
