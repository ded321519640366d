import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { entityRouteParams } from './entity-ref.ts';
import { withBase } from './urls.ts';

/*
 * The portal's URL space, in one place. Paths are relative to the site's base and end in `/`
 * (every page is a folder); `withBase` makes them links. Segments taken from data are
 * URL-encoded, and entity segments never a name Windows reserves (`entityRouteParams`).
 *
 *   catalog/<namespace>/<kind>/<name>/              an entity
 *   catalog/<namespace>/<kind>/<name>/docs/<slug>/  its docs
 *   badges/<namespace>/<kind>/<name>/<scorecard>.svg
 *   checks/<id>/    scorecards/<id>/    guides/<id…>/    initiatives/<id>/
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

/** A scorecard's page. */
export function scorecardPath(id: string): string {
  return `scorecards/${encodeURIComponent(id)}/`;
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
