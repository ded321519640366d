import { gzipSync } from 'node:zlib';

/**
 * What GitHub code scanning requires of an uploaded SARIF file, beyond the OASIS schema: a file
 * that breaks one of these is rejected, or its results are not shown. Only rules GitHub documents:
 *
 * - "SARIF support for code scanning",
 *   https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 *   (required properties of `sarifLog`, `run`, `toolComponent`, `reportingDescriptor`, `result`,
 *   `location` and `physicalLocation`, "the empty string is not supported for required properties",
 *   text lengths, the values of `precision`, `problem.severity` and `security-severity`, relative
 *   paths from the repository root, the 10 MB gzip-compressed size, and the table of maximum values);
 * - "Uploading a SARIF file to GitHub",
 *   https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github
 *   (version 2.1.0; `partialFingerprints` to match results across runs);
 * - "SARIF results exceed one or more limits",
 *   https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
 *   (the same maximum values, each of which rejects the file).
 */
export function githubSarifViolations(log: unknown): string[] {
  const violations: string[] = [];
  const report = (where: string, what: string) => violations.push(`${where}: ${what}`);
  if (!isObject(log)) return ['log: not an object'];
  if (!nonEmptyString(log.$schema)) report('$schema', 'required');
  if (log.version !== '2.1.0') report('version', 'must be 2.1.0');
  if (!Array.isArray(log.runs) || log.runs.length === 0) report('runs', 'one or more runs are required');
  else {
    if (log.runs.length > LIMITS.runs) report('runs', `more than ${LIMITS.runs} runs`);
    log.runs.forEach((run, index) => checkRun(run, `runs[${index}]`, report));
  }
  if (gzipSync(JSON.stringify(log)).length > LIMITS.gzippedBytes) report('log', 'larger than 10 MB gzip-compressed');
  return violations;
}

type Report = (where: string, what: string) => void;

/** The "Maximum values" table: a file with more is rejected. */
const LIMITS = {
  runs: 20,
  results: 25_000,
  rules: 25_000,
  extensions: 100,
  threadFlowLocations: 10_000,
  locations: 1_000,
  tags: 20,
  gzippedBytes: 10 * 1024 * 1024,
};
const RULE_LEVELS = ['note', 'warning', 'error'];
const PRECISIONS = ['very-high', 'high', 'medium', 'low'];
const PROBLEM_SEVERITIES = ['error', 'warning', 'recommendation'];

function checkRun(run: unknown, where: string, report: Report): void {
  if (!isObject(run)) return report(where, 'not an object');
  const tool = isObject(run.tool) ? run.tool : undefined;
  const driver = tool && isObject(tool.driver) ? tool.driver : undefined;
  if (!driver) return report(`${where}.tool.driver`, 'required');
  if (!nonEmptyString(driver.name)) report(`${where}.tool.driver.name`, 'required');
  if (Array.isArray(tool?.extensions) && tool.extensions.length > LIMITS.extensions)
    report(`${where}.tool.extensions`, `more than ${LIMITS.extensions}`);
  const rules = Array.isArray(driver.rules) ? driver.rules : undefined;
  if (!rules) report(`${where}.tool.driver.rules`, 'required');
  else {
    if (rules.length > LIMITS.rules) report(`${where}.tool.driver.rules`, `more than ${LIMITS.rules}`);
    rules.forEach((rule, index) => checkRule(rule, `${where}.tool.driver.rules[${index}]`, report));
    const ids = new Set<unknown>();
    rules.forEach((rule, index) => {
      const id = isObject(rule) ? rule.id : undefined;
      if (ids.has(id)) report(`${where}.tool.driver.rules[${index}].id`, `duplicate rule id ${String(id)}`);
      ids.add(id);
    });
  }
  if (!Array.isArray(run.results)) return report(`${where}.results`, 'required');
  if (run.results.length > LIMITS.results) report(`${where}.results`, `more than ${LIMITS.results}`);
  run.results.forEach((result, index) => checkResult(result, rules ?? [], `${where}.results[${index}]`, report));
}

