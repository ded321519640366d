import { describe, expect, it } from 'vitest';
import { entityFilterSchema } from '../../../collectors/scorecards/definition.ts';
import { matchesFilter } from '../../../collectors/scorecards/filter.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { component } from './fixtures.ts';

const payments = component('payments-service', {
  tags: ['go', 'pci'],
  spec: { type: 'service', lifecycle: 'production', owner: 'payments', system: 'checkout' },
});
const facts = {
  languages: [
    { name: 'Go', bytes: 900, share: 0.9 },
    { name: 'Shell', bytes: 100, share: 0.1 },
  ],
} as Facts;

describe('matchesFilter', () => {
  it.each([
    { name: 'an empty filter matches everything', filter: {}, expected: true },
    { name: 'kind', filter: { kind: 'Component' }, expected: true },
    { name: 'kind ignores case', filter: { kind: 'component' }, expected: true },
    { name: 'another kind', filter: { kind: 'API' }, expected: false },
    { name: 'any listed kind', filter: { kind: ['API', 'Component'] }, expected: true },
    { name: 'type', filter: { type: ['service', 'website'] }, expected: true },
    { name: 'another type', filter: { type: 'website' }, expected: false },
    { name: 'lifecycle ignores case', filter: { lifecycle: 'Production' }, expected: true },
    { name: 'any tag', filter: { tags: ['web', 'PCI'] }, expected: true },
    { name: 'no tag in common', filter: { tags: 'web' }, expected: false },
    { name: 'primary language', filter: { language: 'go' }, expected: true },
    { name: 'a secondary language is not the primary one', filter: { language: 'Shell' }, expected: false },
    { name: 'owner shorthand defaults to group and default namespace', filter: { owner: 'payments' }, expected: true },
    { name: 'owner with kind', filter: { owner: 'group:payments' }, expected: true },
    { name: 'owner fully written, any case', filter: { owner: 'Group:Default/Payments' }, expected: true },
    { name: 'owner of another kind', filter: { owner: 'user:payments' }, expected: false },
    { name: 'owner in another namespace', filter: { owner: 'group:ops/payments' }, expected: false },
    { name: 'system shorthand', filter: { system: 'checkout' }, expected: true },
    { name: 'system fully written', filter: { system: 'system:default/checkout' }, expected: true },
    { name: 'another system', filter: { system: 'ledger' }, expected: false },
    { name: 'every field must match', filter: { kind: 'Component', type: 'website' }, expected: false },
    {
      name: 'several fields that all match',
      filter: { kind: 'Component', type: 'service', owner: 'payments', language: 'Go' },
      expected: true,
    },
  ])('$name', ({ filter, expected }) => {
    expect(matchesFilter(entityFilterSchema.parse(filter), payments, facts)).toBe(expected);
  });

  it('reads no language without facts (an entity that lives in no repository)', () => {
    expect(matchesFilter(entityFilterSchema.parse({ language: 'Go' }), payments, undefined)).toBe(false);
    expect(matchesFilter(entityFilterSchema.parse({ kind: 'Component' }), payments, undefined)).toBe(true);
  });

  it("resolves the entity's own owner in the entity's namespace, as Backstage does", () => {
    const ops = component('deployer', { namespace: 'ops', spec: { type: 'service', owner: 'platform' } });
    expect(matchesFilter(entityFilterSchema.parse({ owner: 'platform' }), ops, undefined)).toBe(false);
    expect(matchesFilter(entityFilterSchema.parse({ owner: 'group:ops/platform' }), ops, undefined)).toBe(true);
  });

  it('does not match a field the entity lacks', () => {
    const bare = component('bare', { spec: {} });
    expect(matchesFilter(entityFilterSchema.parse({ type: 'service' }), bare, undefined)).toBe(false);
    expect(matchesFilter(entityFilterSchema.parse({ owner: 'payments' }), bare, undefined)).toBe(false);
  });

  it('rejects an owner that is not an entity ref when the filter is loaded', () => {
    expect(entityFilterSchema.safeParse({ owner: 'group:' }).success).toBe(false);
  });
});

describe('entityFilterSchema', () => {
  it('rejects a kind the catalog does not have, so a typo cannot switch a scorecard off', () => {
    expect(entityFilterSchema.safeParse({ kind: 'component' }).success).toBe(true);
    const typo = entityFilterSchema.safeParse({ kind: ['Component', 'Componnet'] });
    expect(typo.success).toBe(false);
    expect(typo.error?.issues[0]?.message).toMatch(/unknown kind "Componnet"; expected one of Component, API/);
  });
});
