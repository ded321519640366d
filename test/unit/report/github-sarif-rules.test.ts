import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { githubSarifViolations } from '../../helpers/github-sarif-rules.ts';

/** The smallest log GitHub shows well: GitHub's "minimum required properties" example, completed. */
function validLog() {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Tool',
            rules: [
              {
                id: 'R01',
                name: 'RuleOne',
                shortDescription: { text: 'Short' },
                fullDescription: { text: 'Full' },
                defaultConfiguration: { level: 'warning' },
                help: { text: 'Help' },
                properties: { tags: ['security'], precision: 'high', 'security-severity': '5.0' },
              },
              {
                id: 'R02',
                shortDescription: { text: 'Short' },
                fullDescription: { text: 'Full' },
                help: { text: 'Help' },
                properties: { 'problem.severity': 'recommendation' },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'R01',
            ruleIndex: 0,
            message: { text: 'Result text.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'src/main.js' }, region: { startLine: 2 } } }],
            partialFingerprints: { primaryLocationLineHash: '39fa2ee980eb94b0:1' },
          },
        ],
      },
    ],
  };
}

type Log = ReturnType<typeof validLog>;
type Run = Log['runs'][number];
type Rule = Run['tool']['driver']['rules'][number] & Record<string, unknown>;
type SarifResult = Run['results'][number] & Record<string, unknown>;

const run = (log: Log) => log.runs[0]!;
const rule = (log: Log) => run(log).tool.driver.rules[0] as Rule;
const result = (log: Log) => run(log).results[0] as SarifResult;
const location = (log: Log) =>
  result(log).locations[0]!.physicalLocation as Record<string, unknown> & { artifactLocation: { uri: string } };
const many = <T>(count: number, item: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => item(index));

