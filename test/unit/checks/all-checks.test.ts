import { describe, expect, it } from 'vitest';
import { builtinChecks } from '../../../collectors/checks/builtin/index.ts';
import { checkResultSchema } from '../../../collectors/checks/check.ts';
import { entity, repoFacts, runCheck } from '../../helpers/check-context.ts';

/**
 * What every built-in check must do whatever it looks at: never throw, return a valid result, treat
 * entities outside repositories as not applicable (never a failure to fix in files that do not
 * exist), and report an uncollected fact as an error rather than as a missing file.
 */
const checks = builtinChecks.map((check) => [check.id, check] as const);

/** Checks that read only the entity, so they judge content entities too. */
const ENTITY_ONLY = new Set([
  'owner-known-group',
  'lifecycle-set',
  'system-set',
  'description-set',
  'tags-set',
  'links-set',
  'api-definition',
  'descriptor-valid',
  'recent-release',
  'docs-present',
]);

describe('every built-in check', () => {
  it.each(checks)('%s: an entity without a repository is not applicable to repository checks', (id, check) => {
    const result = checkResultSchema.parse(runCheck(check, { entity: entity({ repo: null, file: 'content/teams/a.yaml' }), facts: null }));
    if (ENTITY_ONLY.has(id)) expect(result.outcome).not.toBe('error');
    else expect(result.outcome).toBe('notApplicable');
    expect(result.message.length).toBeGreaterThan(10);
  });

  it.each(checks)('%s: facts that could not be collected are an error or not needed', (id, check) => {
    const result = checkResultSchema.parse(runCheck(check, { facts: {} }));
    if (!ENTITY_ONLY.has(id)) expect(result.outcome).toBe('error');
  });

  it.each(builtinChecks.flatMap((check) => (check.needs ?? []).map((fact) => [check.id, fact, check] as const)))(
    '%s: without its %s fact, an error naming that fact',
    (_id, fact, check) => {
      const { [fact]: _missing, ...collected } = repoFacts();
      const result = runCheck(check, { facts: collected });
      expect(result.outcome).toBe('error');
      expect(result.message).toContain(`The "${fact}" fact of repository payments could not be collected`);
    },
  );

  it.each(checks)('%s: an empty repository gives a valid verdict with a message', (_id, check) => {
    const result = checkResultSchema.parse(runCheck(check, { facts: repoFacts() }));
    expect(result.outcome).not.toBe('error');
    expect(result.message).toMatch(/\.$|\)$/);
  });

  it.each(checks)('%s: an inferred entity gives a valid verdict', (_id, check) => {
    const inferred = entity({
      inferred: true,
      metadata: { annotations: { 'cairn.dev/inferred': 'true' } },
      spec: { type: 'other', lifecycle: 'unknown', owner: 'group:default/unknown' },
    });
    const result = checkResultSchema.parse(runCheck(check, { entity: inferred, facts: repoFacts() }));
    for (const evidence of result.evidence) expect(evidence.path).not.toBe('.');
  });
});
