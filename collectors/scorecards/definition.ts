import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

const oneOrMany = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** Whether Backstage can read `value` as an entity ref (`[kind:][namespace/]name`). */
function isEntityRef(value: string, defaultKind: string): boolean {
  try {
    parseEntityRef(value, { defaultKind, defaultNamespace: 'default' });
    return true;
  } catch {
    return false;
  }
}

/** An entity ref, checked when the file is loaded so a typo fails there and not silently at match time. */
const entityRef = (defaultKind: string) =>
  z
    .string()
    .min(1)
    .refine((value) => isEntityRef(value, defaultKind), { message: 'expected an entity ref like [kind:][namespace/]name' });

/** One entity ref or a list of them, as a list. */
const entityRefs = (defaultKind: string) =>
  z.union([entityRef(defaultKind), z.array(entityRef(defaultKind)).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

/** `YYYY-MM-DD`; an exemption lasts through that day (UTC). */
export const exemptionDateSchema = z.iso.date();

/** The kinds Cairn's catalog holds: a filter naming another (a typo) would silently match nothing. */
const CATALOG_KIND_NAMES = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location', 'Template'];
const CATALOG_KINDS = CATALOG_KIND_NAMES.map((kind) => kind.toLowerCase());

/**
 * Which entities something applies to (scorecards, later guides and initiatives). Every given field
 * must match; within a field, any listed value matches. Compared case-insensitively; `owner` and
 * `system` take entity refs with Backstage's defaults (`payments` means `group:default/payments`).
 */
export const entityFilterSchema = z
  .strictObject({
    kind: oneOrMany
      .pipe(
        z.array(
          z.string().refine((kind) => CATALOG_KINDS.includes(kind.toLowerCase()), {
            error: (issue) => `unknown kind "${String(issue.input)}"; expected one of ${CATALOG_KIND_NAMES.join(', ')}`,
          }),
        ),
      )
      .optional()
      .describe('Entity kinds, e.g. Component.'),
    type: oneOrMany.optional().describe('spec.type values, e.g. service.'),
    lifecycle: oneOrMany.optional().describe('spec.lifecycle values, e.g. production.'),
    tags: oneOrMany.optional().describe('Any of these tags.'),
    language: oneOrMany.optional().describe("The repository's primary language (Linguist name), e.g. Go."),
    owner: entityRefs('group')
      .optional()
      .describe('Owner refs, e.g. group:payments (the kind defaults to group, the namespace to default).'),
    system: entityRefs('system').optional().describe('System refs, e.g. checkout (the kind defaults to system, the namespace to default).'),
  })
  .describe('Which entities this applies to. Omit for every Component.');

/** One check in a level: its id, options and weight. A bare string is the id with defaults. */
export const scorecardCheckSchema = z.union([
  z
    .string()
    .min(1)
    .transform((id) => ({ id, weight: 1, options: {} as Record<string, unknown> })),
  z.strictObject({
    id: z.string().min(1).describe('A built-in or custom check id (`cairn checks` lists them).'),
    weight: z.number().positive().default(1).describe('Weight in the score (the weighted share of applicable checks passed).'),
    options: z.record(z.string(), z.unknown()).default({}).describe("The check's options."),
  }),
]);

export const scorecardLevelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, e.g. bronze'),
  title: z.string().optional().describe('Shown on badges and pages; defaults to the id, capitalised.'),
  checks: z.array(scorecardCheckSchema).min(1),
});

/** `content/scorecards/<id>.yaml`. */
export const scorecardDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, e.g. production-readiness'),
    title: z.string().min(1),
    description: z.string().default(''),
    owner: entityRef('group').optional().describe('The Group that owns this scorecard, e.g. group:platform.'),
    appliesTo: entityFilterSchema.default({ kind: ['Component'] }),
    levels: z
      .array(scorecardLevelSchema)
      .min(1)
      .describe('Ordered from lowest to highest. An entity reaches a level when it passes that level’s checks and every lower level’s.'),
  })
  .superRefine((scorecard, context) => {
    // Results name their level by id, so two levels with one id would be indistinguishable.
    const seen = new Set<string>();
    scorecard.levels.forEach((level, index) => {
      if (seen.has(level.id))
        context.addIssue({ code: 'custom', path: ['levels', index, 'id'], message: `duplicate level id "${level.id}"` });
      seen.add(level.id);
    });
  })
  .describe('A Cairn scorecard.');

/** `content/exemptions.yaml`: central exemptions, each with a reason and an expiry date. */
export const exemptionsFileSchema = z
  .strictObject({
    exemptions: z
      .array(
        z.strictObject({
          entity: entityRef('component').describe(
            'Entity ref, e.g. component:default/legacy-billing (the kind defaults to component, the namespace to default).',
          ),
          check: z.string().min(1).describe('Check id.'),
          scorecard: z.string().optional().describe('Limit the exemption to one scorecard.'),
          reason: z.string().trim().min(1).describe('Why the check does not apply yet; shown beside the exempted check.'),
          expires: exemptionDateSchema.describe('YYYY-MM-DD, the last day the exemption holds; after it the check counts as failed again.'),
        }),
      )
      .default([]),
  })
  .describe('Cairn exemptions.');

export type EntityFilter = z.infer<typeof entityFilterSchema>;
export type ScorecardDefinition = z.infer<typeof scorecardDefinitionSchema>;
export type ScorecardLevel = z.infer<typeof scorecardLevelSchema>;
export type ExemptionsFile = z.infer<typeof exemptionsFileSchema>;

/**
 * A level's position in the scorecard's order, lowest first, so levels compare as numbers: -1 for
 * no level, and for a level the scorecard does not have.
 */
export function levelRank(scorecard: Pick<ScorecardDefinition, 'levels'> | undefined, level: string | null | undefined): number {
  return level === null || level === undefined || !scorecard ? -1 : scorecard.levels.findIndex((candidate) => candidate.id === level);
}
