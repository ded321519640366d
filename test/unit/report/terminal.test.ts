import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../scripts/cli/report/compare.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { CheckReport, Suggestion } from '../../../scripts/cli/report/model.ts';
import { formatTerminal } from '../../../scripts/cli/report/terminal.ts';
import { checks, failingResult, fixedResult, report, result, scorecard, scored } from './report-fixture.ts';

const failing = failingResult;
const fixed = fixedResult;

/** The fixture's checks with `changelog-present` easier than the rest, and a fix holding a Markdown fence. */
const fencedFix = [
  'Add a workflow that runs on pull requests:',
  '',
  '```yaml',
  'on:',
  '  pull_request:',
  '```',
  '',
  '- then push it.',
].join('\n');
const withFence = new Map(checks);
withFence.set('changelog-present', { ...checks.get('changelog-present')!, fix: fencedFix, effort: 'low' });
withFence.set('actions-pinned', { ...checks.get('actions-pinned')!, effort: 'medium' });

describe('formatTerminal', () => {
  it('opens with the verdict, then the standards that judged', () => {
    const lines = formatTerminal(report([failing]), { color: false }).split('\n');
    expect(lines[0]).toBe('Production readiness: Bronze');
    expect(lines[1]).toBe("Judged with the portal's standards from portal.yaml.");
  });

  it('leads with what the change does against the ref', () => {
    const text = formatTerminal(report([failing], { comparison: compareResults('origin/main', [fixed], [failing], [scorecard]) }), {
      color: false,
    });
    expect(text.split('\n')[0]).toBe('▼ Production readiness: Silver → Bronze · 2 checks newly failing against origin/main');
    expect(text).toContain('  ✘ new Actions pinned to commit SHAs [actions-pinned] · low effort · warning · needed for Silver');
  });

  it('lists what fails cheapest first, with finding, evidence, the whole fix and the next level', () => {
    const text = formatTerminal(report([failing], { checks: withFence }), { color: false });
    expect(text).toContain(
      [
        '2 checks fail, cheapest fix first:',
        '  ✘ CHANGELOG present [changelog-present] · low effort · warning · needed for Silver',
        '      changelog-present is fail',
        '      fix:',
        '        Add a workflow that runs on pull requests:',
        '',
        '        ```yaml',
        '        on:',
        '          pull_request:',
        '        ```',
        '',
        '        - then push it.',
        '  ✘ Actions pinned to commit SHAs [actions-pinned] · medium effort · warning · needed for Silver',
        '      actions-pinned is fail',
        '        at .github/workflows/ci.yml:12  uses: actions/checkout@v4',
        '      fix:',
        '        Add the thing for Actions pinned to commit SHAs.',
        '',
        '        More detail.',
        '',
        'Next level:',
        '  Production readiness Silver needs changelog-present, actions-pinned',
      ].join('\n'),
    );
  });

  it('lists the repository’s problems, and whether they fail the run, for a report written to a file', () => {
    const problems = [
      { severity: 'error' as const, repo: 'orders', file: 'catalog-info.yaml', line: 3, message: 'Bad \u001b[2J value' },
      { severity: 'warning' as const, repo: 'orders', message: 'No owner is known.' },
    ];
    const withProblems = report([failing], { problems, problemGate: { failOn: 'error', failing: 1 } });
    expect(formatTerminal(withProblems, { color: false })).not.toContain('problems in orders');
    const lines = formatTerminal(withProblems, { color: false, problems: true }).split('\n');
    const at = lines.indexOf('2 problems in orders:');
    expect(lines.slice(at, at + 4)).toEqual([
      '2 problems in orders:',
      '  error: catalog-info.yaml:3: Bad ?[2J value',
      '  warning: No owner is known.',
      '✘ 1 error fails the run (--fail-on-problems error; pass --fail-on-problems never to report them without failing).',
    ]);
  });

  it('prints a fix shared by two checks once', () => {
    const shared = new Map([...checks].map(([id, metadata]) => [id, { ...metadata, fix: 'One fix for both.\nSecond line.' }]));
    const text = formatTerminal(report([failing], { checks: shared }), { color: false });
    expect(text.match(/One fix for both/g)).toHaveLength(1);
    expect(text).toContain('      fix: as for actions-pinned above');
  });

  it('styles no line of a fix, so it can be copied', () => {
    const text = formatTerminal(report([failing], { checks: withFence }), { color: true });
    const fixLines = text.split('\n').filter((line) => line.startsWith('        ') && !line.includes(' at '));
    expect(fixLines.length).toBeGreaterThan(3);
    for (const line of fixLines) expect(line).not.toContain('\x1b[');
  });

  it('folds the checks that pass into a count, and lists them with --verbose', () => {
    const text = formatTerminal(report([failing]), { color: false });
    expect(text).toContain('1 check passes; --verbose lists it.');
    expect(text).not.toContain('README present');
    const verbose = formatTerminal(report([failing]), { color: false, verbose: true });
    expect(verbose).not.toContain('--verbose');
    expect(verbose).toContain('  Production readiness: Bronze (score 50%)');
    expect(verbose).toContain('  ✔ README present [readme-present]: readme-present is pass');
  });

  it('counts checks that do not apply and exempt ones', () => {
    const exemption = { reason: 'Vendored', expires: '2099-01-01', expired: false, source: 'central' as const };
    const mixed = result(
      [
        scored('readme-present', 'notApplicable'),
        scored('changelog-present', 'fail', { effective: 'pass', exemption }),
        scored('actions-pinned', 'pass'),
      ],
      'silver',
    );
    expect(formatTerminal(report([mixed]), { color: false })).toContain(
      '2 checks pass (1 by exemption), 1 does not apply; --verbose lists them.',
    );
    const verbose = formatTerminal(report([mixed]), { color: false, verbose: true });
    expect(verbose).toContain(
      '  ⚑ CHANGELOG present [changelog-present]: changelog-present is fail\n      exempt until 2099-01-01: Vendored',
    );
    expect(verbose).toContain('  – README present [readme-present]: readme-present is notApplicable');
  });

  it('says so when nothing fails', () => {
    expect(formatTerminal(report([fixed]), { color: false })).toContain('No check fails.');
  });

  it('names the entity of each finding when there are several', () => {
    const text = formatTerminal(report([failing, { ...failing, entityRef: 'component:default/orders-api' }]), { color: false });
    expect(text.split('\n')[0]).toBe('orders — Production readiness: Bronze; orders-api — Production readiness: Bronze');
    expect(text).toContain('      orders: changelog-present is fail\n      orders-api: changelog-present is fail');
  });

  it('links each failing check to its portal page when the portal is known', () => {
    expect(formatTerminal(report([failing], { portalUrl: 'https://portal.example/' }), { color: false })).toContain(
      '      more: https://portal.example/checks/changelog-present/',
    );
  });

  const suggestion: Suggestion = {
    path: 'catalog-info.yaml',
    checkIds: ['descriptor-valid'],
    summary: 'The entity Cairn inferred, owned by the CODEOWNERS team.',
    text: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\n',
  };

  it('with --suggest ends with each file Cairn can write and the command that writes it', () => {
    const text = formatTerminal(report([failing], { suggestions: [suggestion] }), { color: false, suggest: true });
    expect(
      text.endsWith(
        [
          'A file Cairn can write:',
          '',
          '  catalog-info.yaml: The entity Cairn inferred, owned by the CODEOWNERS team.',
          '',
          '      apiVersion: backstage.io/v1alpha1',
          '      kind: Component',
          '      metadata:',
          '        name: orders',
          '',
          '  cairn fix descriptor-valid writes it.',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('without --suggest only says that there are files to suggest', () => {
    const text = formatTerminal(report([failing], { suggestions: [suggestion] }), { color: false });
    expect(text).toContain('cairn check --suggest shows 1 file Cairn can write.');
    expect(text).not.toContain('apiVersion');
  });

  it('neutralises terminal escape sequences in repository text, suggestions included', () => {
    const hostile = result(
      [scored('readme-present', 'fail', { message: 'x\u001b]0;pwned\u0007\u001b[31mred', evidence: [{ path: 'f\u001b[2J' }] })],
      null,
    );
    const text = formatTerminal(
      report([hostile], { suggestions: [{ ...suggestion, path: 'a\u001b[2Jb', text: 'name: \u001b]0;x\u0007' }] }),
      { color: false, suggest: true },
    );
    expect(text).not.toContain('\u001b');
    expect(text).toContain('x?]0;pwned??[31mred');
    expect(text).toContain('a?[2Jb');
  });

  it('names each scorecard and level a check is needed for once, whatever each entity needs', () => {
    const catalog: ScorecardDefinition = {
      ...scorecard,
      id: 'catalog',
      title: 'Catalog',
      levels: [{ id: 'listed', checks: [{ id: 'readme-present', weight: 1, options: {} }] }],
    };
    const maturity: ScorecardDefinition = {
      ...scorecard,
      id: 'maturity',
      title: 'Service maturity',
      levels: [{ id: 'bronze', checks: [{ id: 'readme-present', weight: 1, options: {} }] }],
    };
    const fails = (entityRef: string, id: string, level: string) =>
      result([scored('readme-present', 'fail', { level, message: `${entityRef} fails` })], null, { entityRef, scorecard: id });
    const results = [
      fails('component:default/a', 'catalog', 'listed'),
      fails('component:default/b', 'catalog', 'listed'),
      fails('component:default/b', 'maturity', 'bronze'),
    ];
    const text = formatTerminal(report(results, { scorecards: [catalog, maturity] }), { color: false });
    expect(text).toContain(
      '  ✘ README present [readme-present] · low effort · warning · needed for Catalog Listed, Service maturity Bronze\n',
    );
  });

  it('marks new the checks that fail now and did not against the ref (they passed, or did not apply), not those of a new entity', () => {
    const base = result(
      [scored('readme-present', 'pass'), scored('changelog-present', 'notApplicable'), scored('actions-pinned', 'pass')],
      'silver',
    );
    const text = formatTerminal(report([failing], { comparison: compareResults('main', [base], [failing], [scorecard]) }), {
      color: false,
    });
    expect(text).toContain('  ✘ new Actions pinned to commit SHAs [actions-pinned]');
    expect(text).toContain('  ✘ new CHANGELOG present [changelog-present]');
    const fresh = formatTerminal(report([failing], { comparison: compareResults('main', [], [failing], [scorecard]) }), { color: false });
    expect(fresh).not.toContain(' new ');
  });

  it.each<[string, CheckReport['gate'], string[]]>([
    ['passes', { name: 'regression', failures: [] }, ['✔ Gate (--fail-on regression): passes']],
    [
      'fails, with each reason',
      { name: 'level', failures: ['component:default/orders is below silver.', 'x\u001b[2J'] },
      ['✘ Gate (--fail-on level) fails:', '    component:default/orders is below silver.', '    x?[2J'],
    ],
    [
      'fails for many reasons, counted beyond ten',
      { name: 'regression', failures: Array.from({ length: 12 }, (_, index) => `r${index}`) },
      ['✘ Gate (--fail-on regression) fails:', ...Array.from({ length: 10 }, (_, index) => `    r${index}`), '    … and 2 more'],
    ],
  ])('says after the verdict whether the gate %s', (_case, gate, lines) => {
    const text = formatTerminal(report([failing], { gate }), { color: false }).split('\n');
    expect(text.slice(1, 1 + lines.length)).toEqual(lines);
    expect(text[1 + lines.length]).toMatch(/^Judged with /);
  });

  it('colours only when asked', () => {
    expect(formatTerminal(report([failing]), { color: true })).toContain('\x1b[31m');
    expect(formatTerminal(report([failing]), { color: false })).not.toContain('\x1b[');
  });
});
