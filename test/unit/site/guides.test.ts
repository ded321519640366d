import { describe, expect, it } from 'vitest';
import type { Guide } from '../../../collectors/contract/snapshot.ts';
import {
  adoptionSummary,
  fillUrlTemplate,
  guideContentPath,
  guideHref,
  guideIdFromPath,
  guidesByCategory,
  neighbours,
} from '../../../site/lib/guides.ts';

function guide(id: string, category: string, extra: Partial<Guide> = {}): Guide {
  return {
    id,
    file: `content/guides/${id}.mdx`,
    title: id.split('/').at(-1)!,
    summary: 'S',
    category,
    owner: 'group:default/platform',
    status: 'recommended',
    reviewed: '2026-10-01',
    checks: [],
    stale: false,
    headings: [],
    adoption: { entities: [], checks: [] },
    ...extra,
  };
}

const GUIDES = [
  guide('build/set-up-ci', 'Build and ship', { order: 1 }),
  guide('build/containerise', 'Build and ship', { order: 2 }),
  guide('build/jenkins', 'Build and ship', { status: 'deprecated' }),
  guide('start/new-service', 'Getting started'),
  guide('catalog/own', 'Catalog', { stale: true }),
];

describe('guides index and neighbours', () => {
  it('groups by category (sorted), ordered within by order, then title', () => {
    expect(guidesByCategory(GUIDES).map((group) => [group.category, group.anchor, group.guides.map((summary) => summary.id)])).toEqual([
      ['Build and ship', 'category-build-and-ship', ['build/set-up-ci', 'build/containerise', 'build/jenkins']],
      ['Catalog', 'category-catalog', ['catalog/own']],
      ['Getting started', 'category-getting-started', ['start/new-service']],
    ]);
  });

  it.each([
    { id: 'build/set-up-ci', previous: undefined, next: 'build/containerise' },
    { id: 'build/containerise', previous: 'build/set-up-ci', next: 'build/jenkins' },
    { id: 'build/jenkins', previous: 'build/containerise', next: undefined },
    { id: 'start/new-service', previous: undefined, next: undefined },
  ])('$id: prev $previous, next $next (within its category)', ({ id, previous, next }) => {
    const found = neighbours(GUIDES, id);
    expect([found.previous?.id, found.next?.id]).toEqual([previous, next]);
  });
});

describe('adoptionSummary', () => {
  it.each([
    { follows: [true, true, false], summary: { following: 2, applicable: 3, percent: 66 } },
    { follows: [true], summary: { following: 1, applicable: 1, percent: 100 } },
    { follows: [], summary: { following: 0, applicable: 0 } },
  ])('$follows → $summary', ({ follows, summary }) => {
    const entities = follows.map((value, index) => ({
      entityRef: `component:default/s${index}`,
      follows: value,
      missing: value ? [] : ['ci'],
    }));
    expect(adoptionSummary(guide('a/b', 'C', { adoption: { entities, checks: [] } }))).toEqual(summary);
  });
});

describe('guideContentPath', () => {
  // guide.file names the file from where the command ran: `content/guides/…` from the portal's
  // repository, `guides/…` from inside a portal made by cairn init, `../portal/guides/…` from beside it.
  it.each(['content/guides/build/set-up-ci.mdx', 'guides/build/set-up-ci.mdx', '../portal/guides/build/set-up-ci.mdx'])(
    'is the path below the content folder, whichever way %s names it',
    (file) => {
      expect(guideContentPath(guide('build/set-up-ci', 'Set up CI', { file }))).toBe('guides/build/set-up-ci.mdx');
    },
  );
});

describe('fillUrlTemplate', () => {
  it.each([
    {
      template: 'https://github.com/acme/portal/edit/main/content/{path}',
      values: { path: 'guides/build/set up.mdx' },
      url: 'https://github.com/acme/portal/edit/main/content/guides/build/set%20up.mdx',
    },
    {
      template: 'https://github.com/acme/portal/issues/new?template=feedback.yml&title=Feedback:+{title}&guide={url}',
      values: { title: 'Set up CI & CD', url: 'https://portal.acme.dev/guides/build/set-up-ci/' },
      url: 'https://github.com/acme/portal/issues/new?template=feedback.yml&title=Feedback:+Set%20up%20CI%20%26%20CD&guide=https%3A%2F%2Fportal.acme.dev%2Fguides%2Fbuild%2Fset-up-ci%2F',
    },
    { template: 'https://x.example/{unknown}/{id}', values: { id: 'a/b' }, url: 'https://x.example/{unknown}/a%2Fb' },
  ] as Array<{ template: string; values: Record<string, string>; url: string }>)('$template', ({ template, values, url }) => {
    expect(fillUrlTemplate(template, values)).toBe(url);
  });
});

describe('guide URLs', () => {
  it.each([
    { pathname: '/guides/build/set-up-ci/', base: '/', id: 'build/set-up-ci' },
    { pathname: '/portal/guides/build/set-up-ci/', base: '/portal/', id: 'build/set-up-ci' },
    { pathname: '/portal/guides/build/set-up-ci/', base: '/portal', id: 'build/set-up-ci' },
    { pathname: '/portal/guides/', base: '/portal/', id: undefined },
    { pathname: '/checks/ci-configured/', base: '/', id: undefined },
  ])('$pathname under $base → $id', ({ pathname, base, id }) => {
    expect(guideIdFromPath(pathname, base)).toBe(id);
  });

  it.each([
    { href: '/checks/ci-configured/', expected: '/checks/ci-configured/' },
    { href: 'https://example.com/', expected: 'https://example.com/' },
    { href: '//evil.example/x', expected: '//evil.example/x' },
    { href: '#section', expected: '#section' },
  ])('guideHref($href) under / → $expected', ({ href, expected }) => {
    expect(guideHref(href)).toBe(expected);
  });
});
