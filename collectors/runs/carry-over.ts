import type { CheckResult } from '../checks/check.ts';
import { checkRunKey } from '../scorecards/evaluate.ts';
import type { EntityDocs, RepoSnapshot, Snapshot } from '../contract/snapshot.ts';
import type { Unreachable, UnreachableRepo } from '../sources/source.ts';

const OUTCOME_WORDS = { pass: 'passing', fail: 'failing', notApplicable: 'not applying' } as const;

/** What an earlier snapshot still knows of the repositories this run could not reach. */
export interface CarriedOver {
  /** Each repository as the snapshot published it, marked stale. */
  repos: RepoSnapshot[];
  /**
   * The check results its entities had, keyed as the evaluation keys them: the snapshot holds only
   * published facts, so a check that reads a repository's files takes its recorded result instead.
   */
  checkResults: Map<string, CheckResult>;
  /** Their entities' rendered docs (the docs sources are not published either). */
  docs: EntityDocs[];
}

/**
 * Keeps the previous snapshot's data for repositories this run could neither fetch nor find an
 * earlier clone of, or whose source could not list them, rather than dropping them from the portal.
 * Checks run again on the facts the snapshot kept (so "within N days" checks age); one that needs
 * the files it did not keep takes the outcome the snapshot recorded for the same options, and
 * without one it says the files could not be collected. Repositories the snapshot does not know stay
 * out (their problem is listed). The data keeps the date it was collected, however many runs carry it.
 * `collected` names the repositories this run did read.
 */
export function carryOver(previous: Snapshot | undefined, unreachable: Unreachable, collected: ReadonlySet<string>): CarriedOver {
  const carried: CarriedOver = { repos: [], checkResults: new Map(), docs: [] };
  if (!previous) return carried;
  const known = new Map(previous.repos.map((repo) => [repo.name, repo]));
  // A source that listed nothing stands for the snapshot's repositories of its kind that no other source listed.
  const unlisted = new Map(unreachable.sources.map(({ source, reason }) => [source, reason]));
  const named = new Set([...collected, ...unreachable.repos.map((repo) => repo.name)]);
  const missing: UnreachableRepo[] = [
    ...unreachable.repos,
    ...previous.repos.flatMap((repo) => {
      const reason = unlisted.get(repo.source);
      return reason === undefined || named.has(repo.name) ? [] : [{ name: repo.name, source: repo.source, reason }];
    }),
  ];
  const day = previous.generatedAt.slice(0, 10);
  for (const repo of missing) {
    const earlier = known.get(repo.name);
    if (!earlier) continue;
    const collectedAt = earlier.collectedAt ?? previous.generatedAt;
    carried.repos.push({
      name: repo.name,
      source: repo.source,
      ...((repo.webUrl ?? earlier.webUrl) ? { webUrl: repo.webUrl ?? earlier.webUrl } : {}),
      ...((repo.forge ?? earlier.forge) ? { forge: repo.forge ?? earlier.forge } : {}),
      stale: `${repo.reason}; the data was collected on ${collectedAt.slice(0, 10)}`,
      collectedAt,
      facts: earlier.facts,
      // Those its descriptors cause are found again from its facts; the rest were about reading it then.
      problems: [],
    });
  }

  const names = new Set(carried.repos.map((repo) => repo.name));
  const refs = new Set(
    previous.entities.filter((entity) => entity.source.repo !== undefined && names.has(entity.source.repo)).map((entity) => entity.ref),
  );
  const scorecards = new Map(previous.scorecards.map((scorecard) => [scorecard.id, scorecard]));
  for (const result of previous.results) {
    if (!refs.has(result.entityRef)) continue;
    const levels = scorecards.get(result.scorecard)?.levels ?? [];
    for (const { checkId, level, outcome, message, evidence } of result.checks) {
      const entry = levels.find((candidate) => candidate.id === level)?.checks.find((check) => check.id === checkId);
      if (entry) carried.checkResults.set(checkRunKey(result.entityRef, checkId, entry.options), { outcome, message, evidence });
    }
  }
  // A guide's checks run with default options, and its adoption says which each entity missed: for
  // checks in no scorecard, that is all the snapshot recorded. An entity the guide did not count had
  // none apply; of the others, a check not missed passed (or did not apply, which counts the same).
  for (const guide of previous.guides) {
    const standing = new Map(guide.adoption.entities.map((entity) => [entity.entityRef, entity]));
    for (const ref of refs) {
      const entity = standing.get(ref);
      for (const checkId of guide.checks) {
        const key = checkRunKey(ref, checkId, {});
        if (carried.checkResults.has(key)) continue;
        const outcome = !entity ? 'notApplicable' : entity.missing.includes(checkId) ? 'fail' : 'pass';
        carried.checkResults.set(key, {
          outcome,
          message: `The guide "${guide.title}" recorded it as ${OUTCOME_WORDS[outcome]} in the snapshot of ${day}.`,
          evidence: [],
        });
      }
    }
  }
  carried.docs = previous.docs.filter((docs) => refs.has(docs.entityRef));
  return carried;
}
