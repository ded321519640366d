import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { retrievers } from '../../../collectors/facts/index.ts';
import { defineRetriever } from '../../../collectors/facts/retriever.ts';
import { retrieverShape } from '../../../collectors/runs/collect-repo.ts';

const retriever = (schema: z.ZodType) =>
  defineRetriever({ id: 'example', version: 1, description: 'An example.', schema, collect: async () => undefined });

describe('the shape in a cached fact’s key', () => {
  it('is had for every retriever, so none of their cached values needs validating again', () => {
    for (const each of retrievers) expect(retrieverShape(each), each.id).toMatch(/^[\w-]{16}$/);
  });

  it('changes with the schema, and not with the schema object', () => {
    const withName = retrieverShape(retriever(z.object({ name: z.string() })));
    expect(retrieverShape(retriever(z.object({ name: z.string() })))).toBe(withName);
    expect(retrieverShape(retriever(z.object({ name: z.string().optional() })))).not.toBe(withName);
    expect(retrieverShape(retriever(z.object({ name: z.number() })))).not.toBe(withName);
    expect(retrieverShape(retriever(z.object({ title: z.string() })))).not.toBe(withName);
  });

  it('is missing for a schema without a JSON Schema, whose cached values are then validated', () => {
    // Two parts claiming one id: zod cannot write that schema out.
    const clashing = z.object({ a: z.string().meta({ id: 'part' }), b: z.number().meta({ id: 'part' }) });
    expect(() => z.toJSONSchema(clashing)).toThrow();
    expect(retrieverShape(retriever(clashing))).toBeUndefined();
  });
});
