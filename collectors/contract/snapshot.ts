import { z } from 'zod';
import { entitySchema } from '../catalog/schema.ts';
import { checkMetadataSchema } from '../checks/check.ts';
import { customCheckFileSchema } from '../checks/custom/schema.ts';
import { guideSettingsSchema } from '../config/schema.ts';
import { entityDocsSchema } from '../docs/schema.ts';
import { factsSchema } from '../facts/index.ts';
import { feedbackSnapshotSchema } from '../feedback/feedback.ts';
import { guideSchema } from '../guides/schema.ts';
import { initiativeSchema } from '../initiatives/schema.ts';
import { scorecardDefinitionSchema } from '../scorecards/definition.ts';
import { scorecardResultSchema } from '../scorecards/result.ts';
import { FORGES } from '../support/source-links.ts';
import { problemSchema } from './problems.ts';

/**
 * The snapshot: everything collected in one run, in one JSON file. Its schema is the contract
 * between the collectors and the site; bump `SNAPSHOT_SCHEMA_VERSION` on any breaking change.
 * Schemas and types only: reading and writing the file is `store/snapshot-file.ts`'s.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2;

/**
 * One repository, the one record from collection to snapshot: as collected (and in a partial
 * snapshot) it holds every fact; the snapshot keeps only the published ones.
 */
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
  /** The descriptor files read in every repository (portal.yaml's `catalog.paths`), when not the root's catalog-info.yaml. */
  descriptorPaths: z.array(z.string()).optional(),
  /** The files the portal wants `cairn fix` to write its way (`templates/SECURITY.md`), those it has. */
  templates: z.object({ securityPolicy: z.string().optional() }).optional(),
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
  /** Developers' satisfaction: feedback per guide and check, survey figures; absent when the portal reads none. */
  feedback: feedbackSnapshotSchema.optional(),
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
  descriptorPaths: publishedStandardsSchema.shape.descriptorPaths,
  templates: publishedStandardsSchema.shape.templates,
  /** Every Group and User of the catalog. */
  teams: z.array(entitySchema),
});

export type RepoSnapshot = z.infer<typeof repoSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type PublishedStandards = z.infer<typeof publishedStandardsSchema>;
export type StandardsFile = z.infer<typeof standardsFileSchema>;

// The snapshot's parts, so a reader of the snapshot finds its whole vocabulary here.
export { entitySchema, type CatalogEntity, type EntitySource, type Relation } from '../catalog/schema.ts';
export { entityDocsSchema, type DocAsset, type DocHeading, type DocNavItem, type DocPage, type EntityDocs } from '../docs/schema.ts';
export { feedbackSnapshotSchema, type FeedbackSnapshot } from '../feedback/feedback.ts';
export { guideSchema, type Guide, type GuideAdoption } from '../guides/schema.ts';
export { initiativeSchema, type Initiative } from '../initiatives/schema.ts';
export type { CheckCategory, CheckMetadata, Evidence, Outcome } from '../checks/check.ts';
export type { ScorecardDefinition, ScorecardLevel } from '../scorecards/definition.ts';
export type { AppliedExemption, ScoredCheck, ScorecardResult } from '../scorecards/result.ts';
