import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { count } from './support/facts.ts';
import { UNTRUSTED_REF } from './support/workflows.ts';
import type { Workflow } from '../../facts/workflows.ts';

/** The `pull_request` activity types on which a workflow sees the change: when the pull request is opened or pushed to. */
const CHANGE_TYPES = new Set(['opened', 'synchronize']);

/**
 * Whether a workflow checks a pull request's changes: run on `pull_request` (when it is opened or
 * pushed to: not one limited to `closed` or `labeled`) or a merge queue. One on
 * `pull_request_target` runs the base branch's code (labelling, greeting bots) unless it checks the
 * head out, which no-pull-request-target-checkout flags but which does test the change.
 */
function checksPullRequests(workflow: Workflow): boolean {
  if (workflow.triggers.includes('merge_group')) return true;
  if (workflow.triggers.includes('pull_request') && (workflow.pullRequestTypes?.some((type) => CHANGE_TYPES.has(type)) ?? true))
    return true;
  return workflow.triggers.includes('pull_request_target') && workflow.checkoutRefs.some((checkout) => UNTRUSTED_REF.test(checkout.ref));
}

export const ciOnPullRequest = defineCheck({
  id: 'ci-on-pull-request',
  title: 'CI runs on pull requests',
  category: 'build',
  description:
    "At least one GitHub Actions workflow runs on `pull_request` (or a merge queue), so changes are checked before they merge. One limited to `types` that do not include `opened` or `synchronize` (`closed`, `labeled` …) does not see the changes. A `pull_request_target` workflow counts only when it checks out the pull request's head: otherwise it runs the base branch's code. The triggers of other CI systems are not read: beside one, workflows that do not run on pull requests give no verdict.",
  why: 'CI that runs only after a merge tells you the main branch is broken once it already is. Running it on pull requests blocks the breakage before it lands, and lets branch protection require it.',
  fix: [
    'Trigger the build-and-test workflow on pull requests as well as on the main branch:',
    '',
    '```yaml',
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['workflows', 'ci'],
  run(context) {
    const { workflows, ci } = context.facts;
    if (workflows.length === 0) return notApplicable('No GitHub Actions workflows; the triggers of other CI systems are not read.');
    const onPullRequests = workflows.filter(checksPullRequests);
    // Azure Pipelines and CircleCI build pull requests unless told not to: beside them, workflows that do not are no verdict.
    const others = ci.filter((entry) => entry.system !== 'github-actions');
    if (onPullRequests.length === 0 && others.length > 0)
      return notApplicable(
        `No GitHub Actions workflow runs on pull requests, but ${others.map((entry) => `${entry.system} (${entry.files[0]})`).join(', ')} may: the triggers of other CI systems are not read.`,
      );
    if (onPullRequests.length === 0)
      return fail(
        `No workflow runs on pull_request (${count(workflows.length, 'workflow')} read); changes are only checked after they merge.`,
        workflows.map((workflow) => ({
          path: workflow.path,
          note: `on: ${workflow.triggers.join(', ') || '(none)'}${workflow.pullRequestTypes ? ` (pull_request types: ${workflow.pullRequestTypes.join(', ')})` : ''}`,
        })),
      );
    return pass(
      `${count(onPullRequests.length, 'workflow')} of ${workflows.length} run${onPullRequests.length === 1 ? 's' : ''} on pull requests.`,
      onPullRequests.map((workflow) => ({ path: workflow.path })),
    );
  },
});
