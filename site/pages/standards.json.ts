import type { APIRoute } from 'astro';
import { getCatalog, getPortal, getStandards } from '../collections.ts';
import { standardsExport } from '../lib/standards-export.ts';

/** What judges an entity (see `StandardsExport`), for `cairn check --standards`. */
export const GET: APIRoute = async () => {
  const [portal, standards, catalog] = await Promise.all([getPortal(), getStandards(), getCatalog()]);
  const body = standardsExport({
    generatedAt: portal.generatedAt,
    scorecards: standards.scorecards,
    published: portal.standards,
    entities: catalog.entities,
  });
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
