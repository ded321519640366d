import { z } from 'zod';
import type { CheckDefinition, CheckResult, Outcome } from '../../../collectors/checks/check.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import { scorecardDefinitionSchema } from '../../../collectors/scorecards/definition.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';

/** A Component (by default) in repository `name`, with the fields a scorecard filter reads. */
export function component(
  name: string,
  options: {
    kind?: string;
    namespace?: string;
    spec?: Record<string, unknown>;
    tags?: string[];
    annotations?: Record<string, string>;
    repo?: string | null;
  } = {},
): CatalogEntity {
  const kind = options.kind ?? 'Component';
  const namespace = options.namespace ?? 'default';
  return {
    ref: `${kind}:${namespace}/${name}`.toLowerCase(),
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      ...(options.tags ? { tags: options.tags } : {}),
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: options.spec ?? { type: 'service', lifecycle: 'production', owner: 'payments' },
    relations: [],
    source:
      options.repo === null
        ? { file: 'content/teams/org.yaml', line: 3 }
        : { repo: options.repo ?? name, file: 'catalog-info.yaml', line: 2 },
    inferred: false,
  };
}

/** A check that always gives `outcome`, with the given effort. */
export function stubCheck(id: string, outcome: Outcome, effort: CheckDefinition['effort'] = 'low'): CheckDefinition {
  return {
    id,
    title: id,
    category: 'custom',
    description: `Stub ${id}.`,
    why: 'Tests.',
    fix: 'Nothing.',
    effort,
    severity: 'warning',
    needs: [],
    options: z.strictObject({}),
    run: (): CheckResult => ({ outcome, message: `${id} says ${outcome}`, evidence: [] }),
  };
}

/** A scorecard from its levels, each a list of check ids or `{ id, weight }`. */
export function scorecard(
  id: string,
  levels: Record<string, Array<string | { id: string; weight?: number; options?: Record<string, unknown> }>>,
  appliesTo?: unknown,
): ScorecardDefinition {
  return scorecardDefinitionSchema.parse({
    id,
    title: id,
    ...(appliesTo ? { appliesTo } : {}),
    levels: Object.entries(levels).map(([levelId, checks]) => ({ id: levelId, checks })),
  });
}

export const NOW = new Date('2026-11-01T12:00:00Z');
