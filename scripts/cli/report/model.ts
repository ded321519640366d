import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { Problem } from '../../../collectors/problems.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/snapshot.ts';
import type { Comparison } from './compare.ts';

/** What `cairn check` found in one repository: everything a formatter needs, nothing it must look up. */
export interface CheckReport {
  repo: { name: string; commit?: string };
  /** Which standards judged it, in words (Cairn's defaults, a portal's config, a published standards.json). */
  standards: string;
  entities: CatalogEntity[];
  scorecards: ScorecardDefinition[];
  checks: ReadonlyMap<string, CheckMetadata>;
  results: ScorecardResult[];
  /** Problems in this repository (descriptors, exemption annotations). */
  problems: Problem[];
  /** Against `--compare <ref>`, when asked. */
  comparison?: Comparison;
}

/** A level's display title: its own, or the id capitalised. */
export function levelTitle(scorecard: ScorecardDefinition | undefined, level: string | null): string {
  if (level === null) return 'no level';
  const title = scorecard?.levels.find((candidate) => candidate.id === level)?.title;
  return title ?? level.charAt(0).toUpperCase() + level.slice(1);
}

/** Results in a stable reading order: by entity, then scorecard. */
export function orderedResults(report: CheckReport): ScorecardResult[] {
  return [...report.results].sort((a, b) => a.entityRef.localeCompare(b.entityRef) || a.scorecard.localeCompare(b.scorecard));
}
