import { cleanText, type FeedbackTarget } from './feedback.ts';

/**
 * The feedback issue: what Cairn asks (a 1–5 rating and a comment about one guide or check), the
 * issue form or template that asks it on each forge, the prefilled "new issue" URL each page links
 * to, and how an issue written through it is read back. The page travels in a field of its own
 * (`guide:<id>` or `check:<id>`) because labels in a "new issue" URL are dropped for readers who
 * cannot triage the repository.
 */

/** The label every feedback issue carries (set by the form), which the feedback source lists by. */
export const FEEDBACK_LABEL = 'cairn-feedback';
/** File name of the issue form (`.github/ISSUE_TEMPLATE/`) and template (`.gitlab/issue_templates/`). */
export const FEEDBACK_TEMPLATE = 'cairn-feedback';

export const RATING_CHOICES = [
  '5 - Very helpful',
  '4 - Helpful',
  '3 - Somewhat helpful',
  '2 - Not very helpful',
  '1 - Not helpful',
] as const;

/** A GitHub issue form (`.github/ISSUE_TEMPLATE/cairn-feedback.yml`) for the portal's feedback repository. */
export function githubIssueForm(label = FEEDBACK_LABEL): string {
  return `name: Portal feedback
description: Tell the platform team how helpful a golden-path guide or a check is.
title: "Feedback: "
labels: [${JSON.stringify(label)}]
body:
  - type: input
    id: page
    attributes:
      label: Page
      description: Filled in by the portal (guide:<id> or check:<id>).
    validations:
      required: true
  - type: dropdown
    id: rating
    attributes:
      label: Rating
      options:
${RATING_CHOICES.map((choice) => `        - ${JSON.stringify(choice)}`).join('\n')}
    validations:
      required: true
  - type: textarea
    id: comment
    attributes:
      label: Comment
      description: What worked, what was missing, what would you change?
`;
}

/** A GitLab issue description template (`.gitlab/issue_templates/cairn-feedback.md`). */
export function gitlabIssueTemplate(label = FEEDBACK_LABEL): string {
  return `### Page

(filled in by the portal)

### Rating

(1 = not helpful … 5 = very helpful)

### Comment


/label ~"${label}"
`;
}

/** The forge hosting the feedback repository, its web URL (`https://github.com/acme/portal`) and label. */
export interface FeedbackRepository {
  forge: 'github' | 'gitlab';
  webUrl: string;
  label?: string;
}

/** The "new issue" URL a page's feedback control opens, prefilled with the page and its title. */
export function feedbackIssueUrl(repository: FeedbackRepository, target: FeedbackTarget, title: string): string {
  const page = `${target.kind}:${target.id}`;
  const base = repository.webUrl.replace(/\/+$/, '');
  const issueTitle = `Feedback: ${title}`;
  if (repository.forge === 'github') {
    return `${base}/issues/new?${new URLSearchParams({ template: `${FEEDBACK_TEMPLATE}.yml`, title: issueTitle, page })}`;
  }
  const description = `### Page\n\n${page}\n\n### Rating\n\n(1 = not helpful … 5 = very helpful)\n\n### Comment\n\n\n/label ~"${repository.label ?? FEEDBACK_LABEL}"\n`;
  return `${base}/-/issues/new?${new URLSearchParams({ 'issue[title]': issueTitle, 'issue[description]': description })}`;
}

/** What an issue says once read back: the page, the rating and the comment, each when present. */
export interface ParsedFeedback {
  target?: FeedbackTarget;
  rating?: number;
  comment?: string;
}

/** A page id is a path of a few words: anything longer names no page, and is not quoted back (the issue's author wrote it). */
const TARGET = /^(guide|check):(\S{1,200})$/;
/** GitHub writes this for an optional field left empty. */
const NO_RESPONSE = '_No response_';

/**
 * Reads an issue written through the form or template: `### Page`, `### Rating` and `### Comment`
 * sections (GitHub's issue forms write exactly these; the GitLab template has them too). A page
 * missing from the body is taken from a `guide:<id>` or `check:<id>` label. The placeholder text of
 * the GitLab template counts as empty.
 */
export function parseFeedbackIssue(body: string | null | undefined, labels: readonly string[] = []): ParsedFeedback {
  const sections = sectionsOf(body ?? '');
  const pageText = sections.get('page')?.split('\n')[0]?.trim() ?? '';
  const targetText = TARGET.test(pageText) ? pageText : labels.find((label) => TARGET.test(label.trim()))?.trim();
  const match = targetText ? TARGET.exec(targetText) : null;
  const rating = /^([1-5])(?!\d)/.exec(sections.get('rating') ?? '')?.[1];
  const commentText = cleanText((sections.get('comment') ?? '').replace(/^\/label .*$/gm, ''));
  return {
    ...(match ? { target: { kind: match[1] as FeedbackTarget['kind'], id: match[2]! } } : {}),
    ...(rating ? { rating: Number(rating) } : {}),
    ...(commentText && commentText !== NO_RESPONSE ? { comment: commentText } : {}),
  };
}

/** `### Heading` sections of a Markdown body, by lower-cased heading, trimmed, without the template's `(placeholder)` lines. */
function sectionsOf(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (heading !== undefined && !sections.has(heading)) sections.set(heading, lines.join('\n').trim());
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const match = /^###\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) {
      flush();
      heading = match[1]!.toLowerCase();
      lines = [];
    } else if (!/^\s*\(.*\)\s*$/.test(line)) lines.push(line);
  }
  flush();
  return sections;
}
