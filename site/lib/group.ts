import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { relatedLink, relatedLinks, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { profileString, specString } from './entity.ts';
import { PAGE_SIZE } from './pagination.ts';

/** Relation types a group page shows in its own sections rather than in the generic list. */
export const GROUP_RELATION_TYPES = ['childOf', 'parentOf', 'hasMember', 'ownerOf'];

/** An entity a group owns, with what kind of thing it is. */
export interface OwnedEntity {
  link: EntityLink;
  kind: string;
  type?: string;
}

/** The extra sections of a Group page. */
export interface GroupView {
  parent?: EntityLink;
  children: EntityLink[];
  /** Users in the group, with their e-mail address as plain text when their profile has one. */
  members: Array<{ link: EntityLink; email?: string }>;
  owned: OwnedEntity[];
  /**
   * What the groups below it (at any depth) own, which the group does not own itself: Backstage's
   * aggregated ownership, for a lead whose teams own the services. Members' own entities are
   * theirs, as in Backstage: a person in several teams would count in each. The first
   * {@link PAGE_SIZE}; each team's page lists its own.
   */
  ownedBelow: Array<OwnedEntity & { owner: EntityLink }>;
  /** How many entities its teams own in all. */
  ownedBelowCount: number;
}

/** Parent, child groups, members and owned entities of a group. */
export function groupView(catalog: IndexedCatalog, group: CatalogEntity): GroupView {
  const parent = relatedLink(catalog, group, 'childOf');
  const below = ownedBelow(catalog, group);
  return {
    ...(parent ? { parent } : {}),
    children: relatedLinks(catalog, group, 'parentOf'),
    members: relatedLinks(catalog, group, 'hasMember').map((link) => {
      const user = catalog.byRef.get(link.ref);
      const email = user && profileString(user, 'email');
      return { link, ...(email ? { email } : {}) };
    }),
    owned: relatedLinks(catalog, group, 'ownerOf').map((link) => ownedEntity(catalog, link)),
    ownedBelow: below.slice(0, PAGE_SIZE),
    ownedBelowCount: below.length,
  };
}

function ownedEntity(catalog: IndexedCatalog, link: EntityLink): OwnedEntity {
  const entity = catalog.byRef.get(link.ref);
  const type = entity && specString(entity, 'type');
  return { link, kind: entity?.kind ?? link.kind, ...(type ? { type } : {}) };
}

/** Each group's {@link ownedBelow}, per catalog: a group's page needs it twice (its list, its scorecards' roll-up). */
const ownedBelowByCatalog = new WeakMap<IndexedCatalog, Map<string, GroupView['ownedBelow']>>();

/**
 * The entities owned by the groups below `group`, each once (its first owner found, walking down
 * level by level), except what `group` owns itself. A cycle of parents is walked once.
 */
export function ownedBelow(catalog: IndexedCatalog, group: CatalogEntity): GroupView['ownedBelow'] {
  let known = ownedBelowByCatalog.get(catalog);
  if (!known) ownedBelowByCatalog.set(catalog, (known = new Map()));
  let below = known.get(group.ref);
  if (!below) known.set(group.ref, (below = walkOwnedBelow(catalog, group)));
  return below;
}

function walkOwnedBelow(catalog: IndexedCatalog, group: CatalogEntity): GroupView['ownedBelow'] {
  const seen = new Set([group.ref]);
  const owners: EntityLink[] = [];
  let level = [group];
  while (level.length > 0) {
    const next: CatalogEntity[] = [];
    for (const current of level)
      for (const link of relatedLinks(catalog, current, 'parentOf')) {
        if (seen.has(link.ref)) continue;
        seen.add(link.ref);
        owners.push(link);
        const entity = catalog.byRef.get(link.ref);
        if (entity) next.push(entity);
      }
    level = next;
  }
  const claimed = new Set([group.ref, ...relatedLinks(catalog, group, 'ownerOf').map((link) => link.ref)]);
  return owners.flatMap((owner) => {
    const entity = catalog.byRef.get(owner.ref);
    if (!entity) return [];
    return relatedLinks(catalog, entity, 'ownerOf').flatMap((link) => {
      if (claimed.has(link.ref)) return [];
      claimed.add(link.ref);
      return [{ ...ownedEntity(catalog, link), owner }];
    });
  });
}
