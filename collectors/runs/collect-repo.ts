import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from '../config/schema.ts';
import { inFieldOrder, type Problem } from '../contract/problems.ts';
import type { RepoSnapshot } from '../contract/snapshot.ts';
import { retrievers, type Facts } from '../facts/index.ts';
import type { FactContext, FactRetriever, FactSettings } from '../facts/retriever.ts';
import { runGit } from '../repo/git-pool.ts';
import { readHeadFromRefs, tagsFingerprint } from '../repo/head-ref.ts';
import { openRepo } from '../repo/open.ts';
import { ReadBudget } from '../repo/read-budget.ts';
import type { OpenedRepo } from '../repo/reader.ts';
import type { RepoHandle } from '../sources/source.ts';
import { firstLine } from '../support/errors.ts';
import { originWebUrl } from '../repo/origin-web-url.ts';
import { FactCache, type CachedFact } from '../store/fact-cache.ts';
import { compareCodeUnits } from '../support/order.ts';
import { COMPILED } from '../support/compiled.ts';

export interface CollectRepoOptions {
  now: Date;
  windowDays: number;
  settings: FactSettings;
  /** Caps on what the repository may cost (default: portal.yaml's defaults). */
  limits?: Limits;
  /** Also read untracked, not ignored files (a developer's working tree in `cairn check`). */
  untracked?: boolean;
  /** Facts of earlier runs: a retriever whose inputs are unchanged is not run again. */
  cache?: FactCache;
  /** Called when the facts of the head commit came from the cache: all of them, or all but the day's activity. */
  onCacheHit?: () => void;
}

/**
 * Facts of one repository. With a cache, a retriever's earlier output is reused when the head
 * commit, the retriever's version and output schema, and the settings are the same (and, for
 * time-dependent facts, the day; for facts of tags, the tags); when every retriever's is, the repository is not even opened. A repository that cannot
 * be opened, or a retriever that throws, is a problem, never a crash, and is not cached.
 */
export async function collectRepo(handle: RepoHandle, options: CollectRepoOptions): Promise<RepoSnapshot> {
  // Without a configured `webUrl`, a repository links to its page on a public forge, from its origin
  // remote: in a portal's folders, a git source's clones, and `cairn check`'s checkout alike.
  // A source that names its forge vouches for its hosts: a self-hosted GitLab's remote is its page too.
  const webUrl = handle.webUrl ?? originWebUrl(handle.dir, handle.forge !== undefined);
  const base = {
    name: handle.name,
    source: handle.source,
    ...(webUrl ? { webUrl } : {}),
    ...(handle.forge ? { forge: handle.forge } : {}),
    ...(handle.stale ? { stale: handle.stale } : {}),
  };
  const { cache } = options;
  const head = cache && !options.untracked ? await headCommit(handle.dir) : undefined;
  const cached = head ? cache!.read(handle.name) : new Map<string, CachedFact>();
  const limits = options.limits ?? DEFAULT_LIMITS;
  // The time cap leaves facts out, never changes one: only the caps that change what is read key the cache.
  const settingsKey = JSON.stringify({
    ...options.settings,
    windowDays: options.windowDays,
    files: limits.files,
    megabytes: limits.megabytes,
  });
  const day = options.now.toISOString().slice(0, 10);
  const tags = head && retrievers.some((retriever) => retriever.tagDependent) ? await tagsDigest(handle.dir) : '';
  const keyOf = (retriever: FactRetriever) =>
    [
      retriever.id,
      retriever.version,
      retrieverShape(retriever) ?? 'validated',
      head,
      settingsKey,
      retriever.timeDependent ? day : '',
      retriever.tagDependent ? tags : '',
    ].join('\0');

  const results = new Map<string, CachedFact>();
  for (const retriever of retrievers) {
    const entry = cached.get(retriever.id);
    if (!head || entry?.key !== keyOf(retriever)) continue;
    // The key holds the value's shape, so a value read back is not validated again (that was most of
    // a warm run's work), unless the shape could not be had.
    if (retrieverShape(retriever) !== undefined || retriever.schema.safeParse(entry.value).success) results.set(retriever.id, entry);
  }
  const missing = retrievers.filter((retriever) => !results.has(retriever.id));
  const problems: Problem[] = [];
  // Unchanged since the cache was written, though a new day's activity is read again (a nightly run's case).
  if (missing.every((retriever) => retriever.timeDependent)) options.onCacheHit?.();
  if (missing.length > 0) {
    const deadline = deadlineAfter(limits.seconds);
    try {
      let reader: OpenedRepo;
      try {
        const opened = await Promise.race([
          openRepo(handle.dir, {
            name: handle.name,
            now: options.now,
            windowDays: options.windowDays,
            maxFiles: limits.files,
            ...(options.untracked ? { untracked: true } : {}),
          }),
          deadline.reached,
        ]);
        if (!opened) {
          problems.push({
            severity: 'error',
            repo: handle.name,
            message: `Could not list the files of ${handle.name} within its cap of ${limits.seconds} s (limits.seconds in portal.yaml); none of its facts were collected.`,
          });
          return { ...base, facts: {}, problems };
        }
        reader = opened;
      } catch (error) {
        problems.push({
          severity: 'error',
          repo: handle.name,
          message: `Could not read the repository at ${handle.dir}: ${firstLine(error)}`,
        });
        return { ...base, facts: {}, problems };
      }
      const unfinished = new Set(missing.map((retriever) => retriever.id));
      const collecting = Promise.all(
        missing.map(async (retriever) => {
          const reported: Problem[] = [];
          const refused: string[] = [];
          const repo = new ReadBudget(reader, limits.megabytes * 1024 * 1024, (path) => refused.push(path));
          const context: FactContext = {
            repo,
            settings: options.settings,
            problem: (problem) => reported.push({ ...problem, repo: handle.name }),
          };
          try {
            const value = retriever.schema.parse(await retriever.collect(context));
            if (refused.length > 0) reported.push(readCapProblem(handle.name, retriever.id, limits.megabytes, refused));
            // A fact that finishes after the time cap comes too late: the repository's facts are already taken.
            if (!deadline.passed) results.set(retriever.id, { key: keyOf(retriever), value, problems: reported });
          } catch (error) {
            if (!deadline.passed)
              problems.push(...reported, {
                severity: 'error',
                repo: handle.name,
                message: `Fact "${retriever.id}" could not be collected: ${firstLine(error)}`,
              });
          }
          unfinished.delete(retriever.id);
        }),
      );
      const finished = await Promise.race([collecting.then(() => true), deadline.reached]);
      if (!finished) {
        reader.stop(limits.seconds);
        const left = retrievers.filter((retriever) => unfinished.has(retriever.id)).map((retriever) => retriever.id);
        problems.push({
          severity: 'error',
          repo: handle.name,
          message: `Collecting ${handle.name} reached its cap of ${limits.seconds} s (limits.seconds in portal.yaml): ${left.length === 1 ? 'the fact' : 'the facts'} ${left.map((id) => `"${id}"`).join(', ')} ${left.length === 1 ? 'was' : 'were'} not collected, so the checks that need ${left.length === 1 ? 'it' : 'them'} cannot pass.`,
        });
      }
    } finally {
      deadline.clear();
    }
    // Facts cut short by a cap are cached like any other (the caps are part of the key); the time cap's missing facts are read again next run.
    if (head) await cache!.write(handle.name, results);
  }
  // Retrievers finish in any order; facts are kept in registry order so output is deterministic.
  const ordered = retrievers.filter((retriever) => results.has(retriever.id));
  const facts = Object.fromEntries(ordered.map((retriever) => [retriever.id, results.get(retriever.id)!.value])) as Facts;
  const all = [...ordered.flatMap((retriever) => results.get(retriever.id)!.problems), ...problems];
  return { ...base, facts, problems: sortProblems(all.map(inFieldOrder)) };
}

