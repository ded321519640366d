import type { Log, ReportingDescriptor, Result } from 'sarif';
import { orderedResults, type CheckReport } from './model.ts';

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check, one result per failing (or exempt)
 * check and entity, located by path and line. A failure without evidence points at the entity's
 * descriptor, since code scanning needs a location to show a result.
 */
export function formatSarif(report: CheckReport, tool: { version: string; informationUri?: string }): string {
  const ruleIds = [...new Set(report.results.flatMap((result) => result.checks.map((check) => check.checkId)))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
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

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
