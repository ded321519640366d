import { entityHref, entityPath } from '../../../site/lib/paths.ts';
import { describe, expect, it } from 'vitest';
import { completeEntityRef, entityDisplayName, humanizeEntityRef, parseEntityRef } from '../../../site/lib/entity-ref.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const byRef = (ref: string) => snapshotFixture.entities.find((entity) => entity.ref === ref)!;

describe('entity refs', () => {
  it('splits a full ref', () => {
    expect(parseEntityRef('component:team-a/payments.v2')).toEqual({ kind: 'component', namespace: 'team-a', name: 'payments.v2' });
  });

  it.each([
    ['platform', 'group:default/platform'],
    ['group:Platform', 'group:default/platform'],
    ['Ops/platform', 'group:ops/platform'],
    ['user:default/alice', 'user:default/alice'],
  ])('completes %s as %s', (ref, expected) => {
    expect(completeEntityRef(ref, 'group')).toBe(expected);
  });

  it.each([
    ['group:default/payments-team', 'group', 'payments-team'],
    ['group:default/payments-team', undefined, 'group:payments-team'],
    ['user:default/alice', 'group', 'user:alice'],
    ['system:billing/ledger', 'system', 'billing/ledger'],
    ['component:billing/ledger', 'Group', 'component:billing/ledger'],
  ])('humanizes %s (default kind %s) as %s', (ref, defaultKind, expected) => {
    expect(humanizeEntityRef(ref, defaultKind)).toBe(expected);
  });

  it('puts entity pages at /catalog/<namespace>/<kind>/<name>/ with lowercase kind and namespace', () => {
    const entity = { ...byRef('api:default/payments-api'), metadata: { name: 'Payments-API', namespace: 'Billing' } };
    expect(entityPath(entity)).toBe('catalog/billing/api/Payments-API/');
    expect(entityHref(byRef('api:default/payments-api'))).toBe('/catalog/default/api/payments-api/');
  });

  it.each([
    ['con', 'default', 'catalog/default/component/con_/'],
    ['aux.v2', 'default', 'catalog/default/component/aux_.v2/'],
    ['console', 'default', 'catalog/default/component/console/'],
    ['x', 'nul', 'catalog/nul_/component/x/'],
  ])('never publishes a folder Windows reserves: %s in %s → %s', (name, namespace, path) => {
    expect(entityPath({ ...byRef('component:default/payments-service'), metadata: { name, namespace } })).toBe(path);
  });

  it("names an entity by its profile's display name, its title, or its name, as Backstage presents entities", () => {
    expect(entityDisplayName(byRef('component:default/payments-service'))).toBe('Payments Service');
    expect(entityDisplayName(byRef('user:default/alice'))).toBe('Alice');
    expect(entityDisplayName(byRef('component:default/billing-scripts'))).toBe('billing-scripts');
    const team = { ...byRef('user:default/alice'), kind: 'Group', metadata: { name: 'team-a', namespace: 'default', title: 'Team A' } };
    expect(entityDisplayName({ ...team, spec: { type: 'team', children: [], profile: { displayName: 'Team Alpha' } } })).toBe('Team Alpha');
    expect(entityDisplayName({ ...team, spec: { type: 'team', children: [] } })).toBe('Team A');
  });
});
