import { badgePath, entityResultsPath } from '../../../site/lib/paths.ts';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { badgeColour, badgeMarkdown, badgeRoutes, badgeSvg, parseBadgeSetting } from '../../../site/lib/badges.ts';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { UNKNOWN_OWNER } from '../../../collectors/contract/helpers.ts';
import type { Guide } from '../../../collectors/contract/snapshot.ts';
import { checkFailingPages, checkPageView, checksByCategory, failingCaption, guideLink, passRate } from '../../../site/lib/check-page.ts';
import { entityResults, entityResultsExport, scorecardsExport } from '../../../site/lib/exports.ts';
import {
  blockerSentence,
  firstLevelBlocker,
  heatmap,
  levelCounts,
  scorecardPageView,
  scorecardSummaries,
  teamHeatmapPages,
  teamRows,
} from '../../../site/lib/scorecard-page.ts';
import { indexStandards } from '../../../site/lib/standards.ts';
import { compareTodo, teamStanding, type TodoItem } from '../../../site/lib/team-standing.ts';
import { HOSTILE, snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = indexCatalog(snapshotFixture);
const standards = indexStandards(snapshotFixture);
const production = standards.scorecardsById.get('production-readiness')!;
const productionResults = standards.resultsByScorecard.get('production-readiness')!;
const entity = (ref: string) => catalog.byRef.get(ref)!;

describe('level distribution', () => {
  it('counts entities per level, "No level" first, with shares', () => {
    expect(levelCounts(production, productionResults).map(({ level, count, percent }) => [level.title, count, percent])).toEqual([
      ['No level', 3, '75%'],
      ['Bronze', 0, '0%'],
      ['Silver', 1, '25%'],
      ['Gold', 0, '0%'],
    ]);
  });

  it('shows every level at zero for a scorecard without results', () => {
    expect(levelCounts(production, []).map(({ count, share }) => [count, share])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('summarises every scorecard for the index', () => {
    expect(
      scorecardSummaries(catalog, standards).map((summary) => [summary.scorecard.title, summary.entities, summary.owner?.text]),
    ).toEqual([
      ['Production readiness', 4, 'Platform'],
      ['Security basics', 2, undefined],
    ]);
  });
});

describe('per-team table', () => {
  it('counts each owner’s entities by level, owners by name, with the average score and a link to its heatmap', () => {
    expect(
      teamRows(catalog, production, productionResults).map((row) => [
        row.owner?.text,
        row.counts,
        row.entities,
        row.averageScore,
        row.heatmapHref,
      ]),
    ).toEqual([
      ['Payments Team', [1, 0, 1, 0], 2, '51%', '/scorecards/production-readiness/teams/default/group/payments-team/'],
      ['Platform', [2, 0, 0, 0], 2, '8%', '/scorecards/production-readiness/teams/default/group/platform/'],
    ]);
  });

  it('puts entities without an owner last, with their own heatmap', () => {
    const orphan = { ...productionResults[0]!, entityRef: 'component:default/orphan' };
    expect(teamRows(catalog, production, [orphan, ...productionResults]).map((row) => [row.owner?.text, row.heatmapHref])).toEqual([
      ['Payments Team', '/scorecards/production-readiness/teams/default/group/payments-team/'],
      ['Platform', '/scorecards/production-readiness/teams/default/group/platform/'],
      [undefined, '/scorecards/production-readiness/unowned/'],
    ]);
  });

  it('counts an entity owned by the no-owner placeholder as unowned, not as a team', () => {
    const placeholder = {
      ...entity(productionResults[0]!.entityRef),
      ref: 'component:default/nobodys',
      relations: [{ type: 'ownedBy', targetRef: UNKNOWN_OWNER }],
    };
    const withPlaceholder = indexCatalog({ ...snapshotFixture, entities: [...snapshotFixture.entities, placeholder] });
    const result = { ...productionResults[0]!, entityRef: placeholder.ref };
    expect(teamRows(withPlaceholder, production, [result, ...productionResults]).map((row) => row.owner?.text)).toEqual([
      'Payments Team',
      'Platform',
      undefined,
    ]);
  });
});

describe('heatmap', () => {
  const map = heatmap(catalog, standards, production, productionResults);

  it('has one numbered column per check, in level order', () => {
    expect(map.columns.map((column) => [column.abbreviation, column.check.id, column.level.title])).toEqual([
      ['1', 'has-readme', 'Bronze'],
      ['2', 'has-codeowners', 'Bronze'],
      ['3', 'has-license', 'Silver'],
      ['4', 'has-ci', 'Silver'],
      ['5', 'dockerfile-non-root', 'Gold'],
      ['6', 'has-runbook', 'Gold'],
    ]);
  });

  it('has one row per entity, by name, with a status per column', () => {
    expect(map.rows.map((row) => [row.entity.text, row.level.title, row.score, row.cells])).toEqual([
      ['billing-scripts', 'No level', '16%', ['expiredExemption', 'pass', 'fail', 'fail', 'notApplicable', 'fail']],
      ['Checkout Web', 'No level', '16%', ['pass', 'fail', 'fail', 'error', 'notApplicable', 'fail']],
      ['Hostile <b>component</b>', 'No level', '0%', ['fail', 'fail', 'fail', 'fail', 'notApplicable', 'fail']],
      ['Payments Service', 'Silver', '85%', ['pass', 'pass', 'pass', 'pass', 'fail', 'exempt']],
    ]);
    expect(map.rows[0]!.entity.href).toBe('/catalog/default/component/billing-scripts/');
  });

  it('leaves a cell empty when the result lacks that check', () => {
    const partial = { ...productionResults[0]!, checks: productionResults[0]!.checks.slice(0, 2) };
    expect(heatmap(catalog, standards, production, [partial]).rows[0]!.cells).toEqual([
      'expiredExemption',
      'pass',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('is on each owner’s page, not on the scorecard page with the levels’ checks', () => {
    const view = scorecardPageView(catalog, standards, production);
    expect(view.levels.map((level) => [level.title, level.checks.map((check) => check.id)])).toEqual([
      ['Bronze', ['has-readme', 'has-codeowners']],
      ['Silver', ['has-license', 'has-ci']],
      ['Gold', ['dockerfile-non-root', 'has-runbook']],
    ]);
    expect(view).not.toHaveProperty('heatmap');
    const pages = teamHeatmapPages(catalog, standards, production);
    expect(
      pages.map((page) => [
        page.owner,
        page.page,
        page.view.owner?.text,
        page.view.entities,
        page.view.heatmap.rows.map((row) => row.entity.text),
      ]),
    ).toEqual([
      [{ namespace: 'default', kind: 'group', name: 'payments-team' }, 1, 'Payments Team', 2, ['Checkout Web', 'Payments Service']],
      [{ namespace: 'default', kind: 'group', name: 'platform' }, 1, 'Platform', 2, ['billing-scripts', 'Hostile <b>component</b>']],
    ]);
    expect(pages[0]!.view.distribution.map((entry) => entry.count)).toEqual([1, 0, 1, 0]);
    expect(pages[0]!.view.heatmap.columns).toHaveLength(6);
  });

  it('splits an owner’s heatmap into pages of 100 entities, by name', () => {
    const many = Array.from({ length: 250 }, (_, index) => ({
      ...productionResults[0]!,
      entityRef: `component:default/orphan-${String(index).padStart(3, '0')}`,
    }));
    const pages = teamHeatmapPages(catalog, indexStandards({ ...snapshotFixture, results: many }), production);
    expect(
      pages.map((page) => [
        page.owner,
        page.page,
        page.view.heatmap.rows.length,
        page.view.heatmap.rows[0]!.entity.text,
        page.view.pagination.range,
      ]),
    ).toEqual([
      [undefined, 1, 100, 'component:orphan-000', '1–100 of 250'],
      [undefined, 2, 100, 'component:orphan-100', '101–200 of 250'],
      [undefined, 3, 50, 'component:orphan-200', '201–250 of 250'],
    ]);
    expect(pages[1]!.view.pagination).toMatchObject({
      previous: '/scorecards/production-readiness/unowned/',
      next: '/scorecards/production-readiness/unowned/page/3/',
    });
    expect(pages.every((page) => page.view.entities === 250)).toBe(true);
  });
});

describe('check pages', () => {
  it('computes pass rates over applicable results across scorecards; exemptions do not pass', () => {
    const rate = (id: string) => passRate(standards.evaluationsByCheck.get(id) ?? []);
    expect(rate('has-readme')).toEqual({ passes: 2, applicable: 4, percent: '50%' });
    expect(rate('has-ci')).toEqual({ passes: 1, applicable: 4, percent: '25%' });
    expect(rate('has-runbook')).toEqual({ passes: 0, applicable: 4, percent: '0%' });
    expect(rate('dockerfile-non-root')).toEqual({ passes: 0, applicable: 2, percent: '0%' });
    expect(rate('pinned-base-image')).toEqual({ passes: 1, applicable: 1, percent: '100%' });
    expect(rate('owner-is-group')).toEqual({ passes: 0, applicable: 0 });
  });

  it('takes the figures of a check no scorecard uses from the guides teaching it, so its page agrees with theirs', () => {
    const taught = (id: string, missing: string[]) => ({ entityRef: id, follows: missing.length === 0, missing });
    const guide = (id: string, entities: ReturnType<typeof taught>[], changelog: { applicable: number; passing: number }): Guide => ({
      id,
      title: `Guide ${id}`,
      summary: 'A path.',
      category: 'Start',
      owner: 'group:default/platform',
      status: 'recommended',
      reviewed: '2026-11-01',
      checks: ['has-readme', 'has-changelog'],
      file: `content/guides/${id}.mdx`,
      stale: false,
      headings: [],
      adoption: {
        entities,
        checks: [
          { id: 'has-readme', applicable: 4, passing: 2 },
          { id: 'has-changelog', ...changelog },
        ],
      },
    });
    const metadata = {
      ...snapshotFixture.checks!.find((check) => check.id === 'has-readme')!,
      id: 'has-changelog',
      title: 'Has a changelog',
    };
    const snapshot = {
      ...snapshotFixture,
      checks: [...snapshotFixture.checks!, metadata],
      guides: [
        guide('start', [taught('component:default/checkout-web', ['has-changelog']), taught('component:default/payments-service', [])], {
          applicable: 3,
          passing: 1,
        }),
        guide('ship', [taught('component:default/checkout-web', ['has-readme', 'has-changelog'])], { applicable: 1, passing: 0 }),
      ],
    };
    const withGuides = indexStandards(snapshot);
    const page = checkPageView(indexCatalog(snapshot), withGuides, metadata);
    // One guide's figures, so no service counts twice: the first by id, without a guide of its own.
    expect(page.passRate).toEqual({ passes: 0, applicable: 1, percent: '0%', byGuide: { text: 'Guide ship', href: '/guides/ship/' } });
    expect(page.failing.rows).toEqual([]);
    expect(page.failingInGuide).toMatchObject({ guide: { text: 'Guide ship' }, count: 1 });
    expect(page.failingInGuide!.entities.map((entity) => entity.ref)).toEqual(['component:default/checkout-web']);
    // The guide its "how to fix" links to comes first.
    const taughtByStart = { ...metadata, guide: 'start#changelog' };
    expect(checkPageView(indexCatalog(snapshot), withGuides, taughtByStart).passRate).toMatchObject({
      passes: 1,
      applicable: 3,
      percent: '33%',
      byGuide: { text: 'Guide start' },
    });
    // A large organisation's list is cut at a page's worth; the guide's page has them all.
    const many = Array.from({ length: 150 }, (_, index) =>
      taught(`component:default/svc-${String(index).padStart(3, '0')}`, ['has-changelog']),
    );
    const large = { ...snapshot, guides: [guide('start', many, { applicable: 150, passing: 0 })] };
    const cut = checkPageView(indexCatalog(large), indexStandards(large), metadata).failingInGuide!;
    expect([cut.count, cut.entities.length, cut.entities[0]!.ref]).toEqual([150, 100, 'component:default/svc-000']);
    // A check a scorecard has keeps the scorecards' figures, whatever guides teach it, even where the scorecard applies to nothing.
    expect(checkPageView(indexCatalog(snapshot), withGuides, withGuides.checksById.get('has-readme')!)).toMatchObject({
      passRate: { passes: 2, applicable: 4, percent: '50%' },
    });
    expect(checkPageView(indexCatalog(snapshot), withGuides, withGuides.checksById.get('has-readme')!).failingInGuide).toBeUndefined();
    const scopedAway = {
      ...snapshot,
      scorecards: [
        ...snapshot.scorecards!,
        {
          ...snapshot.scorecards![0]!,
          id: 'nothing',
          appliesTo: { type: ['none'] },
          levels: [{ id: 'one', checks: [{ id: 'has-changelog', weight: 1, options: {} }] }],
        },
      ],
    };
    expect(checkPageView(indexCatalog(scopedAway), indexStandards(scopedAway), metadata)).toMatchObject({
      passRate: { passes: 0, applicable: 0 },
    });
    expect(checkPageView(indexCatalog(scopedAway), indexStandards(scopedAway), metadata).failingInGuide).toBeUndefined();
  });

  it('rounds pass rates down, as scores and adoption are', () => {
    const evaluations = standards.evaluationsByCheck.get('has-readme')!;
    const applicable = evaluations.filter(({ check }) => check.outcome !== 'notApplicable');
    const twoOfThree = [
      applicable.find(({ check }) => check.outcome === 'pass')!,
      applicable.find(({ check }) => check.outcome === 'pass')!,
      applicable.find(({ check }) => check.outcome !== 'pass')!,
    ];
    expect(passRate(twoOfThree).percent).toBe('66%');
  });

  it('groups checks by category in a fixed order, with their source', () => {
    expect(checksByCategory(standards).map((group) => [group.title, group.checks.map((check) => `${check.id} (${check.source})`)])).toEqual(
      [
        ['Documentation', ['has-readme (Built-in)', 'has-runbook (Custom)']],
        ['Ownership', ['has-codeowners (Built-in)']],
        ['Build and CI', ['has-ci (Built-in)']],
        ['Containers', ['pinned-base-image (Built-in)', 'dockerfile-non-root (Built-in)']],
        ['Repository hygiene', ['has-license (Built-in)']],
        ['Catalog', ['owner-is-group (Built-in)']],
      ],
    );
  });

  it('lists the entities failing a check, with an expired exemption and an error, but not an exemption', () => {
    const readme = checkPageView(catalog, standards, standards.checksById.get('has-readme')!);
    expect(readme).toMatchObject({
      category: 'Documentation',
      effort: 'low',
      source: 'Built-in',
      guide: { text: 'service-basics#readme', href: '/guides/service-basics/#readme' },
    });
    expect(readme.scorecards.map((usage) => [usage.scorecard.title, usage.levels])).toEqual([['Production readiness', ['Bronze']]]);
    expect(readme.failing.rows.map((failing) => [failing.entity.text, failing.status, failing.message])).toEqual([
      ['billing-scripts', 'expiredExemption', 'No README.'],
      ['Hostile <b>component</b>', 'fail', HOSTILE.checkMessage],
    ]);
    // Every row is on one scorecard: the table names it once; the outcomes differ, so each row says its own.
    expect(readme.failing.sharedScorecards?.map((scorecard) => scorecard.title)).toEqual(['Production readiness']);
    expect(readme.failing.sharedStatus).toBeUndefined();
    const ci = checkPageView(catalog, standards, standards.checksById.get('has-ci')!);
    // What the scorecard sets beyond the defaults is said beside it.
    expect(ci.scorecards.map((usage) => [usage.scorecard.title, usage.levels, usage.settings])).toEqual([
      ['Production readiness', ['Silver'], ['weight 2']],
    ]);
    expect(readme.scorecards[0]!.settings).toEqual([]);
    const withOptions = indexStandards({
      ...snapshotFixture,
      scorecards: snapshotFixture.scorecards.map((scorecard) => ({
        ...scorecard,
        levels: scorecard.levels.map((level) => ({
          ...level,
          checks: level.checks.map((entry) => (entry.id === 'has-readme' ? { ...entry, options: { minWords: 400 } } : entry)),
        })),
      })),
    });
    expect(checkPageView(catalog, withOptions, withOptions.checksById.get('has-readme')!).scorecards[0]!.settings).toEqual([
      'minWords: 400',
    ]);
    expect(ci.failing.rows.map((failing) => [failing.entity.text, failing.status])).toEqual([
      ['billing-scripts', 'fail'],
      ['Checkout Web', 'error'],
      ['Hostile <b>component</b>', 'fail'],
    ]);
    const runbook = checkPageView(catalog, standards, standards.checksById.get('has-runbook')!);
    expect(runbook.failing.rows.map((failing) => failing.entity.text)).not.toContain('Payments Service');
  });

  it('lists an entity failing the same way on two scorecards once, naming both', () => {
    const nonRoot = checkPageView(catalog, standards, standards.checksById.get('dockerfile-non-root')!);
    expect(nonRoot.failing.rows.map((failing) => [failing.entity.text, failing.scorecards.map((scorecard) => scorecard.title)])).toEqual([
      ['Payments Service', ['Production readiness', 'Security basics']],
    ]);
    expect(nonRoot.failing.entities).toBe(1);
    // The one row is every row: its scorecards and its outcome are said once, for the table.
    expect(nonRoot.failing.sharedScorecards?.map((scorecard) => scorecard.title)).toEqual(['Production readiness', 'Security basics']);
    expect(nonRoot.failing.sharedStatus).toBe('fail');
    // Another entity failing it on one of the two: each row names its own.
    const payments = productionResults.find((result) => result.entityRef === 'component:default/payments-service')!;
    const orphan = { ...payments, entityRef: 'component:default/orphan' };
    const mixed = indexStandards({ ...snapshotFixture, results: [...snapshotFixture.results, orphan] });
    const both = checkPageView(catalog, mixed, mixed.checksById.get('dockerfile-non-root')!).failing;
    expect(both.rows.map((row) => [row.entity.text, row.scorecards.map((scorecard) => scorecard.title)])).toEqual([
      ['component:orphan', ['Production readiness']],
      ['Payments Service', ['Production readiness', 'Security basics']],
    ]);
    expect([both.sharedScorecards, both.sharedStatus]).toEqual([undefined, 'fail']);
  });

  it('says a message every failing row shares once, unless a row has evidence of its own', () => {
    const withCi = (evidence: Array<{ path: string }>) =>
      indexStandards({
        ...snapshotFixture,
        results: snapshotFixture.results.map((result) => ({
          ...result,
          checks: result.checks.map((check) =>
            check.checkId === 'has-ci' && check.effective !== 'pass' && check.effective !== 'notApplicable'
              ? { ...check, outcome: 'fail' as const, effective: 'fail' as const, message: 'No CI.', evidence }
              : check,
          ),
        })),
      });
    const same = withCi([]);
    const failing = checkPageView(catalog, same, same.checksById.get('has-ci')!).failing;
    expect(failing.rows).toHaveLength(3);
    expect([failing.sharedStatus, failing.sharedMessage]).toEqual(['fail', 'No CI.']);
    const evidenced = withCi([{ path: '.github/workflows' }]);
    expect(checkPageView(catalog, evidenced, evidenced.checksById.get('has-ci')!).failing.sharedMessage).toBeUndefined();
    // Messages that differ are each the row's own.
    expect(checkPageView(catalog, standards, standards.checksById.get('has-readme')!).failing.sharedMessage).toBeUndefined();
    // One row shares with nothing: its message stays in its row.
    const one = indexStandards({
      ...snapshotFixture,
      results: snapshotFixture.results.map((result) => ({
        ...result,
        checks: result.checks.map((check) =>
          check.checkId !== 'has-ci' || check.effective === 'notApplicable'
            ? check
            : result.entityRef === 'component:default/billing-scripts'
              ? { ...check, outcome: 'fail' as const, effective: 'fail' as const, message: 'No CI.', evidence: [] }
              : { ...check, outcome: 'pass' as const, effective: 'pass' as const, evidence: [] },
        ),
      })),
    });
    const single = checkPageView(catalog, one, one.checksById.get('has-ci')!).failing;
    expect([single.rows.length, single.sharedMessage]).toEqual([1, undefined]);
  });

  it.each([
    ['fail', 'Entities where this check fails'],
    ['error', 'Entities where this check could not run'],
    ['expiredExemption', 'Entities whose exemption from this check has expired'],
    [undefined, 'Entities where this check fails or could not run'],
  ] as const)('captions a failing table whose rows share the outcome %s: %s', (status, caption) => {
    expect(failingCaption(status)).toBe(caption);
  });

  it('counts failing and applicable entities by owner, the most failing first', () => {
    const ci = checkPageView(catalog, standards, standards.checksById.get('has-ci')!);
    expect(ci.failing.byOwner.map((row) => [row.owner?.text, row.failing, row.applicable])).toEqual([
      ['Platform', 2, 2],
      ['Payments Team', 1, 2],
    ]);
    expect(checkPageView(catalog, standards, standards.checksById.get('pinned-base-image')!).failing.byOwner).toEqual([]);
  });

  it('puts failing entities past the first 100 on further pages', () => {
    const results = Array.from({ length: 150 }, (_, index) => ({
      ...productionResults[0]!,
      entityRef: `component:default/orphan-${String(index).padStart(3, '0')}`,
    }));
    const many = indexStandards({ ...snapshotFixture, results });
    const readme = many.checksById.get('has-readme')!;
    const first = checkPageView(catalog, many, readme).failing;
    expect([first.rows.length, first.entities, first.pagination.range, first.pagination.next]).toEqual([
      100,
      150,
      '1–100 of 150',
      '/checks/has-readme/page/2/',
    ]);
    expect(first.byOwner).toEqual([{ failing: 150, applicable: 150 }]);
    const later = checkFailingPages(catalog, many, readme);
    expect(
      later.map((page) => [
        page.failing.pagination.number,
        page.failing.rows.length,
        page.failing.rows[0]!.entity.text,
        page.failing.pagination.previous,
      ]),
    ).toEqual([[2, 50, 'component:orphan-100', '/checks/has-readme/']]);
    expect(checkFailingPages(catalog, standards, readme)).toEqual([]);
  });

  it.each([
    ['service-basics#readme', '/guides/service-basics/#readme'],
    ['containers', '/guides/containers/'],
    ['https://docs.example.com/guide', 'https://docs.example.com/guide'],
    ['javascript:alert(1)', undefined],
    ['../../etc', undefined],
  ])('links guide %s to %s', (guide, href) => {
    expect(guideLink(guide)?.href).toBe(href);
  });

  it.each([
    ['service-basics#readme', 'Service basics › Write a README'],
    ['service-basics', 'Service basics'],
    ['service-basics#gone', 'Service basics'],
    ['containers#x', 'containers#x'],
  ])('names guide %s by its title and section: %s', (guide, text) => {
    const basics = { id: 'service-basics', title: 'Service basics', headings: [{ depth: 2, slug: 'readme', text: 'Write a README' }] };
    expect(guideLink(guide, new Map([['service-basics', basics as Guide]]))?.text).toBe(text);
  });
});

describe('team roll-up', () => {
  it('shows the group’s entities by level per scorecard', () => {
    const standing = teamStanding(catalog, standards, entity('group:default/payments-team'))!;
    expect(
      standing.scorecards.map((card) => [
        card.scorecard.title,
        card.levels.map((level) => [level.level.title, level.entities.map((link) => link.text)]),
      ]),
    ).toEqual([
      [
        'Production readiness',
        [
          ['No level', ['Checkout Web']],
          ['Bronze', []],
          ['Silver', ['Payments Service']],
          ['Gold', []],
        ],
      ],
      [
        'Security basics',
        [
          ['No level', ['Payments Service']],
          ['Baseline', []],
        ],
      ],
    ]);
  });

  it('links the group’s entities × checks on each scorecard', () => {
    const standing = teamStanding(catalog, standards, entity('group:default/payments-team'))!;
    expect(standing.scorecards.map((card) => [card.heatmapHref, card.levels.map((level) => level.count)])).toEqual([
      ['/scorecards/production-readiness/teams/default/group/payments-team/', [1, 0, 1, 0]],
      ['/scorecards/security-basics/teams/default/group/payments-team/', [1, 0]],
    ]);
    expect(standing.todoItems).toBe(3);
  });

  it('names at most 20 entities per level and lists the 25 closest to their next level, for a team of any size', () => {
    const team = entity('group:default/platform');
    const refs = Array.from({ length: 60 }, (_, index) => `component:default/many-${String(index).padStart(2, '0')}`);
    const entities = refs.map((ref) => ({
      ...entity('component:default/billing-scripts'),
      ref,
      metadata: { ...entity('component:default/billing-scripts').metadata, name: ref.split('/')[1]! },
    }));
    const big = indexCatalog({
      ...snapshotFixture,
      entities: [
        ...snapshotFixture.entities.filter((candidate) => candidate.ref !== team.ref),
        ...entities,
        { ...team, relations: refs.map((targetRef) => ({ type: 'ownerOf', targetRef })) },
      ],
    });
    const results = refs.map((entityRef) => ({ ...productionResults[0]!, entityRef }));
    const standing = teamStanding(big, indexStandards({ ...snapshotFixture, results }), big.byRef.get(team.ref)!)!;
    const noLevel = standing.scorecards[0]!.levels[0]!;
    expect([noLevel.count, noLevel.entities.length, noLevel.entities[0]!.text]).toEqual([60, 20, 'many-00']);
    expect([standing.todo.length, standing.todoItems]).toEqual([25, 60]);
  });

  it('orders the to-do list by fewest checks to the next level, then effort', () => {
    const todo = (ref: string) =>
      teamStanding(catalog, standards, entity(ref))!.todo.map((item) => [
        item.entity.text,
        item.scorecard.title,
        item.nextLevel.title,
        item.checks.map((check) => check.id),
      ]);
    expect(todo('group:default/payments-team')).toEqual([
      ['Checkout Web', 'Production readiness', 'Bronze', ['has-codeowners']],
      ['Payments Service', 'Production readiness', 'Gold', ['dockerfile-non-root']],
      ['Payments Service', 'Security basics', 'Baseline', ['dockerfile-non-root']],
    ]);
    expect(todo('group:default/platform')).toEqual([
      ['billing-scripts', 'Production readiness', 'Bronze', ['has-readme']],
      ['Hostile <b>component</b>', 'Production readiness', 'Bronze', ['has-codeowners', 'has-readme']],
    ]);
    const first = teamStanding(catalog, standards, entity('group:default/platform'))!.todo[0]!;
    expect(first.checks[0]).toMatchObject({ status: 'expiredExemption', message: 'No README.', effort: 'low' });
  });

  it('compares fewer checks before less effort', () => {
    const item = (checks: number, effort: number, text: string) =>
      ({ entity: { text }, scorecard: { title: 's' }, checks: Array(checks), effort }) as unknown as TodoItem;
    const sorted = [item(2, 2, 'a'), item(1, 3, 'b'), item(1, 1, 'c'), item(1, 1, 'b')].sort(compareTodo);
    expect(sorted.map((entry) => entry.entity.text)).toEqual(['b', 'c', 'b', 'a']);
  });

  it('rolls a department up from its teams, though it owns nothing scored itself; absent for other kinds', () => {
    const department = teamStanding(catalog, standards, entity('group:default/engineering'))!;
    expect(department).toMatchObject({ scorecards: [], todo: [], todoItems: 0 });
    expect(
      department.withTeams.map(({ scorecard, entities, levels }) => [
        scorecard.title,
        entities,
        levels.map(({ level, count }) => `${level.title} ${count}`).join(', '),
      ]),
    ).toEqual([
      ['Production readiness', 4, 'No level 3, Bronze 0, Silver 1, Gold 0'],
      ['Security basics', 2, 'No level 1, Baseline 1'],
    ]);
    // A team with nobody below it that owns anything has no roll-up beyond its own.
    expect(teamStanding(catalog, standards, entity('group:default/platform'))!.withTeams).toEqual([]);
    expect(teamStanding(catalog, standards, entity('component:default/payments-service'))).toBeUndefined();
  });
});

describe('badges', () => {
  it.each([
    [0, 3, 'red'],
    [1, 3, 'orange'],
    [2, 3, 'yellowgreen'],
    [3, 3, 'brightgreen'],
    [1, 1, 'brightgreen'],
    [1, 2, 'orange'],
    [2, 2, 'brightgreen'],
    [1, 5, 'orange'],
    [2, 5, 'yellow'],
    [3, 5, 'yellowgreen'],
    [4, 5, 'green'],
    [5, 5, 'brightgreen'],
  ])('colours level %i of %i %s', (rank, count, colour) => {
    expect(badgeColour({ rank }, count)).toBe(colour);
  });

  it('has one badge per result at a stable path, saying the level or "none"', () => {
    const routes = badgeRoutes(catalog, standards, true);
    expect(routes).toHaveLength(snapshotFixture.results.length);
    expect(routes.find((route) => route.params.name === 'payments-service' && route.params.scorecard === 'production-readiness')).toEqual({
      params: { namespace: 'default', kind: 'component', name: 'payments-service', scorecard: 'production-readiness' },
      badge: { label: 'Production readiness', message: 'Silver', color: 'yellowgreen' },
    });
    expect(routes.find((route) => route.params.name === 'checkout-web')!.badge).toMatchObject({ message: 'none', color: 'red' });
    expect(
      routes.find((route) => route.params.name === 'billing-scripts' && route.params.scorecard === 'security-basics')!.badge,
    ).toMatchObject({ message: 'Baseline', color: 'brightgreen' });
    expect(badgePath(entity('component:default/payments-service'), 'production-readiness')).toBe(
      'badges/default/component/payments-service/production-readiness.svg',
    );
  });

  it('has badges only for the scorecards the setting names, none by default', () => {
    expect(badgeRoutes(catalog, standards, false)).toEqual([]);
    expect(new Set(badgeRoutes(catalog, standards, ['security-basics']).map((route) => route.params.scorecard))).toEqual(
      new Set(['security-basics']),
    );
    expect(badgeRoutes(catalog, standards, ['no-such-scorecard'])).toEqual([]);
  });

  it.each([
    [undefined, false],
    ['true', true],
    ['["security-basics"]', ['security-basics']],
    ['false', false],
    ['[1]', false],
    ['"x"', false],
  ])('reads the setting %s as %j', (value, setting) => {
    expect(parseBadgeSetting(value)).toEqual(setting);
  });

  it('renders an SVG with the text escaped', () => {
    const svg = badgeSvg({ label: 'A <b>&</b> card', message: 'Gold', color: 'brightgreen' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain('<b>');
    expect(new XMLParser().parse(svg).svg.title).toBe('A <b>&</b> card: Gold');
  });

  it('gives Markdown to embed the badge, absolute when the site URL is known', () => {
    expect(badgeMarkdown('Readiness: Gold', '/portal/badges/x.svg', '/portal/catalog/x/', 'https://acme.github.io/')).toBe(
      '[![Readiness: Gold](https://acme.github.io/portal/badges/x.svg)](https://acme.github.io/portal/catalog/x/)',
    );
    expect(badgeMarkdown('A [b]', '/b.svg', '/p/', undefined)).toBe('[![A \\[b\\]](/b.svg)](/p/)');
  });
});

describe('results export', () => {
  const url = (path: string) => `https://portal.acme.dev/${path}`;
  const entities = entityResults(catalog, standards);

  it('indexes every scored entity with its levels and the URL of its own file', () => {
    const exported = scorecardsExport(standards, entities, snapshotFixture.generatedAt, url);
    expect(exported.generatedAt).toBe(snapshotFixture.generatedAt);
    expect(exported.entities).toEqual([
      {
        entity: 'component:default/billing-scripts',
        levels: { 'production-readiness': null, 'security-basics': 'baseline' },
        url: 'https://portal.acme.dev/scorecards/entities/default/component/billing-scripts.json',
      },
      {
        entity: 'component:default/checkout-web',
        levels: { 'production-readiness': null },
        url: 'https://portal.acme.dev/scorecards/entities/default/component/checkout-web.json',
      },
      {
        entity: 'component:default/hostile',
        levels: { 'production-readiness': null },
        url: 'https://portal.acme.dev/scorecards/entities/default/component/hostile.json',
      },
      {
        entity: 'component:default/payments-service',
        levels: { 'production-readiness': 'silver', 'security-basics': null },
        url: 'https://portal.acme.dev/scorecards/entities/default/component/payments-service.json',
      },
    ]);
  });

  it('gives each entity its results by scorecard, with outcomes, messages and evidence', () => {
    const payments = entityResultsExport(
      entities.find((entity) => entity.entityRef === 'component:default/payments-service')!,
      snapshotFixture.generatedAt,
    );
    expect(payments.entity).toBe('component:default/payments-service');
    expect(payments.results.map((result) => result.scorecard)).toEqual(['production-readiness', 'security-basics']);
    // The file names its entity once, not in every result.
    expect(Object.keys(payments.results[0]!)).toEqual(['scorecard', 'level', 'score', 'checks']);
    expect(payments.results[0]).toMatchObject({ level: 'silver', score: 6 / 7 });
    // `effective` only where an exemption makes it differ from the outcome.
    expect(payments.results[0]!.checks[4]).toEqual({
      check: 'dockerfile-non-root',
      level: 'gold',
      outcome: 'fail',
      message: 'The final stage runs as root.',
      evidence: [{ path: 'Dockerfile', line: 12, note: 'USER root' }],
    });
    expect(payments.results[0]!.checks[5]).toMatchObject({
      outcome: 'fail',
      effective: 'pass',
      exemption: { expired: false, source: 'annotation' },
    });
  });

  it('leaves out evidence when a check has none', () => {
    const checks = entities.flatMap((entity) => entityResultsExport(entity, 'x').results.flatMap((result) => result.checks));
    const scored = entities.flatMap((entity) => entity.results.flatMap((result) => result.checks));
    expect(checks.filter((check) => !('evidence' in check))).toHaveLength(scored.filter((check) => check.evidence.length === 0).length);
    expect(checks.some((check) => !('evidence' in check))).toBe(true);
    expect(checks.every((check) => check.evidence === undefined || check.evidence.length > 0)).toBe(true);
  });

  it('names a results file the way the catalog names the entity’s page', () => {
    const params = entities.map((entity) => entity.params);
    expect(params[0]).toEqual({ namespace: 'default', kind: 'component', name: 'billing-scripts' });
    expect(entityResultsPath({ namespace: 'ops', kind: 'component', name: 'con_' })).toBe('scorecards/entities/ops/component/con_.json');
  });

  it('is the same whatever order the snapshot lists results in', () => {
    const reversed = indexStandards({ ...snapshotFixture, results: [...snapshotFixture.results].reverse() });
    const again = entityResults(catalog, reversed);
    expect(JSON.stringify(scorecardsExport(reversed, again, 'x', url))).toBe(
      JSON.stringify(scorecardsExport(standards, entities, 'x', url)),
    );
    expect(JSON.stringify(again.map((entity) => entityResultsExport(entity, 'x')))).toBe(
      JSON.stringify(entities.map((entity) => entityResultsExport(entity, 'x'))),
    );
  });
});

describe('first-level blocker', () => {
  const scorecard = {
    ...production,
    levels: [{ id: 'bronze', checks: ['a', 'b', 'c'].map((id) => ({ id, weight: 1, options: {} })) }, production.levels[1]!],
  };
  type Effective = 'pass' | 'fail' | 'error' | 'notApplicable';
  /** A result at `level` whose first-level checks have these effective outcomes; a silver check always fails. */
  const result = (level: string | null, outcomes: Record<string, Effective>) => ({
    scorecard: 'production-readiness',
    entityRef: 'component:default/x',
    level,
    score: 0,
    checks: [
      ...Object.entries(outcomes).map(([checkId, effective]) => ({
        checkId,
        level: 'bronze',
        weight: 1,
        outcome: effective,
        effective,
        message: '',
        evidence: [],
      })),
      { checkId: 'has-ci', level: 'silver', weight: 1, outcome: 'fail' as const, effective: 'fail' as const, message: '', evidence: [] },
    ],
  });
  const blocked = (outcomes: Record<string, Effective>) => result(null, outcomes);
  const bronze = result('bronze', { a: 'pass', b: 'pass', c: 'pass' });

  it.each([
    [
      'one check holds all, alone',
      [blocked({ a: 'fail', b: 'pass' }), blocked({ a: 'fail' }), bronze],
      { id: 'a', held: 2, sole: 2, noLevel: 2, entities: 3 },
    ],
    [
      'an error holds like a failure; the silver failure does not count',
      [blocked({ a: 'error' }), blocked({ a: 'fail', b: 'fail' }), blocked({ b: 'fail' })],
      { id: 'a', held: 2, sole: 1, noLevel: 3, entities: 3 },
    ],
    [
      'a tie goes to the check holding more alone',
      [blocked({ a: 'fail', b: 'fail' }), blocked({ b: 'fail' }), blocked({ a: 'fail', c: 'fail' })],
      { id: 'b', held: 2, sole: 1, noLevel: 3, entities: 3 },
    ],
    [
      'a full tie goes to the level’s first check',
      [blocked({ b: 'fail', c: 'fail' }), blocked({ b: 'fail', c: 'fail' })],
      { id: 'b', held: 2, sole: 0, noLevel: 2, entities: 2 },
    ],
    [
      'exempt (effective pass) and not applicable checks hold nobody',
      [blocked({ a: 'pass', b: 'fail', c: 'notApplicable' }), blocked({ b: 'fail' })],
      { id: 'b', held: 2, sole: 2, noLevel: 2, entities: 2 },
    ],
    ['no check holds more than half', [blocked({ a: 'fail' }), blocked({ b: 'fail' }), blocked({ c: 'fail' })], undefined],
    ['exactly half is not most', [blocked({ a: 'fail' }), blocked({ b: 'fail' })], undefined],
    ['nobody below the first level', [bronze, bronze], undefined],
    ['no results', [], undefined],
  ])('%s', (_, results, expected) => {
    const blocker = firstLevelBlocker(standards, scorecard, results);
    expect(
      blocker && { id: blocker.check.id, held: blocker.held, sole: blocker.sole, noLevel: blocker.noLevel, entities: blocker.entities },
    ).toEqual(expected);
    if (blocker) expect(blocker.level).toEqual({ id: 'bronze', title: 'Bronze', rank: 1 });
  });

  it('finds the fixture’s blocker, and says it in words', () => {
    const blocker = scorecardPageView(catalog, standards, production).blocker!;
    expect(blocker).toMatchObject({ check: { id: 'has-readme', title: 'Has a README' }, held: 2, sole: 1, noLevel: 3, entities: 4 });
    expect(blockerSentence(blocker)).toEqual({
      before: '2 of 4 entities are held at No level by',
      after: '; for 1 of them it is the only failing Bronze check.',
    });
  });

  it.each([
    [
      { held: 34, sole: 34, entities: 44 },
      '34 of 44 entities are held at No level by',
      '; for all of them it is the only failing Bronze check.',
    ],
    [{ held: 1, sole: 1, entities: 1 }, '1 of 1 entity is held at No level by', '; it is the only failing Bronze check.'],
    [{ held: 5, sole: 0, entities: 9 }, '5 of 9 entities are held at No level by', '; each of them also fails another Bronze check.'],
    [{ held: 1, sole: 0, entities: 2 }, '1 of 2 entities is held at No level by', '; it also fails another Bronze check.'],
  ])('words %j', (counts, before, after) => {
    const level = { id: 'bronze', title: 'Bronze', rank: 1 };
    expect(blockerSentence({ check: { id: 'a', title: 'A' }, level, noLevel: counts.held, ...counts })).toEqual({ before, after });
  });
});
