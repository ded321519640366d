import type { Facts } from '../facts/index.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import {
  checkResultSchema,
  error,
  notApplicable,
  type CheckContext,
  type CheckDefinition,
  type CheckResult,
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
 *
 * The time each check takes is added to `checkTimings()`; it never reaches the result.
 */
export function runCheck(check: CheckDefinition, input: CheckRunInput): CheckResult {
  const started = performance.now();
  try {
    return judge(check, input);
  } finally {
    recordTime(check.id, performance.now() - started);
  }
}

function judge(check: CheckDefinition, input: CheckRunInput): CheckResult {
  const options = parsedOptions(check, input.options);
  if (!options.success) return error(`Invalid options for check "${check.id}": ${options.error.issues[0]?.message ?? 'rejected'}.`);
  const context = { ...input, options: options.data };
  try {
    const result = check.precheck?.(context) ?? missingFacts(check.needs ?? [], input.entity, input.facts) ?? check.run(context);
    const parsed = checkResultSchema.safeParse(result);
    return parsed.success ? parsed.data : error(`The check "${check.id}" returned no valid result.`);
  } catch (thrown) {
    return error(`The check "${check.id}" failed to run: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
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
  return error(
    `The ${names} fact${missing.length > 1 ? 's' : ''} of repository ${entity.source.repo ?? '(unknown)'} could not be collected (its problems list says why), so this could not be checked.`,
  );
}

/** Why a check that reads repository facts does not apply to an entity declared outside any repository. */
export function noRepository(entity: CatalogEntity): string {
  return `${entity.ref} is declared in ${entity.source.file}, outside any scanned repository, so there are no repository files to check.`;
}

/** Time spent in one check since the last reset, over all its runs. */
export interface CheckTiming {
  id: string;
  runs: number;
  totalMs: number;
}

const timings = new Map<string, CheckTiming>();

function recordTime(id: string, ms: number): void {
  const timing = timings.get(id);
  if (timing) {
    timing.runs++;
    timing.totalMs += ms;
  } else {
    timings.set(id, { id, runs: 1, totalMs: ms });
  }
}

/**
 * Where the checks' time went since `resetCheckTimings`, slowest first: for the benchmark and for
 * finding a slow check, never for results or the snapshot (timings differ from run to run).
 */
export function checkTimings(): CheckTiming[] {
  return [...timings.values()].map((timing) => ({ ...timing })).sort((a, b) => b.totalMs - a.totalMs || (a.id < b.id ? -1 : 1));
}

export function resetCheckTimings(): void {
  timings.clear();
}
