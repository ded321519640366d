import { z } from 'zod';
import { defineCheck, fail, pass, notApplicable } from '../check.ts';
import { day, daysSince } from './support/time.ts';

export const recentCommit = defineCheck({
  id: 'recent-commit',
  title: 'Recently changed',
  category: 'activity',
  description: 'The last commit is at most N days old (90 by default).',
  why: 'Code nobody has touched for months still runs on dependencies that keep getting vulnerabilities, on a platform that keeps moving. A stale repository is either done (and should say so with `lifecycle: deprecated` or be archived) or silently rotting.',
  fix: [
    'If it is alive, merge the pending dependency updates: that alone keeps it current.',
    'If it is finished, set `spec.lifecycle: deprecated` in `catalog-info.yaml` and archive the repository, so scorecards stop expecting activity.',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({
    days: z.number().int().positive().default(90).describe('Most days since the last commit.'),
  }),
  // A deprecated component is expected to go quiet: activity is not asked of it.
  precheck: ({ entity }) =>
    entity.spec?.lifecycle === 'deprecated' ? notApplicable('The entity is deprecated: activity is not expected.') : undefined,
  needs: ['activity'],
  run(context) {
    const { lastCommitDate } = context.facts.activity;
    const { days } = context.options;
    if (!lastCommitDate) return fail('The repository has no commits.');
    const age = daysSince(lastCommitDate, context.now);
    if (age > days) return fail(`The last commit was ${age} days ago (${day(lastCommitDate)}); expected one within ${days} days.`);
    return pass(
      age <= 0
        ? `The last commit is less than a day old (${day(lastCommitDate)}).`
        : `The last commit was ${age} day${age === 1 ? '' : 's'} ago (${day(lastCommitDate)}).`,
    );
  },
});
