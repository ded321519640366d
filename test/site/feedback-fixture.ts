import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HistoryRecord } from '../../collectors/contract/history.ts';
import { snapshotSchema, type Guide, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { historyRecord } from '../../collectors/runs/history.ts';
import { appendHistory } from '../../collectors/store/history-folder.ts';
import { buildSite } from '../../scripts/cli/site.ts';
import { snapshotFixture } from '../helpers/snapshot-fixture.ts';

/**
 * The fixture organisation (`snapshot-fixture.ts`) with golden-path guides, an initiative and
 * developers' feedback: a guide most services follow but developers rate low, one they love and no
 * service follows, one nobody rated; a rated check; survey figures of two teams; and a comment that
 * tries HTML and control characters on the page. For the site and browser tests of satisfaction.
 */

/** A comment that tries to inject markup and terminal escapes into the guide page. */
export const HOSTILE_COMMENT = '<script>alert("feedback")</script> \u001b[31m<img src=x onerror=alert(5)>\u0007\nSecond line.';

const PAYMENTS = 'component:default/payments-service';
const CHECKOUT = 'component:default/checkout-web';
const BILLING = 'component:default/billing-scripts';
const HOSTILE_ENTITY = 'component:default/hostile';

function guide(id: string, title: string, category: string, checks: string[], following: readonly string[]): Guide {
  const applicable = checks.length ? [BILLING, CHECKOUT, HOSTILE_ENTITY, PAYMENTS] : [];
  return {
    id,
    title,
    summary: `${title}, the way we do it here.`,
    category,
    owner: 'group:default/platform',
    status: 'recommended',
    reviewed: '2026-10-01',
    checks,
    file: `content/guides/${id}.mdx`,
    stale: false,
    headings: [{ depth: 2, slug: 'why', text: 'Why' }],
    adoption: {
      entities: applicable.map((entityRef) => ({
        entityRef,
        follows: following.includes(entityRef),
        missing: following.includes(entityRef) ? [] : checks.slice(0, 1),
      })),
      checks: checks.map((checkId) => ({ id: checkId, applicable: applicable.length, passing: following.length })),
    },
  };
}

export const FEEDBACK_REPOSITORY = { forge: 'github', webUrl: 'https://github.com/acme/portal', label: 'cairn-feedback' } as const;

const guides = [
  guide('build/set-up-ci', 'Set up CI', 'Build', ['has-ci'], [PAYMENTS, CHECKOUT, BILLING]),
  guide('docs/write-a-readme', 'Write a README', 'Docs', ['has-readme'], []),
  guide('ops/runbooks', 'Keep a runbook', 'Operations', [], []),
];

const feedback: NonNullable<Snapshot['feedback']> = {
  repository: FEEDBACK_REPOSITORY,
  satisfaction: [
    {
      target: { kind: 'check', id: 'has-readme' },
      ratings: 2,
      mean: 3.5,
      distribution: [0, 0, 1, 1, 0],
      reactions: { up: 1, down: 0 },
      comments: [
        {
          comment: 'Say which README file names count.',
          rating: 3,
          createdAt: '2026-10-12T10:00:00Z',
          url: 'https://github.com/acme/portal/issues/7',
        },
      ],
      trend: [{ period: '2026-10', mean: 3.5, ratings: 2 }],
    },
    {
      target: { kind: 'guide', id: 'build/set-up-ci' },
      ratings: 5,
      mean: 2.4,
      distribution: [1, 2, 1, 1, 0],
      reactions: { up: 3, down: 1 },
      comments: [
        {
          comment: HOSTILE_COMMENT,
          rating: 1,
          createdAt: '2026-10-20T09:00:00Z',
          url: 'https://github.com/acme/portal/issues/12',
          author: 'dana',
        },
        { comment: 'The caching section is missing.', createdAt: '2026-06-03T09:00:00Z', url: 'javascript:alert(6)' },
      ],
      trend: [
        { period: '2026-06', mean: 3, ratings: 2 },
        { period: '2026-10', mean: 2, ratings: 3 },
      ],
    },
    {
      target: { kind: 'guide', id: 'docs/write-a-readme' },
      ratings: 4,
      mean: 4.5,
      distribution: [0, 0, 0, 2, 2],
      reactions: { up: 0, down: 0 },
      comments: [],
      trend: [{ period: '2026-09', mean: 4.5, ratings: 4 }],
    },
  ],
  surveys: [
    { question: 'How easy is it to ship a change?', team: 'payments-team', period: '2026-Q2', mean: 3, responses: 4 },
    { question: 'How easy is it to ship a change?', team: 'payments-team', period: '2026-Q3', mean: 3.5, responses: 6 },
    { question: 'How easy is it to ship a change?', team: 'web', period: '2026-Q3', mean: 4, responses: 2 },
  ],
};

const initiative = {
  id: 'readme-everywhere',
  title: 'A README in every repository',
  description: '',
  owner: 'group:default/platform',
  deadline: '2027-06-30',
  goal: { checks: ['has-readme'] },
  file: 'content/initiatives/readme-everywhere.yaml',
  entities: [
    { entityRef: PAYMENTS, done: true, missing: [], owner: 'group:default/payments-team' },
    { entityRef: BILLING, done: false, missing: ['has-readme'], owner: 'group:default/platform' },
  ],
};

/** The fixture with guides and an initiative; with `feedback` unless told otherwise; `feedbackUrl` set, so both links meet. */
export function feedbackSnapshot({ withFeedback = true } = {}): Snapshot {
  return snapshotSchema.parse({
    ...snapshotFixture,
    portal: {
      ...snapshotFixture.portal,
      guides: { ...snapshotFixture.portal.guides, feedbackUrl: 'https://forms.example.com/portal?guide={id}' },
    },
    guides,
    initiatives: [initiative],
    ...(withFeedback ? { feedback } : {}),
  });
}

/**
 * Builds the portal into `<workDir>/dist` under `base`: the snapshot, the guides' MDX, and (with
 * feedback) a history of two earlier runs with lower adoption. Returns the site's folder.
 */
export async function buildFeedbackPortal(workDir: string, base: string, { withFeedback = true } = {}): Promise<string> {
  const snapshot = feedbackSnapshot({ withFeedback });
  const snapshotFile = join(workDir, 'snapshot.json');
  await mkdir(workDir, { recursive: true });
  await writeFile(snapshotFile, JSON.stringify(snapshot, null, 2));
  const guidesDir = join(workDir, 'guides');
  for (const { id, title } of snapshot.guides) {
    const file = join(guidesDir, `${id}.mdx`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `## Why\n\n${title}: what every service here does.\n`);
  }
  const historyDir = join(workDir, 'history');
  if (withFeedback) {
    const current = historyRecord(snapshot);
    const earlier = (days: number, following: number): HistoryRecord => ({
      ...structuredClone(current),
      generatedAt: new Date(Date.parse(current.generatedAt) - days * 86_400_000).toISOString(),
      guides: { ...current.guides, 'build/set-up-ci': [following, 4] },
    });
    await appendHistory(historyDir, earlier(60, 1), 10);
    await appendHistory(historyDir, earlier(30, 2), 10);
    await appendHistory(historyDir, current, 10);
  }
  const outDir = join(workDir, 'dist');
  await buildSite({ snapshot: snapshotFile, outDir, base, guidesDir, ...(withFeedback ? { historyDir } : {}) });
  return outDir;
}
