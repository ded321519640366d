import type { APIRoute } from 'astro';
import { loadPortal, loadStandards } from '../collections.ts';
import { resultsExport } from '../lib/results-export.ts';

/** Every scorecard result as compact JSON (see `ResultsExport`), for other tools. */
export const GET: APIRoute = async () => {
  const [portal, standards] = await Promise.all([loadPortal(), loadStandards()]);
  return new Response(JSON.stringify(resultsExport(standards, portal.generatedAt)), { headers: { 'Content-Type': 'application/json' } });
};
