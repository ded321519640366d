import { getCollection, getEntry } from 'astro:content';
import { byCodeUnit, compareText, createCatalog, type Catalog } from './lib/catalog.ts';
import type { Guide, HistoryRecord, Initiative } from '../collectors/snapshot.ts';
import { sortGuides } from './lib/guides.ts';
import { createStandards, type Standards } from './lib/standards.ts';

/** The portal-wide entry of the snapshot: title, generation date and every problem. */
export async function loadPortal() {
  const portal = await getEntry('portal', 'portal');
  if (!portal) throw new Error('The snapshot loader did not fill the portal collection.');
  return portal.data;
}

/** The content collections, indexed for the views in `lib/`. */
export async function loadCatalog(): Promise<Catalog> {
  const [entities, repos, portal] = await Promise.all([getCollection('entities'), getCollection('repos'), loadPortal()]);
  return createCatalog({ entities: entities.map((entry) => entry.data), repos: repos.map((entry) => entry.data), problems: portal.problems });
}

/** The golden-path guides with their adoption, in display order. */
export async function loadGuides(): Promise<Guide[]> {
  return sortGuides((await getCollection('guides')).map((entry) => entry.data));
}

/** The initiatives, by deadline then title. */
export async function loadInitiatives(): Promise<Initiative[]> {
  return (await getCollection('initiatives')).map((entry) => entry.data).sort((a, b) => byCodeUnit(a.deadline, b.deadline) || compareText(a.title, b.title));
}

/** The run history, oldest first, up to and including the snapshot's own run. */
export async function loadHistory(): Promise<HistoryRecord[]> {
  const [records, portal] = await Promise.all([getCollection('history'), loadPortal()]);
  return records
    .map((entry) => entry.data)
    .filter((record) => record.generatedAt <= portal.generatedAt)
    .sort((a, b) => byCodeUnit(a.generatedAt, b.generatedAt));
}

/** The checks, scorecards and results, indexed for the views in `lib/`. */
export async function loadStandards(): Promise<Standards> {
  const [checks, scorecards, results, guides] = await Promise.all([getCollection('checks'), getCollection('scorecards'), getCollection('results'), getCollection('guides')]);
  return createStandards({
    checks: checks.map((entry) => entry.data),
    scorecards: scorecards.map((entry) => entry.data),
    results: results.map((entry) => entry.data),
    guides: guides.map((entry) => entry.data),
  });
}
