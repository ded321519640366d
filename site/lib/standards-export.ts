import {
  STANDARDS_FORMAT,
  type CatalogEntity,
  type PublishedStandards,
  type ScorecardDefinition,
  type StandardsFile,
} from '../../collectors/contract/snapshot.ts';
import { byCodeUnit } from './catalog.ts';

/**
 * `/standards.json` (`StandardsFile`), in a fixed order — scorecards and custom checks by id, teams
 * by ref — so the same snapshot gives the same bytes.
 */
export function standardsExport(input: {
  generatedAt: string;
  scorecards: readonly ScorecardDefinition[];
  published: PublishedStandards | undefined;
  entities: readonly CatalogEntity[];
}): StandardsFile {
  const published = input.published ?? { scorecardsFrom: 'content', customChecks: [], exemptions: [] };
  return {
    format: STANDARDS_FORMAT,
    generatedAt: input.generatedAt,
    scorecardsFrom: published.scorecardsFrom,
    scorecards: input.scorecards.toSorted((a, b) => byCodeUnit(a.id, b.id)),
    customChecks: published.customChecks.toSorted((a, b) => byCodeUnit(a.id, b.id)),
    exemptions: published.exemptions,
    ...(published.activityWindowDays ? { activityWindowDays: published.activityWindowDays } : {}),
    ...(published.descriptorPaths ? { descriptorPaths: published.descriptorPaths } : {}),
    ...(published.templates ? { templates: published.templates } : {}),
    teams: input.entities
      .filter((entity) => entity.kind === 'Group' || entity.kind === 'User')
      .toSorted((a, b) => byCodeUnit(a.ref, b.ref)),
  };
}
