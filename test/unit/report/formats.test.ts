import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { compareResults, hasChanges } from '../../../scripts/cli/report/compare.ts';
import { failingProblems, type FailOnProblems } from '../../../scripts/cli/collection-options.ts';
import { formatJson } from '../../../scripts/cli/report/json.ts';
import { formatMarkdown } from '../../../scripts/cli/report/markdown.ts';
import { formatSarif } from '../../../scripts/cli/report/sarif.ts';
import { formatTerminal } from '../../../scripts/cli/report/terminal.ts';
import { report, result, scorecard, scored } from './report-fixture.ts';

const failing = result(
  [
    scored('readme-present', 'pass'),
    scored('changelog-present', 'fail'),
    scored('actions-pinned', 'fail', { evidence: [{ path: '.github/workflows/ci.yml', line: 12, note: 'uses: actions/checkout@v4' }] }),
  ],
  'bronze',
  { next: { level: 'silver', checks: ['changelog-present', 'actions-pinned'] } },
);
const fixed = result([scored('readme-present', 'pass'), scored('changelog-present', 'pass'), scored('actions-pinned', 'pass')], 'silver', { score: 1 });

describe('compareResults', () => {
  it.each([
    { name: 'a level up with checks newly passing', before: [failing], after: [fixed], direction: 1, newlyPassing: ['actions-pinned', 'changelog-present'], newlyFailing: [] },
    { name: 'a level down with checks newly failing', before: [fixed], after: [failing], direction: -1, newlyPassing: [], newlyFailing: ['actions-pinned', 'changelog-present'] },
    { name: 'no change', before: [fixed], after: [fixed], direction: 0, newlyPassing: [], newlyFailing: [] },
    { name: 'an entity new in the working tree', before: [], after: [failing], direction: 1, newlyPassing: ['readme-present'], newlyFailing: ['actions-pinned', 'changelog-present'] },
    { name: 'an entity removed', before: [fixed], after: [], direction: -1, newlyPassing: [], newlyFailing: [] },
  ])('$name', ({ before, after, direction, newlyPassing, newlyFailing }) => {
    const [change] = compareResults('main', before, after, [scorecard]).changes;
    expect(change).toMatchObject({ entityRef: 'component:default/orders', scorecard: 'production-readiness', direction, newlyPassing, newlyFailing });
  });

  it('says when nothing changed', () => {
    expect(hasChanges(compareResults('main', [fixed], [fixed], [scorecard]))).toBe(false);
    expect(hasChanges(compareResults('main', [failing], [fixed], [scorecard]))).toBe(true);
  });
});

