import { describe, expect, it } from 'vitest';
import { checkResultSchema, type CheckDefinition, type CheckResult } from '../../../collectors/checks/check.ts';
import { runCheck as runThroughRunner } from '../../../collectors/checks/run.ts';
import { checkContext, type CheckCase, type ContextInput } from '../../helpers/check-context.ts';

/*
 * Check tests run checks as the scorecard stage does, through the check runner: it is the runner
 * that makes an entity of no repository not applicable and a fact that was not collected an error,
 * so a row about either tests the check's `needs` and `precheck` together with the runner.
 */

/** Runs a check on a context built from `input`, through the check runner. */
export function runCheck(check: CheckDefinition, input: ContextInput = {}): CheckResult {
  const { options: _parsed, ...context } = checkContext(check, input);
  return runThroughRunner(check, { ...context, options: input.options ?? {} });
}

/** A table test of one check: each row runs the check and compares outcome, message and evidence; every result must fit the result schema. */
export function describeCheck(check: CheckDefinition, cases: CheckCase[]): void {
  describe(check.id, () => {
    it.each(cases)('$name → $outcome', (row) => {
      const result = checkResultSchema.parse(runCheck(check, row.input));
      expect(result.outcome, result.message).toBe(row.outcome);
      if (row.message) expect(result.message).toMatch(row.message);
      if (row.evidence) expect(result.evidence).toEqual(row.evidence);
    });
  });
}
