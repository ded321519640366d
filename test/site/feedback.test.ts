import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackIssueUrl } from '../../collectors/contract/helpers.ts';
import { buildFeedbackPortal, FEEDBACK_REPOSITORY } from './feedback-fixture.ts';

// The fixture organisation with guides and developers' feedback, built under /portal/ with a history
// of three runs; and the same portal without feedback (and without history).
const BASE = '/portal/';
let workDir: string;
let withFeedback: string;
let withoutFeedback: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'cairn-feedback-'));
  withFeedback = await buildFeedbackPortal(join(workDir, 'with'), BASE);
  withoutFeedback = await buildFeedbackPortal(join(workDir, 'without'), BASE, { withFeedback: false });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const page = (site: string, path: string) => readFile(join(site, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** An attribute value as Astro writes it. */
const attribute = (value: string) => value.replaceAll('&', '&amp;');

/** The element opening with `start` up to the first `end` after it. */
function part(html: string, start: string, end = '</section>'): string {
  const at = html.indexOf(start);
  expect(at, start).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf(end, at) + end.length);
}

/** C0 controls but tab, LF and CR; DEL; C1. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('a guide page with feedback', () => {
  it('shows the mean rating and its count, the spread, the reactions and the monthly trend with its figures', async () => {
    const section = part(await page(withFeedback, 'guides/build/set-up-ci'), '<section class="satisfaction"');
    expect(text(section)).toContain('Satisfaction 2.4 of 5 (the mean of 5 ratings)');
    expect(text(section)).toMatch(
      /5 - Very helpful 0 \(0%\) 4 - Helpful 1 \(20%\) 3 - Somewhat helpful 1 \(20%\) 2 - Not very helpful 2 \(40%\) 1 - Not helpful 1 \(20%\)/,
    );
    expect(section).toContain('<span class="bar" style="width: 40%"></span>');
    expect(text(section)).toContain('Reactions on the feedback issues: 👍 3 · 👎 1');
    expect(section).toContain('aria-labelledby="chart-set-up-ci-mean-rating-by-month"');
    expect(text(part(section, '<details class="trend-data">', '</details>'))).toContain(
      'Month Mean rating Ratings 2026-06 3.0 2 2026-10 2.0 3',
    );
  });

  it('shows the newest comments escaped, linked to their issue when it is a web link, with the author only when given', async () => {
    const html = await page(withFeedback, 'guides/build/set-up-ci');
    const comments = part(html, '<ol class="feedback-comments">', '</ol>');
    expect(comments).toContain(
      '<blockquote>&lt;script&gt;alert(&quot;feedback&quot;)&lt;/script&gt; \ufffd[31m&lt;img src=x onerror=alert(5)&gt;\ufffd\nSecond line.</blockquote>',
    );
    expect(text(comments)).toContain('Rated 1 of 5 · 2026-10-20 · by dana · issue #12');
    expect(comments).toContain('<a href="https://github.com/acme/portal/issues/12">issue #12</a>');
    // The second comment has no author, and its "issue" is not a web link: no link, no author.
    const second = comments.slice(comments.indexOf('The caching section is missing.'));
    expect(text(second)).toMatch(/^The caching section is missing\. 2026-06-03 $/);
    expect(html).not.toContain('javascript:alert(6)');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).not.toMatch(CONTROL);
  });

  it('links "Was this helpful?" and the rating link to the prefilled feedback issue, not the plain feedback link', async () => {
    const html = await page(withFeedback, 'guides/build/set-up-ci');
    const issue = attribute(feedbackIssueUrl(FEEDBACK_REPOSITORY, { kind: 'guide', id: 'build/set-up-ci' }, 'Set up CI'));
    expect(issue).toContain('page=guide%3Abuild%2Fset-up-ci');
    expect(html).toContain(`<a href="${issue}">Was this helpful? Tell the platform team</a>`);
    expect(html).toContain(`<a href="${issue}">Rate this guide, or tell the platform team what to change</a>`);
    expect(html).not.toContain('forms.example.com');
  });

  it('says so when nobody has rated the guide yet, and still offers the link', async () => {
    const section = part(await page(withFeedback, 'guides/ops/runbooks'), '<section class="satisfaction"');
    expect(text(section)).toContain('No one has rated this guide yet.');
    expect(section).not.toContain('Ratings by score');
    expect(section).toContain(attribute(feedbackIssueUrl(FEEDBACK_REPOSITORY, { kind: 'guide', id: 'ops/runbooks' }, 'Keep a runbook')));
  });
});

describe('a check page with feedback', () => {
  it('shows the mean, the count, the comments and the feedback link, without the spread or the trend', async () => {
    const section = part(await page(withFeedback, 'checks/has-readme'), '<section class="satisfaction"');
    expect(text(section)).toContain(
      'Satisfaction 3.5 of 5 (the mean of 2 ratings) Newest comments Say which README file names count. Rated 3 of 5 · 2026-10-12 · issue #7',
    );
    expect(section).toContain(
      `<a href="${attribute(feedbackIssueUrl(FEEDBACK_REPOSITORY, { kind: 'check', id: 'has-readme' }, 'Has a README'))}">Rate this check, or tell the platform team what to change</a>`,
    );
    expect(section).not.toMatch(/Ratings by score|<figure|Reactions/);
  });

  it('offers the link on a check nobody has rated', async () => {
    expect(text(part(await page(withFeedback, 'checks/has-license'), '<section class="satisfaction"'))).toContain(
      'No one has rated this check yet.',
    );
  });
});

describe('the platform dashboard', () => {
  it('is linked from every page’s main navigation', async () => {
    expect(await page(withFeedback, '')).toContain(`<a href="${BASE}platform/">Platform</a>`);
    expect(await page(withFeedback, 'platform')).toContain(`<a href="${BASE}platform/" aria-current="page">Platform</a>`);
  });

  it('calls out the guides whose adoption and satisfaction disagree, naming the thresholds', async () => {
    const html = await page(withFeedback, 'platform');
    const disliked = text(part(html, '<section aria-labelledby="attention-disliked">'));
    expect(disliked).toContain('Adoption of 60% or more, and a mean rating below 3 from at least 3 ratings');
    expect(disliked).toContain('Set up CI : 75% follow it, rated 2.4 of 5 (5 ratings)');
    const rare = text(part(html, '<section aria-labelledby="attention-rare">'));
    expect(rare).toContain('Adoption below 30%, and a mean rating of 4 or more from at least 3 ratings');
    expect(rare).toContain('Write a README : 0% follow it, rated 4.5 of 5 (4 ratings)');
  });

  it('tables every guide’s adoption, its change since the first run, and its satisfaction', async () => {
    const table = text(part(await page(withFeedback, 'platform'), '<caption id="golden-paths-caption">', '</table>'));
    expect(table).toContain('Set up CI Recommended 75% (3 of 4) +50 pts (since 2026-09-21) 2.4 5 −1.0');
    expect(table).toContain('Write a README Recommended 0% (0 of 4) ±0 pts (since 2026-09-21) 4.5 4 –');
    expect(table).toContain('Keep a runbook Recommended no services in scope – – 0 –');
  });

  it('draws adoption and satisfaction over time, scorecard levels and initiatives, each chart with its figures', async () => {
    const html = await page(withFeedback, 'platform');
    const adoption = part(html, '<section aria-labelledby="adoption-over-time">');
    expect(adoption).toContain('aria-labelledby="chart-golden-paths-adoption-over-time"');
    expect(text(part(adoption, '<details class="trend-data">', '</details>'))).toContain(
      'Run Set up CI Write a README 2026-09-21 25% 0% 2026-10-21 50% 0% 2026-11-20 75% 0%',
    );
    const satisfaction = part(html, '<section aria-labelledby="satisfaction-over-time">');
    expect(text(part(satisfaction, '<details class="trend-data">', '</details>'))).toContain(
      'Month Set up CI Write a README 2026-06 3.0 (2) – 2026-09 – 4.5 (4) 2026-10 2.0 (3) –',
    );
    const levels = part(html, '<section aria-labelledby="levels-over-time">');
    expect(levels).toContain(`<a href="${BASE}scorecards/production-readiness/">Production readiness</a>`);
    expect(levels).toContain('aria-labelledby="chart-production-readiness-entities-by-level-over-time"');
    const initiatives = text(part(html, '<section aria-labelledby="initiatives">'));
    expect(initiatives).toContain('A README in every repository 2027-06-30 50% (1 of 2) At risk: no progress');
  });

  it('shows each team’s survey answers in the latest quarter and the change from the one before', async () => {
    const surveys = part(await page(withFeedback, 'platform'), '<section aria-labelledby="surveys">');
    expect(text(surveys)).toContain(
      'How easy is it to ship a change? Team 2026-Q3 2026-Q2 Change Payments Team 3.5 (6 answers) 3.0 (4 answers) +0.5 web 4.0 (2 answers) – –',
    );
    expect(surveys).toContain(`<a href="${BASE}catalog/default/group/payments-team/">Payments Team</a>`);
  });
});

describe('a portal without feedback', () => {
  it('has no satisfaction on guide and check pages, and keeps guides.feedbackUrl as "Was this helpful?"', async () => {
    const guide = await page(withoutFeedback, 'guides/build/set-up-ci');
    expect(guide).not.toContain('class="satisfaction"');
    expect(guide).toContain(
      '<a href="https://forms.example.com/portal?guide=build%2Fset-up-ci">Was this helpful? Tell the platform team</a>',
    );
    expect(await page(withoutFeedback, 'checks/has-readme')).not.toContain('class="satisfaction"');
  });

  it('still has a dashboard, saying what it lacks', async () => {
    const html = text(await page(withoutFeedback, 'platform'));
    expect(html).toContain('The portal reads no feedback on its guides yet');
    expect(html).toContain("The run history holds no run yet, so only this run's adoption is known");
    expect(html).toContain('No survey answers');
    expect(html).toContain('Set up CI Recommended 75% (3 of 4) – – 0 –');
  });
});
