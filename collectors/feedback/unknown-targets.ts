import type { Problem } from '../contract/problems.ts';
import type { FeedbackSnapshot } from './feedback.ts';

/**
 * Feedback on a guide or check the portal does not have (renamed, removed, or mistyped in the
 * issue): no page shows it, so each such page id is a warning, for the platform team to move it.
 */
export function unknownFeedbackTargets(
  feedback: Pick<FeedbackSnapshot, 'satisfaction'> | undefined,
  known: { guides: ReadonlySet<string>; checks: ReadonlySet<string> },
): Problem[] {
  return (feedback?.satisfaction ?? []).flatMap(({ target, ratings, comments }): Problem[] => {
    if ((target.kind === 'guide' ? known.guides : known.checks).has(target.id)) return [];
    const newest = comments[0]?.url;
    return [
      {
        severity: 'warning',
        message: `Feedback names the ${target.kind} "${target.id}", which the portal does not have (renamed or removed?): its ${ratings === 1 ? 'rating is' : `${ratings} ratings are`} shown nowhere.${newest ? ` Newest: ${newest}` : ''}`,
      },
    ];
  });
}
