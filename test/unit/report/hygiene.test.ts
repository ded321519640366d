import { describe, expect, it } from 'vitest';
import { formatCodeClimate } from '../../../scripts/cli/report/codeclimate.ts';
import { formatJson } from '../../../scripts/cli/report/json.ts';
import { formatMarkdown } from '../../../scripts/cli/report/markdown.ts';
import { formatSarif } from '../../../scripts/cli/report/sarif.ts';
import { formatTerminal } from '../../../scripts/cli/report/terminal.ts';
import { checks, report, result, scored } from './report-fixture.ts';

/** Control characters (C0, DEL, C1) and bidi overrides and isolates that no report may carry. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'x\u001b]0;pwned\u0007\u0000\u009b2J\u202egnp.exe\u2066';

/** A report whose every repository-derived and standards-derived string carries HOSTILE. */
function hostileReport() {
  const hostileChecks = new Map(checks);
  hostileChecks.set('readme-present', {
    ...checks.get('readme-present')!,
    title: `README ${HOSTILE}`,
    fix: `Fix ${HOSTILE}`,
    why: HOSTILE,
    description: HOSTILE,
  });
  return report(
    [
      result(
        [
          scored('readme-present', 'fail', {
            message: `message ${HOSTILE}`,
            evidence: [{ path: `dir/${HOSTILE}`, line: 3, note: `note ${HOSTILE}` }],
            exemption: { reason: `reason ${HOSTILE}`, expires: '2030-01-01', source: 'annotation', expired: false },
          }),
        ],
        'bronze',
        { entityRef: `component:default/orders${HOSTILE}` },
      ),
    ],
    {
      standards: `standards ${HOSTILE}`,
      checks: hostileChecks,
      problems: [{ severity: 'error', repo: 'orders', file: `catalog-info${HOSTILE}.yaml`, line: 2, message: `problem ${HOSTILE}` }],
      suggestions: [
        { path: `catalog-info${HOSTILE}.yaml`, checkIds: ['readme-present'], summary: `summary ${HOSTILE}`, text: `name: ${HOSTILE}\n` },
      ],
    },
  );
}

describe('cairn check reports carry no control characters or bidi overrides', () => {
  it.each([
    ['terminal', () => formatTerminal(hostileReport(), { color: false }), '?'],
    ['terminal, verbose, with suggestions', () => formatTerminal(hostileReport(), { color: false, verbose: true, suggest: true }), '?'],
    ['markdown', () => formatMarkdown(hostileReport()), '\uFFFD'],
    ['markdown, verbose', () => formatMarkdown(hostileReport(), { verbose: true }), '\uFFFD'],
    ['SARIF', () => formatSarif(hostileReport(), { version: '1.0.0' }), '\uFFFD'],
    ['Code Quality', () => formatCodeClimate(hostileReport()), '\uFFFD'],
    ['JSON', () => formatJson(hostileReport()), '\uFFFD'],
  ])('%s', (_format, format, replacement) => {
    const text = format();
    expect(text).not.toMatch(UNSAFE);
    // JSON formats would escape a control character rather than print it: the escape must not be there either.
    expect(text).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|\\u20(?:2[a-e]|6[6-9])/i);
    expect(text).toContain(replacement);
    expect(text).toContain('pwned');
  });

  it('keeps the terminal’s own colours', () => {
    expect(formatTerminal(hostileReport(), { color: true })).toContain('\u001b[31m');
  });
});
