import { describe, expect, it } from 'vitest';
import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import type { ScoredCheck } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { formatCodeClimate, type CodeQualityIssue } from '../../../scripts/cli/report/codeclimate.ts';
import type { CheckReport } from '../../../scripts/cli/report/model.ts';
import { checks, entity, report, result, scored } from './report-fixture.ts';

const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

/**
 * What GitLab requires of a Code Quality report ("Code Quality report format",
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON array without
 * a byte order mark, each issue with a description, a check name, its own fingerprint, a known
 * severity, a relative path and a begin line. Cairn adds: descriptions are one line of plain text.
 */
function codeQualityViolations(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) return ['starts with a byte order mark'];
  const issues: unknown = JSON.parse(text);
  if (!Array.isArray(issues)) return ['not a JSON array'];
  const fingerprints = new Set<string>();
  return issues.flatMap((issue: CodeQualityIssue, index) => {
    const where = `issues[${index}]`;
    const violations: string[] = [];
    if (typeof issue.description !== 'string' || issue.description.trim() === '') violations.push(`${where}.description: required`);
    else if (/[\n\r\t\u0000-\u001f\u007f-\u009f]/.test(issue.description))
      violations.push(`${where}.description: not one line of plain text`);
    if (typeof issue.check_name !== 'string' || issue.check_name === '') violations.push(`${where}.check_name: required`);
    if (typeof issue.fingerprint !== 'string' || issue.fingerprint === '') violations.push(`${where}.fingerprint: required`);
    else if (fingerprints.has(issue.fingerprint)) violations.push(`${where}.fingerprint: not unique`);
    else fingerprints.add(issue.fingerprint);
    if (!SEVERITIES.includes(issue.severity)) violations.push(`${where}.severity: one of ${SEVERITIES.join(', ')}`);
    const path = issue.location?.path;
    if (typeof path !== 'string' || path === '' || path.startsWith('/') || path.split('/').includes('..'))
      violations.push(`${where}.location.path: a path relative to the repository`);
    const begin = issue.location?.lines?.begin;
    if (!Number.isInteger(begin) || begin < 1) violations.push(`${where}.location.lines.begin: a line number from 1`);
    return violations;
  });
}

/** The report's Code Quality issues, after checking each against GitLab's requirements. */
function issuesOf(checkReport: CheckReport, exists?: (path: string) => boolean): CodeQualityIssue[] {
  const text = formatCodeClimate(checkReport, exists ? { exists } : {});
  expect(codeQualityViolations(text)).toEqual([]);
  return JSON.parse(text);
}

const withSeverity = (severity: CheckMetadata['severity']) => new Map([...checks].map(([id, metadata]) => [id, { ...metadata, severity }]));
const oneCheck = (check: ScoredCheck, extra: Partial<CheckReport> = {}) => report([result([check], null)], extra);
const at = (issue: CodeQualityIssue) => `${issue.location.path}:${issue.location.lines.begin}`;

describe('codeQualityViolations', () => {
  const valid = {
    description: 'd',
    check_name: 'c',
    fingerprint: 'f',
    severity: 'minor',
    location: { path: 'a.yaml', lines: { begin: 1 } },
  };
  it.each<[string, unknown, string]>([
    ['no description', [{ ...valid, description: '' }], 'description: required'],
    ['a description on two lines', [{ ...valid, description: 'a\nb' }], 'not one line of plain text'],
    ['no check name', [{ ...valid, check_name: undefined }], 'check_name: required'],
    ['no fingerprint', [{ ...valid, fingerprint: '' }], 'fingerprint: required'],
    ['a fingerprint twice', [valid, valid], 'fingerprint: not unique'],
    ['an unknown severity', [{ ...valid, severity: 'error' }], 'severity: one of'],
    ['an absolute path', [{ ...valid, location: { path: '/etc/passwd', lines: { begin: 1 } } }], 'location.path'],
    ['no line', [{ ...valid, location: { path: 'a.yaml' } }], 'location.lines.begin'],
    ['an object, not an array', valid, 'not a JSON array'],
  ])('catches %s', (_case, issues, violation) => {
    expect(codeQualityViolations(JSON.stringify(issues)).join('\n')).toContain(violation);
  });

  it('catches a byte order mark', () => {
    expect(codeQualityViolations(`\uFEFF${JSON.stringify([valid])}`)).toEqual(['starts with a byte order mark']);
  });
});

