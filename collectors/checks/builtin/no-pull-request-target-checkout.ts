import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { NO_WORKFLOWS, UNTRUSTED_REF } from './support/workflows.ts';

/** Triggers that run with the base repository's secrets and write token on behalf of someone else's change. */
const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run']);

export const noPullRequestTargetCheckout = defineCheck({
  id: 'no-pull-request-target-checkout',
  title: 'No checkout of pull request code in privileged workflows',
  category: 'security',
  description:
    "No workflow triggered by `pull_request_target` or `workflow_run` checks out the pull request's head (`github.event.pull_request.head.*`, `github.head_ref`, `refs/pull/…`).",
  why: [
    "`pull_request_target` and `workflow_run` run with the base repository's secrets and a write token, even for pull requests from forks.",
    'Checking out the pull request\'s code there and building or testing it lets anyone who opens a pull request run code with those secrets ("pwn request"; OpenSSF Scorecard, Dangerous-Workflow).',
  ].join(' '),
  fix: [
    'Build and test pull requests in a `pull_request` workflow, which has no secrets for forks.',
    "If a privileged step is needed (commenting, labelling), split it: the `pull_request` workflow uploads its results as an artifact, and a `workflow_run` workflow reads that artifact as data, without checking out or running the pull request's code.",
  ].join('\n'),
  effort: 'medium',
  severity: 'error',
  options: z.object({}),
  needs: ['workflows'],
  run(context) {
    const { workflows } = context.facts;
    if (workflows.length === 0) return notApplicable(NO_WORKFLOWS);
    const privileged = workflows.filter((workflow) => workflow.triggers.some((trigger) => PRIVILEGED_TRIGGERS.has(trigger)));
    const dangerous: Evidence[] = privileged.flatMap((workflow) =>
      workflow.checkoutRefs
        .filter((checkout) => UNTRUSTED_REF.test(checkout.ref))
        .map((checkout) => ({ path: workflow.path, line: checkout.line, note: `checks out ${checkout.ref} (job ${checkout.job})` })),
    );
    if (dangerous.length > 0)
      return fail(
        `${count(dangerous.length, 'checkout')} of pull request code in workflows triggered by pull_request_target or workflow_run.`,
        capped(dangerous),
      );
    if (privileged.length === 0)
      return pass(`No workflow is triggered by pull_request_target or workflow_run (${count(workflows.length, 'workflow')} read).`);
    return pass(
      `${count(privileged.length, 'workflow')} triggered by pull_request_target or workflow_run, none checking out the pull request's code.`,
      privileged.map((workflow) => ({ path: workflow.path })),
    );
  },
});
