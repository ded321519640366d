import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { relatedLink, relatedLinks, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { profileString, specString } from './entity.ts';

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
}

/** Parent, child groups, members and owned entities of a group. */
export function groupView(catalog: IndexedCatalog, group: CatalogEntity): GroupView {
  const parent = relatedLink(catalog, group, 'childOf');
  return {
    ...(parent ? { parent } : {}),
    children: relatedLinks(catalog, group, 'parentOf'),
    members: relatedLinks(catalog, group, 'hasMember').map((link) => {
      const user = catalog.byRef.get(link.ref);
      const email = user && profileString(user, 'email');
      return { link, ...(email ? { email } : {}) };
    }),
    owned: relatedLinks(catalog, group, 'ownerOf').map((link) => {
      const entity = catalog.byRef.get(link.ref);
      const type = entity && specString(entity, 'type');
      return { link, kind: entity?.kind ?? link.kind, ...(type ? { type } : {}) };
    }),
  };
}
