import { z } from 'zod';
import type { Facts } from '../facts/index.ts';
import type { CatalogEntity } from '../catalog/schema.ts';

/** A check's verdict on one entity: an explicit outcome, never a bare boolean (OpenSSF Scorecard's lesson). */
export const outcomeSchema = z.enum(['pass', 'fail', 'notApplicable', 'error']);

/** Where the evidence for a verdict is: a path relative to the repository root, and a line when known. */
export const evidenceSchema = z.object({
  path: z.string(),
  /** The repository the file is in, when not the one whose files judge the entity: a descriptor declared in a central catalog repository. */
  repo: z.string().optional(),
  line: z.number().int().positive().optional(),
  /** What is at that place, e.g. the offending line's text, shortened. */
  note: z.string().optional(),
});

export const checkResultSchema = z.object({
  outcome: outcomeSchema,
  /** One sentence a team lead understands: what was found, and for a failure what is missing. */
  message: z.string(),
  evidence: z.array(evidenceSchema),
});

export const checkCategorySchema = z.enum([
  'docs',
  'ownership',
  'security',
  'build',
  'containers',
  'hygiene',
  'activity',
  'catalog',
  'custom',
]);

/** Metadata every check carries; the check reference pages and `cairn checks` are generated from it. */
export const checkMetadataSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  title: z.string().min(1),
  category: checkCategorySchema,
  /** What the check looks at, one sentence. */
  description: z.string().min(1),
  /** Why it matters, Markdown. */
  why: z.string().min(1),
  /** How to fix a failure, Markdown. */
  fix: z.string().min(1),
  effort: z.enum(['low', 'medium', 'high']),
  /**
   * How serious a failure is, as code scanning shows it: `error` for what is wrong or unsafe now
   * (a committed key, a broken descriptor), `warning` for a missing standard, `note` for polish.
   */
  severity: z.enum(['error', 'warning', 'note']).default('warning'),
  /** The golden-path guide (and `#section`) that teaches it, once guides exist. */
  guide: z.string().optional(),
  /** Built-in, or defined in the portal's content/checks/. */
  source: z.enum(['builtin', 'custom']),
  /** Options a scorecard may set for this check, with their defaults. */
  options: z.record(z.string(), z.unknown()).default({}),
});

/** How each category is named to people: the portal's check pages, the reference docs. */
export const CHECK_CATEGORY_TITLES: Record<z.infer<typeof checkCategorySchema>, string> = {
  docs: 'Documentation',
  ownership: 'Ownership',
  security: 'Security',
  build: 'Build and CI',
  containers: 'Containers',
  hygiene: 'Repository hygiene',
  activity: 'Activity',
  catalog: 'Catalog',
  custom: 'Custom',
};

export type Outcome = z.infer<typeof outcomeSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type CheckCategory = z.infer<typeof checkCategorySchema>;
export type CheckMetadata = z.infer<typeof checkMetadataSchema>;

/** A fact's id, as the fact retriever registry names it. */
export type FactId = keyof Facts;

/** The named facts, each known to have been collected. */
export type RequiredFacts<Id extends FactId> = { [K in Id]-?: Exclude<Facts[K], undefined> };

/** The rest of the catalog, as a check may consult it (does the owner exist? is it a Group?). */
export interface CatalogLookup {
  get(ref: string): CatalogEntity | undefined;
}

/** Everything a check may look at. `facts` is undefined for entities that live in no repository. */
export interface CheckContext<Options> {
  entity: CatalogEntity;
  facts: Facts | undefined;
  catalog: CatalogLookup;
  options: Options;
  /** The run's time, for "within N days" checks (never `Date.now()`: checks are pure). */
  now: Date;
}

/**
 * What a check's `run` sees: the facts it declared in `needs`, each collected (the runner made
 * sure); a check that declares none sees no facts at all, and may judge entities of no repository.
 */
export type RunContext<Options, Needs extends FactId> = Omit<CheckContext<Options>, 'facts'> &
  ([Needs] extends [never] ? unknown : { facts: RequiredFacts<Needs> });

/**
 * One check: metadata, options with defaults, the facts it reads, and a pure `run`. It never scores
 * or weighs: levels and weights belong to scorecards. Checks are run by `runCheck` (run.ts), which
 * parses the options, answers for a missing repository or fact, and turns a throw into `error`.
 */
export interface CheckDefinition<Options extends z.ZodType = z.ZodType> extends Omit<CheckMetadata, 'source' | 'options'> {
  /** Options a scorecard may set per check; `parse({})` must give the defaults. */
  options: Options;
  /**
   * The facts `run` reads. Before `run`, the runner makes an entity of no repository not applicable
   * and a fact that was not collected an error, so no check repeats that guard. None (or absent):
   * the check reads only the entity, and runs for entities of no repository too.
   */
  needs: readonly FactId[];
  /**
   * A verdict the entity alone settles, given before the needed facts are asked for (a deprecated
   * component is not asked for activity, whether or not it has any); undefined to go on to `run`.
   */
  precheck?(context: CheckContext<z.infer<Options>>): CheckResult | undefined;
  run(context: CheckContext<z.infer<Options>>): CheckResult;
}

/** A check as its file writes it: `run` is typed with exactly the facts `needs` names, each present. */
export interface CheckSpec<Options extends z.ZodType, Needs extends FactId> extends Omit<CheckDefinition<Options>, 'needs' | 'run'> {
  needs: readonly Needs[];
  run(context: RunContext<z.infer<Options>, Needs>): CheckResult;
}

/** Keeps the options' and the needed facts' types attached to `run` without repeating them. */
export function defineCheck<Options extends z.ZodType, const Needs extends FactId = never>(
  check: CheckSpec<Options, Needs>,
): CheckDefinition<Options> {
  // The runner calls `run` only once the facts in `needs` are there, which is what its type says.
  return check as unknown as CheckDefinition<Options>;
}

/** Result helpers, so checks read as their verdicts. */
export const pass = (message: string, evidence: Evidence[] = []): CheckResult => ({ outcome: 'pass', message, evidence });
export const fail = (message: string, evidence: Evidence[] = []): CheckResult => ({ outcome: 'fail', message, evidence });
export const notApplicable = (message: string): CheckResult => ({ outcome: 'notApplicable', message, evidence: [] });
/** The check could not decide: a fact was not collected, a file could not be read, the check failed. */
export const error = (message: string): CheckResult => ({ outcome: 'error', message, evidence: [] });
