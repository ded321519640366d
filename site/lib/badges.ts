import { makeBadge } from 'badge-maker';
import type { IndexedCatalog } from './catalog.ts';
import { entityRouteParams, type EntityRefParts } from './entity-ref.ts';
import { levelRef, type LevelRef, type IndexedStandards } from './standards.ts';

/** Shields colours from just above the bar to the top; the top level is always the last. */
const LEVEL_COLOURS = ['orange', 'yellow', 'yellowgreen', 'green', 'brightgreen'] as const;

/** The colour below every level. */
export const NO_LEVEL_COLOUR = 'red';

/**
 * A badge's colour by how far up the scorecard the level is: red for no level, brightgreen for the
 * top, and the shades between spread evenly over the levels in between.
 */
export function badgeColour(level: Pick<LevelRef, 'rank'>, levelCount: number): string {
  if (level.rank <= 0) return NO_LEVEL_COLOUR;
  if (levelCount <= 1 || level.rank >= levelCount) return LEVEL_COLOURS.at(-1)!;
  const position = (level.rank - 1) / (levelCount - 1);
  return LEVEL_COLOURS[Math.round(position * (LEVEL_COLOURS.length - 1))]!;
}

/** What one badge says. */
export interface Badge {
  label: string;
  message: string;
  color: string;
}

/** One badge route: the entity's route parameters plus the scorecard, and what the badge says. */
export interface BadgeRoute {
  params: EntityRefParts & { scorecard: string };
  badge: Badge;
}

/**
 * Which scorecards get README badges (portal.yaml's `badges`): every one (`true`), those listed, or
 * none. Badges are opt-in: each is a file per entity and scorecard, thousands in a large organisation.
 */
export type BadgeSetting = boolean | readonly string[];

/** The setting as the CLI hands it to the site (`CAIRN_BADGES`, JSON); absent, or not a setting: none. */
export function parseBadgeSetting(value: string | undefined): BadgeSetting {
  if (!value) return false;
  const parsed: unknown = JSON.parse(value);
  return parsed === true || (Array.isArray(parsed) && parsed.every((id) => typeof id === 'string')) ? (parsed as BadgeSetting) : false;
}

/** Whether the scorecard `id` has badges under `setting`. */
export function hasBadges(setting: BadgeSetting, id: string): boolean {
  return setting === true || (Array.isArray(setting) && setting.includes(id));
}

/** A badge for every result whose entity is in the catalog, on the scorecards the setting names. */
export function badgeRoutes(catalog: IndexedCatalog, standards: IndexedStandards, setting: BadgeSetting): BadgeRoute[] {
  return standards.results.flatMap((result) => {
    const entity = catalog.byRef.get(result.entityRef);
    const scorecard = standards.scorecardsById.get(result.scorecard)!;
    if (!entity || !hasBadges(setting, scorecard.id)) return [];
    const level = levelRef(scorecard, result.level);
    return [
      {
        params: { ...entityRouteParams(entity), scorecard: scorecard.id },
        badge: {
          label: scorecard.title,
          message: level.id === null ? 'none' : level.title,
          color: badgeColour(level, scorecard.levels.length),
        },
      },
    ];
  });
}

/** The badge as a shields-style (flat) SVG; badge-maker escapes the text. */
export function badgeSvg(badge: Badge): string {
  return makeBadge({ ...badge, style: 'flat' });
}

/**
 * Markdown that embeds the badge and links it to the entity's page, for a README. With the site's
 * absolute URL (`site` in portal.yaml) the snippet works anywhere; without, it has root-relative paths.
 */
export function badgeMarkdown(alt: string, badgeHref: string, pageHref: string, site: string | undefined): string {
  const absolute = (href: string) => (site ? new URL(href, site).href : href);
  return `[![${alt.replace(/[[\]\\]/g, '\\$&')}](${absolute(badgeHref)})](${absolute(pageHref)})`;
}
