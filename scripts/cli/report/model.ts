import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import type { Comparison } from './compare.ts';
import type { Gate } from './gate.ts';

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
  /**
   * The portal's root URL, ending in `/`, when known (the published standards' folder, or the
   * config's `site` and `base`): check pages are at `${portalUrl}checks/<id>/`, entity pages at
   * `${portalUrl}catalog/<namespace>/<kind>/<name>/`.
   */
  portalUrl?: string;
  /** Files Cairn would write to fix a failing check, ready to commit (`--suggest`, and a block in Markdown). */
  suggestions: Suggestion[];
  /**
   * The `--fail-on` gate and why it fails (empty when it passes), so a report says whether the run
   * exits 1 and why; absent when the gate is `never`.
   */
  gate?: { name: Exclude<Gate, 'never'>; failures: string[] };
  /**
   * `--fail-on-problems`: the severity of the repository's own problems that makes the run exit 1,
   * and how many it has; absent with `never`. With `--fail-on regression`, only problems the base
   * (`since`) does not have count: a change is not failed for what it did not bring (`onBase` of them).
   */
  problemGate?: { failOn: 'error' | 'warning'; failing: number; since?: string; onBase?: number };
}

/** A file Cairn would write for the repository, e.g. the `catalog-info.yaml` of an inferred entity. */
export interface Suggestion {
  /** Repository-relative path of the file to create. */
  path: string;
  /** The failing checks it is written for (a stub such as a CODEOWNERS placeholder passes once filled in; its summary says so). */
  checkIds: string[];
  /** One sentence: what the file is and where its values come from. */
  summary: string;
  /** The file's content. */
  text: string;
}

/** The URL of a check's page on the portal, when the portal's URL is known. */
export function checkPageUrl(report: Pick<CheckReport, 'portalUrl'>, checkId: string): string | undefined {
  return report.portalUrl ? `${report.portalUrl}checks/${encodeURIComponent(checkId)}/` : undefined;
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
