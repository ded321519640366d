import { describe, expect, it } from 'vitest';
import type { CatalogEntity, EntityDocs, RepoSnapshot } from '../../../collectors/contract/snapshot.ts';
import { docsAssetRoutes, docsPageRoutes, docsPageView } from '../../../site/lib/docs-page.ts';

const entity: CatalogEntity = {
  ref: 'component:default/payments',
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Payments', namespace: 'default', title: 'Payments service' },
  relations: [],
  source: { repo: 'payments', file: 'catalog-info.yaml', line: 1 },
  inferred: false,
};

const docs: EntityDocs = {
  entityRef: 'component:default/payments',
  repo: 'payments',
  title: 'Payments handbook',
  origin: 'annotation',
  dir: 'docs',
  pages: [
    {
      slug: '',
      title: 'Welcome',
      source: 'docs/index.md',
      html: '<h1 id="welcome">Welcome</h1>',
      headings: [{ depth: 1, slug: 'welcome', text: 'Welcome' }],
    },
    {
      slug: 'ops/runbook',
      title: 'Runbook',
      source: 'docs/ops/runbook.md',
      html: '<p>x</p>',
      headings: [
        { depth: 2, slug: 'timeouts', text: 'Timeouts' },
        { depth: 3, slug: 'provider', text: 'Provider' },
        { depth: 4, slug: 'deep', text: 'Deep' },
      ],
    },
  ],
  nav: [
    { title: 'Welcome', slug: '' },
    { title: 'Operations', children: [{ title: 'Runbook', slug: 'ops/runbook' }] },
  ],
  assets: [{ path: '_assets/docs/img/flow.png', mediaType: 'image/png', base64: 'iVBORw0KGgo=' }],
};

const repo = {
  name: 'payments',
  source: 'directory',
  webUrl: 'https://github.com/acme/payments',
  facts: { head: { commit: 'abc123', date: '2026-01-15T10:00:00Z' } },
  problems: [],
} as RepoSnapshot;

describe('docsPageView', () => {
  it('marks the current page in the nav and links every entry under the entity docs URL', () => {
    const view = docsPageView(docs, entity, 'ops/runbook', repo);
    expect(view.nav).toEqual([
      { title: 'Welcome', href: '/catalog/default/component/Payments/docs/', current: false, children: [] },
      {
        title: 'Operations',
        current: false,
        children: [{ title: 'Runbook', href: '/catalog/default/component/Payments/docs/ops/runbook/', current: true, children: [] }],
      },
    ]);
    expect(view).toMatchObject({
      title: 'Runbook',
      isHome: false,
      hasTitleHeading: false,
      siteTitle: 'Payments handbook',
      entity: { name: 'Payments service', href: '/catalog/default/component/Payments/' },
      homeHref: '/catalog/default/component/Payments/docs/',
    });
  });

  it('lists headings of level 2 and 3 as the table of contents, and links the source at the scanned commit', () => {
    const view = docsPageView(docs, entity, 'ops/runbook', repo);
    expect(view.toc).toEqual([
      { depth: 2, text: 'Timeouts', href: '#timeouts' },
      { depth: 3, text: 'Provider', href: '#provider' },
    ]);
    expect(view.sourceHref).toBe('https://github.com/acme/payments/blob/abc123/docs/ops/runbook.md');
  });

  it('links the source in the URL shape of the repository forge', () => {
    const view = docsPageView(docs, entity, 'ops/runbook', { ...repo, webUrl: 'https://bitbucket.org/acme/payments/' });
    expect(view.sourceHref).toBe('https://bitbucket.org/acme/payments/src/abc123/docs/ops/runbook.md');
  });

  it('has no source link without a web URL, and knows the home page', () => {
    const view = docsPageView(docs, entity, '', undefined);
    expect(view.sourceHref).toBeUndefined();
    expect(view).toMatchObject({ isHome: true, hasTitleHeading: true });
  });
});

describe('docs routes', () => {
  const entityOf = (ref: string) => (ref === entity.ref ? entity : undefined);

  it('has one route per page, the home page without a slug', () => {
    expect(docsPageRoutes([docs], entityOf).map((route) => route.params)).toEqual([
      { namespace: 'default', kind: 'component', name: 'Payments', page: undefined },
      { namespace: 'default', kind: 'component', name: 'Payments', page: 'ops/runbook' },
    ]);
  });

  it('has one route per asset below _assets/, and none for docs of unknown entities', () => {
    expect(docsAssetRoutes([docs], entityOf)).toEqual([
      {
        params: { namespace: 'default', kind: 'component', name: 'Payments', assets: '_assets', asset: 'docs/img/flow.png' },
        mediaType: 'image/png',
        base64: 'iVBORw0KGgo=',
      },
    ]);
    expect(docsPageRoutes([{ ...docs, entityRef: 'component:default/gone' }], entityOf)).toEqual([]);
  });
});
