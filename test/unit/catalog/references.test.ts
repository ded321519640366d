import * as backstage from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { compileCatalogModel, defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { describe, expect, it } from 'vitest';
import { entityReferences, REFERENCE_FIELDS, resolveReference } from '../../../collectors/catalog/references.ts';
import { RELATION, RELATION_PAIRS } from '../../../collectors/catalog/relations.ts';

function entity(kind: string, spec: Record<string, unknown>, namespace = 'default'): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'self', namespace }, spec: spec as Entity['spec'] };
}

describe('resolveReference', () => {
  it.each([
    { value: 'payments', defaultKind: 'Group', namespace: 'default', expected: 'group:default/payments' },
    { value: 'Payments', defaultKind: 'Group', namespace: 'default', expected: 'group:default/payments' },
    { value: 'user:alice', defaultKind: 'Group', namespace: 'default', expected: 'user:default/alice' },
    { value: 'payments', defaultKind: 'Group', namespace: 'team-ns', expected: 'group:team-ns/payments' },
    { value: 'other/payments', defaultKind: 'Group', namespace: 'team-ns', expected: 'group:other/payments' },
    { value: 'Component:Other/Api-Gateway', defaultKind: undefined, namespace: 'default', expected: 'component:other/api-gateway' },
    { value: 'resource:db', defaultKind: undefined, namespace: 'ns', expected: 'resource:ns/db' },
  ])('$value with default kind $defaultKind in $namespace → $expected', ({ value, defaultKind, namespace, expected }) => {
    expect(resolveReference(value, { ...(defaultKind ? { defaultKind } : {}), defaultNamespace: namespace })).toBe(expected);
  });

  it.each([
    { value: 'payments', message: /missing or empty kind/ },
    { value: ':payments', message: /was not on the form/ },
    { value: 'component:/payments', message: /was not on the form/ },
    { value: '', message: /must not be empty/ },
  ])("rejects $value without a default kind, with catalog-model's message", ({ value, message }) => {
    expect(() => resolveReference(value, { defaultNamespace: 'default' })).toThrow(message);
  });
});

describe("entityReferences: Backstage's default kind per field", () => {
  it.each([
    { kind: 'Component', field: 'owner', value: 'team-a', expected: 'group:default/team-a' },
    { kind: 'Component', field: 'system', value: 'shop', expected: 'system:default/shop' },
    { kind: 'Component', field: 'subcomponentOf', value: 'shop-web', expected: 'component:default/shop-web' },
    { kind: 'Component', field: 'providesApis', value: ['orders'], expected: 'api:default/orders' },
    { kind: 'Component', field: 'consumesApis', value: ['payments'], expected: 'api:default/payments' },
    { kind: 'Component', field: 'dependsOn', value: ['resource:orders-db'], expected: 'resource:default/orders-db' },
    { kind: 'Component', field: 'dependencyOf', value: ['component:shop'], expected: 'component:default/shop' },
    { kind: 'API', field: 'owner', value: 'user:alice', expected: 'user:default/alice' },
    { kind: 'API', field: 'system', value: 'shop', expected: 'system:default/shop' },
    { kind: 'Resource', field: 'owner', value: 'dba', expected: 'group:default/dba' },
    { kind: 'Resource', field: 'dependsOn', value: ['resource:disk'], expected: 'resource:default/disk' },
    { kind: 'Resource', field: 'dependencyOf', value: ['component:shop'], expected: 'component:default/shop' },
    { kind: 'Resource', field: 'system', value: 'shop', expected: 'system:default/shop' },
    { kind: 'System', field: 'owner', value: 'team-a', expected: 'group:default/team-a' },
    { kind: 'System', field: 'domain', value: 'commerce', expected: 'domain:default/commerce' },
    { kind: 'Domain', field: 'owner', value: 'team-a', expected: 'group:default/team-a' },
    { kind: 'Domain', field: 'subdomainOf', value: 'business', expected: 'domain:default/business' },
    { kind: 'Group', field: 'parent', value: 'engineering', expected: 'group:default/engineering' },
    { kind: 'Group', field: 'children', value: ['team-b'], expected: 'group:default/team-b' },
    { kind: 'Group', field: 'members', value: ['alice'], expected: 'user:default/alice' },
    { kind: 'User', field: 'memberOf', value: ['team-a'], expected: 'group:default/team-a' },
  ])('$kind spec.$field: $value → $expected', ({ kind, field, value, expected }) => {
    const { references, errors } = entityReferences(entity(kind, { [field]: value }));
    expect(errors).toEqual([]);
    expect(references).toEqual([{ kind, field, value: [value].flat()[0], targetRef: expected }]);
  });

  it('defaults the namespace to the referring entity\'s, not to "default"', () => {
    const { references } = entityReferences(entity('Component', { owner: 'team-a', system: 'other/shop' }, 'payments'));
    expect(references.map((reference) => reference.targetRef)).toEqual(['group:payments/team-a', 'system:other/shop']);
  });

  it.each(['dependsOn', 'dependencyOf'])('a %s ref without a kind is an error, as in Backstage', (field) => {
    const { references, errors } = entityReferences(entity('Component', { [field]: ['orders-db'] }));
    expect(references).toEqual([]);
    expect(errors).toEqual([{ field, value: 'orders-db', message: expect.stringContaining('missing or empty kind') }]);
  });

  it('ignores fields of other kinds: a Group has no owner reference', () => {
    expect(entityReferences(entity('Group', { owner: 'x', children: [] }))).toEqual({ references: [], errors: [] });
  });

  it('reports a non-string ref instead of throwing', () => {
    expect(entityReferences(entity('User', { memberOf: [42] })).errors).toEqual([
      { field: 'memberOf', value: 42, message: expect.stringContaining('42') },
    ]);
  });

  it("names Backstage's relation types as catalog-model's RELATION_ constants do, every one of them", () => {
    const backstageRelations = Object.entries(backstage).filter(([name]) => name.startsWith('RELATION_'));
    expect(backstageRelations.map(([, type]) => type).sort()).toEqual(Object.values(RELATION).sort());
    // RELATION_API_PROVIDED_BY → apiProvidedBy
    const key = (name: string) =>
      name
        .replace(/^RELATION_/, '')
        .toLowerCase()
        .replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) as keyof typeof RELATION;
    for (const [name, type] of backstageRelations) expect(RELATION[key(name)]).toBe(type);
  });

  it('has a relation pair for every reference field, and no pair without a field', () => {
    expect(Object.keys(RELATION_PAIRS).sort()).toEqual(REFERENCE_FIELDS.map(({ kind, field }) => `${kind}.${field}`).sort());
  });
});

