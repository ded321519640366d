import { z } from 'zod';
import { checkResultSchema } from '../checks/check.ts';

/** An exemption that applied to a check: an unexpired one counts as a pass, an expired one as a failure. */
export const appliedExemptionSchema = z.object({
  reason: z.string(),
  expires: z.iso.date(),
  expired: z.boolean(),
  /** Where it was declared: the entity's own annotation, or content/exemptions.yaml. */
  source: z.enum(['annotation', 'central']),
});

/** One check of a scorecard, evaluated on one entity. */
export const scoredCheckSchema = checkResultSchema.extend({
  checkId: z.string(),
  /** The level this check belongs to. */
  level: z.string(),
  weight: z.number().positive(),
  exemption: appliedExemptionSchema.optional(),
  /** The outcome the level and score used: `pass` for an unexpired exemption, `fail` for an expired one. */
  effective: z.enum(['pass', 'fail', 'notApplicable', 'error']),
});

/** An entity's standing on one scorecard. */
export const scorecardResultSchema = z.object({
  scorecard: z.string(),
  entityRef: z.string(),
  /** The highest level reached, or null when not even the first. */
  level: z.string().nullable(),
  /** Weighted share of applicable checks passed, 0–1. */
  score: z.number().min(0).max(1),
  checks: z.array(scoredCheckSchema),
  /** The next level and the checks (of it and below) that stand in the way, cheapest first. */
  next: z.object({ level: z.string(), checks: z.array(z.string()) }).optional(),
});

export type AppliedExemption = z.infer<typeof appliedExemptionSchema>;
export type ScoredCheck = z.infer<typeof scoredCheckSchema>;
export type ScorecardResult = z.infer<typeof scorecardResultSchema>;
