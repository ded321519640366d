import type { GuideSettings } from '../config/schema.ts';
import type { Problem } from '../contract/problems.ts';
import type { ScorecardDefinition } from '../scorecards/definition.ts';
import { ownerRef, unknownOwnerProblems } from '../scorecards/owners.ts';
import type { ScorecardResult } from '../scorecards/result.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import type { GuideSource } from './load.ts';
import type { Guide, GuideAdoption } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GuideEvaluationInput {
  guides: readonly GuideSource[];
  /** Applies a scorecard to the catalog (`prepareEvaluation`'s): a guide is judged as a one-level scorecard of its checks. */
  evaluate(scorecard: ScorecardDefinition): ScorecardResult[];
  /** Every entity known, to resolve each guide's owner. */
  entities: readonly CatalogEntity[];
  settings: GuideSettings;
  now: Date;
}

/**
 * Each guide with its adoption: its checks run with their default options on the entities its
 * `appliesTo` selects (exemptions count, as on scorecards). An owner that is not a Group in the
 * catalog is a problem on the guide's file, not a failure: the catalog may be partial this run.
 */
export function evaluateGuides(input: GuideEvaluationInput): { guides: Guide[]; problems: Problem[] } {
  const { settings, now } = input;
  const problems = unknownOwnerProblems(
    input.guides.map((source) => ({ owner: source.frontmatter.owner, what: 'Guide', file: source.file, line: source.ownerLine })),
    input.entities,
  );
  const guides = input.guides.map((source): Guide => {
    const { frontmatter } = source;
    const owner = ownerRef(frontmatter.owner);
    const results = frontmatter.checks.length ? input.evaluate(guideScorecard(source)) : [];
    return {
      ...frontmatter,
      id: source.id,
      file: source.file,
      owner: owner ?? frontmatter.owner,
      // Whole days since the review day (UTC), so a guide turns stale on a date, not at an hour.
      stale: Math.floor((now.getTime() - Date.parse(`${frontmatter.reviewed}T00:00:00Z`)) / DAY_MS) > settings.staleAfterDays,
      headings: source.headings.map(({ depth, slug, text }) => ({ depth, slug, text })),
      adoption: adoption(frontmatter.checks, results),
    };
  });
  return { guides, problems };
}

/** A guide's checks as a scorecard of one level, each check with its default options. */
function guideScorecard(guide: GuideSource): ScorecardDefinition {
  return {
    id: `guide-${guide.id.replaceAll('/', '-')}`,
    title: guide.frontmatter.title,
    description: '',
    appliesTo: guide.frontmatter.appliesTo ?? { kind: ['Component'] },
    levels: [{ id: 'follows', checks: guide.frontmatter.checks.map((id) => ({ id, weight: 1, options: {} })) }],
  };
}

/**
 * An entity counts when at least one of the guide's checks applies to it, and follows the guide when
 * every check that applies passes. Results come in entity-ref order, so the lists are stable.
 */
export function adoption(checkIds: readonly string[], results: readonly ScorecardResult[]): GuideAdoption {
  const entities = results.flatMap((result) => {
    const applicable = result.checks.filter((check) => check.effective !== 'notApplicable');
    if (applicable.length === 0) return [];
    const missing = applicable.filter((check) => check.effective !== 'pass').map((check) => check.checkId);
    return [{ entityRef: result.entityRef, follows: missing.length === 0, missing }];
  });
  const checks = checkIds.map((id) => {
    const outcomes = results.flatMap((result) =>
      result.checks.filter((check) => check.checkId === id && check.effective !== 'notApplicable'),
    );
    return { id, applicable: outcomes.length, passing: outcomes.filter((check) => check.effective === 'pass').length };
  });
  return { entities, checks };
}
