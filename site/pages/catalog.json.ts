import type { APIRoute } from 'astro';
import { loadCatalog, loadPortal } from '../collections.ts';
import { catalogExport } from '../lib/exports.ts';

/** Every entity with its relations as compact JSON (see `CatalogExport`), for other tools. */
export const GET: APIRoute = async () => {
  const [portal, catalog] = await Promise.all([loadPortal(), loadCatalog()]);
  return new Response(JSON.stringify(catalogExport(catalog.entities, portal.generatedAt)), { headers: { 'Content-Type': 'application/json' } });
};
