import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assemble, collectRepo, factSettings, type Standards } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { portalConfigSchema, type GuideSettings, type Limits } from '../../collectors/config/schema.ts';
import type { SuggestInput } from '../../collectors/fixes/index.ts';
import type { ScorecardDefinition } from '../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../collectors/scorecards/result.ts';
import type { CatalogEntity, RepoSnapshot as CollectedRepo, Snapshot } from '../../collectors/contract/snapshot.ts';
import { readPortalTeams } from '../../collectors/config/teams.ts';
import type { ContentDocument } from '../../collectors/sources/content.ts';
import { isGitWorkTree } from '../../collectors/sources/directory.ts';
import { resolveConfig } from './collection.ts';
import type { CommandContext } from './context.ts';
import { readPublishedStandards, type PortalStandards } from './published-standards.ts';
import { loadStandards } from './standards.ts';

/**
 * What judges one repository for `cairn check` and `cairn fix`: the standards, and everything the
 * portal would bring to the verdict (teams, window, caps), so both commands judge alike.
 */
export interface Judge {
  standards: Standards;
  /** Groups and Users of the portal, so owners resolve as they do there. */
  teams: CatalogEntity[];
  /** Entity documents of the portal's content folder (its teams). */
  content: ContentDocument[];
  windowDays: number;
  /** The descriptor files read (the portal's `catalog.paths`); by default, catalog-info.yaml at the root. */
  descriptorPaths?: readonly string[];
  /** Caps on what the repository may cost: the portal's with --config, else the defaults. */
  limits: Limits;
  title: string;
  guideSettings: GuideSettings;
  /** One line for the report's head: which standards these are. */
  label: string;
  /** The portal's root URL, ending in `/`, when known: reports link to its check and entity pages. */
  portalUrl?: string;
  /** Texts the portal gives for files Cairn writes (only a portal's content folder has them). */
  templates: NonNullable<SuggestInput['templates']>;
}

/**
 * The standards to judge with: a portal's published `standards.json` (`--standards`), a portal's
 * content (`--config`), else Cairn's default standards; always named in the report. `command`
 * names the command in messages; file names are relative to `cwd`.
 */
export async function judgeFor(
  values: { config?: string | undefined; standards?: string | undefined },
  command: string,
  { cwd }: Pick<CommandContext, 'cwd'>,
): Promise<Judge> {
  const defaults = portalConfigSchema.parse({});
  if (values.standards !== undefined) {
    if (values.config !== undefined) throw new ConfigError(`${command}: --standards and --config both say what to judge with; pass one.`);
    return judgeOfPublished(await readPublishedStandards(values.standards, cwd), values.standards);
  }
  // Only a portal named on the command line: a content/portal.yaml that happens to be in the current
  // folder (the demo's, in a Cairn checkout) must not judge a repository silently.
  const loaded =
    values.config !== undefined
      ? await resolveConfig({ config: values.config }, { cwd })
      : { config: defaults, baseDir: cwd, contentDir: undefined };
  const { contentDir } = loaded;
  const standards = await loadStandards(contentDir);
  const content = { documents: await readPortalTeams(contentDir) };
  const label =
    standards.scorecardsFrom === 'defaults'
      ? `Cairn's default standards (${standards.scorecards.map((scorecard) => scorecard.title).join(', ')}); pass --standards <your portal's standards.json> or --config <portal.yaml> to judge with your portal's`
      : `the portal's standards from ${loaded.file?.shown ?? values.config}`;
  const { site, base } = loaded.config;
  return {
    standards,
    teams: [],
    content: content.documents,
    windowDays: loaded.config.activity.windowDays,
    ...(loaded.config.catalog.paths ? { descriptorPaths: loaded.config.catalog.paths } : {}),
    limits: loaded.config.limits,
    title: loaded.config.title,
    guideSettings: loaded.config.guides,
    label,
    ...(site ? { portalUrl: new URL(base.endsWith('/') ? base : `${base}/`, site).href } : {}),
    templates: standards.templates,
  };
}

