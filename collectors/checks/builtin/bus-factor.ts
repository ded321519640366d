import { z } from 'zod';
import { defineCheck, fail, pass, notApplicable } from '../check.ts';
import { count } from './support/facts.ts';
import { day } from './support/time.ts';

export const busFactor = defineCheck({
  id: 'bus-factor',
  title: 'More than one active contributor',
  category: 'activity',
  description:
    'At least N people (2 by default) committed in the activity window, counted by distinct author email; a repository with no commits in the window has no authors to count (recent-commit judges that).',
  why: 'When one person makes every change, everything they know is a single point of failure: their holiday is an outage risk, their departure a rewrite. Two or more active contributors means reviews have context and knowledge is shared.',
  fix: 'Pair on the next changes, have a second team member own reviews and a release, and write down what only one person knows in the docs. Bots (Dependabot, Renovate) count as authors when they commit directly.',
  effort: 'high',
  severity: 'note',
  options: z.object({
    minAuthors: z.number().int().positive().default(2).describe('Fewest distinct authors in the activity window.'),
  }),
  // A deprecated component is expected to go quiet: activity is not asked of it.
  precheck: ({ entity }) =>
    entity.spec?.lifecycle === 'deprecated' ? notApplicable('The entity is deprecated: activity is not expected.') : undefined,
  needs: ['activity'],
  run(context) {
    const { authors, commits, since } = context.facts.activity;
    const { minAuthors } = context.options;
    // A quiet repository has no authors to count; whether it is still worked on is recent-commit's question.
    if (commits === 0)
      return notApplicable(`No commits since ${day(since)}, so no authors to count (recent-commit judges how recent the last one is).`);
    if (authors < minAuthors)
      return fail(`${count(authors, 'author')} made the ${count(commits, 'commit')} since ${day(since)}; expected at least ${minAuthors}.`);
    return pass(`${count(authors, 'author')} made the ${count(commits, 'commit')} since ${day(since)}.`);
  },
});