function checkRule(rule: unknown, where: string, report: Report): void {
  if (!isObject(rule)) return report(where, 'not an object');
  if (!nonEmptyString(rule.id)) report(`${where}.id`, 'required');
  if (rule.name !== undefined && (typeof rule.name !== 'string' || rule.name.length > 255))
    report(`${where}.name`, 'a string of at most 255 characters');
  for (const key of ['shortDescription', 'fullDescription'] as const) {
    const text = textOf(rule[key]);
    if (!nonEmptyString(text)) report(`${where}.${key}.text`, 'required');
    else if ([...text].length > 1024) report(`${where}.${key}.text`, 'longer than 1024 characters');
  }
  if (!nonEmptyString(textOf(rule.help))) report(`${where}.help.text`, 'required');
  const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
  if (level !== undefined && !RULE_LEVELS.includes(level as string))
    report(`${where}.defaultConfiguration.level`, `one of ${RULE_LEVELS.join(', ')}`);
  const properties = isObject(rule.properties) ? rule.properties : {};
  const tags = Array.isArray(properties.tags) ? properties.tags : [];
  if (tags.length > LIMITS.tags) report(`${where}.properties.tags`, `more than ${LIMITS.tags}`);
  if (properties.precision !== undefined && !PRECISIONS.includes(properties.precision as string))
    report(`${where}.properties.precision`, `one of ${PRECISIONS.join(', ')}`);
  if (properties['problem.severity'] !== undefined && !PROBLEM_SEVERITIES.includes(properties['problem.severity'] as string))
    report(`${where}.properties.problem.severity`, `one of ${PROBLEM_SEVERITIES.join(', ')}`);
  const securitySeverity = properties['security-severity'];
  if (securitySeverity !== undefined) {
    const score = typeof securitySeverity === 'string' && /^\d+(\.\d+)?$/.test(securitySeverity) ? Number(securitySeverity) : Number.NaN;
    if (!(score > 0 && score <= 10)) report(`${where}.properties.security-severity`, 'a string holding a score above 0.0 and up to 10.0');
    if (!tags.includes('security')) report(`${where}.properties.security-severity`, 'only for rules tagged security');
  }
}

function checkResult(result: unknown, rules: readonly unknown[], where: string, report: Report): void {
  if (!isObject(result)) return report(where, 'not an object');
  if (!nonEmptyString(textOf(result.message))) report(`${where}.message.text`, 'required');
  checkRuleReference(result, rules, where, report);
  if (!Array.isArray(result.locations) || result.locations.length === 0)
    report(`${where}.locations`, 'at least one location is required to display a result');
  else {
    if (result.locations.length > LIMITS.locations) report(`${where}.locations`, `more than ${LIMITS.locations}`);
    result.locations.forEach((location, index) => checkLocation(location, `${where}.locations[${index}]`, report));
  }
  const threadFlowLocations = (Array.isArray(result.codeFlows) ? result.codeFlows : [])
    .flatMap((flow) => (isObject(flow) && Array.isArray(flow.threadFlows) ? flow.threadFlows : []))
    .reduce((count: number, thread) => count + (isObject(thread) && Array.isArray(thread.locations) ? thread.locations.length : 0), 0);
  if (threadFlowLocations > LIMITS.threadFlowLocations)
    report(`${where}.codeFlows`, `more than ${LIMITS.threadFlowLocations} thread flow locations`);
  const fingerprints = result.partialFingerprints;
  if (!isObject(fingerprints) || Object.keys(fingerprints).length === 0) report(`${where}.partialFingerprints`, 'required');
  else
    for (const [key, value] of Object.entries(fingerprints))
      if (!nonEmptyString(value)) report(`${where}.partialFingerprints.${key}`, 'a non-empty string');
}

/** A result names its rule (by `ruleId`, `rule.id` or `ruleIndex`), and an index agrees with the id. */
function checkRuleReference(result: Record<string, unknown>, rules: readonly unknown[], where: string, report: Report): void {
  const ruleId = nonEmptyString(result.ruleId)
    ? result.ruleId
    : isObject(result.rule) && nonEmptyString(result.rule.id)
      ? result.rule.id
      : undefined;
  const { ruleIndex } = result;
  if (ruleId === undefined && ruleIndex === undefined) return report(`${where}.ruleId`, 'ruleId, rule or ruleIndex is required');
  if (ruleIndex === undefined) return;
  const rule = Number.isInteger(ruleIndex) && (ruleIndex as number) >= 0 ? rules[ruleIndex as number] : undefined;
  if (!isObject(rule)) report(`${where}.ruleIndex`, 'names no rule of the driver');
  else if (ruleId !== undefined && rule.id !== ruleId) report(`${where}.ruleIndex`, `names rule ${String(rule.id)}, not ${ruleId}`);
}

function checkLocation(location: unknown, where: string, report: Report): void {
  const physical = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
  if (!physical) return report(`${where}.physicalLocation`, 'required');
  const uri = isObject(physical.artifactLocation) ? physical.artifactLocation.uri : undefined;
  if (!nonEmptyString(uri)) report(`${where}.physicalLocation.artifactLocation.uri`, 'required');
  else if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/'))
    report(`${where}.physicalLocation.artifactLocation.uri`, `${uri} is not a path relative to the repository root`);
  else if (uri.split('/').some((segment) => segment === '..' || segment.toLowerCase() === '%2e%2e'))
    report(`${where}.physicalLocation.artifactLocation.uri`, `${uri} leaves the repository root`);
  const startLine = isObject(physical.region) ? physical.region.startLine : undefined;
  if (!Number.isInteger(startLine) || (startLine as number) < 1)
    report(`${where}.physicalLocation.region.startLine`, 'required, a line number from 1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function textOf(message: unknown): unknown {
  return isObject(message) ? message.text : undefined;
}
