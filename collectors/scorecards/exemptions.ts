import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { checkMetadataSchema } from '../checks/check.ts';
import type { Problem } from '../contract/problems.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import { exemptionDateSchema, type ExemptionsFile } from './definition.ts';
import type { AppliedExemption } from './result.ts';
import { compareCodeUnits } from '../support/order.ts';

/**
 * Annotation prefix of an entity's own exemptions: `cairn.dev/exempt.<check-id>: "YYYY-MM-DD: reason"`.
 * Teams exempt themselves in their descriptor, the way a linter is silenced in code: in the open,
 * with a reason and an end date, and shown beside the check on every page.
 */
export const EXEMPTION_ANNOTATION_PREFIX = 'cairn.dev/exempt.';

/** One exemption from either source, with its entity ref normalised (lowercase, full). */
export interface Exemption {
  entityRef: string;
  checkId: string;
  /** Only this scorecard; every scorecard when absent. Annotations are never scoped. */
  scorecard?: string;
  reason: string;
  /** `YYYY-MM-DD`, the last day the exemption holds. */
  expires: string;
  source: AppliedExemption['source'];
  /** Where it was declared, for problems that point at it. */
  declaredAt?: { repo?: string; file: string; line?: number };
}

const ANNOTATION_VALUE = /^\s*(\d{4}-\d{2}-\d{2})\s*:\s*(.*?)\s*$/s;

/**
 * The exemptions an entity declares in its `cairn.dev/exempt.*` annotations. A value that is not
 * `YYYY-MM-DD: reason` (or a key without a check id) exempts nothing and becomes a problem pointing
 * at the entity's descriptor, so the team sees why its exemption is not honoured.
 */
export function annotationExemptions(entity: CatalogEntity): { exemptions: Exemption[]; problems: Problem[] } {
  const exemptions: Exemption[] = [];
  const problems: Problem[] = [];
  const { repo, file, line } = entity.source;
  const declaredAt = { ...(repo ? { repo } : {}), file, line };
  for (const [key, value] of Object.entries(entity.metadata.annotations ?? {})) {
    if (!key.startsWith(EXEMPTION_ANNOTATION_PREFIX)) continue;
    const checkId = key.slice(EXEMPTION_ANNOTATION_PREFIX.length);
    const parsed = value.match(ANNOTATION_VALUE);
    let fault: string | undefined;
    if (!checkMetadataSchema.shape.id.safeParse(checkId).success)
      fault = `the key must name a check id, e.g. ${EXEMPTION_ANNOTATION_PREFIX}readme-present`;
    else if (!parsed) fault = `expected "YYYY-MM-DD: reason", found ${JSON.stringify(value)}`;
    else if (!exemptionDateSchema.safeParse(parsed[1]).success) fault = `"${parsed[1]}" is not a valid date (YYYY-MM-DD)`;
    else if (!parsed[2]) fault = 'a reason is required after the date, e.g. "2026-12-31: migrating to the new pipeline"';
    if (fault || !parsed) {
      problems.push({ severity: 'error', ...declaredAt, entityRef: entity.ref, message: `Annotation ${key} is ignored: ${fault}.` });
      continue;
    }
    exemptions.push({ entityRef: entity.ref, checkId, reason: parsed[2]!, expires: parsed[1]!, source: 'annotation', declaredAt });
  }
  return { exemptions, problems };
}

/**
 * The exemptions of `content/exemptions.yaml`, already validated by its schema. Entity refs are
 * resolved with Backstage's defaults (kind component, namespace default). `lines` gives the line
 * of each entry, in order, when the caller knows them.
 */
export function centralExemptions(parsed: ExemptionsFile, file: string, lines: ReadonlyArray<number | undefined> = []): Exemption[] {
  return parsed.exemptions.map((entry, index) => {
    const line = lines[index];
    return {
      entityRef: stringifyEntityRef(parseEntityRef(entry.entity, { defaultKind: 'component', defaultNamespace: 'default' })).toLowerCase(),
      checkId: entry.check,
      ...(entry.scorecard ? { scorecard: entry.scorecard } : {}),
      reason: entry.reason,
      expires: entry.expires,
      source: 'central' as const,
      declaredAt: { file, ...(line ? { line } : {}) },
    };
  });
}

/**
 * Whether an exemption has run out at `now`. It holds through its `expires` day in UTC, so
 * "until 2026-12-31" still exempts on New Year's Eve everywhere the nightly build runs.
 */
export function isExpired(expires: string, now: Date): boolean {
  return now.toISOString().slice(0, 10) > expires;
}

/**
 * The exemption that applies to one check of one entity on one scorecard, if any. When several
 * match (an annotation and a central entry, a scoped and an unscoped one), the one that lasts
 * longest wins, so renewing an exemption in either place works and an expired entry never hides a
 * valid one; on equal dates a scorecard-scoped entry beats an unscoped one and a central entry an
 * annotation, the more deliberate choice.
 */
export function findExemption(
  exemptions: readonly Exemption[],
  target: { entityRef: string; checkId: string; scorecard: string },
  now: Date,
): AppliedExemption | undefined {
  const entityRef = target.entityRef.toLowerCase();
  const best = exemptions
    .filter(
      (exemption) =>
        exemption.entityRef === entityRef &&
        exemption.checkId === target.checkId &&
        (!exemption.scorecard || exemption.scorecard === target.scorecard),
    )
    .sort(
      (a, b) =>
        compareCodeUnits(b.expires, a.expires) ||
        Number(Boolean(b.scorecard)) - Number(Boolean(a.scorecard)) ||
        Number(b.source === 'central') - Number(a.source === 'central'),
    )[0];
  return best && { reason: best.reason, expires: best.expires, expired: isExpired(best.expires, now), source: best.source };
}
