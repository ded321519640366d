import type { Entity } from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { entityReferences } from '../../../collectors/catalog/references.ts';
import { relationsBySource, relationsOf } from '../../../collectors/catalog/relations.ts';

function relationsFor(kind: string, spec: Record<string, unknown>) {
  const source: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'self', namespace: 'default' },
    spec: spec as Entity['spec'],
  };
  const sourceRef = `${kind.toLowerCase()}:default/self`;
  return { sourceRef, relations: relationsOf(sourceRef, entityReferences(source).references) };
}

describe('relationsOf: every relation and its reverse', () => {
  it.each([
    { kind: 'Component', field: 'owner', value: 'team', target: 'group:default/team', type: 'ownedBy', reverse: 'ownerOf' },
    { kind: 'Component', field: 'subcomponentOf', value: 'parent', target: 'component:default/parent', type: 'partOf', reverse: 'hasPart' },
    {
      kind: 'Component',
      field: 'providesApis',
      value: ['orders'],
      target: 'api:default/orders',
      type: 'providesApi',
      reverse: 'apiProvidedBy',
    },
    {
      kind: 'Component',
      field: 'consumesApis',
      value: ['orders'],
      target: 'api:default/orders',
      type: 'consumesApi',
      reverse: 'apiConsumedBy',
    },
    {
      kind: 'Component',
      field: 'dependsOn',
      value: ['resource:db'],
      target: 'resource:default/db',
      type: 'dependsOn',
      reverse: 'dependencyOf',
    },
    {
      kind: 'Component',
      field: 'dependencyOf',
      value: ['component:app'],
      target: 'component:default/app',
      type: 'dependencyOf',
      reverse: 'dependsOn',
    },
    { kind: 'Component', field: 'system', value: 'shop', target: 'system:default/shop', type: 'partOf', reverse: 'hasPart' },
    { kind: 'API', field: 'owner', value: 'team', target: 'group:default/team', type: 'ownedBy', reverse: 'ownerOf' },
    { kind: 'API', field: 'system', value: 'shop', target: 'system:default/shop', type: 'partOf', reverse: 'hasPart' },
    { kind: 'Resource', field: 'owner', value: 'team', target: 'group:default/team', type: 'ownedBy', reverse: 'ownerOf' },
    {
      kind: 'Resource',
      field: 'dependsOn',
      value: ['resource:disk'],
      target: 'resource:default/disk',
      type: 'dependsOn',
      reverse: 'dependencyOf',
    },
    {
      kind: 'Resource',
      field: 'dependencyOf',
      value: ['component:app'],
      target: 'component:default/app',
      type: 'dependencyOf',
      reverse: 'dependsOn',
    },
    { kind: 'Resource', field: 'system', value: 'shop', target: 'system:default/shop', type: 'partOf', reverse: 'hasPart' },
    { kind: 'System', field: 'owner', value: 'team', target: 'group:default/team', type: 'ownedBy', reverse: 'ownerOf' },
    { kind: 'System', field: 'domain', value: 'commerce', target: 'domain:default/commerce', type: 'partOf', reverse: 'hasPart' },
    { kind: 'Domain', field: 'owner', value: 'team', target: 'group:default/team', type: 'ownedBy', reverse: 'ownerOf' },
    { kind: 'Domain', field: 'subdomainOf', value: 'business', target: 'domain:default/business', type: 'partOf', reverse: 'hasPart' },
    { kind: 'Group', field: 'parent', value: 'org', target: 'group:default/org', type: 'childOf', reverse: 'parentOf' },
    { kind: 'Group', field: 'children', value: ['team'], target: 'group:default/team', type: 'parentOf', reverse: 'childOf' },
    { kind: 'Group', field: 'members', value: ['alice'], target: 'user:default/alice', type: 'hasMember', reverse: 'memberOf' },
    { kind: 'User', field: 'memberOf', value: ['team'], target: 'group:default/team', type: 'memberOf', reverse: 'hasMember' },
  ])('$kind spec.$field → $type, and $reverse on the target', ({ kind, field, value, target, type, reverse }) => {
    const { sourceRef, relations } = relationsFor(kind, { [field]: value });
    expect(relations).toEqual([
      { sourceRef, type, targetRef: target },
      { sourceRef: target, type: reverse, targetRef: sourceRef },
    ]);
  });
});

describe('relationsBySource', () => {
  it('deduplicates a link declared from both sides and sorts by type, then target', () => {
    const parent = relationsOf(
      'group:default/org',
      entityReferences({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'org', namespace: 'default' },
        spec: { type: 'org', children: ['b', 'a'] },
      }).references,
    );
    const child = relationsOf(
      'group:default/a',
      entityReferences({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'a', namespace: 'default' },
        spec: { type: 'team', parent: 'org', children: [] },
      }).references,
    );
    const bySource = relationsBySource([...parent, ...child]);
    expect(bySource.get('group:default/org')).toEqual([
      { type: 'parentOf', targetRef: 'group:default/a' },
      { type: 'parentOf', targetRef: 'group:default/b' },
    ]);
    expect(bySource.get('group:default/a')).toEqual([{ type: 'childOf', targetRef: 'group:default/org' }]);
    expect(bySource.get('group:default/b')).toEqual([{ type: 'childOf', targetRef: 'group:default/org' }]);
  });

  it('gives the same result whatever the input order', () => {
    const { relations } = relationsFor('Component', {
      owner: 'team',
      system: 'shop',
      dependsOn: ['resource:db', 'component:a'],
      providesApis: ['x'],
    });
    const forward = relationsBySource(relations);
    const backward = relationsBySource([...relations].reverse());
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
    expect(forward.get('component:default/self')!.map((relation) => relation.type)).toEqual([
      'dependsOn',
      'dependsOn',
      'ownedBy',
      'partOf',
      'providesApi',
    ]);
  });
});
