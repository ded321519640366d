import { describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { sourceLocationHref, toolAnnotations } from '../../../site/lib/annotations.ts';
import { indexCatalog, ownerRefOf } from '../../../site/lib/catalog.ts';
import { UNKNOWN_OWNER } from '../../../collectors/contract/helpers.ts';
import { entitySummary, levelTone, linkText, ownerStanding, sourceLink } from '../../../site/lib/entity-summary.ts';
import { homeView, ownerGapsSentence } from '../../../site/lib/home.ts';
import { entityScorecards } from '../../../site/lib/scorecard-panel.ts';
import { indexStandards, NO_LEVEL } from '../../../site/lib/standards.ts';
import { siteRepo } from '../../../site/snapshot.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = indexCatalog(snapshotFixture);
const standards = indexStandards(snapshotFixture);
const entity = (ref: string) => catalog.byRef.get(ref)!;
const summary = (ref: string) => entitySummary(catalog, entity(ref), entityScorecards(catalog, standards, entity(ref)));

/** A Component of the fixture's catalog with other annotations, relations or inference. */
function variant(overrides: Partial<CatalogEntity>, annotations: Record<string, string> = {}): CatalogEntity {
  const base = entity('component:default/billing-scripts');
  return { ...base, ...overrides, metadata: { ...base.metadata, annotations } };
}

describe('known annotations', () => {
  it.each([
    ['github.com/project-slug', 'acme/payments', 'GitHub repository', 'https://github.com/acme/payments'],
    ['github.com/project-slug', 'acme/../x', 'GitHub repository', undefined],
    ['github.com/project-slug', 'javascript:alert(1)', 'GitHub repository', undefined],
    ['github.com/team-slug', 'acme/payments-team', 'GitHub team', 'https://github.com/orgs/acme/teams/payments-team'],
    ['gitlab.com/project-slug', 'group/sub/project', 'GitLab project', 'https://gitlab.com/group/sub/project'],
    ['gitlab.com/project-id', '4242', 'GitLab project', 'https://gitlab.com/projects/4242'],
    ['gitlab.com/project-id', '42a', 'GitLab project', undefined],
    ['pagerduty.com/service-id', 'PABC123', 'PagerDuty service', 'https://app.pagerduty.com/service-directory/PABC123'],
    ['pagerduty.com/integration-key', 'a1b2c3d4e5', 'PagerDuty integration key', undefined],
    ['sentry.io/project-slug', 'acme/payments', 'Sentry project', 'https://sentry.io/organizations/acme/projects/payments/'],
    ['sentry.io/project-slug', 'payments', 'Sentry project', undefined],
    [
      'datadoghq.com/dashboard-url',
      'https://app.datadoghq.com/dashboard/abc',
      'Datadog dashboard',
      'https://app.datadoghq.com/dashboard/abc',
    ],
    ['datadoghq.com/dashboard-url', 'javascript:alert(1)', 'Datadog dashboard', undefined],
    ['grafana/dashboard-selector', "tags @> 'payments'", 'Grafana dashboards', undefined],
    ['grafana/alert-label-selector', 'service=payments', 'Grafana alerts', undefined],
    ['grafana/overview-dashboard', 'https://grafana.example.com/d/abc', 'Grafana dashboard', 'https://grafana.example.com/d/abc'],
    ['argocd/app-name', 'payments', 'Argo CD application', undefined],
    ['sonarqube.org/project-key', 'acme_payments', 'SonarQube project', undefined],
    ['jenkins.io/job-full-name', 'payments/main', 'Jenkins job', undefined],
    ['circleci.com/project-slug', 'github/acme/payments', 'CircleCI project', 'https://app.circleci.com/pipelines/github/acme/payments'],
    ['circleci.com/project-slug', 'acme/payments', 'CircleCI project', undefined],
    [
      'backstage.io/edit-url',
      'https://git.example.com/acme/x/edit/main/catalog-info.yaml',
      'Edit source',
      'https://git.example.com/acme/x/edit/main/catalog-info.yaml',
    ],
  ])('%s: %s', (key, value, label, href) => {
    expect(toolAnnotations({ [key]: value })).toEqual([{ key, label, value, ...(href ? { href } : {}) }]);
  });

  it('links a GitLab project on the instance the entity names, and leaves Cairn’s own and unknown annotations out', () => {
    expect(toolAnnotations({ 'gitlab.com/instance': 'gitlab.acme.com', 'gitlab.com/project-slug': 'team/app' })[0]).toMatchObject({
      href: 'https://gitlab.acme.com/team/app',
    });
    expect(toolAnnotations({ 'gitlab.com/instance': 'evil.com/x?', 'gitlab.com/project-slug': 'team/app' })[0]).toMatchObject({
      href: 'https://gitlab.com/team/app',
    });
    expect(
      toolAnnotations({
        'cairn.dev/inferred': 'true',
        'cairn.dev/inferred-type-reason': 'Dockerfile',
        'backstage.io/techdocs-ref': 'dir:.',
        'backstage.io/view-url': 'https://x.example.com',
        'example.com/x': 'y',
        'github.com/project-slug': ' ',
      }),
    ).toEqual([]);
  });

  it('lists them in a fixed order, whatever the order written', () => {
    const keys = toolAnnotations({ 'argocd/app-name': 'a', 'github.com/project-slug': 'a/b', 'pagerduty.com/service-id': 'P1' }).map(
      (tool) => tool.key,
    );
    expect(keys).toEqual(['github.com/project-slug', 'pagerduty.com/service-id', 'argocd/app-name']);
  });

  it.each([
    ['url:https://github.com/a/b', 'https://github.com/a/b'],
    ['url:javascript:alert(1)', undefined],
    ['dir:.', undefined],
    [undefined, undefined],
  ])('source location %s', (value, href) => {
    expect(sourceLocationHref(value)).toBe(href);
  });
});

describe('source link', () => {
  it.each([
    [
      { 'backstage.io/source-location': 'url:https://git.example.com/a/b/tree/main/svc', 'github.com/project-slug': 'a/b' },
      'https://web.example.com/r',
      'https://git.example.com/a/b/tree/main/svc',
      'git.example.com/a/b/tree/main/svc',
    ],
    [
      { 'backstage.io/source-location': 'dir:.', 'backstage.io/view-url': 'https://git.example.com/v' },
      undefined,
      'https://git.example.com/v',
      'git.example.com/v',
    ],
    [{ 'github.com/project-slug': 'a/b' }, 'https://web.example.com/r', 'https://github.com/a/b', 'github.com/a/b'],
    [{}, 'https://web.example.com/r/', 'https://web.example.com/r/', 'web.example.com/r'],
    [{ 'backstage.io/view-url': 'javascript:alert(1)' }, 'javascript:alert(2)', undefined, undefined],
  ])('%j with repository %s', (annotations, webUrl, href, text) => {
    expect(sourceLink(annotations, webUrl)).toEqual(href ? { href, text } : undefined);
  });

  it('shows a link as host and path', () => {
    expect(linkText('https://github.com/a/b%20c/?tab=x#y')).toBe('github.com/a/b c');
  });
});

describe('owner standing', () => {
  it.each([
    [
      'an owner in the catalog',
      [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
      'Component',
      { state: 'known', ref: 'group:default/platform' },
    ],
    [
      'an owner not in the catalog',
      [{ type: 'ownedBy', targetRef: 'group:ops/maintainers' }],
      'Component',
      { state: 'notInCatalog', ref: 'group:ops/maintainers' },
    ],
    ['the placeholder for no owner', [{ type: 'ownedBy', targetRef: UNKNOWN_OWNER }], 'Component', { state: 'none' }],
    ['no owner relation', [], 'API', { state: 'none' }],
    ['a kind that has no owner', [], 'Group', undefined],
  ])('%s', (_, relations, kind, expected) => {
    const standing = ownerStanding(catalog, variant({ kind, relations }));
    expect(standing && { state: standing.state, ...(standing.state === 'none' ? {} : { ref: standing.link.ref }) }).toEqual(expected);
  });

  it('takes group:default/unknown for no owner only as an inferred entity’s placeholder: declared, it is a team like any other', () => {
    const declared = variant({ inferred: false, relations: [{ type: 'ownedBy', targetRef: UNKNOWN_OWNER }] });
    expect(ownerStanding(catalog, declared)).toMatchObject({ state: 'notInCatalog', link: { ref: UNKNOWN_OWNER } });
    const team = { ...entity('group:default/payments-team'), ref: UNKNOWN_OWNER, metadata: { name: 'unknown', namespace: 'default' } };
    const withTeam = indexCatalog({
      ...snapshotFixture,
      entities: [...snapshotFixture.entities, team, { ...declared, ref: 'component:default/d' }],
    });
    expect(ownerRefOf(withTeam, 'component:default/d')).toBe(UNKNOWN_OWNER);
    expect(homeView(withTeam).owners).toBe(homeView(catalog).owners + 1);
  });

  it('counts on the home page only owners in the catalog, and says how many entities have none', () => {
    const placeholders = indexCatalog({
      ...snapshotFixture,
      entities: [
        ...snapshotFixture.entities,
        variant({ ref: 'component:default/a', relations: [{ type: 'ownedBy', targetRef: UNKNOWN_OWNER }] }),
        variant({ ref: 'component:default/b', relations: [{ type: 'ownedBy', targetRef: UNKNOWN_OWNER }] }),
        variant({ ref: 'component:default/c', relations: [{ type: 'ownedBy', targetRef: 'group:ops/maintainers' }] }),
      ],
    });
    expect(homeView(placeholders)).toMatchObject({ owners: 2, unowned: 2, ownerNotInCatalog: 1 });
    expect(homeView(catalog)).toMatchObject({ owners: 2, unowned: 0, ownerNotInCatalog: 0 });
  });

  it.each([
    [{ unowned: 0, ownerNotInCatalog: 0 }, undefined],
    [{ unowned: 1, ownerNotInCatalog: 0 }, '1 entity has no owner.'],
    [{ unowned: 20, ownerNotInCatalog: 2 }, '20 entities have no owner; 2 name an owner that is not in the catalog.'],
    [{ unowned: 0, ownerNotInCatalog: 1 }, '1 entity names an owner that is not in the catalog.'],
  ])('words the gaps %j', (view, sentence) => {
    expect(ownerGapsSentence(view)).toBe(sentence);
  });
});

describe('entity summary', () => {
  it('gives each scorecard’s level and what lifts the next one, cheapest first, with owner, source and last commit', () => {
    expect(summary('component:default/payments-service')).toEqual({
      levels: [
        {
          scorecard: { id: 'production-readiness', title: 'Production readiness', href: '/scorecards/production-readiness/' },
          level: { id: 'silver', title: 'Silver', rank: 2 },
          tone: 'some',
        },
        {
          scorecard: { id: 'security-basics', title: 'Security basics', href: '/scorecards/security-basics/' },
          level: NO_LEVEL,
          tone: 'none',
        },
      ],
      nextSteps: [
        {
          scorecard: { id: 'production-readiness', title: 'Production readiness', href: '/scorecards/production-readiness/' },
          level: { id: 'gold', title: 'Gold', rank: 3 },
          checks: [
            { id: 'dockerfile-non-root', title: 'Container runs as non-root', href: '/checks/dockerfile-non-root/', effort: 'medium' },
          ],
        },
        {
          scorecard: { id: 'security-basics', title: 'Security basics', href: '/scorecards/security-basics/' },
          level: { id: 'baseline', title: 'Baseline', rank: 1 },
          checks: [
            { id: 'dockerfile-non-root', title: 'Container runs as non-root', href: '/checks/dockerfile-non-root/', effort: 'medium' },
          ],
        },
      ],
      owner: {
        state: 'known',
        link: { ref: 'group:default/payments-team', kind: 'group', text: 'Payments Team', href: '/catalog/default/group/payments-team/' },
      },
      // The project slug wins over the repository's own web UI.
      source: { href: 'https://github.com/acme/payments-service', text: 'github.com/acme/payments-service' },
      lastCommit: {
        hash: '0123456',
        date: '2026-11-19',
        href: 'https://git.example.com/acme/payments-service/commit/0123456789abcdef0123456789abcdef01234567',
      },
      tools: [
        {
          key: 'github.com/project-slug',
          label: 'GitHub repository',
          value: 'acme/payments-service',
          href: 'https://github.com/acme/payments-service',
        },
      ],
    });
  });

  it('links no source or commit of a repository whose web UI is not http(s), and gives no levels without scorecards', () => {
    const hostile = summary('component:default/hostile');
    expect(hostile.source).toBeUndefined();
    expect(hostile.lastCommit).toBeUndefined();
    expect(summary('group:default/platform')).toMatchObject({ levels: [], nextSteps: [], tools: [] });
    expect(summary('group:default/platform').owner).toBeUndefined();
  });

  it('gives the latest release and why an inferred Component got its type', () => {
    const inferred = variant(
      { inferred: true, spec: { type: 'service' } },
      { 'cairn.dev/inferred-type-reason': ' Dockerfile with EXPOSE 8080. ' },
    );
    const withReleases = indexCatalog({
      ...snapshotFixture,
      repos: snapshotFixture.repos.map((repo) =>
        repo.name === 'billing-scripts'
          ? {
              ...repo,
              facts: {
                ...repo.facts,
                releases: [
                  { name: 'v2.0.0', date: '2026-09-01T10:00:00+02:00' },
                  { name: 'v1.0.0', date: '2025-01-01T00:00:00Z' },
                ],
                descriptors: { files: ['catalog-info.yaml'], documents: [] },
              },
            }
          : repo,
      ),
    });
    expect(entitySummary(withReleases, inferred, [])).toMatchObject({
      inferredAs: { type: 'service', reason: 'Dockerfile with EXPOSE 8080' },
      latestRelease: { name: 'v2.0.0', date: '2026-09-01' },
      lastCommit: { hash: 'fedcba9', date: '2026-10-01' },
    });
    expect(entitySummary(withReleases, { ...inferred, inferred: false }, []).inferredAs).toBeUndefined();
    // Inferred beside a descriptor that gave no entity: the page names the file rather than asking for one.
    expect(entitySummary(withReleases, inferred, []).unloadedDescriptors).toEqual(['catalog-info.yaml']);
    expect(entitySummary(catalog, inferred, []).unloadedDescriptors).toBeUndefined();
    // Beside a descriptor that is only a Location, kept as the site keeps it: the page names the Location's targets.
    const pointing = indexCatalog({
      ...snapshotFixture,
      repos: snapshotFixture.repos.map((repo) =>
        repo.name === 'billing-scripts'
          ? siteRepo({
              ...repo,
              facts: {
                ...repo.facts,
                descriptors: {
                  files: ['catalog-info.yaml'],
                  documents: [
                    {
                      file: 'catalog-info.yaml',
                      line: 1,
                      data: {
                        kind: 'Location',
                        metadata: { name: 'l', description: 'dropped' },
                        spec: { targets: ['./a.yaml', './b.yaml'] },
                      },
                    },
                  ],
                },
              },
            })
          : repo,
      ),
    });
    expect(entitySummary(pointing, inferred, [])).toMatchObject({
      onlyLocations: { file: 'catalog-info.yaml', count: 1, targets: ['./a.yaml', './b.yaml'] },
    });
    expect(entitySummary(pointing, inferred, []).unloadedDescriptors).toBeUndefined();
  });

  it.each([
    [0, 3, 'none'],
    [1, 3, 'some'],
    [3, 3, 'top'],
    [1, 1, 'top'],
  ])('level %d of %d is %s', (rank, count, tone) => {
    expect(levelTone({ id: rank ? 'x' : null, title: 'X', rank }, count)).toBe(tone);
  });
});

describe('a profile’s email', () => {
  const alice = entity('user:default/alice');
  const withEmail = (email: string) => ({ ...alice, spec: { ...alice.spec, profile: { email } } });
  it.each([
    ['alice@example.com', { address: 'alice@example.com', href: 'mailto:alice@example.com' }],
    ['eve%0Abcc%3Aevil@acme.example', { address: 'eve%0Abcc%3Aevil@acme.example' }],
    ['a@b.c?subject=x', { address: 'a@b.c?subject=x' }],
    ['javascript:alert(1)//@x', { address: 'javascript:alert(1)//@x' }],
    ['two@a.example, three@b.example', { address: 'two@a.example, three@b.example' }],
  ])('%s is linked only when it is one plain address', (email, shown) => {
    expect(entitySummary(catalog, withEmail(email), []).email).toEqual(shown);
  });

  it('is shown for Users and Groups only', () => {
    expect(entitySummary(catalog, { ...variant({}), spec: { profile: { email: 'x@example.com' } } }, []).email).toBeUndefined();
  });
});
