import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { buildCatalog } from './catalog/index.ts';
import type { LoadedConfig } from './config.ts';
import { retrievers, type Facts } from './facts/index.ts';
import type { FactContext } from './facts/retriever.ts';
import type { Problem } from './problems.ts';
import { openRepo } from './repo/open.ts';
import { readContentEntities } from './sources/content.ts';
import { listSources } from './sources/index.ts';
import type { RepoHandle } from './sources/source.ts';
import { SNAPSHOT_SCHEMA_VERSION, type RepoSnapshot, type Snapshot } from './snapshot.ts';

export interface CollectOptions extends LoadedConfig {
  /** End of the activity window and the snapshot's `generatedAt`. */
  now: Date;
  /** Called after each repository, for progress output. */
  onRepo?: (done: number, total: number, name: string) => void;
}

/**
 * The pipeline up to the snapshot: list the sources, read every repository's facts concurrently,
 * then build the catalog from descriptors, facts and the portal's own content.
 */
export async function collect(options: CollectOptions): Promise<Snapshot> {
  const { config, baseDir, contentDir, now } = options;
  const listing = await listSources(config.sources, baseDir);
  const limit = pLimit(config.concurrency ?? availableParallelism() * 2);
  let done = 0;
  const repos = await Promise.all(
    listing.repos.map((handle) =>
      limit(async () => {
        const repo = await collectRepo(handle, now, config.activity.windowDays);
        options.onRepo?.(++done, listing.repos.length, handle.name);
        return repo;
      }),
    ),
  );
  const content = contentDir ? await readContentEntities(contentDir) : { documents: [], problems: [] };
  const catalog = await buildCatalog({
    repos: repos.map((repo) => ({ name: repo.name, facts: repo.facts, ...(repo.webUrl ? { webUrl: repo.webUrl } : {}), ...(repo.facts.head ? { headCommit: repo.facts.head.commit } : {}) })),
    content: content.documents,
  });
  // A repository's page shows all of its problems: those found reading it and those its descriptors caused.
  const repoSnapshots = repos.map((repo) => ({ ...repo, problems: sortProblems([...repo.problems, ...catalog.problems.filter((problem) => problem.repo === repo.name)]) }));
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    portal: { title: config.title },
    entities: catalog.entities,
    repos: repoSnapshots,
    checks: [],
    scorecards: [],
    results: [],
    problems: [...listing.problems, ...content.problems, ...repos.flatMap((repo) => repo.problems), ...catalog.problems],
  };
}

/** Facts of one repository. A repository that cannot be opened, or a retriever that throws, is a problem, never a crash. */
async function collectRepo(handle: RepoHandle, now: Date, windowDays: number): Promise<RepoSnapshot> {
  const problems: Problem[] = [];
  const base = { name: handle.name, source: handle.source, ...(handle.webUrl ? { webUrl: handle.webUrl } : {}) };
  let reader;
  try {
    reader = await openRepo(handle.dir, { name: handle.name, now, windowDays });
  } catch (error) {
    problems.push({ severity: 'error', repo: handle.name, message: `Could not read the repository at ${handle.dir}: ${firstLine(error)}` });
    return { ...base, facts: {}, problems };
  }
  const context: FactContext = { repo: reader, settings: { contentGlobs: [] }, problem: (problem) => problems.push({ ...problem, repo: handle.name }) };
  const facts: Record<string, unknown> = {};
  await Promise.all(
    retrievers.map(async (retriever) => {
      try {
        facts[retriever.id] = retriever.schema.parse(await retriever.collect(context));
      } catch (error) {
        problems.push({ severity: 'error', repo: handle.name, message: `Fact "${retriever.id}" could not be collected: ${firstLine(error)}` });
      }
    }),
  );
  // Retrievers finish in any order; the snapshot lists facts in registry order so output is deterministic.
  const ordered = Object.fromEntries(retrievers.filter((retriever) => retriever.id in facts).map((retriever) => [retriever.id, facts[retriever.id]])) as Facts;
  return { ...base, facts: ordered, problems: sortProblems(problems) };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
