import { describe, expect, it } from 'vitest';
import { orderTypes } from '../../../site/client/search.ts';

describe('search result types', () => {
  it.each([
    [{ Check: 4, Guide: 2, Entity: 1, Docs: 3 }, ['Entity', 'Guide', 'Docs', 'Check']],
    [{ Check: 4, Entity: 0 }, ['Check']],
    [{ Zebra: 1, Check: 1, Alpha: 2 }, ['Check', 'Alpha', 'Zebra']],
    [{}, []],
  ])('lists %j as %j: entities first, then guides, docs and checks, unknown types last by name', (counts, order) => {
    expect(orderTypes(counts)).toEqual(order);
  });
});
