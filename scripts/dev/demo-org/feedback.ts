/**
 * The demo portal's developer feedback: the issues Acme's developers filed through the portal's
 * feedback form over the past eight months, in the shape GitHub's issues API returns (the demo
 * portal reads them with `feedback.issues`), plus what content/surveys/ holds for surveys.
 * Deterministic: counted back from DEMO_NOW with a seeded generator. The guides' moods are chosen
 * so the platform dashboard has something to say: a well-adopted guide developers dislike
 * (Jenkins pipelines), a loved one few follow yet (the security baseline), one getting better.
 */
import { seededRandom } from './git-history.ts';
import { DEMO_NOW } from './spec.ts';

/** Name of the issues file in the demo organisation's folder (a dot file, so no source globs it). */
export const FEEDBACK_ISSUES_FILE = '.feedback-issues.json';

interface Mood {
  page: string;
  /** Issues filed per month, oldest month first (eight months). */
  perMonth: readonly number[];
  /** Mean rating at the start and at the end; ratings drift between them. */
  from: number;
  to: number;
  comments: readonly string[];
}

const MOODS: readonly Mood[] = [
  {
    page: 'guide:build/jenkins-pipelines',
    perMonth: [3, 2, 4, 3, 2, 3, 4, 3],
    from: 2.4,
    to: 2.1,
    comments: [
      'The shared library steps are not explained; I copied another team’s Jenkinsfile instead.',
      'Builds take 20 minutes and the guide does not say how to cache dependencies.',
      'Please document how to migrate to GitHub Actions.',
    ],
  },
  {
    page: 'guide:build/set-up-ci',
    perMonth: [1, 2, 2, 3, 2, 3, 3, 4],
    from: 3.4,
    to: 4.5,
    comments: [
      'The reusable workflow made this a five-minute job.',
      'Clear, and the pinned actions example saved me a review round.',
      'Would love a section on matrix builds.',
    ],
  },
  {
    page: 'guide:catalog/own-your-service',
    perMonth: [2, 1, 2, 1, 2, 2, 1, 2],
    from: 4.2,
    to: 4.4,
    comments: ['Short and to the point.', 'The catalog-info.yaml example is exactly what I needed.'],
  },
  {
    page: 'guide:security/baseline',
    perMonth: [0, 0, 1, 1, 2, 2, 3, 2],
    from: 4.6,
    to: 4.7,
    comments: ['Finally one page with everything security wants from us.', 'The SAST setup worked first time.'],
  },
  {
    page: 'guide:docs/document-your-service',
    perMonth: [1, 1, 0, 1, 1, 0, 1, 1],
    from: 3.0,
    to: 3.2,
    comments: ['mkdocs.yml example is good, the TechDocs part confused me.'],
  },
  {
    page: 'guide:build/containerise',
    perMonth: [1, 0, 1, 1, 0, 1, 1, 1],
    from: 3.8,
    to: 4.0,
    comments: ['Distroless base images worked well for us.'],
  },
  {
    page: 'check:sast-configured',
    perMonth: [0, 1, 1, 1, 2, 1, 1, 1],
    from: 2.8,
    to: 3.0,
    comments: ['The fix text should say which languages CodeQL covers.'],
  },
  {
    page: 'check:actions-pinned',
    perMonth: [0, 0, 1, 1, 1, 1, 0, 1],
    from: 3.5,
    to: 4.0,
    comments: ['Dependabot keeps the pins fresh, good advice.'],
  },
];

const PEOPLE = ['dana', 'lee', 'sam', 'riya', 'tomas', 'mei', 'jon', 'ada'];

/** The issues, oldest first, as GitHub's REST API lists them. */
export function demoFeedbackIssues(): unknown[] {
  const issues: Array<Record<string, unknown>> = [];
  const now = new Date(DEMO_NOW);
  for (const mood of MOODS) {
    const random = seededRandom(`feedback ${mood.page}`);
    mood.perMonth.forEach((count, monthIndex) => {
      for (let index = 0; index < count; index++) {
        const monthsBack = mood.perMonth.length - monthIndex;
        const created = new Date(
          Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1 + Math.floor(random() * 27), 9 + Math.floor(random() * 8)),
        );
        const expected = mood.from + ((mood.to - mood.from) * monthIndex) / (mood.perMonth.length - 1);
        const rating = Math.min(5, Math.max(1, Math.round(expected + (random() - 0.5) * 2)));
        const comment = random() < 0.5 ? mood.comments[Math.floor(random() * mood.comments.length)]! : undefined;
        issues.push({
          created_at: created.toISOString().replace('.000', ''),
          page: mood.page,
          rating,
          comment,
          login: PEOPLE[Math.floor(random() * PEOPLE.length)]!,
          up: random() < 0.3 ? 1 + Math.floor(random() * 4) : 0,
          down: random() < 0.1 ? 1 : 0,
        });
      }
    });
  }
  issues.sort((a, b) => (String(a.created_at) < String(b.created_at) ? -1 : 1));
  return issues.map((issue, index) => ({
    number: index + 1,
    html_url: `https://github.com/acme/developer-portal/issues/${index + 1}`,
    title: `Feedback: ${String(issue.page).split(':')[1]}`,
    state: index % 3 === 0 ? 'closed' : 'open',
    created_at: issue.created_at,
    user: { login: issue.login },
    labels: [{ name: 'cairn-feedback' }],
    reactions: { '+1': issue.up, '-1': issue.down },
    body: `### Page\n\n${String(issue.page)}\n\n### Rating\n\n${issue.rating}\n\n### Comment\n\n${issue.comment ?? '_No response_'}`,
  }));
}
