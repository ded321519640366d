import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Problem } from '../../../collectors/problems.ts';
import { orderedResults, type CheckReport } from './model.ts';
import { cleanReport } from './text.ts';

/** Where a problem is shown: `exists` says which repository paths are there to point at (all, when not given). */
export interface SarifOptions {
  version: string;
  informationUri?: string;
  exists?: (path: string) => boolean;
}

/** The rules problems are reported under: a descriptor that does not load, and everything else Cairn could not read. */
const PROBLEM_RULES: Record<string, ReportingDescriptor> = {
  'cairn/descriptor-problem': {
    id: 'cairn/descriptor-problem',
    name: 'DescriptorProblem',
    shortDescription: { text: 'A catalog descriptor is broken or invalid' },
    fullDescription: { text: 'A catalog descriptor could not be parsed or holds an invalid entity; what it declares is missing from the catalog and from every scorecard.' },
    help: { text: 'Fix the descriptor at the line shown; Cairn validates entities as Backstage does.' },
    properties: { tags: ['catalog'] },
  },
  'cairn/configuration-problem': {
    id: 'cairn/configuration-problem',
    name: 'ConfigurationProblem',
    shortDescription: { text: 'A file Cairn reads is broken, ignored or incomplete' },
    fullDescription: { text: 'A file of the repository that Cairn reads (CODEOWNERS, workflows, manifests, docs configuration, exemption annotations) could not be read as intended, so some facts or checks are missing.' },
    help: { text: 'Fix the file at the line shown; the message says what was expected.' },
    properties: { tags: ['configuration'] },
  },
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check, one result per failing (or exempt)
 * check and entity, located by path and line. A failure without evidence points at the entity's
 * descriptor, since code scanning needs a location to show a result. Every problem of the
 * repository (a descriptor that does not parse, an invalid entity, a broken file Cairn reads) is a
 * result too, at its file and line, with the problem's severity as its level.
 */
export function formatSarif(dirty: CheckReport, tool: SarifOptions): string {
  const report = cleanReport(dirty);
  const checkRuleIds = [...new Set(report.results.flatMap((result) => result.checks.map((check) => check.checkId)))].sort();
  const problemRuleIds = [...new Set(report.problems.map((problem) => problemRule(problem, report)))].sort();
  const ruleIds = [...checkRuleIds, ...problemRuleIds];
  const rules: ReportingDescriptor[] = checkRuleIds.map((id) => {
    const metadata = report.checks.get(id);
    return {
      id,
      name: pascalCase(id),
      shortDescription: { text: metadata?.title ?? id },
      fullDescription: { text: metadata?.description ?? id },
      help: { text: metadata?.fix ?? '', markdown: metadata ? `**Why it matters**\n\n${metadata.why}\n\n**How to fix**\n\n${metadata.fix}` : '' },
      properties: { tags: metadata ? [metadata.category] : [] },
    };
  });
  const results: Result[] = [];
  for (const result of orderedResults(report)) {
    const entity = report.entities.find((candidate) => candidate.ref === result.entityRef);
    const fallback = { path: entity && entity.source.file !== '.' ? entity.source.file : 'catalog-info.yaml', ...(entity && entity.source.file !== '.' ? { line: entity.source.line } : {}) };
    for (const check of result.checks) {
      const failing = check.outcome === 'fail' || check.outcome === 'error';
      if (!failing) continue;
      const evidence = check.evidence.length > 0 ? check.evidence : [fallback];
      results.push({
        ruleId: check.checkId,
        ruleIndex: ruleIds.indexOf(check.checkId),
        level: check.outcome === 'error' ? 'warning' : 'error',
        message: { text: `${result.entityRef} (${result.scorecard}): ${check.message}` },
        locations: evidence.map((place) => ({
          physicalLocation: { artifactLocation: { uri: encodeURI(place.path) }, ...(place.line ? { region: { startLine: place.line } } : {}) },
        })),
        partialFingerprints: { cairnResult: `${result.entityRef}/${result.scorecard}/${check.checkId}` },
        ...(check.exemption && !check.exemption.expired ? { suppressions: [{ kind: 'external' as const, justification: `${check.exemption.reason} (until ${check.exemption.expires})` }] } : {}),
      });
    }
  }
  for (const problem of report.problems) results.push(problemResult(problem, report, ruleIds, tool.exists ?? (() => true)));
  rules.push(...problemRuleIds.map((id) => PROBLEM_RULES[id]!));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Cairn', version: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules } },
        results,
        properties: { standards: report.standards },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A descriptor's problem: in a file an entity of the repository comes from, or one named like a descriptor. */
function problemRule(problem: Problem, report: CheckReport): string {
  const descriptor = problem.file !== undefined && (/(^|\/)catalog-info\.ya?ml$/i.test(problem.file) || report.entities.some((entity) => entity.source.file === problem.file));
  return descriptor ? 'cairn/descriptor-problem' : 'cairn/configuration-problem';
}

/**
 * A problem as a result at its file and line; a file that is not in the repository (a missing
 * Location target, a deleted file) is not pointed at: the entity's descriptor is, when it has one.
 */
function problemResult(problem: Problem, report: CheckReport, ruleIds: readonly string[], exists: (path: string) => boolean): Result {
  const ruleId = problemRule(problem, report);
  const entity = problem.entityRef ? report.entities.find((candidate) => candidate.ref === problem.entityRef) : undefined;
  const place =
    problem.file !== undefined && exists(problem.file)
      ? { path: problem.file, line: problem.line }
      : entity && entity.source.file !== '.' && exists(entity.source.file)
        ? { path: entity.source.file, line: entity.source.line }
        : undefined;
  return {
    ruleId,
    ruleIndex: ruleIds.indexOf(ruleId),
    level: problem.severity === 'error' ? 'error' : 'warning',
    message: { text: problem.message },
    ...(place ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(place.path) }, ...(place.line ? { region: { startLine: place.line } } : {}) } }] } : {}),
    partialFingerprints: { cairnProblem: `${problem.file ?? ''}/${problem.entityRef ?? ''}/${problem.message}` },
  };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
