import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { entityPageView } from '../../../site/lib/entity-page.ts';
import { homeView } from '../../../site/lib/home.ts';
import { compareRelationTypes, relationLabel } from '../../../site/lib/relations.ts';
import { HOSTILE, snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = indexCatalog(snapshotFixture);
const view = (ref: string) => entityPageView(catalog, catalog.byRef.get(ref)!);
const link = (path: string, text: string) => ({
  href: `/catalog/default/${path}/`,
  text,
  kind: path.split('/')[0],
  ref: `${path.replace('/', ':default/')}`,
});

describe('relation labels', () => {
  it('names Backstage relation types for people, and keeps unknown ones', () => {
    expect(relationLabel('ownedBy')).toBe('Owned by');
    expect(relationLabel('providesApi')).toBe('Provides APIs');
    expect(relationLabel('hasMember')).toBe('Has members');
    expect(relationLabel('acme.com/reviews')).toBe('acme.com/reviews');
    expect(['zeta', 'dependsOn', 'alpha', 'ownedBy'].sort(compareRelationTypes)).toEqual(['ownedBy', 'dependsOn', 'alpha', 'zeta']);
  });
});

describe('entity page', () => {
  it('shows a component with its owner, system, domain through its system, and grouped relations', () => {
    const service = view('component:default/payments-service');
    expect(service).toMatchObject({
      displayName: 'Payments Service',
      type: 'service',
      lifecycle: 'production',
      owner: link('group/payments-team', 'Payments Team'),
      system: link('system/checkout', 'Checkout'),
      domain: link('domain/payments', 'Payments'),
      links: [{ text: 'Runbook', href: 'https://runbooks.example.com/payments' }],
      source: {
        repo: 'payments-service',
        location: 'catalog-info.yaml:1',
        href: 'https://git.example.com/acme/payments-service/blob/main/catalog-info.yaml#L1',
      },
      parts: [],
    });
    expect(service.relations.map((group) => [group.label, group.links.map((target) => target.text)])).toEqual([
      ['Owned by', ['Payments Team']],
      ['Part of', ['Checkout']],
      ['Provides APIs', ['Payments API']],
      ['Depends on', ['Payments database']],
    ]);
    expect(service.problems.map((problem) => problem.location)).toEqual(['catalog-info.yaml:12']);
    expect(service.repository).toMatchObject({ commit: { hash: '0123456', date: '2026-11-19' }, branch: 'main' });
  });

  it('shows a relation target that is not in the catalog without a link', () => {
    const dependsOn = view('component:default/checkout-web').relations.find((group) => group.type === 'dependsOn');
    expect(dependsOn?.links).toEqual([{ ref: 'component:default/legacy-ledger', kind: 'component', text: 'component:legacy-ledger' }]);
  });

  it('shows a group’s members, parent, children and owned entities in their own sections', () => {
    const team = view('group:default/payments-team');
    expect(team.group?.parent).toEqual(link('group/engineering', 'Engineering'));
    expect(team.group?.members).toEqual([
      { link: link('user/alice', 'Alice'), email: 'alice@example.com' },
      { link: link('user/bob', 'Bob'), email: 'bob@example.com' },
    ]);
    expect(team.group?.owned.map((owned) => [owned.link.text, owned.kind, owned.type])).toEqual([
      ['Checkout', 'System', undefined],
      ['Checkout Web', 'Component', 'website'],
      ['Payments', 'Domain', undefined],
      ['Payments API', 'API', 'openapi'],
      ['Payments Service', 'Component', 'service'],
    ]);
    expect(team.relations).toEqual([]);
    expect(view('group:default/engineering').group?.children.map((child) => child.text)).toEqual(['Payments Team', 'Platform']);
  });

  it('lists a system’s parts by kind and a domain’s systems', () => {
    expect(view('system:default/checkout').parts.map((part) => [part.heading, part.links.map((target) => target.text)])).toEqual([
      ['Components', ['Checkout Web', 'Payments Service']],
      ['APIs', ['Payments API']],
      ['Resources', ['Payments database']],
    ]);
    expect(view('domain:default/payments').parts.map((part) => part.heading)).toEqual(['Systems']);
    expect(view('system:default/checkout').relations.map((group) => group.type)).toEqual(['ownedBy', 'partOf']);
  });

  it('keeps hostile links as text and hostile values as they are (escaping is the template’s job)', () => {
    const hostile = view('component:default/hostile');
    expect(hostile.links).toEqual([{ text: 'Click me' }, { text: 'Docs', href: 'https://example.com/docs' }]);
    expect(hostile.source.href).toBeUndefined();
    expect(hostile.repository?.href).toBeUndefined();
    expect(hostile.annotations).toEqual([['example.com/evil', HOSTILE.annotation]]);
  });

  it('marks inferred entities', () => {
    expect(view('component:default/billing-scripts').inferred).toBe(true);
    expect(view('component:default/billing-scripts').fromCodeowners).toBeUndefined();
  });

  it('says where an owner inferred from CODEOWNERS was named', () => {
    const annotations = {
      'cairn.dev/inferred': 'true',
      'cairn.dev/inferred-from': 'CODEOWNERS',
      'cairn.dev/codeowners-handles': '@acme/writers',
      'cairn.dev/codeowners-repositories': 'docs-site, handbook',
    };
    const writers = {
      ref: 'group:default/writers',
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'writers', namespace: 'default', annotations },
      spec: { type: 'team', children: [] },
      relations: [],
      source: { file: '.', line: 1 },
      inferred: true,
    };
    expect(entityPageView(catalog, writers).fromCodeowners).toEqual({ handles: '@acme/writers', repositories: 'docs-site, handbook' });
    expect(entityPageView(catalog, { ...writers, inferred: false }).fromCodeowners).toBeUndefined();
    // An inferred entity is declared in no file: its source names none (not `.:1`).
    expect(entityPageView(catalog, writers).source).toEqual({});
    expect(entityPageView(catalog, { ...writers, inferred: false }).source).toEqual({ location: '.:1' });
  });
});

describe('home page', () => {
  it('counts entities by kind, repositories, owners and problems', () => {
    const home = homeView(catalog);
    expect(home).toMatchObject({ entities: 14, repositories: 4, owners: 2, problems: { errors: 2, warnings: 3 } });
    expect(home.kinds.find((kind) => kind.kind === 'Component')).toEqual({ kind: 'Component', count: 4, href: '/catalog/?kind=Component' });
  });
});
