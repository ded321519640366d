import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { feedbackIssueUrl, githubIssueForm, gitlabIssueTemplate, parseFeedbackIssue } from '../../../collectors/feedback/issue-form.ts';

/** An issue body as GitHub writes it from the issue form. */
const formBody = (page: string, rating: string, comment: string) =>
  `### Page\n\n${page}\n\n### Rating\n\n${rating}\n\n### Comment\n\n${comment}`;

describe('reading a feedback issue', () => {
  it.each([
    [
      'a GitHub issue form',
      formBody('guide:ci/github-actions', '4 - Helpful', 'Clear steps.'),
      [],
      { target: { kind: 'guide', id: 'ci/github-actions' }, rating: 4, comment: 'Clear steps.' },
    ],
    [
      'an empty optional comment',
      formBody('check:has-readme', '1 - Not helpful', '_No response_'),
      [],
      { target: { kind: 'check', id: 'has-readme' }, rating: 1 },
    ],
    [
      'the page from a label',
      '### Rating\n\n5 - Very helpful',
      ['cairn-feedback', 'guide:docs/techdocs'],
      { target: { kind: 'guide', id: 'docs/techdocs' }, rating: 5 },
    ],
    ['the GitLab template left as it is', gitlabIssueTemplate(), [], {}],
    [
      'the GitLab template filled in',
      gitlabIssueTemplate()
        .replace('(filled in by the portal)', 'guide:x')
        .replace('(1 = not helpful … 5 = very helpful)', '3')
        .replace('### Comment\n', '### Comment\nToo long.\n'),
      [],
      { target: { kind: 'guide', id: 'x' }, rating: 3, comment: 'Too long.' },
    ],
    ['a rating out of range', formBody('guide:x', '7', ''), [], { target: { kind: 'guide', id: 'x' } }],
    ['a page that is no guide or check', formBody('entity:x', '4', ''), [], { rating: 4 }],
    ['a page id longer than any page’s, which is not quoted back', formBody(`check:${'x'.repeat(60_000)}`, '4', ''), [], { rating: 4 }],
    ['no body', null, [], {}],
    [
      'control characters in the comment',
      formBody('guide:x', '2', 'bad\u0007\u202e text'),
      [],
      { target: { kind: 'guide', id: 'x' }, rating: 2, comment: 'bad text' },
    ],
  ])('%s', (_name, body, labels, expected) => {
    expect(parseFeedbackIssue(body, labels)).toEqual(expected);
  });

  it('reads back what the GitHub form asks', () => {
    const form = parse(githubIssueForm()) as {
      labels: string[];
      body: Array<{ id: string; attributes: { label: string; options?: string[] } }>;
    };
    expect(form.labels).toEqual(['cairn-feedback']);
    const [page, rating, comment] = form.body;
    // GitHub writes each field as `### <label>` then the answer.
    const body = `### ${page!.attributes.label}\n\nguide:g\n\n### ${rating!.attributes.label}\n\n${rating!.attributes.options![1]}\n\n### ${comment!.attributes.label}\n\nok`;
    expect(parseFeedbackIssue(body)).toEqual({ target: { kind: 'guide', id: 'g' }, rating: 4, comment: 'ok' });
  });
});

describe('the feedback link', () => {
  it('prefills the GitHub issue form with the page', () => {
    const url = new URL(
      feedbackIssueUrl(
        { forge: 'github', webUrl: 'https://github.com/acme/portal/' },
        { kind: 'guide', id: 'ci/github-actions' },
        'Build & test',
      ),
    );
    expect(url.origin + url.pathname).toBe('https://github.com/acme/portal/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: 'cairn-feedback.yml',
      title: 'Feedback: Build & test',
      page: 'guide:ci/github-actions',
    });
  });

  it('prefills a GitLab issue whose description reads back as the page', () => {
    const url = new URL(
      feedbackIssueUrl(
        { forge: 'gitlab', webUrl: 'https://gitlab.example/acme/portal' },
        { kind: 'check', id: 'has-readme' },
        'Has a README',
      ),
    );
    expect(url.pathname).toBe('/acme/portal/-/issues/new');
    expect(parseFeedbackIssue(url.searchParams.get('issue[description]'))).toEqual({ target: { kind: 'check', id: 'has-readme' } });
  });
});
