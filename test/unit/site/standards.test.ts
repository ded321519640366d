import { describe, expect, it } from 'vitest';
import type { RepoSnapshot, ScoredCheck } from '../../../collectors/contract/snapshot.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import {
  entityScorecards,
  withoutRepeats,
  type PagePanelView,
  type ScorecardPanelView,
  type ScoredCheckView,
} from '../../../site/lib/scorecard-panel.ts';
import { checkStatus, indexStandards, formatScore, levelRef, levelTitle, sourceLineHref } from '../../../site/lib/standards.ts';
import { HOSTILE, snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = indexCatalog(snapshotFixture);
const standards = indexStandards(snapshotFixture);
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

const scored = (outcome: ScoredCheck['outcome'], effective: ScoredCheck['effective'], expired?: boolean): ScoredCheck => ({
  checkId: 'has-readme',
  level: 'bronze',
  weight: 1,
  outcome,
  effective,
  message: '',
  evidence: [],
  ...(expired === undefined ? {} : { exemption: { reason: 'r', expires: '2027-01-01', expired, source: 'central' as const } }),
});

describe('check status', () => {
  it.each([
    [scored('pass', 'pass'), 'pass'],
    [scored('fail', 'fail'), 'fail'],
    [scored('notApplicable', 'notApplicable'), 'notApplicable'],
    [scored('error', 'error'), 'error'],
    [scored('fail', 'pass', false), 'exempt'],
    [scored('error', 'pass', false), 'exempt'],
    [scored('fail', 'fail', true), 'expiredExemption'],
    // An exemption that changes nothing is not shown as one.
    [scored('pass', 'pass', false), 'pass'],
    [scored('pass', 'pass', true), 'pass'],
    [scored('notApplicable', 'notApplicable', false), 'notApplicable'],
  ])('%# → %s', (check, expected) => {
    expect(checkStatus(check)).toBe(expected);
  });
});

describe('levels and scores', () => {
  const scorecard = standards.scorecardsById.get('production-readiness')!;

  it('titles a level by its title, or its id capitalised', () => {
    expect(levelTitle({ id: 'bronze' })).toBe('Bronze');
    expect(levelTitle({ id: 'gold', title: 'Gold standard' })).toBe('Gold standard');
    expect(levelRef(scorecard, null)).toEqual({ id: null, title: 'No level', rank: 0 });
    expect(levelRef(scorecard, 'silver')).toEqual({ id: 'silver', title: 'Silver', rank: 2 });
    expect(levelRef(scorecard, 'platinum')).toEqual({ id: 'platinum', title: 'platinum', rank: 4 });
  });

  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.29, '29%'],
    [6 / 7, '85%'],
    [0.999, '99%'],
    [1 / 6, '16%'],
  ])('formats score %d as %s, never rounding up to full marks', (score, expected) => {
    expect(formatScore(score)).toBe(expected);
  });
});

