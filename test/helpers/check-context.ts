import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkResultSchema, type CheckContext, type CheckDefinition, type CheckResult } from '../../collectors/checks/check.ts';
import type { Facts } from '../../collectors/facts/index.ts';
import { runCheck as runThroughRunner } from '../../collectors/checks/run.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { entity } from './entity.ts';

export { entity, type EntityInput } from './entity.ts';

/** The run time of every check test, so "within N days" tables read as dates. */
export const NOW = new Date('2026-06-01T00:00:00Z');

/** Facts of an empty but healthy-to-read repository: every retriever ran and found nothing. Override what a test is about. */
export function repoFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    head: null,
    activity: { since: '2026-03-03T00:00:00.000Z', commits: 0, authors: 0 },
    releases: [],
    descriptors: { files: [], documents: [] },
    files: [],
    largeFiles: [],
    languages: [],
    manifests: [],
    readme: null,
    license: null,
    codeowners: null,
    ci: [],
    workflows: [],
    dockerfiles: [],
    docs: { pages: [] },
    securityPolicy: null,
    securityLinters: [],
    dependabot: null,
    secrets: [],
    ...overrides,
  };
}

/** Facts whose `files` are these paths (the common case for file-presence checks). */
export function withFiles(files: string[], overrides: Partial<Facts> = {}): Facts {
  return repoFacts({ files: [...files].sort(), ...overrides });
}

export interface ContextInput {
  entity?: CatalogEntity;
  /** `undefined` gives `repoFacts()`; `null` an entity without a repository. */
  facts?: Facts | null;
  /** Entities the catalog lookup knows, besides the checked one. */
  catalog?: CatalogEntity[];
  options?: Record<string, unknown>;
  now?: Date;
}

/** A CheckContext with defaults; options are parsed by the check's own schema, as the scorecard stage does. */
export function checkContext<O extends z.ZodType>(check: CheckDefinition<O>, input: ContextInput = {}): CheckContext<z.infer<O>> {
  const subject = input.entity ?? entity();
  const known = new Map([subject, ...(input.catalog ?? [])].map((item) => [item.ref, item]));
  return {
    entity: subject,
    facts: input.facts === null ? undefined : (input.facts ?? repoFacts()),
    catalog: { get: (ref) => known.get(ref) },
    options: check.options.parse(input.options ?? {}),
    now: input.now ?? NOW,
  };
}

/**
 * Runs a check on a context built from `input` as the scorecard stage does, through the check
 * runner: it is the runner that makes an entity of no repository not applicable and a fact that was
 * not collected an error, so a row about either tests the check's `needs` and `precheck` with it.
 */
export function runCheck(check: CheckDefinition, input: ContextInput = {}): CheckResult {
  const { options: _parsed, ...context } = checkContext(check, input);
  return runThroughRunner(check, { ...context, options: input.options ?? {} });
}

/** One row of a check's table test: the context in, the outcome (and optionally message and evidence) out. */
export interface CheckCase {
  name: string;
  input?: ContextInput;
  outcome: CheckResult['outcome'];
  /** A pattern, or text the message must contain. */
  message?: RegExp | string;
  evidence?: CheckResult['evidence'];
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
