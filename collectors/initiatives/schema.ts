import { z } from 'zod';
import { entityFilterSchema } from '../scorecards/definition.ts';

/** `content/initiatives/<id>.yaml`: a time-boxed push toward a goal, for the entities it applies to. */
export const initiativeFileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, e.g. silver-by-q1'),
    title: z.string().min(1),
    description: z.string().default(''),
    owner: z.string().min(1).describe('The Group driving it, e.g. group:platform.'),
    start: z.iso
      .date()
      .optional()
      .describe(
        'YYYY-MM-DD: the day it began. Progress and the rate toward the deadline count from then (default: the whole run history).',
      ),
    deadline: z.iso.date().describe('YYYY-MM-DD: the day the goal should be met.'),
    appliesTo: entityFilterSchema
      .optional()
      .describe(
        'Which entities it covers (as in scorecards); with a scorecard goal, also only those the scorecard applies to. Default: every Component.',
      ),
    goal: z.union([
      z.strictObject({
        scorecard: z.string().min(1).describe('A scorecard id.'),
        level: z.string().min(1).describe('The level every entity should reach (or pass).'),
      }),
      z.strictObject({
        checks: z.array(z.string().min(1)).min(1).describe('Check ids every entity should pass (with their default options).'),
      }),
    ]),
  })
  .describe('A Cairn initiative.');

export type InitiativeFile = z.infer<typeof initiativeFileSchema>;

/** An entity's standing on an initiative. */
export const initiativeEntitySchema = z.object({
  entityRef: z.string(),
  done: z.boolean(),
  /** What is still missing: the checks that fail, or the level reached so far. */
  missing: z.array(z.string()),
  /** The entity's owner (full ref), for the per-team table. */
  owner: z.string().optional(),
});

/** An initiative as published in the snapshot: its definition and where every entity stands. */
export const initiativeSchema = initiativeFileSchema.extend({
  file: z.string(),
  entities: z.array(initiativeEntitySchema),
});

export type Initiative = z.infer<typeof initiativeSchema>;
