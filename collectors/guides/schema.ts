import { z } from 'zod';
import { entityFilterSchema } from '../scorecards/definition.ts';

/** A guide's frontmatter: what the platform team writes at the top of `content/guides/**\/*.mdx`. */
export const guideFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('The guide\'s title, e.g. "Set up CI".'),
    summary: z.string().min(1).describe('One or two sentences for the guides index and search results.'),
    category: z.string().min(1).describe('Groups guides in the index, and prev/next runs within it, e.g. "Build and ship".'),
    owner: z.string().min(1).describe('The Group that maintains the guide, e.g. group:platform (the kind defaults to group).'),
    status: z
      .enum(['draft', 'recommended', 'deprecated'])
      .describe('draft: not yet the golden path; recommended: the golden path; deprecated: no longer.'),
    reviewed: z.iso
      .date()
      .describe('When the guide was last reviewed (YYYY-MM-DD); older than guides.staleAfterDays in portal.yaml is stale.'),
    appliesTo: entityFilterSchema.optional().describe('Which entities the guide is for (as in scorecards). Omit for every Component.'),
    checks: z
      .array(z.string().min(1))
      .default([])
      .describe('Ids of the checks this guide teaches; an entity follows the guide when it passes them all.'),
    order: z.number().int().optional().describe('Position within the category (lower first; then by title).'),
  })
  .describe('A golden-path guide.');

export type GuideFrontmatter = z.infer<typeof guideFrontmatterSchema>;

/** A guide heading, as the site anchors it (github-slugger, like Astro). */
export const guideHeadingSchema = z.object({ depth: z.number().int(), slug: z.string(), text: z.string() });

/** An applicable entity's standing on a guide. */
export const guideEntitySchema = z.object({
  entityRef: z.string(),
  /** True when every check of the guide that applies to the entity passes (exemptions count as passing). */
  follows: z.boolean(),
  /** Checks that fail or could not tell (`error`), in the guide's order. */
  missing: z.array(z.string()),
});

/** How widely a guide is followed, computed from the run's check results. */
export const guideAdoptionSchema = z.object({
  /** Entities the guide applies to and to which at least one of its checks applies, sorted by ref. */
  entities: z.array(guideEntitySchema),
  /** Per check of the guide: to how many of those entities it applies, and how many pass it. */
  checks: z.array(z.object({ id: z.string(), applicable: z.number().int(), passing: z.number().int() })),
});

/** A guide as published in the snapshot: its frontmatter, its headings, and its adoption. */
export const guideSchema = guideFrontmatterSchema.extend({
  /** Path below `guides/` without `.mdx`, e.g. `build/set-up-ci`; the page is `/guides/<id>/`. */
  id: z.string(),
  /** The MDX file as messages name it (`contentPaths`): from the working folder, e.g. `content/guides/build/set-up-ci.mdx`. */
  file: z.string(),
  /** The owner as a full entity ref. */
  owner: z.string(),
  /** Reviewed longer ago than `guides.staleAfterDays`. */
  stale: z.boolean(),
  headings: z.array(guideHeadingSchema),
  adoption: guideAdoptionSchema,
});

export type Guide = z.infer<typeof guideSchema>;
export type GuideAdoption = z.infer<typeof guideAdoptionSchema>;
export type GuideHeading = z.infer<typeof guideHeadingSchema>;