describe('evidence links', () => {
  const repo = snapshotFixture.repos.find((candidate) => candidate.name === 'payments-service')!;
  const withWebUrl = (webUrl?: string): RepoSnapshot => {
    const { webUrl: _original, ...rest } = repo;
    return webUrl === undefined ? rest : { ...rest, webUrl };
  };

  it('links to the line at the scanned commit', () => {
    expect(sourceLineHref(repo, 'Dockerfile', 12)).toBe(`https://git.example.com/acme/payments-service/blob/${COMMIT}/Dockerfile#L12`);
    expect(sourceLineHref(repo, '.github/workflows/ci.yml')).toBe(
      `https://git.example.com/acme/payments-service/blob/${COMMIT}/.github/workflows/ci.yml`,
    );
    expect(sourceLineHref(withWebUrl('https://git.example.com/acme/payments-service/'), 'docs/a b#c.md', 2)).toBe(
      `https://git.example.com/acme/payments-service/blob/${COMMIT}/docs/a%20b%23c.md#L2`,
    );
  });

  it.each([
    [
      'https://gitlab.example.com/acme/payments-service',
      `https://gitlab.example.com/acme/payments-service/-/blob/${COMMIT}/Dockerfile#L12`,
    ],
    ['https://bitbucket.org/acme/payments-service', `https://bitbucket.org/acme/payments-service/src/${COMMIT}/Dockerfile#lines-12`],
    [
      'https://dev.azure.com/acme/shop/_git/payments-service',
      `https://dev.azure.com/acme/shop/_git/payments-service?path=/Dockerfile&version=GC${COMMIT}&line=12&lineEnd=13&lineStartColumn=1&lineEndColumn=1`,
    ],
  ])('links evidence on %s in its own URL shape', (webUrl, expected) => {
    expect(sourceLineHref(withWebUrl(webUrl), 'Dockerfile', 12)).toBe(expected);
  });

  it('gives no link without an http(s) web UI, a head commit, or for a path leaving the repository', () => {
    expect(sourceLineHref(withWebUrl('javascript:alert(1)'), 'Dockerfile', 1)).toBeUndefined();
    expect(sourceLineHref(withWebUrl(), 'Dockerfile', 1)).toBeUndefined();
    expect(sourceLineHref({ ...repo, facts: { ...repo.facts, head: null } }, 'Dockerfile', 1)).toBeUndefined();
    expect(sourceLineHref(repo, '../other/Dockerfile', 1)).toBeUndefined();
    expect(sourceLineHref(repo, '/etc/passwd', 1)).toBeUndefined();
    expect(sourceLineHref(undefined, 'Dockerfile', 1)).toBeUndefined();
  });
});

describe('the standards index', () => {
  it('sorts checks and scorecards by title and drops results of unknown scorecards', () => {
    const indexed = indexStandards({
      ...snapshotFixture,
      results: [...snapshotFixture.results, { ...snapshotFixture.results[0]!, scorecard: 'gone' }],
    });
    expect(indexed.scorecards.map((scorecard) => scorecard.id)).toEqual(['production-readiness', 'security-basics']);
    expect(indexed.checks[0]!.title).toBe('Base images are pinned');
    expect(indexed.results).toHaveLength(snapshotFixture.results.length);
    expect(indexed.resultsByEntity.get('component:default/payments-service')?.map((result) => result.scorecard)).toEqual([
      'production-readiness',
      'security-basics',
    ]);
    expect(indexed.evaluationsByCheck.get('dockerfile-non-root')).toHaveLength(6);
  });
});

describe('entity scorecard panels', () => {
  const panels = (ref: string) => entityScorecards(catalog, standards, catalog.byRef.get(ref)!, true);

  it('shows the level, score, checks by level (those that need work with evidence at the commit, the rest by name), and the next level', () => {
    const [production, security] = panels('component:default/payments-service');
    expect(production).toMatchObject({
      scorecard: { id: 'production-readiness', title: 'Production readiness', href: '/scorecards/production-readiness/' },
      level: { id: 'silver', title: 'Silver', rank: 2 },
      levelCount: 3,
      score: '85%',
      next: {
        level: { title: 'Gold' },
        checks: [
          { id: 'dockerfile-non-root', title: 'Container runs as non-root', href: '/checks/dockerfile-non-root/', effort: 'medium' },
        ],
      },
      badge: {
        src: '/badges/default/component/payments-service/production-readiness.svg',
        alt: 'Production readiness: Silver',
        pageHref: '/catalog/default/component/payments-service/',
      },
    });
    expect(
      entityScorecards(catalog, standards, catalog.byRef.get('component:default/payments-service')!).map((panel) => panel.badge),
    ).toEqual([undefined, undefined]);
    expect(
      entityScorecards(catalog, standards, catalog.byRef.get('component:default/payments-service')!, ['security-basics']).map(
        (panel) => panel.badge?.alt,
      ),
    ).toEqual([undefined, 'Security basics: none']);
    expect(
      production!.levels.map((group) => [
        group.level.title,
        group.open.map((check) => check.status),
        group.settled.map((settled) => [settled.status, settled.checks.map((check) => check.id)]),
      ]),
    ).toEqual([
      ['Bronze', [], [['pass', ['has-readme', 'has-codeowners']]]],
      ['Silver', [], [['pass', ['has-license', 'has-ci']]]],
      ['Gold', ['fail', 'exempt'], []],
    ]);
    const [nonRoot, runbook] = production!.levels[2]!.open;
    expect(nonRoot).toMatchObject({
      evidence: [
        {
          location: 'Dockerfile:12',
          href: `https://git.example.com/acme/payments-service/blob/${COMMIT}/Dockerfile#L12`,
          note: 'USER root',
        },
      ],
      fixHref: '/checks/dockerfile-non-root/#how-to-fix',
    });
    expect(runbook!.exemption).toEqual({
      reason: 'The runbook lives in the wiki until Q1.',
      expires: '2027-03-31',
      expired: false,
      source: 'the entity’s annotation',
    });
    expect(security).toMatchObject({ level: { id: null, title: 'No level' }, score: '50%', next: { level: { title: 'Baseline' } } });
  });

  it('keeps hostile evidence as text and does not link it without a safe web UI', () => {
    const [readme] = panels('component:default/hostile')[0]!.levels[0]!.open;
    expect(readme).toMatchObject({
      status: 'fail',
      message: HOSTILE.checkMessage,
      evidence: [{ location: 'docs/<b>README</b>.md:3', note: HOSTILE.evidenceNote }],
    });
    expect(readme!.evidence[0]!.href).toBeUndefined();
  });

  it('has no panel for an entity no scorecard applies to', () => {
    expect(panels('api:default/payments-api')).toEqual([]);
  });
});

