import type { APIRoute } from 'astro';
import { getCatalog, getGuides, getPortal } from '../collections.ts';
import { llmsTxt } from '../lib/exports.ts';
import { publicUrl } from '../lib/urls.ts';

/** The guides and the catalog for AI assistants (llmstxt.org); links are absolute when the portal's URL is set. */
export const GET: APIRoute = async ({ site }) => {
  const [portal, catalog, guides] = await Promise.all([getPortal(), getCatalog(), getGuides()]);
  return new Response(llmsTxt({ title: portal.title, guides, entities: catalog.entities, url: (path) => publicUrl(path, site) }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