describe('the tables agree with the kinds catalog-model declares', () => {
  // catalog-model's alpha model lists each kind's relation fields and each relation's reverse; it is
  // only used here, as an independent source (its ESM build does not load in plain Node).
  const model = compileCatalogModel([defaultCatalogEntityModel]);
  const declared = model.listKinds().flatMap(
    ({ names }) =>
      model.getKind({ kind: names.kind, apiVersion: 'backstage.io/v1alpha1' })?.relationFields.map((field) => ({
        kind: names.kind,
        field: field.path.replace(/^spec\./, ''),
        defaultKind: field.defaultKind,
        relation: field.relation,
      })) ?? [],
  );

  it('same reference fields, same default kinds (and the owner of a Template, which the scaffolder adds)', () => {
    const ours = REFERENCE_FIELDS.filter(({ kind }) => kind !== 'Template').map(({ kind, field, defaultKind }) => ({
      kind,
      field,
      defaultKind,
    }));
    expect(REFERENCE_FIELDS.filter(({ kind }) => kind === 'Template')).toEqual([
      { kind: 'Template', field: 'owner', defaultKind: 'Group' },
    ]);
    expect(ours.sort(byKey)).toEqual(declared.map(({ kind, field, defaultKind }) => ({ kind, field, defaultKind })).sort(byKey));
  });

  it('same relation per field, and the reverse catalog-model pairs it with', () => {
    const reverseOf = new Map(
      model.listRelations().flatMap(
        (relation) =>
          [
            [relation.forward.type, relation.reverse.type],
            [relation.reverse.type, relation.forward.type],
          ] as const,
      ),
    );
    for (const { kind, field, relation } of declared) {
      expect({ field: `${kind}.${field}`, ...RELATION_PAIRS[`${kind}.${field}`] }).toEqual({
        field: `${kind}.${field}`,
        type: relation,
        reverse: reverseOf.get(relation),
      });
    }
  });
});

function byKey(a: { kind: string; field: string }, b: { kind: string; field: string }): number {
  return `${a.kind}.${a.field}` < `${b.kind}.${b.field}` ? -1 : 1;
}