const shapes = new WeakMap<FactRetriever, string | undefined>();

/**
 * A digest of the shape a retriever's output has (its schema as JSON Schema), part of its cache key:
 * a value cached by a Cairn whose schema differed is never read back, even where the retriever's
 * version was not bumped. Undefined when the schema has no JSON Schema; its cached values are then
 * validated as they are read.
 */
export function retrieverShape(retriever: FactRetriever): string | undefined {
  if (!shapes.has(retriever)) {
    // The compiled command line has every shape worked out by the compile (null: none).
    const compiled = COMPILED?.retrieverShapes[retriever.id];
    shapes.set(retriever, compiled === undefined ? shapeOf(retriever) : (compiled ?? undefined));
  }
  return shapes.get(retriever);
}

function shapeOf(retriever: FactRetriever): string | undefined {
  try {
    const jsonSchema = JSON.stringify(z.toJSONSchema(retriever.schema, { io: 'output', unrepresentable: 'any' }));
    return createHash('sha256').update(jsonSchema).digest('base64url').slice(0, 16);
  } catch {
    return undefined;
  }
}

/** The problem of a fact that spent its read budget: how many files it left unread, and the first ones. */
function readCapProblem(repo: string, fact: string, megabytes: number, refused: string[]): Problem {
  const shown = refused.slice(0, 3).join(', ');
  return {
    severity: 'warning',
    repo,
    file: refused[0]!,
    message: `Fact "${fact}" reached its cap of ${megabytes} MiB read from ${repo} (limits.megabytes in portal.yaml): ${refused.length} ${refused.length === 1 ? 'file was' : 'files were'} not read (${shown}${refused.length > 3 ? ', …' : ''}).`,
  };
}

/** A timer for the time cap: `reached` resolves (to undefined) once `seconds` have passed. */
function deadlineAfter(seconds: number): { reached: Promise<undefined>; readonly passed: boolean; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  let passed = false;
  const reached = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      passed = true;
      resolve(undefined);
    }, seconds * 1000);
  });
  return {
    reached,
    get passed() {
      return passed;
    },
    clear: () => clearTimeout(timer),
  };
}

/** The head commit, from git's files when they are plain, else from git; undefined for a folder git cannot read or a repository without commits. */
async function headCommit(dir: string): Promise<string | undefined> {
  const fromRefs = readHeadFromRefs(dir);
  if (fromRefs) return fromRefs;
  try {
    return (await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What keys the facts of tags: their fingerprint from git's files when they are plain, else git's
 * listing of them; empty when neither can tell (those facts are then cached by the commit alone).
 */
async function tagsDigest(dir: string): Promise<string> {
  const listed =
    tagsFingerprint(dir) ??
    (await runGit(dir, ['for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags']).then(
      (output) => output.trim(),
      () => undefined,
    ));
  return listed === undefined ? '' : createHash('sha256').update(listed).digest('base64url').slice(0, 16);
}

/** A repository's problems in one order: by file, line, then message. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => compareCodeUnits(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareCodeUnits(a.message, b.message),
  );
}
