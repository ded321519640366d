import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { carryOver } from './runs/carry-over.ts';
import { sortProblems } from './runs/collect-repo.ts';
import { firstLine } from './support/errors.ts';
import { collectMany, workerCount } from './runs/repo-workers.ts';
import { buildCatalog } from './catalog/index.ts';
import type { CheckDefinition, CheckMetadata } from './checks/check.ts';
import type { CustomCheckFile } from './checks/custom.ts';
import { ConfigError, located } from './config/config-error.ts';
import type { GuideSettings, LoadedConfig } from './config/schema.ts';
import type { FactSettings } from './facts/retriever.ts';
import { buildEntityDocs } from './docs/index.ts';
import type { SiteMode } from './docs/render-site.ts';
import { retrievers, type Facts } from './facts/index.ts';
import type { FeedbackSnapshot } from './feedback/feedback.ts';
import { readFeedback } from './feedback/load.ts';
import { unknownFeedbackTargets } from './feedback/unknown-targets.ts';
import type { RenderCache } from './docs/index.ts';
import { evaluateGuides } from './guides/adoption.ts';
import { unknownOwnerProblems, type ContentOwner } from './scorecards/owners.ts';
import type { GuideSource } from './guides/load.ts';
import { evaluateInitiatives, type InitiativeSource } from './initiatives/evaluate.ts';
import type { Problem } from './contract/problems.ts';
import { FileRenderCache, rendererVersion } from './store/render-cache.ts';
import { removeUnfinishedWrites } from './store/atomic-write.ts';
import type { ScorecardDefinition } from './scorecards/definition.ts';
import { prepareEvaluation } from './scorecards/evaluate.ts';
import type { Exemption } from './scorecards/exemptions.ts';
import { readPortalTeams } from './config/teams.ts';
import type { ContentDocument } from './sources/content.ts';
import { inShard, listingDigest, type Shard } from './runs/shard.ts';
import { listSources, type SourceEnvironment } from './sources/index.ts';
import { NOTHING_UNREACHABLE, type ForgeEntity, type Unreachable } from './sources/source.ts';
import { cleanText, FORBIDDEN_KEY, plainData, type DataPath } from './support/text.ts';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type CatalogEntity,
  type PublishedStandards,
  type RepoSnapshot,
  type Snapshot,
} from './contract/snapshot.ts';
import { compareCodeUnits } from './support/order.ts';

export { collectRepo, type CollectRepoOptions } from './runs/collect-repo.ts';

/** The portal's standards: every check (built-in and custom), the scorecards and the exemptions. */
export interface Standards {
  checks: CheckDefinition[];
  metadata: CheckMetadata[];
  scorecards: ScorecardDefinition[];
  /** Central exemptions (content/exemptions.yaml); annotation exemptions come with the entities. */
  exemptions: Exemption[];
  /** Files whose text custom checks inspect. */
  contentGlobs: string[];
  /** The golden-path guides (content/guides/), their links already verified. */
  guides: GuideSource[];
  /** The initiatives (content/initiatives/), their goals already verified. */
  initiatives: InitiativeSource[];
  /** Whether the scorecards are the portal's own or Cairn's defaults. */
  scorecardsFrom: 'content' | 'defaults';
  /** The custom checks as written, published so `cairn check --standards` judges with the same. */
  customChecks: CustomCheckFile[];
  /** Texts of the files the portal wants `cairn fix` to write its way (`templates/SECURITY.md`). */
  templates: FileTemplates;
  /** The owners the portal's own scorecards and initiatives name: one not in the catalog is a warning on its file. */
  owners?: ContentOwner[];
}

/** The portal's file templates, those it has. */
export interface FileTemplates {
  securityPolicy?: string;
}

/** No checks, scorecards, guides or initiatives: collection of facts and the catalog only. */
export const NO_STANDARDS: Standards = {
  checks: [],
  metadata: [],
  scorecards: [],
  exemptions: [],
  contentGlobs: [],
  guides: [],
  initiatives: [],
  scorecardsFrom: 'content',
  customChecks: [],
  templates: {},
};

