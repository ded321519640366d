import type { APIRoute } from 'astro';
import { getCatalog, getPortal, getStandards } from '../collections.ts';
import { entityResults, scorecardsExport } from '../lib/exports.ts';
import { publicUrl } from '../lib/urls.ts';

/** The scorecards and every entity's levels, with the URL of its results (see `ScorecardsExport`), for other tools. */
export const GET: APIRoute = async ({ site }) => {
  const [portal, catalog, standards] = await Promise.all([getPortal(), getCatalog(), getStandards()]);
  const exported = scorecardsExport(standards, entityResults(catalog, standards), portal.generatedAt, (path) => publicUrl(path, site));
  return new Response(JSON.stringify(exported), { headers: { 'Content-Type': 'application/json' } });
};
