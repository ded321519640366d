import { describe, expect, it } from 'vitest';
import { exemptionsFileSchema } from '../../../collectors/scorecards/definition.ts';
import { annotationExemptions, centralExemptions, findExemption, type Exemption } from '../../../collectors/scorecards/exemptions.ts';
import { component, NOW } from './fixtures.ts';

describe('annotationExemptions', () => {
  it.each([
    {
      name: 'a valid exemption',
      key: 'cairn.dev/exempt.readme-present',
      value: '2026-12-31: migrating docs to the wiki',
      exemption: { checkId: 'readme-present', expires: '2026-12-31', reason: 'migrating docs to the wiki' },
    },
    {
      name: 'spaces around the parts',
      key: 'cairn.dev/exempt.ci-configured',
      value: '  2027-01-15 :  CI moves to Buildkite  ',
      exemption: { checkId: 'ci-configured', expires: '2027-01-15', reason: 'CI moves to Buildkite' },
    },
    {
      name: 'a reason containing a colon',
      key: 'cairn.dev/exempt.ci-configured',
      value: '2027-01-15: see: ticket 12',
      exemption: { checkId: 'ci-configured', expires: '2027-01-15', reason: 'see: ticket 12' },
    },
    { name: 'no reason', key: 'cairn.dev/exempt.readme-present', value: '2026-12-31:', problem: 'a reason is required' },
    { name: 'no date', key: 'cairn.dev/exempt.readme-present', value: 'until the rewrite', problem: 'expected "YYYY-MM-DD: reason"' },
    {
      name: 'a date that does not exist',
      key: 'cairn.dev/exempt.readme-present',
      value: '2026-02-30: soon',
      problem: '"2026-02-30" is not a valid date',
    },
    { name: 'no check id in the key', key: 'cairn.dev/exempt.', value: '2026-12-31: all of them', problem: 'the key must name a check id' },
    {
      name: 'a check id that is not kebab-case',
      key: 'cairn.dev/exempt.Readme_Present',
      value: '2026-12-31: x',
      problem: 'the key must name a check id',
    },
  ])('$name', ({ key, value, exemption, problem }) => {
    const entity = component('legacy-billing', { annotations: { [key]: value, 'backstage.io/techdocs-ref': 'dir:.' } });
    const result = annotationExemptions(entity);
    if (exemption) {
      expect(result.problems).toEqual([]);
      expect(result.exemptions).toEqual([
        {
          entityRef: 'component:default/legacy-billing',
          source: 'annotation',
          declaredAt: { repo: 'legacy-billing', file: 'catalog-info.yaml', line: 2 },
          ...exemption,
        },
      ]);
    } else {
      expect(result.exemptions).toEqual([]);
      expect(result.problems).toEqual([
        {
          severity: 'error',
          repo: 'legacy-billing',
          file: 'catalog-info.yaml',
          line: 2,
          entityRef: 'component:default/legacy-billing',
          message: expect.stringContaining(problem!),
        },
      ]);
      expect(result.problems[0]!.message).toContain(key);
    }
  });

  it('ignores other annotations', () => {
    expect(
      annotationExemptions(component('a', { annotations: { 'cairn.dev/owner-note': 'x', 'github.com/project-slug': 'acme/a' } })),
    ).toEqual({ exemptions: [], problems: [] });
  });
});

