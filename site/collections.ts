import { readFile } from 'node:fs/promises';
import { getCollection, getEntry } from 'astro:content';
import { byCodeUnit, compareText, indexCatalog, type IndexedCatalog } from './lib/catalog.ts';
import { historyRecordSchema, readHistory, type Guide, type Initiative } from '../collectors/snapshot.ts';
import { addRun, emptyHistory, type History } from './lib/run-history.ts';
import { sortGuides } from './lib/guides.ts';
import { indexStandards, type IndexedStandards } from './lib/standards.ts';
import { parseBadgeSetting, type BadgeSetting } from './lib/badges.ts';

/** The portal-wide entry of the snapshot: title, generation date and every problem. */
export async function getPortal() {
  const portal = await getEntry('portal', 'portal');
  if (!portal) throw new Error('The snapshot loader did not fill the portal collection.');
  return portal.data;
}

/** The content collections, indexed for the views in `lib/`. */
export async function getCatalog(): Promise<IndexedCatalog> {
  const [entities, repos, portal] = await Promise.all([getCollection('entities'), getCollection('repos'), getPortal()]);
  return indexCatalog({ entities: entities.map((entry) => entry.data), repos: repos.map((entry) => entry.data), problems: portal.problems });
}

/** The golden-path guides with their adoption, in display order. */
export async function getGuides(): Promise<Guide[]> {
  return sortGuides((await getCollection('guides')).map((entry) => entry.data));
}

/** The initiatives, by deadline then title. */
export async function getInitiatives(): Promise<Initiative[]> {
  return (await getCollection('initiatives')).map((entry) => entry.data).sort((a, b) => byCodeUnit(a.deadline, b.deadline) || compareText(a.title, b.title));
}

let history: Promise<History> | undefined;

/**
 * The run history (`CAIRN_HISTORY_DIR`, set by the CLI) up to and including the snapshot's own run,
 * read once per build, one record at a time. It is not a content collection: Astro would keep every
 * record whole, and a year of a large organisation's records does not fit in memory. A file that is
 * not a record of this version is skipped with a warning: trends lose a point, the site is built.
 */
export function getHistory(): Promise<History> {
  history ??= (async () => {
    const { generatedAt } = await getPortal();
    const folded = emptyHistory();
    const dir = process.env.CAIRN_HISTORY_DIR;
    if (!dir) return folded;
    let hasThisRun = false;
    const { skipped } = await readHistory(dir, (record) => {
      if (record.generatedAt > generatedAt) return;
      addRun(folded, record);
      hasThisRun ||= record.generatedAt === generatedAt;
    });
    for (const file of skipped) console.warn(`Skipped ${file} in the history: not a run record of this Cairn.`);
    // This run's record, which cairn build adds to the history only once the site is published.
    const pending = process.env.CAIRN_RUN_RECORD;
    if (pending && !hasThisRun) addRun(folded, historyRecordSchema.parse(JSON.parse(await readFile(pending, 'utf8'))));
    return folded;
  })();
  return history;
}

/** The checks, scorecards and results, indexed for the views in `lib/`. */
export async function getStandards(): Promise<IndexedStandards> {
  const [checks, scorecards, results, guides] = await Promise.all([getCollection('checks'), getCollection('scorecards'), getCollection('results'), getCollection('guides')]);
  return indexStandards({
    checks: checks.map((entry) => entry.data),
    scorecards: scorecards.map((entry) => entry.data),
    results: results.map((entry) => entry.data),
    guides: guides.map((entry) => entry.data),
  });
}

/** Which scorecards get README badges: portal.yaml's `badges`, handed over by the CLI (`CAIRN_BADGES`). */
export function getBadgeSetting(): BadgeSetting {
  return parseBadgeSetting(process.env.CAIRN_BADGES);
}