export interface CollectOptions extends LoadedConfig {
  standards: Standards;
  /** End of the activity window and the snapshot's `generatedAt`. */
  now: Date;
  /** Called after each repository, for progress output; `fromCache` when no fact had to be read again. */
  onRepo?: (done: number, total: number, name: string, fromCache: boolean) => void;
  /** Told what the sources could not reach, once they are listed and cloned. */
  onUnreachable?: (unreachable: Unreachable) => void;
  /** Folder of the fact cache (one file per repository); without it every fact is collected afresh. */
  cacheDir?: string;
  /** The last snapshot written, read only when needed: its data stands in for repositories that cannot be fetched. */
  previous?: () => Promise<Snapshot | undefined>;
  /** The command line's working folder and environment, when not the process's (sources' messages, tokens). */
  environment?: SourceEnvironment;
}

/**
 * The pipeline up to the snapshot: list the sources, read every repository's facts concurrently,
 * then assemble catalog, scorecards and snapshot.
 */
export async function collect(options: CollectOptions): Promise<Snapshot> {
  const { config, contentDir, now, standards } = options;
  // The portal's teams are configuration: a broken one stops the run before any repository is read.
  const content = { documents: await readPortalTeams(contentDir) };
  const [collected, feedback] = await Promise.all([
    collectRepos(options),
    readFeedback(config.feedback, contentDir, options.environment?.env),
  ]);
  options.onUnreachable?.(collected.unreachable);
  const renderCache = options.cacheDir ? new FileRenderCache(join(options.cacheDir, 'rendered-docs'), await rendererVersion()) : undefined;
  const snapshot = await assemble({
    repos: collected.repos,
    forge: collected.entities,
    unreachable: collected.unreachable,
    ...(options.previous ? { previous: options.previous } : {}),
    content: content.documents,
    standards,
    now,
    title: config.title,
    guideSettings: config.guides,
    windowDays: config.activity.windowDays,
    ...(config.catalog.paths ? { descriptorPaths: config.catalog.paths } : {}),
    ...(feedback.feedback ? { feedback: feedback.feedback } : {}),
    problems: [...collected.problems, ...feedback.problems],
    ...(renderCache ? { renderCache } : {}),
    ...(config.workers !== undefined ? { workers: config.workers } : {}),
  });
  await renderCache?.prune();
  // What runs killed while writing to the caches left unfinished.
  if (options.cacheDir)
    await Promise.all([removeUnfinishedWrites(options.cacheDir), removeUnfinishedWrites(join(options.cacheDir, 'rendered-docs'))]);
  return snapshot;
}

/**
 * Lists the sources and reads the facts of every repository, or of those in `shard` (a CI matrix
 * job's share): the part of the pipeline that reads repositories, and can be split across machines.
 */
export async function collectRepos(
  options: CollectOptions & { shard?: Shard },
): Promise<{ listing: string; repos: RepoSnapshot[]; entities: ForgeEntity[]; unreachable: Unreachable; problems: Problem[] }> {
  const { config, baseDir, now, standards, shard } = options;
  // A shard lists (and clones) only its own share of the repositories; the names of all are kept for its `listing` digest.
  const listed: string[] = [];
  const select = (name: string) => {
    listed.push(name);
    return !shard || inShard(name, shard);
  };
  const listing = await listSources(config.sources, baseDir, select, options.environment).catch(async (error: unknown) => {
    throw error instanceof ConfigError ? await located(error, options.file) : error;
  });
  const handles = listing.repos;
  const collected = await collectMany(handles, {
    options: {
      now,
      windowDays: config.activity.windowDays,
      settings: factSettings(standards, config.catalog.paths),
      limits: config.limits,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    },
    // A repository's time is mostly spent waiting for git: four at a time per CPU keep the CPUs busy.
    concurrency: config.concurrency ?? availableParallelism() * 4,
    workers: workerCount(handles.length, config.workers),
    ...(options.onRepo ? { onRepo: options.onRepo } : {}),
  });
  // An empty portal.yaml, or one whose `sources:` is misspelt as an ignored key, lists nothing.
  const noSources: Problem[] = config.sources.length
    ? []
    : [
        {
          severity: 'warning',
          ...(options.file ? { file: options.file.shown } : {}),
          message: `${options.file?.shown ?? 'The configuration'} lists no sources, so no repository was collected: add a directory, git or github source under \`sources:\`.`,
        },
      ];
  // A source that could not be listed is in every shard's listing: the merge carries its repositories over once.
  return {
    listing: listingDigest(listed),
    repos: collected.repos,
    entities: listing.entities ?? [],
    unreachable: listing.unreachable ?? NOTHING_UNREACHABLE,
    problems: [...noSources, ...listing.problems, ...collected.problems],
  };
}

