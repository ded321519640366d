import type { HistoryRecord } from '../../collectors/contract/history.ts';

/** Entities at each level of a scorecard in one run (`null`: below the first level). */
export type LevelCounts = Map<string | null, number>;

/**
 * The run history as the site reads it, folded record by record: per-run figures, level counts
 * (for the whole organisation and per owning team) and each entity's scores. A record holds every
 * entity, so a year of nightly records of a large organisation, parsed whole, does not fit in
 * memory; this does. Only the two newest records are kept whole, for "what changed".
 */
export interface History {
  /** Each run's time, oldest first. */
  runs: string[];
  /** Per run: how many entities, and the per-check, per-guide and per-initiative figures. */
  figures: Array<Pick<HistoryRecord, 'checks' | 'guides' | 'initiatives'> & { entities: number }>;
  /** Per scorecard id, per run (by index into `runs`): its level counts; no entry where it was not recorded. */
  levels: Map<string, Array<LevelCounts | undefined>>;
  /** The same per owner (a full ref), per scorecard id. */
  teamLevels: Map<string, Map<string, Array<LevelCounts | undefined>>>;
  /** Per scorecard id, per entity ref: its score in each run (a hole where it was not judged). */
  scores: Map<string, Map<string, number[]>>;
  /** The newest records, whole, oldest first (at most two). */
  latest: HistoryRecord[];
}

export function emptyHistory(): History {
  return { runs: [], figures: [], levels: new Map(), teamLevels: new Map(), scores: new Map(), latest: [] };
}

/** Adds the next run (records come oldest first) to `history`. */
export function addRun(history: History, record: HistoryRecord): void {
  const run = history.runs.length;
  history.runs.push(record.generatedAt);
  history.figures.push({
    entities: Object.keys(record.entities).length,
    checks: record.checks,
    guides: record.guides,
    initiatives: record.initiatives,
  });
  for (const [scorecard, standings] of Object.entries(record.scorecards)) {
    const counts: LevelCounts = new Map();
    const byTeam = new Map<string, LevelCounts>();
    const scores = getOrAdd(history.scores, scorecard, () => new Map<string, number[]>());
    for (const [ref, [level, score]] of Object.entries(standings)) {
      counts.set(level, (counts.get(level) ?? 0) + 1);
      const owner = record.entities[ref]?.owner;
      if (owner !== undefined) {
        const team = getOrAdd(byTeam, owner, (): LevelCounts => new Map());
        team.set(level, (team.get(level) ?? 0) + 1);
      }
      getOrAdd(scores, ref, () => [])[run] = score;
    }
    getOrAdd(history.levels, scorecard, () => [])[run] = counts;
    const teams = getOrAdd(history.teamLevels, scorecard, () => new Map<string, Array<LevelCounts | undefined>>());
    for (const [owner, team] of byTeam) getOrAdd(teams, owner, () => [])[run] = team;
  }
  history.latest = [...history.latest, record].slice(-2);
}

/** The history of these records (oldest first): for tests and small histories. */
export function historyOf(records: Iterable<HistoryRecord>): History {
  const history = emptyHistory();
  for (const record of records) addRun(history, record);
  return history;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
