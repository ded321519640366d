import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from '../store/atomic-write.ts';
import { FORGES } from '../support/source-links.ts';
import { z } from 'zod';
import { checkMetadataSchema } from '../checks/check.ts';
import { customCheckFileSchema } from '../checks/custom.ts';
import { guideSettingsSchema } from '../config/schema.ts';
import { entityDocsSchema } from '../docs/schema.ts';
import { factsSchema } from '../facts/index.ts';
import { guideSchema } from '../guides/schema.ts';
import { initiativeSchema } from '../initiatives/schema.ts';
import { problemSchema } from './problems.ts';
import { scorecardDefinitionSchema } from '../scorecards/definition.ts';
import { scorecardResultSchema } from '../scorecards/result.ts';

/**
 * The snapshot: everything collected in one run, in one JSON file. Its schema is the contract
 * between the collectors and the site; bump `SNAPSHOT_SCHEMA_VERSION` on any breaking change.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2;

/** A relation from the entity to `targetRef` (a lowercase entity ref), Backstage's vocabulary. */
export const relationSchema = z.object({
  type: z.string(),
  targetRef: z.string(),
});

/** Where an entity was declared. */
export const entitySourceSchema = z.object({
  /** Repository name; absent for entities from the portal's own content folder. */
  repo: z.string().optional(),
  /** Path relative to the repository root, or to the content folder's parent. */
  file: z.string(),
  /** 1-based line where the entity's YAML document starts. */
  line: z.number().int().positive(),
  /** Link to the file in the repository's web UI, when known. */
  url: z.string().optional(),
});

export const entityLinkSchema = z.object({
  url: z.string(),
  title: z.string().optional(),
  icon: z.string().optional(),
  type: z.string().optional(),
});

/** A Backstage entity as validated by `@backstage/catalog-model`, plus where it came from. */
export const entitySchema = z.object({
  /** Lowercase `kind:namespace/name`, Backstage's `stringifyEntityRef`. */
  ref: z.string(),
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    tags: z.array(z.string()).optional(),
    links: z.array(entityLinkSchema).optional(),
  }),
  spec: z.record(z.string(), z.unknown()).optional(),
  relations: z.array(relationSchema),
  source: entitySourceSchema,
  /** True when Cairn inferred the entity from a repository that has no descriptor. */
  inferred: z.boolean(),
});

export const repoSchema = z.object({
  /** Unique within the portal; the folder name for directory sources. */
  name: z.string(),
  /** The configured source it came from (`directory`, later `git`, `github`). */
  source: z.string(),
  /** Web UI of the repository (for "view source" and evidence links), when known. */
  webUrl: z.string().optional(),
  /** The forge's URL shapes for links into `webUrl`, when the config names it. */
  forge: z.enum(FORGES).optional(),
  /** Why its data may be behind the source (a fetch that failed: an earlier clone was scanned, or an earlier snapshot's data kept). */
  stale: z.string().optional(),
  /** When its data was collected, when that was before this run (kept from an earlier snapshot). */
  collectedAt: z.iso.datetime().optional(),
  facts: factsSchema,
  problems: z.array(problemSchema),
});

/** What judges an entity besides the scorecards, published in `standards.json` for `cairn check --standards`. */
export const publishedStandardsSchema = z.object({
  /** `defaults`: the portal defines no scorecard, so Cairn's default standards apply. */
  scorecardsFrom: z.enum(['content', 'defaults']),
  /** The custom checks as written in `checks/*.yaml`. */
  customChecks: z.array(customCheckFileSchema),
  /** The central exemptions (`exemptions.yaml`), entity refs in full. */
  exemptions: z.array(
    z.object({ entityRef: z.string(), checkId: z.string(), scorecard: z.string().optional(), reason: z.string(), expires: z.iso.date() }),
  ),
  /** Days of git history the activity facts looked at (portal.yaml's `activity.windowDays`). */
  activityWindowDays: z.number().int().positive().optional(),
});

export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  portal: z.object({ title: z.string(), guides: guideSettingsSchema }),
  entities: z.array(entitySchema),
  repos: z.array(repoSchema),
  /** Every check the portal knows (built-in and custom), with its metadata. */
  checks: z.array(checkMetadataSchema),
  /** The portal's scorecards, as defined. */
  scorecards: z.array(scorecardDefinitionSchema),
  /** The rest of what judges an entity; absent in snapshots of older versions. */
  standards: publishedStandardsSchema.optional(),
  /** Each entity's standing on each scorecard that applies to it. */
  results: z.array(scorecardResultSchema),
  /** The golden-path guides, with their adoption in this run. */
  guides: z.array(guideSchema),
  /** The initiatives, with where every entity they cover stands. */
  initiatives: z.array(initiativeSchema),
  /** Repository docs rendered for the entities that have them. */
  docs: z.array(entityDocsSchema),
  /** Every problem of the run, the repositories' included. */
  problems: z.array(problemSchema),
});