export interface AssembleInput {
  /** The repositories as collected, every fact included. */
  repos: RepoSnapshot[];
  /** Entity documents from the portal's content folder (teams). */
  content: ContentDocument[];
  /** Groups and Users read from the forge (a GitHub source with `teams: true`). */
  forge?: ForgeEntity[];
  standards: Standards;
  now: Date;
  title: string;
  guideSettings: GuideSettings;
  /** Days of history the activity facts looked at, published with the standards. */
  windowDays?: number;
  /** The descriptor files read in every repository (portal.yaml's `catalog.paths`), published with the standards. */
  descriptorPaths?: readonly string[];
  /** Problems met before the repositories were read (sources, content). */
  problems: Problem[];
  /** Entities known from elsewhere (a published snapshot), so references to them resolve. */
  knownEntities?: CatalogEntity[];
  /** What could not be reached this run, and the last snapshot, whose data for it is kept (marked stale). */
  unreachable?: Unreachable;
  previous?: () => Promise<Snapshot | undefined>;
  /** Developers' feedback, already folded into figures. */
  feedback?: FeedbackSnapshot;
  /** Docs sites rendered by earlier runs. */
  renderCache?: RenderCache;
  /** Worker threads rendering docs beside this thread (portal.yaml's `workers`); by default, as many as pay. */
  workers?: number;
  /** `outlined` for a verdict that publishes no docs: their problems are found, but no page is rendered. */
  docs?: SiteMode;
}

/**
 * What the standards and the portal's descriptor paths (`catalog.paths`) tell the retrievers to read
 * (part of the fact cache's key).
 */
export function factSettings(standards: Pick<Standards, 'contentGlobs'>, descriptorPaths: readonly string[] | undefined): FactSettings {
  return { contentGlobs: standards.contentGlobs, ...(descriptorPaths ? { descriptorPaths } : {}) };
}

