import type { APIRoute } from 'astro';
import { getCatalog, getPortal } from '../collections.ts';
import { catalogExport } from '../lib/exports.ts';

/** Every entity with its relations as compact JSON (see `CatalogExport`), for other tools. */
export const GET: APIRoute = async () => {
  const [portal, catalog] = await Promise.all([getPortal(), getCatalog()]);
  return new Response(JSON.stringify(catalogExport(catalog.entities, portal.generatedAt)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
