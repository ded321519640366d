import { readFile } from 'node:fs/promises';
import { byCodeUnit, compareText, indexCatalog, type IndexedCatalog } from './lib/catalog.ts';
import { historyRecordSchema } from '../collectors/contract/history.ts';
import type { EntityDocs, Guide, Initiative, Snapshot } from '../collectors/contract/snapshot.ts';
import { readHistory } from '../collectors/store/history-folder.ts';
import { addRun, emptyHistory, type History } from './lib/run-history.ts';
import { sortGuides } from './lib/guides.ts';
import { indexStandards, type IndexedStandards } from './lib/standards.ts';
import { parseBadgeSetting, type BadgeSetting } from './lib/badges.ts';
import { readSiteSnapshot, snapshotPath } from './snapshot.ts';

/** The snapshot the site renders, read once per version of the file (`site/snapshot.ts`). */
function getSnapshot(): Promise<Snapshot> {
  return readSiteSnapshot(snapshotPath());
}

/** Views of one snapshot, built once: every route reads the same indexes. */
const indexes = new WeakMap<Snapshot, { catalog?: IndexedCatalog; standards?: IndexedStandards; guides?: Guide[] }>();

function indexesOf(snapshot: Snapshot) {
  let entry = indexes.get(snapshot);
  if (!entry) indexes.set(snapshot, (entry = {}));
  return entry;
}

/** What concerns the whole run: title, guide settings, generation date, every problem, the published standards and developers' feedback. */
export async function getPortal(): Promise<Pick<Snapshot, 'generatedAt' | 'problems' | 'standards' | 'feedback'> & Snapshot['portal']> {
  const { portal, generatedAt, problems, standards, feedback } = await getSnapshot();
  return {
    title: portal.title,
    guides: portal.guides,
    generatedAt,
    problems,
    ...(standards ? { standards } : {}),
    ...(feedback ? { feedback } : {}),
  };
}

/** The entities, repositories and problems, indexed for the views in `lib/`. */
export async function getCatalog(): Promise<IndexedCatalog> {
  const snapshot = await getSnapshot();
  const cached = indexesOf(snapshot);
  cached.catalog ??= indexCatalog(snapshot);
  return cached.catalog;
}

/** The golden-path guides with their adoption, in display order. */
export async function getGuides(): Promise<Guide[]> {
  const snapshot = await getSnapshot();
  const cached = indexesOf(snapshot);
  cached.guides ??= sortGuides(snapshot.guides);
  return cached.guides;
}

/** The initiatives, by deadline then title. */
export async function getInitiatives(): Promise<Initiative[]> {
  return [...(await getSnapshot()).initiatives].sort((a, b) => byCodeUnit(a.deadline, b.deadline) || compareText(a.title, b.title));
}

/** Every entity's rendered repository docs. */
export async function getDocs(): Promise<EntityDocs[]> {
  return (await getSnapshot()).docs;
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
    for (const { file, why } of skipped) console.warn(`Skipped ${file} in the history: ${why}.`);
    // This run's record, which cairn build adds to the history only once the site is published.
    const pending = process.env.CAIRN_RUN_RECORD;
    if (pending && !hasThisRun) addRun(folded, historyRecordSchema.parse(JSON.parse(await readFile(pending, 'utf8'))));
    return folded;
  })();
  return history;
}

/** The checks, scorecards and results, indexed for the views in `lib/`. */
export async function getStandards(): Promise<IndexedStandards> {
  const snapshot = await getSnapshot();
  const cached = indexesOf(snapshot);
  cached.standards ??= indexStandards(snapshot);
  return cached.standards;
}

/** Which scorecards get README badges: portal.yaml's `badges`, handed over by the CLI (`CAIRN_BADGES`). */
export function getBadgeSetting(): BadgeSetting {
  return parseBadgeSetting(process.env.CAIRN_BADGES);
}