/** Everything after the facts, pure but for time given (and the previous snapshot read): catalog, scorecards, and the snapshot. */
export async function assemble(input: AssembleInput): Promise<Snapshot> {
  const { standards, now } = input;
  const unreachable = input.unreachable ?? NOTHING_UNREACHABLE;
  const previous = await previousIfNeeded(input, unreachable);
  const carried = carryOver(previous.snapshot, unreachable, new Set(input.repos.map((repo) => repo.name)));
  // By name, so a snapshot merged from shards lists them as a single run does.
  const repos = [...input.repos, ...carried.repos].toSorted((a, b) => compareCodeUnits(a.name, b.name));
  const catalog = await buildCatalog({
    repos: repos.map((repo) => ({
      name: repo.name,
      facts: repo.facts,
      ...(repo.webUrl ? { webUrl: repo.webUrl } : {}),
      ...(repo.forge ? { forge: repo.forge } : {}),
      ...(repo.facts.head ? { headCommit: repo.facts.head.commit } : {}),
    })),
    content: input.content,
    ...(input.forge ? { forge: input.forge } : {}),
    ...(input.knownEntities?.length ? { knownRefs: new Set(input.knownEntities.map((entity) => entity.ref)) } : {}),
  });
  const factsByRepo = new Map(repos.map((repo) => [repo.name, repo.facts]));
  const evaluation = prepareEvaluation({
    entities: catalog.entities,
    knownEntities: input.knownEntities ?? [],
    factsByRepo,
    checks: standards.checks,
    exemptions: standards.exemptions,
    recorded: carried.checkResults,
    now,
  });
  const results = standards.scorecards.toSorted((a, b) => compareCodeUnits(a.id, b.id)).flatMap(evaluation.evaluate);
  const guides = evaluateGuides({
    guides: standards.guides,
    evaluate: evaluation.evaluate,
    entities: [...(input.knownEntities ?? []), ...catalog.entities],
    settings: input.guideSettings,
    now,
  });
  const initiatives = evaluateInitiatives({
    initiatives: standards.initiatives,
    entities: catalog.entities,
    factsByRepo,
    scorecards: standards.scorecards,
    results,
    evaluate: evaluation.evaluate,
  });
  const docs = await buildEntityDocs({
    entities: catalog.entities,
    repos,
    ...(input.renderCache ? { renderCache: input.renderCache } : {}),
    ...(input.workers !== undefined ? { workers: input.workers } : {}),
    ...(input.docs ? { mode: input.docs } : {}),
  });
  const refs = new Set(catalog.entities.map((entity) => entity.ref));
  const carriedDocs = carried.docs.filter((entry) => refs.has(entry.entityRef));
  const feedbackProblems = unknownFeedbackTargets(input.feedback, {
    guides: new Set(standards.guides.map((guide) => guide.id)),
    checks: new Set(standards.metadata.map((check) => check.id)),
  });
  const ownerProblems = unknownOwnerProblems(standards.owners ?? [], [...(input.knownEntities ?? []), ...catalog.entities]);
  const laterProblems = [
    ...catalog.problems,
    ...evaluation.problems,
    ...guides.problems,
    ...ownerProblems,
    ...docs.problems,
    ...feedbackProblems,
  ];
  // Grouped once: filtering per repository would be quadratic in a large organisation.
  const laterByRepo = Map.groupBy(laterProblems, (problem) => problem.repo);
  return publishable({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    portal: { title: input.title, guides: input.guideSettings },
    entities: catalog.entities,
    // A repository's page shows all of its problems: those met reading it and those its descriptors caused.
    repos: repos.map((repo) => ({
      ...repo,
      facts: publishedFacts(repo.facts),
      problems: sortProblems([...repo.problems, ...(laterByRepo.get(repo.name) ?? [])]),
    })),
    checks: standards.metadata,
    scorecards: standards.scorecards,
    standards: publishedStandards(standards, input),
    results,
    guides: guides.guides,
    initiatives,
    docs: [...docs.docs, ...carriedDocs].sort((a, b) => compareCodeUnits(a.entityRef, b.entityRef)),
    ...(input.feedback ? { feedback: input.feedback } : {}),
    problems: [...input.problems, ...previous.problems, ...repos.flatMap((repo) => repo.problems), ...laterProblems],
  });
}

/**
 * The snapshot as it may be published: one pass that cleans control characters and bidi overrides
 * out of every string (collectors/support/text.ts) and drops keys named `__proto__`, each descriptor
 * document or entity that had one becoming a warning at its file and line. Repository text enters
 * every output (pages, exports, llms.txt, reports) through here.
 */
function publishable(snapshot: Snapshot): Snapshot {
  const dropped = new Map<string, { location: Pick<Problem, 'repo' | 'file' | 'line'>; paths: Set<string> }>();
  const clean = plainData(snapshot, {
    onDroppedKey: (path) => {
      const found = droppedKeyLocation(snapshot, path);
      const key = JSON.stringify(found.location);
      const entry = dropped.get(key) ?? { location: found.location, paths: new Set<string>() };
      entry.paths.add(found.field);
      dropped.set(key, entry);
    },
  });
  for (const { location, paths } of dropped.values()) {
    const where = location.file ? `${location.file}${location.line ? ` line ${location.line}` : ''}` : 'the collected data';
    const problem: Problem = {
      severity: 'warning',
      ...location,
      message: cleanText(
        `Keys named ${FORBIDDEN_KEY} are left out of ${where} (${[...paths].sort().join(', ')}): JavaScript gives that name a meaning of its own, so Cairn never publishes it. Rename the key${paths.size === 1 ? '' : 's'}.`,
      ),
    };
    clean.problems.push(problem);
    const repo = location.repo === undefined ? undefined : clean.repos.find((candidate) => candidate.name === location.repo);
    if (repo) repo.problems = sortProblems([...repo.problems, problem]);
  }
  return clean;
}

