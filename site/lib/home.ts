import { groupBy, type IndexedCatalog } from './catalog.ts';
import { ownerStanding } from './entity-summary.ts';
import { isPlaceholderOwner } from '../../collectors/contract/helpers.ts';
import { countProblems } from './problems.ts';
import { countNoun } from './text.ts';
import { withBase } from './urls.ts';

/** The home page's figures. */
export interface HomeView {
  entities: number;
  /** Entities per kind, in the catalog's order, each linking to the catalog filtered by that kind. */
  kinds: Array<{ kind: string; count: number; href: string }>;
  repositories: number;
  /** Distinct owners that are entities of the catalog (`ownedBy` targets it holds). */
  owners: number;
  /** Entities of kinds that need an owner with none, or only the placeholder for none. */
  unowned: number;
  /** Entities whose owner is a ref the catalog does not hold. */
  ownerNotInCatalog: number;
  problems: { errors: number; warnings: number };
}

/** Counts for the home page. */
export function homeView(catalog: IndexedCatalog): HomeView {
  const standings = catalog.entities.map((entity) => ownerStanding(catalog, entity));
  const owners = new Set(
    catalog.entities.flatMap((entity) =>
      entity.relations
        .filter(
          (relation) =>
            relation.type === 'ownedBy' && !isPlaceholderOwner(entity, relation.targetRef) && catalog.byRef.has(relation.targetRef),
        )
        .map((relation) => relation.targetRef),
    ),
  );
  return {
    entities: catalog.entities.length,
    kinds: [...groupBy(catalog.entities, (entity) => entity.kind)].map(([kind, entities]) => ({
      kind,
      count: entities.length,
      href: withBase(`catalog/?kind=${encodeURIComponent(kind)}`),
    })),
    repositories: catalog.repos.size,
    owners: owners.size,
    unowned: standings.filter((standing) => standing?.state === 'none').length,
    ownerNotInCatalog: standings.filter((standing) => standing?.state === 'notInCatalog').length,
    problems: countProblems(catalog.problems),
  };
}

/**
 * What the owner count leaves out, as a sentence, or `undefined` when every entity that needs an
 * owner has one the catalog holds: `20 entities have no owner; 2 name an owner that is not in the catalog.`
 */
export function ownerGapsSentence(view: Pick<HomeView, 'unowned' | 'ownerNotInCatalog'>): string | undefined {
  const parts = [
    ...(view.unowned > 0 ? [`${countNoun(view.unowned, 'entity has', 'entities have')} no owner`] : []),
    ...(view.ownerNotInCatalog > 0
      ? [
          `${view.unowned > 0 ? view.ownerNotInCatalog : countNoun(view.ownerNotInCatalog, 'entity', 'entities')} ${view.ownerNotInCatalog === 1 ? 'names' : 'name'} an owner that is not in the catalog`,
        ]
      : []),
  ];
  return parts.length === 0 ? undefined : `${parts.join('; ')}.`;
}