describe('githubSarifViolations', () => {
  it('finds nothing wrong with a log that follows every documented rule', () => {
    expect(githubSarifViolations(validLog())).toEqual([]);
  });

  it.each<[string, (log: Log) => void, string]>([
    ['no $schema', (log) => Object.assign(log, { $schema: '' }), '$schema: required'],
    ['another version', (log) => Object.assign(log, { version: '2.0.0' }), 'version: must be 2.1.0'],
    ['no runs', (log) => Object.assign(log, { runs: [] }), 'runs: one or more runs are required'],
    ['21 runs', (log) => Object.assign(log, { runs: many(21, () => run(validLog())) }), 'runs: more than 20 runs'],
    ['a tool without a name', (log) => Object.assign(run(log).tool.driver, { name: ' ' }), 'runs[0].tool.driver.name: required'],
    ['no rules array', (log) => Object.assign(run(log).tool.driver, { rules: undefined }), 'runs[0].tool.driver.rules: required'],
    [
      '101 tool extensions',
      (log) => Object.assign(run(log).tool, { extensions: many(101, (index) => ({ name: `x${index}` })) }),
      'tool.extensions: more than 100',
    ],
    ['no results array', (log) => Object.assign(run(log), { results: undefined }), 'runs[0].results: required'],
    [
      '25,001 results',
      (log) => Object.assign(run(log), { results: many(25_001, () => result(validLog())) }),
      'runs[0].results: more than 25000',
    ],
    [
      '25,001 rules',
      (log) => Object.assign(run(log).tool.driver, { rules: many(25_001, (index) => ({ ...rule(validLog()), id: `R${index}` })) }),
      'rules: more than 25000',
    ],
    ['a rule without an id', (log) => Object.assign(rule(log), { id: '' }), 'rules[0].id: required'],
    ['two rules with one id', (log) => Object.assign(run(log).tool.driver.rules[1]!, { id: 'R01' }), 'rules[1].id: duplicate rule id R01'],
    [
      'a rule name of 256 characters',
      (log) => Object.assign(rule(log), { name: 'x'.repeat(256) }),
      'rules[0].name: a string of at most 255',
    ],
    [
      'no short description',
      (log) => Object.assign(rule(log), { shortDescription: { text: '' } }),
      'rules[0].shortDescription.text: required',
    ],
    [
      'a full description of 1,025 characters',
      (log) => Object.assign(rule(log), { fullDescription: { text: 'x'.repeat(1025) } }),
      'rules[0].fullDescription.text: longer than 1024',
    ],
    ['no help text', (log) => Object.assign(rule(log), { help: { markdown: 'Only Markdown' } }), 'rules[0].help.text: required'],
    [
      'a default level GitHub does not know',
      (log) => Object.assign(rule(log), { defaultConfiguration: { level: 'none' } }),
      'defaultConfiguration.level: one of note, warning, error',
    ],
    [
      '21 tags',
      (log) => Object.assign(rule(log).properties, { tags: ['security', ...many(20, (index) => `t${index}`)] }),
      'rules[0].properties.tags: more than 20',
    ],
    ['another precision', (log) => Object.assign(rule(log).properties, { precision: 'certain' }), 'properties.precision: one of very-high'],
    [
      'another problem severity',
      (log) => Object.assign(run(log).tool.driver.rules[1]!.properties, { 'problem.severity': 'note' }),
      'properties.problem.severity: one of error',
    ],
    [
      'a security severity of 0.0',
      (log) => Object.assign(rule(log).properties, { 'security-severity': '0.0' }),
      'security-severity: a string holding a score',
    ],
    [
      'a security severity as a number',
      (log) => Object.assign(rule(log).properties, { 'security-severity': 5 }),
      'security-severity: a string holding a score',
    ],
    [
      'a security severity above 10',
      (log) => Object.assign(rule(log).properties, { 'security-severity': '10.5' }),
      'security-severity: a string holding a score',
    ],
    [
      'a security severity on a rule not tagged security',
      (log) => Object.assign(rule(log).properties, { tags: ['docs'] }),
      'security-severity: only for rules tagged security',
    ],
    [
      'a result without message text',
      (log) => Object.assign(result(log), { message: { markdown: 'x' } }),
      'results[0].message.text: required',
    ],
    [
      'a result naming no rule',
      (log) => Object.assign(result(log), { ruleId: undefined, ruleIndex: undefined }),
      'results[0].ruleId: ruleId, rule or ruleIndex is required',
    ],
    ['a rule index out of range', (log) => Object.assign(result(log), { ruleIndex: 5 }), 'results[0].ruleIndex: names no rule'],
    [
      'a rule index naming another rule',
      (log) => Object.assign(result(log), { ruleIndex: 1 }),
      'results[0].ruleIndex: names rule R02, not R01',
    ],
    [
      'a result without locations',
      (log) => Object.assign(result(log), { locations: undefined }),
      'results[0].locations: at least one location',
    ],
    [
      'a result with an empty locations array',
      (log) => Object.assign(result(log), { locations: [] }),
      'results[0].locations: at least one location',
    ],
    [
      '1,001 locations',
      (log) => Object.assign(result(log), { locations: many(1001, () => result(validLog()).locations[0]) }),
      'results[0].locations: more than 1000',
    ],
    [
      'a location without a physical location',
      (log) => Object.assign(result(log).locations[0]!, { physicalLocation: undefined }),
      'locations[0].physicalLocation: required',
    ],
    ['a location without a URI', (log) => Object.assign(location(log).artifactLocation, { uri: '' }), 'artifactLocation.uri: required'],
    [
      'an absolute path',
      (log) => Object.assign(location(log).artifactLocation, { uri: '/home/runner/work/src/main.js' }),
      'is not a path relative to the repository root',
    ],
    [
      'a URL',
      (log) => Object.assign(location(log).artifactLocation, { uri: 'https://example.com/main.js' }),
      'is not a path relative to the repository root',
    ],
    [
      'a path through ..',
      (log) => Object.assign(location(log).artifactLocation, { uri: 'src/../../etc/passwd' }),
      'leaves the repository root',
    ],
    ['an encoded ..', (log) => Object.assign(location(log).artifactLocation, { uri: '%2E%2E/secret' }), 'leaves the repository root'],
    [
      'a location without a region',
      (log) => Object.assign(location(log), { region: undefined }),
      'region.startLine: required, a line number from 1',
    ],
    [
      'a start line of 0',
      (log) => Object.assign(location(log), { region: { startLine: 0 } }),
      'region.startLine: required, a line number from 1',
    ],
    [
      '10,001 thread flow locations',
      (log) =>
        Object.assign(result(log), {
          codeFlows: [{ threadFlows: [{ locations: many(5001, () => ({})) }, { locations: many(5000, () => ({})) }] }],
        }),
      'results[0].codeFlows: more than 10000',
    ],
    [
      'no partial fingerprints',
      (log) => Object.assign(result(log), { partialFingerprints: undefined }),
      'results[0].partialFingerprints: required',
    ],
    [
      'an empty fingerprint value',
      (log) => Object.assign(result(log), { partialFingerprints: { primaryLocationLineHash: '' } }),
      'partialFingerprints.primaryLocationLineHash: a non-empty string',
    ],
  ])('catches %s', (_case, breakIt, violation) => {
    const log = validLog();
    breakIt(log);
    const violations = githubSarifViolations(log);
    expect(
      violations.some((found) => found.includes(violation)),
      violations.join('\n'),
    ).toBe(true);
  });

  it('catches a file larger than 10 MB gzip-compressed', () => {
    const log = validLog();
    // Random bytes do not compress: 12 MiB of them in base64 stay above the limit after gzip.
    const noise = randomBytes(12 * 1024 * 1024).toString('base64');
    Object.assign(run(log), { properties: { noise } });
    expect(githubSarifViolations(log)).toContain('log: larger than 10 MB gzip-compressed');
  });

  it('rejects what is not a log at all', () => {
    expect(githubSarifViolations('not json')).toEqual(['log: not an object']);
  });
});
