import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { entityRouteParams, type EntityRefParts } from './entity-ref.ts';
import { withBase } from './urls.ts';

/*
 * The portal's URL space, in one place. Paths are relative to the site's base and end in `/`
 * (every page is a folder); `withBase` makes them links. Segments taken from data are
 * URL-encoded, and entity segments never a name Windows reserves (`entityRouteParams`).
 *
 *   catalog/<namespace>/<kind>/<name>/              an entity
 *   catalog/<namespace>/<kind>/<name>/docs/<slug>/  its docs
 *   badges/<namespace>/<kind>/<name>/<scorecard>.svg                (only when portal.yaml asks for badges)
 *   checks/<id>/    scorecards/<id>/    guides/<id…>/    initiatives/<id>/
 *   checks/<id>/page/<n>/                                            a check's failing entities, page n ≥ 2
 *   scorecards/<id>/teams/<namespace>/<kind>/<name>/[page/<n>/]      one owner's entities × checks
 *   scorecards/<id>/unowned/[page/<n>/]                              the entities without an owner
 *   scorecards/entities/<namespace>/<kind>/<name>.json               one entity's results (scorecards.json is the index)
 *   platform/       the platform team's dashboard
 */

/** An entity page: `catalog/<namespace>/<kind>/<name>/`. */
export function entityPath(entity: CatalogEntity): string {
  const { namespace, kind, name } = entityRouteParams(entity);
  return `catalog/${[namespace, kind, name].map(encodeURIComponent).join('/')}/`;
}

/** Link to an entity page under the site's base. */
export function entityHref(entity: CatalogEntity): string {
  return withBase(entityPath(entity));
}

/** An entity's docs page: `catalog/<ns>/<kind>/<name>/docs/<slug>/`; the docs home for `''`. */
export function docsPagePath(entity: CatalogEntity, slug: string): string {
  return `${entityPath(entity)}docs/${slug ? `${slug.split('/').map(encodeURIComponent).join('/')}/` : ''}`;
}

/** Link to an entity's docs home under the site's base. */
export function docsHomeHref(entity: CatalogEntity): string {
  return withBase(docsPagePath(entity, ''));
}

/** An entity's badge for a scorecard: `badges/<namespace>/<kind>/<name>/<scorecard>.svg`. */
export function badgePath(entity: CatalogEntity, scorecardId: string): string {
  const { namespace, kind, name } = entityRouteParams(entity);
  return `badges/${[namespace, kind, name, `${scorecardId}.svg`].map(encodeURIComponent).join('/')}`;
}

/** A check's reference page. */
export function checkPath(id: string): string {
  return `checks/${encodeURIComponent(id)}/`;
}

/** The id of the "How to fix" section of a check's page, which entity pages link to. */
export const HOW_TO_FIX = 'how-to-fix';

/** A scorecard's page. */
export function scorecardPath(id: string): string {
  return `scorecards/${encodeURIComponent(id)}/`;
}

/**
 * One owner's entities × checks on a scorecard: `scorecards/<id>/teams/<namespace>/<kind>/<name>/`,
 * the owner's ref in the catalog's URL shape; entities without an owner: `scorecards/<id>/unowned/`.
 */
export function scorecardTeamPath(scorecardId: string, owner: EntityRefParts | undefined): string {
  const { namespace, kind, name } = owner ?? {};
  return `${scorecardPath(scorecardId)}${owner ? `teams/${[namespace!, kind!, name!].map(encodeURIComponent).join('/')}/` : 'unowned/'}`;
}

/** Page `number` of a paginated list at `path`: the path itself for page 1, `<path>page/<n>/` after it. */
export function pagedPath(path: string, number: number): string {
  return number === 1 ? path : `${path}page/${number}/`;
}

/** An entity's results as JSON: `scorecards/entities/<namespace>/<kind>/<name>.json`. */
export function entityResultsPath(entity: EntityRefParts): string {
  return `scorecards/entities/${[entity.namespace, entity.kind, `${entity.name}.json`].map(encodeURIComponent).join('/')}`;
}

/** A guide's page; a guide's id is its path below content/guides/. */
export function guidePath(id: string): string {
  return `guides/${id.split('/').map(encodeURIComponent).join('/')}/`;
}

/** An initiative's page. */
export function initiativePath(id: string): string {
  return `initiatives/${encodeURIComponent(id)}/`;
}

/** The platform team's dashboard: golden paths' adoption and satisfaction, surveys, levels and initiatives over time. */
export const PLATFORM_PATH = 'platform/';
