import { notApplicable, type CheckContext, type CheckResult } from '../../check.ts';
import type { Facts } from '../../../facts/index.ts';
import { requireFacts } from './facts.ts';

export type WorkflowFacts = NonNullable<Facts['workflows']>[number];

/**
 * The repository's GitHub Actions workflows, or the verdict when there are none (workflow checks
 * do not apply). `none` says why, where a check reads only workflows for something broader.
 */
export function requireWorkflows(
  context: Pick<CheckContext<unknown>, 'entity' | 'facts'>,
  none = 'No GitHub Actions workflows in .github/workflows/.',
): { ok: true; workflows: WorkflowFacts[] } | { ok: false; result: CheckResult } {
  const needed = requireFacts(context, ['workflows']);
  if (!needed.ok) return needed;
  if (needed.facts.workflows.length === 0) return { ok: false, result: notApplicable(none) };
  return { ok: true, workflows: needed.facts.workflows };
}
