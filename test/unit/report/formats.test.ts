import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import type { ScorecardResult, ScoredCheck } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { githubSarifViolations } from '../../helpers/github-sarif-rules.ts';
import type { CheckReport } from '../../../scripts/cli/report/model.ts';
import { compareResults, hasChanges } from '../../../scripts/cli/report/compare.ts';
import { failingProblems, type FailOnProblems } from '../../../scripts/cli/collection-options.ts';
import { formatSarif } from '../../../scripts/cli/report/sarif.ts';
import { checks, entity, failingResult, fixedResult, report, result, scorecard, scored } from './report-fixture.ts';

const failing = failingResult;
const fixed = fixedResult;

describe('compareResults', () => {
  it.each([
    {
      name: 'a level up with checks newly passing',
      before: [failing],
      after: [fixed],
      direction: 1,
      newlyPassing: ['actions-pinned', 'changelog-present'],
      newlyFailing: [],
    },
    {
      name: 'a level down with checks newly failing',
      before: [fixed],
      after: [failing],
      direction: -1,
      newlyPassing: [],
      newlyFailing: ['actions-pinned', 'changelog-present'],
    },
    { name: 'no change', before: [fixed], after: [fixed], direction: 0, newlyPassing: [], newlyFailing: [] },
    {
      name: 'an entity new in the working tree',
      before: [],
      after: [failing],
      direction: 1,
      newlyPassing: ['readme-present'],
      newlyFailing: ['actions-pinned', 'changelog-present'],
    },
    { name: 'an entity removed', before: [fixed], after: [], direction: -1, newlyPassing: [], newlyFailing: [] },
  ])('$name', ({ before, after, direction, newlyPassing, newlyFailing }) => {
    const [change] = compareResults('main', before, after, [scorecard]).changes;
    expect(change).toMatchObject({
      entityRef: 'component:default/orders',
      scorecard: 'production-readiness',
      direction,
      newlyPassing,
      newlyFailing,
    });
  });

  it('says when nothing changed', () => {
    expect(hasChanges(compareResults('main', [fixed], [fixed], [scorecard]))).toBe(false);
    expect(hasChanges(compareResults('main', [failing], [fixed], [scorecard]))).toBe(true);
  });
});

