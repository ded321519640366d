import type { Facts } from '../facts/index.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import {
  error,
  outcomeSchema,
  notApplicable,
  type CheckContext,
  type CheckDefinition,
  type CheckResult,
  type Evidence,
  type FactId,
} from './check.ts';

/** One check's run on one entity: the context a check sees, with the options as a scorecard gives them. */
export interface CheckRunInput extends Omit<CheckContext<unknown>, 'options'> {
  /** Unparsed: the check's schema fills in defaults, and options it rejects are an `error`. */
  options: Record<string, unknown>;
}

/**
 * Runs one check on one entity, answering what every check would otherwise answer itself:
 *
 * - options the check rejects are outcome `error`;
 * - `precheck`, when the check has one, may settle the verdict from the entity alone;
 * - a check that needs facts does not apply to an entity of no repository, and is an `error`
 *   (naming the facts) when a needed fact was not collected: never mistaken for a missing file;
 * - a check that throws, or returns something that is not a result, is an `error` for this entity only.
 */
export function runCheck(check: CheckDefinition, input: CheckRunInput): CheckResult {
  const options = parsedOptions(check, input.options);
  if (!options.success) return error(`Invalid options for check "${check.id}": ${options.error.issues[0]?.message ?? 'rejected'}.`);
  const context = { ...input, options: options.data };
  try {
    const result = check.precheck?.(context) ?? missingFacts(check.needs ?? [], input.entity, input.facts) ?? check.run(context);
    return asResult(result) ?? error(`The check "${check.id}" returned no valid result.`);
  } catch (thrown) {
    return error(`The check "${check.id}" failed to run: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
}

const OUTCOMES: ReadonlySet<unknown> = new Set(outcomeSchema.options);

/**
 * The result a check returned, with nothing else on it, or undefined when it is not one: what
 * `checkResultSchema` accepts, checked by hand because every entity runs every check and the
 * schema's parse was a tenth of a warm run's evaluation.
 */
function asResult(value: unknown): CheckResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { outcome, message, evidence } = value as Partial<CheckResult>;
  if (!OUTCOMES.has(outcome) || typeof message !== 'string' || !Array.isArray(evidence) || !evidence.every(isEvidence)) return undefined;
  return { outcome: outcome!, message, evidence };
}

function isEvidence(value: unknown): value is Evidence {
  if (typeof value !== 'object' || value === null) return false;
  const { path, line, note } = value as Partial<Evidence>;
  return (
    typeof path === 'string' &&
    (line === undefined || (Number.isInteger(line) && line > 0)) &&
    (note === undefined || typeof note === 'string')
  );
}

const parsedOptionsByCheck = new WeakMap<CheckDefinition, WeakMap<object, ReturnType<CheckDefinition['options']['safeParse']>>>();

/**
 * A check's options parsed once per scorecard entry, not once per entity: every entity a scorecard
 * scores is given the same options object, and parsing them has no other effect.
 */
function parsedOptions(check: CheckDefinition, options: Record<string, unknown>) {
  let byOptions = parsedOptionsByCheck.get(check);
  if (!byOptions) parsedOptionsByCheck.set(check, (byOptions = new WeakMap()));
  let parsed = byOptions.get(options);
  if (!parsed) byOptions.set(options, (parsed = check.options.safeParse(options)));
  return parsed;
}

/** The verdict when facts a check needs are not there, or undefined when they all are. */
function missingFacts(needs: readonly FactId[], entity: CatalogEntity, facts: Facts | undefined): CheckResult | undefined {
  if (needs.length === 0) return undefined;
  if (!facts) return notApplicable(noRepository(entity));
  // Own properties only: a fact id is a plain key, never one an object inherits.
  const missing = needs.filter((id) => !Object.hasOwn(facts, id) || facts[id] === undefined);
  if (missing.length === 0) return undefined;
  const names = missing.map((id) => `"${id}"`).join(', ');
  // The descriptors are the declaring repository's; every other fact is its code's (code-repo.ts).
  const repo = missing.every((id) => id === 'descriptors') ? entity.source.repo : (entity.codeRepo ?? entity.source.repo);
  return error(
    `The ${names} fact${missing.length > 1 ? 's' : ''} of repository ${repo ?? '(unknown)'} could not be collected (its problems list says why), so this could not be checked.`,
  );
}

/** Why a check that reads repository facts does not apply to an entity declared outside any repository. */
export function noRepository(entity: CatalogEntity): string {
  return `${entity.ref} is declared in ${entity.source.file}, outside any scanned repository, so there are no repository files to check.`;
}
