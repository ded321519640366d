import type { APIRoute } from 'astro';
import { getPortal, getStandards } from '../collections.ts';
import { scorecardsExport } from '../lib/exports.ts';

/** Every scorecard and result as compact JSON (see `ScorecardsExport`), for other tools. */
export const GET: APIRoute = async () => {
  const [portal, standards] = await Promise.all([getPortal(), getStandards()]);
  return new Response(JSON.stringify(scorecardsExport(standards, portal.generatedAt)), { headers: { 'Content-Type': 'application/json' } });
};
