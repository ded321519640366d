import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { NO_WORKFLOWS } from './support/workflows.ts';

const COMMIT_SHA = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/i;

export const actionsPinned = defineCheck({
  id: 'actions-pinned',
  title: 'GitHub Actions pinned to commits',
  category: 'security',
  description:
    'Every `uses:` of an action or reusable workflow from another repository is pinned to a full 40-character commit SHA; docker actions to an image digest.',
  why: [
    "A tag like `@v4` is a pointer the action's owner (or whoever compromises their account) can move: the next run executes different code with your repository's token and secrets.",
    'In March 2025 the tags of tj-actions/changed-files were moved to a malicious commit that printed secrets into the build logs of the repositories that ran it by tag. A commit SHA cannot be moved (OpenSSF Scorecard, Pinned-Dependencies).',
  ].join(' '),
  fix: [
    'Replace each tag with the commit it points at, and keep the tag as a comment so Dependabot and Renovate still update it:',
    '',
    '```yaml',
    '- uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
    '```',
    '',
    'Tools such as `pinact` or `npx pin-github-action` rewrite every workflow at once.',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({
    trustedOwners: z
      .array(z.string().min(1))
      .default([])
      .describe('Owners whose actions may be used by tag (e.g. your own organisation); compared case-insensitively.'),
  }),
  needs: ['workflows'],
  run(context) {
    const { workflows } = context.facts;
    if (workflows.length === 0) return notApplicable(NO_WORKFLOWS);
    const trusted = new Set(context.options.trustedOwners.map((owner) => owner.toLowerCase()));
    const unpinned: Evidence[] = [];
    let external = 0;
    for (const workflow of workflows) {
      for (const use of workflow.uses) {
        if (use.kind === 'local') continue;
        external++;
        const pinned = use.kind === 'docker' ? IMAGE_DIGEST.test(use.ref ?? '') : COMMIT_SHA.test(use.ref ?? '');
        const owner = use.action.split('/')[0]!.toLowerCase();
        if (!pinned && !(use.kind !== 'docker' && trusted.has(owner)))
          unpinned.push({ path: workflow.path, line: use.line, note: use.uses });
      }
    }
    if (unpinned.length > 0)
      return fail(
        `${count(unpinned.length, 'action reference')} of ${external} ${unpinned.length === 1 ? 'is' : 'are'} not pinned to a commit SHA (or image digest).`,
        capped(unpinned),
      );
    if (external === 0) return pass(`Only local actions are used (${count(workflows.length, 'workflow')}).`);
    return pass(
      `Every action reference is pinned to a commit SHA or comes from a trusted owner (${count(external, 'reference')} in ${count(workflows.length, 'workflow')}).`,
    );
  },
});
