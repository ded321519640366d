import type { APIRoute } from 'astro';
import { getHistory, getStandards } from '../collections.ts';
import { historyExport } from '../lib/exports.ts';

/** Every recorded run, summarised (see `HistoryExport`), for trend tools. */
export const GET: APIRoute = async () => {
  const [history, standards] = await Promise.all([getHistory(), getStandards()]);
  return new Response(JSON.stringify(historyExport(history, standards.scorecards)), { headers: { 'Content-Type': 'application/json' } });
};
