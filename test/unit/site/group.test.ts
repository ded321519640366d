import { describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { groupView } from '../../../site/lib/group.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const below = (entities: readonly CatalogEntity[], ref: string) => {
  const catalog = indexCatalog({ ...snapshotFixture, entities: [...entities] });
  return groupView(catalog, catalog.byRef.get(ref)!).ownedBelow.map(({ link, owner }) => [link.ref, owner.ref]);
};

describe('a group page’s aggregated ownership', () => {
  it('lists what the teams below a group own, each with its owner, for a department that owns nothing itself', () => {
    expect(below(snapshotFixture.entities, 'group:default/engineering')).toEqual([
      ['system:default/checkout', 'group:default/payments-team'],
      ['component:default/checkout-web', 'group:default/payments-team'],
      ['domain:default/payments', 'group:default/payments-team'],
      ['api:default/payments-api', 'group:default/payments-team'],
      ['component:default/payments-service', 'group:default/payments-team'],
      ['component:default/billing-scripts', 'group:default/platform'],
      ['component:default/hostile', 'group:default/platform'],
      ['resource:default/payments-db', 'group:default/platform'],
    ]);
    expect(below(snapshotFixture.entities, 'group:default/platform')).toEqual([]);
  });

  it("leaves members' own entities to them, as Backstage does, leaves out what the group owns itself, and walks a cycle of parents once", () => {
    const entities = snapshotFixture.entities.map((entity) => {
      // carol owns payments-db too, and platform is made a parent of engineering: a cycle.
      if (entity.ref === 'user:default/carol')
        return { ...entity, relations: [...entity.relations, { type: 'ownerOf', targetRef: 'component:default/payments-service' }] };
      if (entity.ref === 'group:default/platform')
        return { ...entity, relations: [...entity.relations, { type: 'parentOf', targetRef: 'group:default/engineering' }] };
      return entity;
    });
    expect(below(entities, 'group:default/platform')).toEqual([
      ['system:default/checkout', 'group:default/payments-team'],
      ['component:default/checkout-web', 'group:default/payments-team'],
      ['domain:default/payments', 'group:default/payments-team'],
      ['api:default/payments-api', 'group:default/payments-team'],
      ['component:default/payments-service', 'group:default/payments-team'],
    ]);
  });
});