describe('a check that needs work on several scorecards of one page', () => {
  const open = (id: string, message = `${id} is missing.`, status: ScoredCheckView['status'] = 'fail'): ScoredCheckView => ({
    check: { id, title: id, href: `/checks/${id}/` },
    status,
    message,
    evidence: [],
  });
  const panel = (id: string, ...checks: ScoredCheckView[]): ScorecardPanelView => ({
    scorecard: { id, title: id.toUpperCase(), href: `/scorecards/${id}/` },
    level: { id: null, title: 'No level', rank: 0 },
    levelCount: 1,
    score: '0%',
    levels: [{ level: { id: 'bronze', title: 'Bronze', rank: 1 }, open: checks, settled: [] }],
  });
  const shape = (panels: PagePanelView[]) =>
    panels.map((entry) =>
      entry.levels[0]!.open.map((view) =>
        'shownUnder' in view
          ? `${view.check.id} → ${view.shownUnder.title} ${view.shownUnder.href}`
          : `${view.check.id}${view.anchor ? ` #${view.anchor}` : ''}`,
      ),
    );

  it.each([
    [
      'is shown in full once, later panels point back to it',
      [panel('a', open('ci'), open('bot')), panel('b', open('bot')), panel('c', open('bot'))],
      [['ci', 'bot #check-bot'], ['bot → A #check-bot'], ['bot → A #check-bot']],
    ],
    ['is shown again where its message differs', [panel('a', open('bot')), panel('b', open('bot', 'Another reason.'))], [['bot'], ['bot']]],
    [
      'is shown again where its status differs',
      [panel('a', open('bot')), panel('b', open('bot', 'bot is missing.', 'error'))],
      [['bot'], ['bot']],
    ],
    [
      'points back to the first full showing it matches',
      [panel('a', open('bot')), panel('b', open('bot', 'Another reason.')), panel('c', open('bot'))],
      [['bot #check-bot'], ['bot'], ['bot → A #check-bot']],
    ],
    ['leaves a page whose checks differ alone', [panel('a', open('ci')), panel('b', open('bot'))], [['ci'], ['bot']]],
  ])('%s', (_name, panels, expected) => {
    expect(shape(withoutRepeats(panels))).toEqual(expected);
  });

  it('keeps the panels it is given as they were', () => {
    const panels = [panel('a', open('bot')), panel('b', open('bot'))];
    const before = structuredClone(panels);
    withoutRepeats(panels);
    expect(panels).toEqual(before);
  });
});
