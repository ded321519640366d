import type { CatalogEntity } from '../catalog/schema.ts';
import type { Problem } from '../contract/problems.ts';
import { normalizeRef } from './filter.ts';

/** An owner a content file names (`owner: group:platform`): a scorecard's, a guide's or an initiative's, with its file and line. */
export interface ContentOwner {
  owner: string;
  /** What names it, for the message: `Scorecard`, `Guide` or `Initiative`. */
  what: string;
  file: string;
  line?: number;
}

/** `group:default/platform` for `platform`, `group:platform` or the full ref; undefined when Backstage cannot parse it. */
export function ownerRef(owner: string): string | undefined {
  try {
    return normalizeRef(owner, 'group', 'default');
  } catch {
    return undefined;
  }
}

/**
 * A warning on the file of each owner that is not a Group of the catalog (a typo, `group:platfrom`):
 * not an error, as the catalog may be partial this run.
 */
export function unknownOwnerProblems(owners: readonly ContentOwner[], entities: readonly CatalogEntity[]): Problem[] {
  const groups = new Set(entities.filter((entity) => entity.kind === 'Group').map((entity) => entity.ref.toLowerCase()));
  return owners.flatMap(({ owner, what, file, line }) => {
    const ref = ownerRef(owner);
    if (ref && groups.has(ref)) return [];
    return [
      { severity: 'warning' as const, file, ...(line ? { line } : {}), message: `${what} owner "${owner}" is not a Group in the catalog.` },
    ];
  });
}