describe('centralExemptions', () => {
  it('resolves entity refs with Backstage defaults and keeps each entry’s line', () => {
    const parsed = exemptionsFileSchema.parse({
      exemptions: [
        { entity: 'legacy-billing', check: 'ci-configured', reason: 'Frozen', expires: '2026-12-31' },
        {
          entity: 'Component:Finance/Ledger',
          check: 'readme-present',
          scorecard: 'production-readiness',
          reason: 'Rewrite',
          expires: '2027-03-01',
        },
      ],
    });
    expect(centralExemptions(parsed, 'content/exemptions.yaml', [3, 7])).toEqual([
      {
        entityRef: 'component:default/legacy-billing',
        checkId: 'ci-configured',
        reason: 'Frozen',
        expires: '2026-12-31',
        source: 'central',
        declaredAt: { file: 'content/exemptions.yaml', line: 3 },
      },
      {
        entityRef: 'component:finance/ledger',
        checkId: 'readme-present',
        scorecard: 'production-readiness',
        reason: 'Rewrite',
        expires: '2027-03-01',
        source: 'central',
        declaredAt: { file: 'content/exemptions.yaml', line: 7 },
      },
    ]);
  });

  it.each([
    ['a date that does not exist', { entity: 'a', check: 'c', reason: 'r', expires: '2026-13-01' }],
    ['an empty reason', { entity: 'a', check: 'c', reason: '  ', expires: '2026-12-01' }],
    ['an entity that is not a ref', { entity: 'component:', check: 'c', reason: 'r', expires: '2026-12-01' }],
  ])('the file schema rejects %s', (_name, entry) => {
    expect(exemptionsFileSchema.safeParse({ exemptions: [entry] }).success).toBe(false);
  });
});

describe('findExemption', () => {
  const entityRef = 'component:default/legacy-billing';
  const exemption = (overrides: Partial<Exemption>): Exemption => ({
    entityRef,
    checkId: 'ci-configured',
    reason: 'annotation reason',
    expires: '2026-12-31',
    source: 'annotation',
    ...overrides,
  });
  const target = { entityRef, checkId: 'ci-configured', scorecard: 'production-readiness' };

  it.each([
    { name: 'none declared', exemptions: [], expected: undefined },
    {
      name: 'a valid annotation',
      exemptions: [exemption({})],
      expected: { reason: 'annotation reason', expires: '2026-12-31', expired: false, source: 'annotation' },
    },
    {
      name: 'it still holds on its expiry day',
      exemptions: [exemption({ expires: '2026-11-01' })],
      expected: { reason: 'annotation reason', expires: '2026-11-01', expired: false, source: 'annotation' },
    },
    {
      name: 'expired the day before',
      exemptions: [exemption({ expires: '2026-10-31' })],
      expected: { reason: 'annotation reason', expires: '2026-10-31', expired: true, source: 'annotation' },
    },
    {
      name: 'central beats annotation on the same date',
      exemptions: [exemption({}), exemption({ source: 'central', reason: 'central reason' })],
      expected: { reason: 'central reason', expires: '2026-12-31', expired: false, source: 'central' },
    },
    {
      name: 'the longer-lasting one wins whatever its source',
      exemptions: [exemption({ source: 'central', reason: 'central reason', expires: '2026-11-30' }), exemption({ expires: '2027-06-30' })],
      expected: { reason: 'annotation reason', expires: '2027-06-30', expired: false, source: 'annotation' },
    },
    {
      name: 'an expired central entry does not hide a valid annotation',
      exemptions: [exemption({ source: 'central', reason: 'central reason', expires: '2026-01-01' }), exemption({})],
      expected: { reason: 'annotation reason', expires: '2026-12-31', expired: false, source: 'annotation' },
    },
    { name: 'scoped to another scorecard', exemptions: [exemption({ source: 'central', scorecard: 'security' })], expected: undefined },
    {
      name: 'scoped to this scorecard, and preferred to an unscoped one on the same date',
      exemptions: [
        exemption({ source: 'central', reason: 'unscoped' }),
        exemption({ source: 'central', scorecard: 'production-readiness', reason: 'scoped' }),
      ],
      expected: { reason: 'scoped', expires: '2026-12-31', expired: false, source: 'central' },
    },
    { name: 'another check', exemptions: [exemption({ checkId: 'readme-present' })], expected: undefined },
    { name: 'another entity', exemptions: [exemption({ entityRef: 'component:default/payments' })], expected: undefined },
  ])('$name', ({ exemptions, expected }) => {
    expect(findExemption(exemptions, target, NOW)).toEqual(expected);
  });

  it('compares entity refs without case', () => {
    expect(findExemption([exemption({})], { ...target, entityRef: 'Component:default/Legacy-Billing' }, NOW)?.reason).toBe(
      'annotation reason',
    );
  });
});
