import { cleanText } from '../../collectors/contract/helpers.ts';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { entityDisplayName } from './entity-ref.ts';

/** What an entity's page shows when it could not be prepared: which entity, where it is declared, and why. */
export interface EntityPageFailure {
  ref: string;
  displayName: string;
  /** `repository payments, catalog-info.yaml line 3`. */
  declaredIn: string;
  /** The problem, as the build log and the page give it. */
  message: string;
}

/**
 * The failure of one entity's page while its data was `prepared` or its HTML `built`, as a problem:
 * named by entity, repository, file and line, with the error's first line (cleaned, since it may
 * quote repository text).
 */
export function entityPageFailure(entity: CatalogEntity, error: unknown, stage: 'prepared' | 'built' = 'prepared'): EntityPageFailure {
  const { repo, file, line } = entity.source;
  const declaredIn = `${repo === undefined ? '' : `repository ${repo}, `}${file === '.' ? 'inferred' : `${file} line ${line}`}`;
  const reason = cleanText((error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim());
  return {
    ref: entity.ref,
    displayName: entityDisplayName(entity),
    declaredIn,
    message: `The page of ${entity.ref} (${declaredIn}) could not be ${stage}: ${reason}. The rest of the portal is built; this is a fault in Cairn, please report it with this message.`,
  };
}

/**
 * Runs `prepare` for one entity's page. A throw does not stop the build: it becomes a failure the
 * page shows and `report` logs, so one entity whose data the views do not expect costs its own
 * page only.
 */
export function prepareEntityPage<T>(
  entity: CatalogEntity,
  prepare: () => T,
  report: (message: string) => void = (message) => console.warn(message),
): { props: T; failure?: undefined } | { failure: EntityPageFailure } {
  try {
    return { props: prepare() };
  } catch (error) {
    const failure = entityPageFailure(entity, error);
    report(failure.message);
    return { failure };
  }
}