describe('formatCodeClimate', () => {
  it('is an empty array when nothing fails', () => {
    expect(formatCodeClimate(report([result([scored('readme-present', 'pass')], 'bronze')]))).toBe('[]\n');
  });

  it.each<[string, CheckMetadata['severity'], ScoredCheck['outcome'], string]>([
    ['an error check that fails', 'error', 'fail', 'major'],
    ['a warning check that fails', 'warning', 'fail', 'minor'],
    ['a note check that fails', 'note', 'fail', 'info'],
    ['an error check that could not run', 'error', 'error', 'minor'],
  ])('gives %s (severity %s, outcome %s) the severity %s', (_case, severity, outcome, expected) => {
    expect(
      issuesOf(oneCheck(scored('readme-present', outcome), { checks: withSeverity(severity) })).map((issue) => issue.severity),
    ).toEqual([expected]);
  });

  it.each<[Problem['severity'], string]>([
    ['error', 'critical'],
    ['warning', 'minor'],
  ])('gives a problem of severity %s the severity %s', (severity, expected) => {
    const problems: Problem[] = [{ severity, repo: 'orders', file: 'catalog-info.yaml', line: 3, message: 'Bad.' }];
    expect(issuesOf(report([], { problems })).map((issue) => [issue.check_name, issue.severity, at(issue)])).toEqual([
      ['cairn/descriptor-problem', expected, 'catalog-info.yaml:3'],
    ]);
  });

  it.each<[string, ScoredCheck, string[]]>([
    ['a failing check', scored('readme-present', 'fail'), ['cairn/readme-present']],
    ['a passing check', scored('readme-present', 'pass'), []],
    ['a check that does not apply', scored('readme-present', 'notApplicable'), []],
    [
      'an exempt check',
      scored('readme-present', 'fail', {
        effective: 'pass',
        exemption: { reason: 'Archived', expires: '2099-01-01', expired: false, source: 'annotation' },
      }),
      [],
    ],
    [
      'a check whose exemption expired',
      scored('readme-present', 'fail', { exemption: { reason: 'Archived', expires: '2020-01-01', expired: true, source: 'central' } }),
      ['cairn/readme-present'],
    ],
  ])('reports %s as %j', (_case, check, expected) => {
    expect(issuesOf(oneCheck(check)).map((issue) => issue.check_name)).toEqual(expected);
  });

  describe('points at an existing file, as GitLab requires a location', () => {
    const inferred: CatalogEntity = { ...entity, source: { repo: 'orders', file: '.', line: 1 }, inferred: true };
    const evidence = [
      { path: 'deleted.yml', line: 4 },
      { path: '.github/workflows/ci.yml', line: 12 },
    ];
    it.each<[string, ScoredCheck['evidence'], CatalogEntity, ((path: string) => boolean) | undefined, string]>([
      ['the first evidence that exists', evidence, entity, (path) => path !== 'deleted.yml', '.github/workflows/ci.yml:12'],
      ['evidence without a line from its first', [{ path: 'docs/index.md' }], entity, () => true, 'docs/index.md:1'],
      ['the descriptor when no evidence exists', evidence, entity, (path) => path === 'catalog-info.yaml', 'catalog-info.yaml:1'],
      [
        'the README when the descriptor is not there either',
        evidence,
        entity,
        (path) => path === 'README' || path === 'README.rst',
        'README:1',
      ],
      ['the README of an inferred entity without evidence', [], inferred, (path) => path === 'README.md', 'README.md:1'],
      ['the repository root when no file is there', [], inferred, () => false, '.:1'],
      ['the repository root, guessing no README, when no one says which files exist', [], inferred, undefined, '.:1'],
      [
        'never a path out of the repository',
        [{ path: '../secret', line: 2 }, { path: '/etc/passwd' }],
        inferred,
        () => true,
        'README.md:1',
      ],
    ])('%s', (_case, places, owner, exists, expected) => {
      expect(
        issuesOf(report([result([scored('readme-present', 'fail', { evidence: places })], null)], { entities: [owner] }), exists).map(at),
      ).toEqual([expected]);
    });

    const nowhere: Problem = { severity: 'warning', repo: 'orders', message: 'The docs site configuration could not be read.' };
    const moved = (file: string, line = 1): CatalogEntity => ({ ...entity, source: { ...entity.source, file, line } });
    it.each<[string, CatalogEntity[], Problem[], (path: string) => boolean, string]>([
      [
        'a descriptor at the repository root first',
        [moved('sub/catalog-info.yaml'), entity],
        [{ severity: 'warning', repo: 'orders', file: 'docs/x.md', line: 3, message: 'x' }],
        () => true,
        'catalog-info.yaml:1',
      ],
      ['the README next', [inferred, moved('sub/catalog-info.yaml')], [], () => true, 'README.md:1'],
      [
        'then the first file the report names that is there: a problem',
        [inferred, moved('sub/catalog-info.yaml')],
        [{ severity: 'warning', repo: 'orders', file: 'docs/x.md', line: 3, message: 'x' }],
        (path) => !/^readme/i.test(path),
        'docs/x.md:3',
      ],
      [
        'then the first file the report names that is there: a descriptor',
        [inferred, moved('sub/catalog-info.yaml', 5)],
        [{ severity: 'warning', repo: 'orders', file: 'gone.yml', message: 'x' }],
        (path) => !/^readme/i.test(path) && path !== 'gone.yml',
        'sub/catalog-info.yaml:5',
      ],
      ['the repository root last', [inferred, moved('sub/catalog-info.yaml', 5)], [], () => false, '.:1'],
    ])('points a problem with no file at %s', (_case, entities, problems, exists, expected) => {
      const issues = issuesOf(report([], { entities, problems: [...problems, nowhere] }), exists);
      expect(issues.map(at).at(-1)).toBe(expected);
    });

    it('puts a problem in a missing file at its entity descriptor', () => {
      const problems: Problem[] = [
        {
          severity: 'warning',
          repo: 'orders',
          file: 'gone/catalog-info.yaml',
          line: 2,
          entityRef: entity.ref,
          message: 'Location target matches no file.',
        },
      ];
      expect(issuesOf(report([], { problems }), (path) => path === 'catalog-info.yaml').map(at)).toEqual(['catalog-info.yaml:1']);
    });
  });

  it('describes an issue in one line of plain text, with where to read how to fix it', () => {
    const check = scored('actions-pinned', 'fail', { message: 'Two actions\nare not pinned:\tcheckout and setup-node.' });
    const [issue] = issuesOf(oneCheck(check, { portalUrl: 'https://portal.example/' }));
    expect(issue!.description).toBe(
      'Actions pinned to commit SHAs: component:default/orders: Two actions are not pinned: checkout and setup-node. Needed for Production readiness Silver. (how to fix: https://portal.example/checks/actions-pinned/)',
    );
    expect(issuesOf(oneCheck(check))[0]!.description).not.toContain('how to fix');
  });

  it('cleans control characters and bidi overrides out of repository text', () => {
    const [issue] = issuesOf(oneCheck(scored('readme-present', 'fail', { message: 'x\u001b]0;pwned\u0007\u202egnp.exe' })));
    expect(issue!.description).toContain('x\uFFFD]0;pwned\uFFFD\uFFFDgnp.exe');
  });

  describe('fingerprints', () => {
    const printOf = (check: ScoredCheck) => issuesOf(oneCheck(check))[0]!.fingerprint;

    it('stay the same across commits that change the message or the evidence', () => {
      const before = printOf(
        scored('readme-present', 'fail', { message: 'README.md has 3 lines.', evidence: [{ path: 'README.md', line: 1 }] }),
      );
      expect(
        printOf(scored('readme-present', 'fail', { message: 'README.md has 5 lines.', evidence: [{ path: 'docs/README.md', line: 9 }] })),
      ).toBe(before);
      expect(before).toMatch(/^[0-9a-f]{32}$/);
    });

    it('are unique for problems that differ only in their numbers', () => {
      const problems: Problem[] = [
        { severity: 'error', repo: 'orders', file: 'catalog-info.yaml', line: 3, message: 'Duplicate key at line 3.' },
        { severity: 'error', repo: 'orders', file: 'catalog-info.yaml', line: 9, message: 'Duplicate key at line 9.' },
      ];
      expect(issuesOf(report([], { problems }))).toHaveLength(2);
    });
  });

  it('lists issues in a stable order: by entity, each check once, then problems', () => {
    const billing: CatalogEntity = {
      ...entity,
      ref: 'component:default/billing',
      source: { repo: 'orders', file: 'billing/catalog-info.yaml', line: 1 },
    };
    const problems: Problem[] = [{ severity: 'warning', repo: 'orders', file: 'CODEOWNERS', line: 2, message: 'Unknown owner @ghost.' }];
    const results = [
      result([scored('readme-present', 'fail')], null, { scorecard: 'security' }),
      result([scored('readme-present', 'fail'), scored('changelog-present', 'fail')], null),
      result([scored('readme-present', 'fail')], null, { entityRef: billing.ref }),
    ];
    const order = (checkReport: CheckReport) => issuesOf(checkReport).map((issue) => `${issue.check_name} ${at(issue)}`);
    const expected = [
      'cairn/readme-present billing/catalog-info.yaml:1',
      'cairn/readme-present catalog-info.yaml:1',
      'cairn/changelog-present catalog-info.yaml:1',
      'cairn/configuration-problem CODEOWNERS:2',
    ];
    expect(order(report(results, { entities: [entity, billing], problems }))).toEqual(expected);
    expect(order(report([...results].reverse(), { entities: [billing, entity], problems }))).toEqual(expected);
  });

  it('gives every issue of a monorepo the required fields and its own fingerprint, one per entity and check', () => {
    const entities = ['orders', 'billing', 'docs-site'].map((name): CatalogEntity => ({
      ...entity,
      ref: `component:default/${name}`,
      metadata: { name, namespace: 'default' },
      source: { repo: 'orders', file: name === 'docs-site' ? '.' : `${name}/catalog-info.yaml`, line: 1 },
    }));
    const results = entities.flatMap((owner) =>
      ['production-readiness', 'security'].map((id) =>
        result(
          [
            scored('readme-present', 'fail'),
            scored('changelog-present', 'error'),
            scored('actions-pinned', 'fail', { evidence: [{ path: '.github/workflows/ci.yml', line: 12 }] }),
          ],
          null,
          { entityRef: owner.ref, scorecard: id },
        ),
      ),
    );
    const problems: Problem[] = [
      { severity: 'error', repo: 'orders', file: 'billing/catalog-info.yaml', line: 14, message: 'spec.owner is required.' },
      { severity: 'warning', repo: 'orders', message: 'The docs site configuration could not be read.' },
    ];
    const issues = issuesOf(
      report(results, { entities, problems, portalUrl: 'https://portal.example/' }),
      (path) => !/^readme/i.test(path),
    );
    expect(issues).toHaveLength(3 * 3 + 2);
    // The inferred entity's checks and the problem without a file: at the first file the report names.
    expect(issues.filter((issue) => issue.location.path === 'billing/catalog-info.yaml' && issue.location.lines.begin === 14)).toHaveLength(
      2 + 1 + 1,
    );
    expect(issues.filter((issue) => issue.location.path === '.')).toEqual([]);
  });
});