/**
 * Where a dropped key was, for its problem: a descriptor document's file and line, an entity's
 * source, or else the repository; `field` is the key's path inside the document or entity.
 */
function droppedKeyLocation(snapshot: Snapshot, path: DataPath): { location: Pick<Problem, 'repo' | 'file' | 'line'>; field: string } {
  const dotted = (rest: DataPath) =>
    rest
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${cleanText(part)}`))
      .join('')
      .replace(/^\./, '');
  if (path[0] === 'repos' && typeof path[1] === 'number') {
    const repo = snapshot.repos[path[1]]!;
    const documentIndex = path[5];
    if (
      path[2] === 'facts' &&
      path[3] === 'descriptors' &&
      path[4] === 'documents' &&
      typeof documentIndex === 'number' &&
      path[6] === 'data'
    ) {
      const document = repo.facts.descriptors!.documents[documentIndex]!;
      return {
        location: { repo: cleanText(repo.name), file: cleanText(document.file), line: document.line },
        field: dotted(path.slice(7)),
      };
    }
    return { location: { repo: cleanText(repo.name) }, field: dotted(path.slice(2)) };
  }
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const { source } = snapshot.entities[path[1]]!;
    // An entity's source is the descriptor document it came from: one problem names both.
    return {
      location: { ...(source.repo === undefined ? {} : { repo: cleanText(source.repo) }), file: cleanText(source.file), line: source.line },
      field: dotted(path.slice(2)),
    };
  }
  return { location: {}, field: dotted(path) };
}

/** What `standards.json` publishes beyond the scorecards: enough for `cairn check --standards` to judge as the portal does. */
function publishedStandards(
  standards: Standards,
  { windowDays, descriptorPaths }: Pick<AssembleInput, 'windowDays' | 'descriptorPaths'>,
): PublishedStandards {
  return {
    scorecardsFrom: standards.scorecardsFrom,
    customChecks: standards.customChecks,
    exemptions: standards.exemptions
      .filter((exemption) => exemption.source === 'central')
      .map(({ entityRef, checkId, scorecard, reason, expires }) => ({
        entityRef,
        checkId,
        ...(scorecard ? { scorecard } : {}),
        reason,
        expires,
      })),
    ...(windowDays ? { activityWindowDays: windowDays } : {}),
    ...(descriptorPaths ? { descriptorPaths: [...descriptorPaths] } : {}),
    ...(Object.keys(standards.templates).length > 0 ? { templates: standards.templates } : {}),
  };
}

/** The previous snapshot, read only when something was unreachable; one that cannot be read is a problem. */
async function previousIfNeeded(input: AssembleInput, unreachable: Unreachable): Promise<{ snapshot?: Snapshot; problems: Problem[] }> {
  if (!input.previous || (unreachable.repos.length === 0 && unreachable.sources.length === 0)) return { problems: [] };
  try {
    const snapshot = await input.previous();
    return { ...(snapshot ? { snapshot } : {}), problems: [] };
  } catch (error) {
    return { problems: [{ severity: 'warning', message: firstLine(error) }] };
  }
}

const UNPUBLISHED = new Set<string>(retrievers.filter((retriever) => retriever.publish === false).map((retriever) => retriever.id));

/** Facts that only checks need (every file path, file contents) stay out of the snapshot. */
function publishedFacts(facts: Facts): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([id]) => !UNPUBLISHED.has(id))) as Facts;
}