/** What judges as the portal whose standards.json at `location` (a file or URL) gave `published`. */
export function judgeOfPublished(published: PortalStandards, location: string): Judge {
  const defaults = portalConfigSchema.parse({});
  // Declared teams join the catalog as the portal's own content does, so they win over a team this
  // repository's CODEOWNERS would infer; inferred ones (from other repositories) only resolve references.
  const declared = published.teams.filter((team) => !team.inferred);
  return {
    standards: published.standards,
    teams: published.teams.filter((team) => team.inferred),
    content: declared.map(({ apiVersion, kind, metadata, spec, source }) => ({
      file: source.file,
      line: source.line,
      data: { apiVersion, kind, metadata, ...(spec ? { spec } : {}) },
    })),
    windowDays: published.activityWindowDays ?? defaults.activity.windowDays,
    ...(published.descriptorPaths ? { descriptorPaths: published.descriptorPaths } : {}),
    limits: defaults.limits,
    title: defaults.title,
    guideSettings: defaults.guides,
    label: `the portal's standards published at ${location} (${published.generatedAt.slice(0, 10)})`,
    // standards.json is at the portal's root.
    ...(/^https?:\/\//i.test(location) ? { portalUrl: new URL('./', location).href } : {}),
    templates: published.standards.templates,
  };
}

/**
 * The repository `cairn check` judges when given no folder: the git work tree the current folder is
 * in, as git finds it from a subfolder. Any other folder is returned as it is, for
 * `assertRepositoryRoot` to say what it is.
 */
export function repositoryAround(dir: string): string {
  for (let folder = dir, parent = dirname(dir); ; folder = parent, parent = dirname(parent)) {
    if (isGitWorkTree(folder)) return folder;
    if (parent === folder) return dir;
  }
}

/**
 * Bad usage unless `dir` is the root of a git work tree: Cairn judges whole repositories. A folder
 * inside one is named with the repository's root, so the message says what to run instead.
 */
export async function assertRepositoryRoot(dir: string, command: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory())
    throw new ConfigError(
      `${command}: ${dir}: ${found ? 'a file' : 'no such folder'}; expected the folder of a git repository (default: the current one).`,
    );
  const root = repositoryAround(dir);
  if (root !== dir)
    throw new ConfigError(`${command}: ${dir} is inside the repository at ${root}; Cairn judges a whole repository: run it at ${root}.`);
  if (isGitWorkTree(dir)) return;
  const why = existsSync(join(dir, '.git')) ? 'its .git file names a git folder that is not there' : 'no .git';
  throw new ConfigError(`${command}: ${dir} is not a git work tree (${why}); expected the folder of a git repository.`);
}

export interface TreeToJudge {
  /** The repository's name: its entities' `source.repo`. */
  name: string;
  /** The work tree to read (the repository's folder, or a checkout of a base ref). */
  dir: string;
  /** Whether untracked files that git does not ignore count (the developer's working tree). */
  untracked: boolean;
  now: Date;
  /** The scorecards to judge with (default: all of the standards'). */
  scorecards?: ScorecardDefinition[];
  /** Entities from elsewhere (a published catalog), so references to them resolve. */
  known?: readonly CatalogEntity[];
  /**
   * The history to judge with instead of this tree's own: a base ref compared with the working tree
   * takes the working tree's, so that what differs is what the change's files do, not its commits
   * (a quiet repository's one new commit made bus-factor "newly failing" in every pull request).
   */
  history?: Pick<CollectedRepo['facts'], (typeof HISTORY_FACTS)[number]>;
}

/** The facts read from git's history rather than from the files. */
export const HISTORY_FACTS = ['activity', 'releases'] as const;

/**
 * One work tree collected and judged as the portal would: its facts (all of them, `files` included),
 * and a snapshot of it alone whose entities from this repository are the ones to report.
 */
export async function judgeTree(
  judge: Judge,
  tree: TreeToJudge,
): Promise<{ repo: CollectedRepo; snapshot: Snapshot; entities: CatalogEntity[]; results: ScorecardResult[]; knownRefs: Set<string> }> {
  const { standards } = judge;
  const repo = await collectRepo(
    { name: tree.name, dir: tree.dir, source: 'local' },
    {
      now: tree.now,
      windowDays: judge.windowDays,
      settings: factSettings(standards, judge.descriptorPaths),
      limits: judge.limits,
      untracked: tree.untracked,
    },
  );
  if (tree.history) for (const id of HISTORY_FACTS) withFact(repo.facts, id, tree.history[id]);
  const knownEntities = [...(tree.known ?? []), ...judge.teams].filter((entity) => entity.source.repo !== tree.name);
  const snapshot = await assemble({
    repos: [repo],
    content: judge.content,
    standards: { ...standards, scorecards: tree.scorecards ?? standards.scorecards, guides: [], initiatives: [] },
    now: tree.now,
    title: judge.title,
    guideSettings: judge.guideSettings,
    problems: [],
    knownEntities,
    // A verdict shows no docs: their problems are enough, and rendering them would take most of the time.
    docs: 'outlined',
  });
  const entities = snapshot.entities.filter((entity) => entity.source.repo === tree.name);
  const refs = new Set(entities.map((entity) => entity.ref));
  return {
    repo,
    snapshot,
    entities,
    results: snapshot.results.filter((result) => refs.has(result.entityRef)),
    knownRefs: new Set([...snapshot.entities, ...knownEntities].map((entity) => entity.ref)),
  };
}

/** `facts` with `id` set to `value`, or without it when there is none. */
function withFact<K extends keyof CollectedRepo['facts']>(facts: CollectedRepo['facts'], id: K, value: CollectedRepo['facts'][K]): void {
  if (value === undefined) delete facts[id];
  else facts[id] = value;
}
