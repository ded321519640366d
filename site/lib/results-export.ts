import type { AppliedExemption, Evidence, Outcome, ScoredCheck } from '../../collectors/snapshot.ts';
import type { Standards } from './standards.ts';

/** Site path of the results export, without the base. */
export const RESULTS_EXPORT_PATH = 'results.json';

/** One check in the export: the outcome, the one the level used, and why. */
export interface ExportedCheck {
  check: string;
  level: string;
  outcome: Outcome;
  effective: ScoredCheck['effective'];
  message: string;
  evidence: Evidence[];
  exemption?: AppliedExemption;
}

/** One entity's standing on one scorecard. */
export interface ExportedResult {
  entity: string;
  scorecard: string;
  level: string | null;
  score: number;
  checks: ExportedCheck[];
}

/** `/results.json`: every result, for other tools (dashboards, trend charts). */
export interface ResultsExport {
  generatedAt: string;
  results: ExportedResult[];
}

/**
 * Every result, sorted by entity ref then scorecard id (by code unit, the same on every machine),
 * with keys in a fixed order: the same snapshot gives the same bytes.
 */
export function resultsExport(standards: Standards, generatedAt: string): ResultsExport {
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    generatedAt,
    results: [...standards.results]
      .sort((a, b) => byCodeUnit(a.entityRef, b.entityRef) || byCodeUnit(a.scorecard, b.scorecard))
      .map((result) => ({
        entity: result.entityRef,
        scorecard: result.scorecard,
        level: result.level,
        score: result.score,
        checks: result.checks.map((check) => ({
          check: check.checkId,
          level: check.level,
          outcome: check.outcome,
          effective: check.effective,
          message: check.message,
          evidence: check.evidence.map(({ path, line, note }) => ({ path, ...(line === undefined ? {} : { line }), ...(note === undefined ? {} : { note }) })),
          ...(check.exemption ? { exemption: { reason: check.exemption.reason, expires: check.exemption.expires, expired: check.exemption.expired, source: check.exemption.source } } : {}),
        })),
      })),
  };
}