/** Format marker of `standards.json`. */
export const STANDARDS_FORMAT = 'cairn-standards/1';

/**
 * `standards.json`, published with the site: everything that judges an entity — scorecards, custom
 * checks, central exemptions, the activity window, and the teams and people owners resolve to — so
 * `cairn check --standards <file or URL>` in a pull request gives the verdict the portal gives.
 */
export const standardsFileSchema = z.object({
  format: z.literal(STANDARDS_FORMAT),
  generatedAt: z.iso.datetime(),
  scorecardsFrom: publishedStandardsSchema.shape.scorecardsFrom,
  scorecards: z.array(scorecardDefinitionSchema),
  customChecks: publishedStandardsSchema.shape.customChecks,
  exemptions: publishedStandardsSchema.shape.exemptions,
  activityWindowDays: publishedStandardsSchema.shape.activityWindowDays,
  /** Every Group and User of the catalog. */
  teams: z.array(entitySchema),
});

export type Relation = z.infer<typeof relationSchema>;
export type EntitySource = z.infer<typeof entitySourceSchema>;
export type CatalogEntity = z.infer<typeof entitySchema>;
export type RepoSnapshot = z.infer<typeof repoSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type PublishedStandards = z.infer<typeof publishedStandardsSchema>;
export type StandardsFile = z.infer<typeof standardsFileSchema>;
export { entityDocsSchema } from '../docs/schema.ts';
export { guideSchema } from '../guides/schema.ts';
export { initiativeSchema } from '../initiatives/schema.ts';
export { historyRecordSchema, readHistory, type HistoryRecord } from '../runs/history.ts';
export { writeFileAtomically } from '../store/atomic-write.ts';
export { CHECK_CATEGORY_TITLES } from '../checks/check.ts';
export { levelRank } from '../scorecards/definition.ts';
export { specString } from '../catalog/fields.ts';
export { compareCodeUnits } from '../support/order.ts';
/** The owner of an entity no one is known to own: a placeholder, never a team anyone can ask. */
export { UNKNOWN_OWNER } from '../catalog/infer.ts';
/** A folder name every disk can hold (`con` → `con_`), as the site names entity and docs folders. */
export { windowsSafeSegment } from '../support/output-names.ts';
/** Text hygiene, for what the site stores or shows beyond the snapshot (an error message, an older snapshot). */
export { cleanText, plainData } from '../support/text.ts';
/** Links into a repository's web UI at the scanned commit, spelled for its forge. */
export { sourceLinks, type Forge, type SourceLinks } from '../support/source-links.ts';
export type { DocAsset, DocHeading, DocNavItem, DocPage, EntityDocs } from '../docs/schema.ts';
export type { Guide, GuideAdoption } from '../guides/schema.ts';
export type { Initiative } from '../initiatives/schema.ts';
export type { CheckCategory, CheckMetadata, Evidence, Outcome } from '../checks/check.ts';
export type { ScorecardDefinition, ScorecardLevel } from '../scorecards/definition.ts';
export type { AppliedExemption, ScoredCheck, ScorecardResult } from '../scorecards/result.ts';

/**
 * Writes the snapshot to a temporary file beside `path` and renames it into place, so a run killed
 * halfway leaves the previous snapshot intact.
 */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  const valid = snapshotSchema.parse(snapshot);
  await writeFileAtomically(path, `${JSON.stringify(valid, null, 2)}\n`);
}

/** Reads and validates a snapshot; a file from another schema version or a broken one throws a clear error. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(path, (error as Error).message);
  }
  const version = (json as { schemaVersion?: unknown })?.schemaVersion;
  if (version !== SNAPSHOT_SCHEMA_VERSION) throw new SnapshotError(path, `snapshot schema version ${String(version)}, this Cairn reads version ${SNAPSHOT_SCHEMA_VERSION}`, 'Collect again.');
  const result = snapshotSchema.safeParse(json);
  if (!result.success) throw new SnapshotError(path, 'not a valid Cairn snapshot', z.prettifyError(result.error));
  return result.data;
}

/** A snapshot file that cannot be read as one: `reason` says why in a phrase, `detail` what to do or where. */
export class SnapshotError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string, detail?: string) {
    super(`${path}: ${reason}${detail ? (detail.includes('\n') ? `:\n${detail}` : `. ${detail}`) : '.'}`);
    this.name = 'SnapshotError';
    this.path = path;
    this.reason = reason;
  }
}
