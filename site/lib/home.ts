import { groupBy, type Catalog } from './catalog.ts';
import { countProblems } from './problems.ts';
import { withBase } from './urls.ts';

/** The home page's figures. */
export interface HomeView {
  entities: number;
  /** Entities per kind, in the catalog's order, each linking to the catalog filtered by that kind. */
  kinds: Array<{ kind: string; count: number; href: string }>;
  repositories: number;
  /** Distinct owners (`ownedBy` targets) across the catalog. */
  owners: number;
  problems: { errors: number; warnings: number };
}

/** Counts for the home page. */
export function homeView(catalog: Catalog): HomeView {
  const owners = new Set(catalog.entities.flatMap((entity) => entity.relations.filter((relation) => relation.type === 'ownedBy').map((relation) => relation.targetRef)));
  return {
    entities: catalog.entities.length,
    kinds: [...groupBy(catalog.entities, (entity) => entity.kind)].map(([kind, entities]) => ({
      kind,
      count: entities.length,
      href: withBase(`catalog/?kind=${encodeURIComponent(kind)}`),
    })),
    repositories: catalog.repos.size,
    owners: owners.size,
    problems: countProblems(catalog.problems),
  };
}
