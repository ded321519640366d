import { z } from 'zod';

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
  /** The lines of the fields checks point at (`FIELDS_POINTED_AT`), by JSON pointer: `/spec/owner` → 12. */
  fields: z.record(z.string(), z.number().int().positive()).optional(),
});

/** The fields whose line a check's evidence gives, rather than the line where the document starts. */
export const FIELDS_POINTED_AT = [
  '/metadata/description',
  '/metadata/tags',
  '/metadata/links',
  '/metadata/annotations',
  '/spec/owner',
  '/spec/lifecycle',
  '/spec/system',
  '/spec/definition',
] as const;

export type FieldPointedAt = (typeof FIELDS_POINTED_AT)[number];

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
  /**
   * The repository the entity's code is in, when its `backstage.io/source-location` (or GitHub or GitLab project
   * slug) names another of the portal's repositories than the one declaring it: that repository's
   * facts judge it (code-repo.ts).
   */
  codeRepo: z.string().optional(),
  /** True when Cairn inferred the entity from a repository that has no descriptor. */
  inferred: z.boolean(),
});

export type Relation = z.infer<typeof relationSchema>;
export type EntitySource = z.infer<typeof entitySourceSchema>;
export type CatalogEntity = z.infer<typeof entitySchema>;