describe('formatTerminal', () => {
  it('shows level, failing checks with evidence and fix, and the next level', () => {
    const text = formatTerminal(report([failing]), { color: false });
    expect(text).toContain('Production readiness: Bronze (score 50%)');
    expect(text).toContain('✘ Actions pinned to commit SHAs [actions-pinned]: actions-pinned is fail');
    expect(text).toContain('at .github/workflows/ci.yml:12  uses: actions/checkout@v4');
    expect(text).toContain('fix: Add the thing for Actions pinned to commit SHAs.');
    expect(text).toContain('Next level (Silver) needs: changelog-present, actions-pinned');
    expect(text).not.toContain('\x1b[');
  });

  it('neutralises terminal escape sequences in repository text', () => {
    const hostile = result([scored('readme-present', 'fail', { message: 'x\u001b]0;pwned\u0007\u001b[31mred', evidence: [{ path: 'f\u001b[2J' }] })], null);
    const text = formatTerminal(report([hostile]), { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('x?]0;pwned??[31mred');
  });

  it('colours only when asked', () => {
    expect(formatTerminal(report([failing]), { color: true })).toContain('\x1b[31m');
  });

  it('reports the comparison', () => {
    const text = formatTerminal(report([fixed], { comparison: compareResults('main', [failing], [fixed], [scorecard]) }), { color: false });
    expect(text).toContain('Against main:');
    expect(text).toContain('▲ component:default/orders · Production readiness: Bronze → Silver');
    expect(text).toContain('newly passing: actions-pinned, changelog-present');
  });
});

describe('formatMarkdown', () => {
  it('puts what the change does first, then failing checks with how to fix them', () => {
    const markdown = formatMarkdown(report([failing], { comparison: compareResults('origin/main', [fixed], [failing], [scorecard]) }));
    expect(markdown.indexOf('What this change does')).toBeLessThan(markdown.indexOf('| Check |'));
    expect(markdown).toContain('| component:default/orders | Production readiness | Silver → Bronze ⬇️ | – | `actions-pinned`, `changelog-present` |');
    expect(markdown).toContain('| Actions pinned to commit SHAs | ❌ fail | actions\\-pinned is fail | `.github/workflows/ci.yml:12` |');
    expect(markdown).toContain('<summary>How to fix: CHANGELOG present</summary>');
  });

  it('escapes repository text that would break the table, link, mention or inject HTML', () => {
    const hostile = result(
      [scored('readme-present', 'fail', { message: 'bad | <img src=x onerror=alert(1)> [Approve](https://evil.example) @octocat', evidence: [{ path: 'a`b [x](y).pem', line: 3 }] })],
      null,
    );
    const markdown = formatMarkdown(report([hostile]));
    expect(markdown).toContain('bad \\| \\<img src=x onerror=alert\\(1\\)\\> \\[Approve\\]\\(https\\://evil\\.example\\) \\@octocat');
    expect(markdown).toContain('``a`b [x](y).pem:3``');
    expect(markdown).not.toMatch(/[^\\]<img/);
  });
});

describe('formatJson', () => {
  it('round-trips the results', () => {
    expect(JSON.parse(formatJson(report([failing])))).toMatchObject({ repository: { name: 'orders' }, results: [{ level: 'bronze' }] });
  });
});

describe('formatSarif', () => {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

  it('is valid SARIF 2.1.0, with results located by path and line', async () => {
    const exempt = scored('changelog-present', 'fail', { effective: 'pass', exemption: { reason: 'Vendored', expires: '2099-01-01', expired: false, source: 'central' } });
    const sarif = JSON.parse(formatSarif(report([result([scored('readme-present', 'pass'), exempt, failing.checks[2]!], 'bronze')]), { version: '0.1.0' }));
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(JSON.parse(await readFile(schemaPath, 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const [run] = sarif.runs;
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['actions-pinned', 'changelog-present', 'readme-present']);
    expect(run.results).toHaveLength(2);
    expect(run.results[1]).toMatchObject({ ruleId: 'actions-pinned', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: '.github/workflows/ci.yml' }, region: { startLine: 12 } } }] });
    // A failure without evidence points at the entity's descriptor; an exempt one is suppressed.
    expect(run.results[0]).toMatchObject({ ruleId: 'changelog-present', locations: [{ physicalLocation: { artifactLocation: { uri: 'catalog-info.yaml' }, region: { startLine: 1 } } }], suppressions: [{ kind: 'external' }] });
  });

  it('reports every problem as a result at its file and line, levelled by severity, and stays valid', async () => {
    const problems = [
      { severity: 'error' as const, repo: 'orders', file: 'catalog-info.yaml', line: 7, message: 'YAML error in catalog-info.yaml: unexpected end.' },
      { severity: 'warning' as const, repo: 'orders', file: '.github/workflows/ci.yml', line: 3, message: 'Could not read workflow.' },
      { severity: 'warning' as const, repo: 'orders', file: 'gone/catalog-info.yaml', line: 2, entityRef: 'component:default/orders', message: 'Location target matches no file.' },
      { severity: 'error' as const, repo: 'orders', message: 'No file at all.' },
    ];
    const exists = (path: string) => path !== 'gone/catalog-info.yaml';
    const sarif = JSON.parse(formatSarif(report([failing], { problems }), { version: '0.1.0', exists }));
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(JSON.parse(await readFile(schemaPath, 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const [run] = sarif.runs;
    const rules = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(rules).toEqual(['actions-pinned', 'changelog-present', 'readme-present', 'cairn/configuration-problem', 'cairn/descriptor-problem']);
    const located = run.results.filter((result: { ruleId: string }) => result.ruleId.startsWith('cairn/'));
    const where = (result: { locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }) =>
      result.locations?.map((location) => `${location.physicalLocation.artifactLocation.uri}:${location.physicalLocation.region?.startLine ?? ''}`);
    expect(located.map((result: { ruleId: string; level: string; ruleIndex: number; locations?: [] }) => [result.ruleId, result.level, rules[result.ruleIndex], where(result)])).toEqual([
      ['cairn/descriptor-problem', 'error', 'cairn/descriptor-problem', ['catalog-info.yaml:7']],
      ['cairn/configuration-problem', 'warning', 'cairn/configuration-problem', ['.github/workflows/ci.yml:3']],
      // A file that is not there is not pointed at: the entity's descriptor is.
      ['cairn/descriptor-problem', 'warning', 'cairn/descriptor-problem', ['catalog-info.yaml:1']],
      ['cairn/configuration-problem', 'error', 'cairn/configuration-problem', undefined],
    ]);
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