describe('formatSarif', () => {
  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    partialFingerprints: { primaryLocationLineHash: string };
  }
  interface SarifRun {
    tool: {
      driver: {
        rules: Array<{
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration?: { level: string };
          help: { text: string; markdown?: string };
          properties: Record<string, unknown>;
        }>;
      };
    };
    results: SarifResult[];
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ associatedRule?: unknown }> }>;
  }
  const withSeverity = (id: string, severity: CheckMetadata['severity']) =>
    new Map([...checks].map(([checkId, metadata]) => [checkId, checkId === id ? { ...metadata, severity } : metadata]));
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const validateSchema = async (log: unknown) => {
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(
      JSON.parse(await readFile(schemaPath, 'utf8')),
    );
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  };
  /** SARIF of a report, checked against the OASIS schema and GitHub's upload rules before any test looks at it. */
  const sarifOf = async (checkReport: CheckReport, exists?: (path: string) => boolean) => {
    const log = JSON.parse(formatSarif(checkReport, { version: '0.1.0', ...(exists ? { exists } : {}) }));
    await validateSchema(log);
    expect(githubSarifViolations(log)).toEqual([]);
    return log.runs[0] as SarifRun;
  };
  const where = (sarifResult: SarifResult) =>
    sarifResult.locations?.map((place) => `${place.physicalLocation.artifactLocation.uri}:${place.physicalLocation.region.startLine}`);
  const fingerprintOf = async (checkReport: CheckReport) =>
    (await sarifOf(checkReport)).results.map((sarifResult) => sarifResult.partialFingerprints.primaryLocationLineHash);

  it('is valid SARIF 2.1.0 that GitHub accepts, with results located by path and line', async () => {
    const exempt = scored('changelog-present', 'fail', {
      effective: 'pass',
      exemption: { reason: 'Vendored', expires: '2099-01-01', expired: false, source: 'central' },
    });
    const run = await sarifOf(report([result([scored('readme-present', 'pass'), exempt, failing.checks[2]!], 'bronze')]));
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['actions-pinned', 'changelog-present', 'readme-present']);
    expect(run.results).toHaveLength(2);
    expect(run.results[1]).toMatchObject({
      ruleId: 'actions-pinned',
      level: 'warning',
      locations: [
        { physicalLocation: { artifactLocation: { uri: '.github/workflows/ci.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } } },
      ],
    });
    // A failure without evidence points at the entity's descriptor; an exempt one is suppressed.
    expect(run.results[0]).toMatchObject({
      ruleId: 'changelog-present',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'catalog-info.yaml' }, region: { startLine: 1 } } }],
      suppressions: [{ kind: 'external', justification: 'Vendored (until 2099-01-01)' }],
    });
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it.each<[string, CheckMetadata['severity'], ScoredCheck['outcome'], string]>([
    ['an error check that fails', 'error', 'fail', 'error'],
    ['a warning check that fails', 'warning', 'fail', 'warning'],
    ['a note check that fails', 'note', 'fail', 'note'],
    ['an error check that could not run', 'error', 'error', 'warning'],
    ['a note check that could not run', 'note', 'error', 'warning'],
  ])('gives %s (severity %s, outcome %s) the level %s', async (_case, severity, outcome, level) => {
    const run = await sarifOf(
      report([result([scored('readme-present', outcome)], null)], { checks: withSeverity('readme-present', severity) }),
    );
    expect(run.results.map((sarifResult) => sarifResult.level)).toEqual([level]);
    expect(run.tool.driver.rules.find((rule) => rule.id === 'readme-present')?.defaultConfiguration).toEqual({ level: severity });
  });

  it('says so when a check could not run', async () => {
    const run = await sarifOf(report([result([scored('readme-present', 'error', { message: 'Timed out.' })], null)]));
    expect(run.results[0]!.message.text).toBe(
      'component:default/orders: the check could not run: Timed out. Needed for Production readiness Bronze.',
    );
  });

  describe('one result per entity and check, however many scorecards count it', () => {
    const security = {
      ...scorecard,
      id: 'security',
      title: 'Security',
      levels: [{ id: 'bronze', checks: [{ id: 'actions-pinned', weight: 1, options: {} }] }],
    };
    const pinned = (scorecardId: string, extra: Partial<ScoredCheck> = {}) =>
      result(
        [
          scored('actions-pinned', 'fail', {
            level: scorecardId === 'security' ? 'bronze' : 'silver',
            message: 'Not pinned.',
            evidence: [{ path: '.github/workflows/ci.yml', line: 12 }],
            ...extra,
          }),
        ],
        null,
        { scorecard: scorecardId },
      );

    it('names every scorecard and level in its message', async () => {
      const run = await sarifOf(report([pinned('production-readiness'), pinned('security')], { scorecards: [scorecard, security] }));
      expect(run.results.map((sarifResult) => [sarifResult.ruleId, sarifResult.message.text, where(sarifResult)])).toEqual([
        [
          'actions-pinned',
          'component:default/orders: Not pinned. Needed for Production readiness Silver, Security Bronze.',
          ['.github/workflows/ci.yml:12'],
        ],
      ]);
    });

    it('does not name the entity twice when its message starts with it', async () => {
      const run = await sarifOf(
        report([pinned('production-readiness', { message: 'component:default/orders is inferred by Cairn' })], { scorecards: [scorecard] }),
      );
      expect(run.results.map((sarifResult) => sarifResult.message.text)).toEqual([
        'component:default/orders is inferred by Cairn. Needed for Production readiness Silver.',
      ]);
    });

    it('says what each scorecard found when their verdicts differ, pointing at every place', async () => {
      const strict = pinned('security', {
        message: 'Two actions are not pinned',
        evidence: [
          { path: '.github/workflows/ci.yml', line: 12 },
          { path: '.github/workflows/release.yml', line: 3 },
        ],
      });
      const run = await sarifOf(report([pinned('production-readiness'), strict], { scorecards: [scorecard, security] }));
      expect(run.results.map((sarifResult) => [sarifResult.message.text, where(sarifResult)])).toEqual([
        [
          'component:default/orders: For Production readiness Silver: Not pinned. For Security Bronze: Two actions are not pinned.',
          ['.github/workflows/ci.yml:12', '.github/workflows/release.yml:3'],
        ],
      ]);
    });

    it('is suppressed only when no scorecard counts it as failing', async () => {
      const exemption = { reason: 'Vendored', expires: '2099-01-01', expired: false, source: 'central' as const };
      const exempt = (scorecardId: string) => pinned(scorecardId, { effective: 'pass', exemption });
      const both = await sarifOf(report([exempt('production-readiness'), exempt('security')], { scorecards: [scorecard, security] }));
      expect(both.results.map((sarifResult) => 'suppressions' in sarifResult)).toEqual([true]);
      const one = await sarifOf(report([exempt('production-readiness'), pinned('security')], { scorecards: [scorecard, security] }));
      expect(one.results.map((sarifResult) => 'suppressions' in sarifResult)).toEqual([false]);
    });
  });

  it('says in the run whether the gate passes, and why not', async () => {
    const run = (await sarifOf(
      report([failing], {
        gate: {
          name: 'regression',
          failures: ['component:default/orders on Production readiness: actions-pinned passed on main and fails now.'],
        },
      }),
    )) as SarifRun & { properties: Record<string, unknown> };
    expect(run.properties).toEqual({
      standards: "the portal's standards from portal.yaml",
      gate: {
        name: 'regression',
        passes: false,
        failures: ['component:default/orders on Production readiness: actions-pinned passed on main and fails now.'],
      },
    });
    const without = (await sarifOf(report([failing]))) as SarifRun & { properties: Record<string, unknown> };
    expect(without.properties).not.toHaveProperty('gate');
  });

  it('describes each rule as GitHub shows and ranks it, linking the check page when the portal is known', async () => {
    const securityChecks = new Map(
      [...withSeverity('readme-present', 'error')].map(([id, metadata]) => [
        id,
        id === 'readme-present' ? { ...metadata, category: 'security' as const } : metadata,
      ]),
    );
    const run = await sarifOf(report([failing], { checks: securityChecks, portalUrl: 'https://portal.example/' }));
    const [pinned, changelog, readme] = run.tool.driver.rules;
    expect(readme).toMatchObject({
      id: 'readme-present',
      name: 'ReadmePresent',
      helpUri: 'https://portal.example/checks/readme-present/',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security'], precision: 'high', 'security-severity': '7.5' },
    });
    expect(readme!.properties).not.toHaveProperty(['problem.severity']);
    expect(changelog).toMatchObject({ properties: { tags: ['docs'], precision: 'high', 'problem.severity': 'warning' } });
    expect(changelog!.properties).not.toHaveProperty('security-severity');
    expect(pinned!.help.markdown).toBe(
      '**Why it matters**\n\nBecause.\n\n**How to fix**\n\nAdd the thing for Actions pinned to commit SHAs.\n\nMore detail.\n\n[The check on the portal](https://portal.example/checks/actions-pinned/)',
    );
    const unknownPortal = await sarifOf(report([failing]));
    expect(unknownPortal.tool.driver.rules[0]).not.toHaveProperty('helpUri');
    expect(unknownPortal.tool.driver.rules[0]!.help.markdown).not.toContain('portal');
  });

  it('cuts descriptions to the length GitHub displays', async () => {
    const long = new Map(
      [...checks].map(([id, metadata]) => [id, { ...metadata, title: 'T'.repeat(1500), description: 'D'.repeat(2000) }]),
    );
    const [rule] = (await sarifOf(report([failing], { checks: long }))).tool.driver.rules;
    expect([...rule!.fullDescription.text]).toHaveLength(1024);
    expect(rule!.shortDescription.text.endsWith('T…')).toBe(true);
  });

  it.each<[CheckMetadata['severity'], string]>([
    ['error', '7.5'],
    ['warning', '5.0'],
    ['note', '2.0'],
  ])('scores a security check of severity %s as %s', async (severity, score) => {
    const checks = new Map([
      ['readme-present', { ...withSeverity('readme-present', severity).get('readme-present')!, category: 'security' as const }],
    ]);
    const run = await sarifOf(report([result([scored('readme-present', 'fail')], null)], { checks }));
    expect(run.tool.driver.rules[0]!.properties['security-severity']).toBe(score);
  });

  it('reports every problem as a result at its file and line, levelled by severity, and one with no file as a notification', async () => {
    const problems = [
      {
        severity: 'error' as const,
        repo: 'orders',
        file: 'catalog-info.yaml',
        line: 7,
        message: 'YAML error in catalog-info.yaml: unexpected end.',
      },
      { severity: 'warning' as const, repo: 'orders', file: '.github/workflows/ci.yml', line: 3, message: 'Could not read workflow.' },
      {
        severity: 'warning' as const,
        repo: 'orders',
        file: 'gone/catalog-info.yaml',
        line: 2,
        entityRef: 'component:default/orders',
        message: 'Location target matches no file.',
      },
      { severity: 'error' as const, repo: 'orders', message: 'No file at all.' },
    ];
    const run = await sarifOf(report([failing], { problems }), (path) => path !== 'gone/catalog-info.yaml');
    const rules = run.tool.driver.rules.map((rule) => rule.id);
    expect(rules).toEqual([
      'actions-pinned',
      'changelog-present',
      'readme-present',
      'cairn/configuration-problem',
      'cairn/descriptor-problem',
    ]);
    const located = run.results.filter((sarifResult) => sarifResult.ruleId.startsWith('cairn/'));
    expect(located.map((sarifResult) => [sarifResult.ruleId, sarifResult.level, rules[sarifResult.ruleIndex], where(sarifResult)])).toEqual(
      [
        ['cairn/descriptor-problem', 'error', 'cairn/descriptor-problem', ['catalog-info.yaml:7']],
        ['cairn/configuration-problem', 'warning', 'cairn/configuration-problem', ['.github/workflows/ci.yml:3']],
        // A file that is not there is not pointed at: the entity's descriptor is.
        ['cairn/descriptor-problem', 'warning', 'cairn/descriptor-problem', ['catalog-info.yaml:1']],
      ],
    );
    // GitHub rejects a whole upload with one result that has no location: this one is a notification.
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'No file at all.' }, associatedRule: { id: 'cairn/configuration-problem', index: 3 } },
        ],
      },
    ]);
  });

  describe('points only at files that are there', () => {
    const inferred: CatalogEntity = {
      ...entity,
      ref: 'component:default/billing',
      metadata: { name: 'billing', namespace: 'default' },
      source: { repo: 'orders', file: '.', line: 1 },
      inferred: true,
    };
    const evidence = [
      { path: 'deleted.yml', line: 4 },
      { path: '.github/workflows/ci.yml', line: 12 },
      { path: '.github/workflows/ci.yml', line: 12, note: 'the same place again' },
      { path: 'docs/index.md' },
    ];
    it.each<[string, ScoredCheck['evidence'], CatalogEntity, (path: string) => boolean, string[] | undefined]>([
      [
        'the evidence that exists, once each, a file without a line from its first',
        evidence,
        entity,
        (path) => path !== 'deleted.yml',
        ['.github/workflows/ci.yml:12', 'docs/index.md:1'],
      ],
      ['the descriptor when no evidence exists', evidence, entity, (path) => path === 'catalog-info.yaml', ['catalog-info.yaml:1']],
      ['the descriptor when there is no evidence', [], entity, () => true, ['catalog-info.yaml:1']],
      ['nothing when the descriptor is not there either', evidence, entity, () => false, undefined],
      ['the README, for an inferred entity without evidence', [], inferred, () => true, ['README.md:1']],
      ['nothing for an inferred entity without evidence or README', [], inferred, (path: string) => !/^readme/i.test(path), undefined],
      [
        'never an absolute path, a URL or a path out of the repository',
        [{ path: '/etc/passwd' }, { path: '../secret' }, { path: 'https://evil.example/x' }, { path: 'C:\\x' }],
        inferred,
        (path: string) => !/^readme/i.test(path),
        undefined,
      ],
    ])('%s', async (_case, places, owner, exists, expected) => {
      const checkReport = report([result([scored('readme-present', 'fail', { evidence: places })], null, { entityRef: owner.ref })], {
        entities: [owner],
      });
      const run = await sarifOf(checkReport, exists);
      expect(run.results.map(where)[0]).toEqual(expected);
      const notified = run.invocations[0]!.toolExecutionNotifications ?? [];
      expect(notified.map((notification) => notification.associatedRule)).toEqual(expected ? [] : [{ id: 'readme-present', index: 0 }]);
    });
  });

  it('encodes every path segment, so a file name cannot add a query, a fragment or a folder', async () => {
    const run = await sarifOf(
      report([result([scored('readme-present', 'fail', { evidence: [{ path: 'docs/a b#c?d%e.md', line: 2 }] })], null)]),
    );
    expect(where(run.results[0]!)).toEqual(['docs/a%20b%23c%3Fd%25e.md:2']);
  });

  describe('fingerprints', () => {
    const one = (extra: Partial<ScoredCheck>, resultExtra: Partial<ScorecardResult> = {}) =>
      report([result([scored('changelog-present', 'fail', extra)], null, resultExtra)]);

    it('are 32 hex characters that carry no repository text', async () => {
      const [print] = await fingerprintOf(one({ message: 'orders has no CHANGELOG' }));
      expect(print).toMatch(/^[0-9a-f]{32}$/);
    });

    it.each<[string, Partial<ScoredCheck>]>([
      ['another message', { message: 'No CHANGELOG.md in 14 files' }],
      ['evidence at another line', { evidence: [{ path: 'catalog-info.yaml', line: 30 }] }],
      ['evidence in another file', { evidence: [{ path: 'docs/changes.md' }] }],
    ])('stay the same for the same check of the same entity with %s', async (_case, change) => {
      expect(await fingerprintOf(one(change))).toEqual(await fingerprintOf(one({})));
    });

    it.each<[string, CheckReport]>([
      ['another check', report([result([scored('readme-present', 'fail')], null)])],
      ['another entity', one({}, { entityRef: 'component:default/billing' })],
    ])('differ for %s', async (_case, other) => {
      expect(await fingerprintOf(other)).not.toEqual(await fingerprintOf(one({})));
    });

    it('stay the same whichever scorecards count the check', async () => {
      const both = report([
        result([scored('changelog-present', 'fail')], null),
        result([scored('changelog-present', 'fail')], null, { scorecard: 'security' }),
      ]);
      expect(await fingerprintOf(both)).toEqual(await fingerprintOf(one({})));
      expect(await fingerprintOf(one({}, { scorecard: 'security' }))).toEqual(await fingerprintOf(one({})));
    });

    const problem = (message: string, line: number, file = 'catalog-info.yaml') => ({
      severity: 'error' as const,
      repo: 'orders',
      file,
      line,
      message,
    });
    const problemPrints = async (...problems: Problem[]) => fingerprintOf(report([], { problems }));

    it('of a problem ignore its line and the numbers in its message', async () => {
      expect(await problemPrints(problem('Line 7: unexpected end.', 7))).toEqual(
        await problemPrints(problem('Line 12: unexpected end.', 12)),
      );
      expect(await problemPrints(problem('Line 7: unexpected end.', 7))).not.toEqual(
        await problemPrints(problem('Line 7: unexpected end.', 7, 'other/catalog-info.yaml')),
      );
    });

    it('stay unique when two findings share an identity', async () => {
      const prints = await problemPrints(problem('Duplicate key at line 3.', 3), problem('Duplicate key at line 9.', 9));
      expect(new Set(prints).size).toBe(2);
    });
  });

  it('stays within GitHub rules on a monorepo with several entities, scorecards and problems', async () => {
    const billing: CatalogEntity = {
      ...entity,
      ref: 'component:default/billing',
      metadata: { name: 'billing', namespace: 'default' },
      source: { repo: 'orders', file: 'billing/catalog-info.yaml', line: 1 },
    };
    const docsSite: CatalogEntity = {
      ...entity,
      ref: 'component:default/docs-site',
      metadata: { name: 'docs-site', namespace: 'default' },
      source: { repo: 'orders', file: '.', line: 1 },
      inferred: true,
    };
    const everyCheck = (entityRef: string, scorecardId: string) =>
      result(
        [
          scored('readme-present', 'fail', { evidence: [] }),
          scored('changelog-present', 'error', { message: 'Could not list the files.' }),
          scored('actions-pinned', 'fail', {
            evidence: Array.from({ length: 40 }, (_, index) => ({ path: `.github/workflows/w${index}.yml`, line: index + 1 })),
          }),
        ],
        null,
        { entityRef, scorecard: scorecardId },
      );
    const results = [entity, billing, docsSite].flatMap((owner) =>
      ['production-readiness', 'security'].map((id) => everyCheck(owner.ref, id)),
    );
    const problems: Problem[] = [
      {
        severity: 'error',
        repo: 'orders',
        file: 'billing/catalog-info.yaml',
        line: 14,
        entityRef: billing.ref,
        message: 'spec.owner is required.',
      },
      { severity: 'warning', repo: 'orders', file: 'CODEOWNERS', line: 2, message: 'Unknown owner @ghost.' },
      { severity: 'warning', repo: 'orders', message: 'The docs site configuration could not be read.' },
    ];
    const run = await sarifOf(
      report(results, { entities: [entity, billing, docsSite], problems, portalUrl: 'https://portal.example/' }),
      (path) => !path.includes('w3'),
    );
    expect(run.results.length).toBeGreaterThan(10);
    expect(Math.max(...run.results.map((sarifResult) => sarifResult.locations?.length ?? 0))).toBe(10);
    expect(new Set(run.results.map((sarifResult) => sarifResult.partialFingerprints.primaryLocationLineHash)).size).toBe(
      run.results.length,
    );
    // The problem without a file; the inferred entity's checks without evidence are at its README, once each.
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
    expect(
      run.results.filter((sarifResult) => sarifResult.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'README.md'),
    ).toHaveLength(2);
    expect(run.results.filter((sarifResult) => !sarifResult.ruleId.startsWith('cairn/'))).toHaveLength(3 * 3);
  });
});

describe('failingProblems', () => {
  const problems = [
    { severity: 'error' as const, message: 'e' },
    { severity: 'warning' as const, message: 'w' },
  ];
  it.each<[FailOnProblems, string[]]>([
    ['error', ['e']],
    ['warning', ['e', 'w']],
    ['never', []],
  ])('--fail-on-problems %s fails on %j', (failOn, expected) => {
    expect(failingProblems(problems, failOn).map((problem) => problem.message)).toEqual(expected);
  });
});
