import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import { taughtSections, verifyGuideLinks, type CheckGuideReference } from '../../../collectors/guides/links.ts';
import { parseGuide, type GuideSource } from '../../../collectors/guides/load.ts';

const CHECK_IDS = new Set(['ci-configured', 'actions-pinned', 'readme-present']);
const TARGETS = { checkIds: CHECK_IDS, scorecardIds: new Set(['production-readiness']) };

function source(id: string, body: string, checks: string[] = []): GuideSource {
  const frontmatter = [
    'title: T',
    'summary: S',
    'category: C',
    'owner: platform',
    'status: recommended',
    'reviewed: 2026-10-01',
    `checks: [${checks.join(', ')}]`,
  ];
  return parseGuide(`---\n${frontmatter.join('\n')}\n---\n${body}`, id, `content/guides/${id}.mdx`, CHECK_IDS);
}

const CI = source(
  'build/set-up-ci',
  '## Add the workflow\n\nSee [CI](/checks/ci-configured/).\n\n## Pin your actions\n\n[pinning](/checks/actions-pinned/)\n',
  ['ci-configured', 'actions-pinned', 'readme-present'],
);

function faults(guides: GuideSource[], references: CheckGuideReference[] = []): string[] {
  try {
    verifyGuideLinks(guides, TARGETS, references);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message.split('\n');
  }
}

describe('verifyGuideLinks', () => {
  it.each([
    { link: '/guides/build/set-up-ci/', fault: undefined },
    { link: '/guides/build/set-up-ci', fault: undefined },
    { link: '/guides/build/set-up-ci/#pin-your-actions', fault: undefined },
    { link: '#own-section', fault: undefined },
    { link: '/checks/ci-configured/', fault: undefined },
    { link: '/scorecards/production-readiness/', fault: undefined },
    { link: '/catalog/default/component/anything/', fault: undefined },
    { link: 'https://example.com/checks/nope/', fault: undefined },
    {
      link: '/guides/build/set-up-cd/',
      fault: 'link /guides/build/set-up-cd/: no guide "build/set-up-cd"; did you mean "build/set-up-ci"?',
    },
    {
      link: '/guides/build/set-up-ci/#pin-actions',
      fault: 'link /guides/build/set-up-ci/#pin-actions: guide "build/set-up-ci" has no section "pin-actions"',
    },
    { link: '#nowhere', fault: 'link #nowhere: guide "start/here" has no section "nowhere"' },
    { link: '/checks/ci-configure/', fault: 'link /checks/ci-configure/: no check "ci-configure"; did you mean "ci-configured"?' },
    { link: '/scorecards/security/', fault: 'link /scorecards/security/: no scorecard "security"' },
    { link: '#%E0%A4%A', fault: 'link #%E0%A4%A: malformed %-escape in "#%E0%A4%A"' },
    { link: '/guides/build/set-up-ci/#%E0', fault: 'link /guides/build/set-up-ci/#%E0: malformed %-escape in "#%E0"' },
  ])('$link', ({ link, fault }) => {
    const guide = source('start/here', `## Own section\n\nText.\n\nSee [there](${link}).\n`);
    expect(faults([CI, guide])).toEqual(fault ? [`content/guides/start/here.mdx:14: ${fault}`] : []);
  });

  it('verifies <CheckList> ids and every fault at once', () => {
    const guide = source('start/here', '<CheckList checks={["ci-configured", "nope"]} />\n\n[x](/checks/gone/)\n');
    expect(faults([guide])).toEqual([
      'content/guides/start/here.mdx:12: link /checks/gone/: no check "gone"',
      'content/guides/start/here.mdx:10: <CheckList> checks: unknown check "nope"',
    ]);
  });

  it("verifies a check's guide and section, leaving web URLs alone", () => {
    const references: CheckGuideReference[] = [
      { checkId: 'a', guide: 'build/set-up-ci#pin-your-actions', file: 'content/checks/a.yaml' },
      { checkId: 'b', guide: 'https://wiki.example.com/ci', file: 'content/checks/b.yaml' },
      { checkId: 'c', guide: 'build/set-up-ci#nope', file: 'content/checks/c.yaml', line: 7 },
      { checkId: 'd', guide: 'build/ci', file: 'content/checks/d.yaml' },
    ];
    expect(faults([CI], references)).toEqual([
      'content/checks/c.yaml:7: guide: guide "build/set-up-ci" has no section "nope"',
      'content/checks/d.yaml: guide: no guide "build/ci"',
    ]);
  });
});

describe('taughtSections', () => {
  it('is the section of the first link to the check, else the whole guide', () => {
    expect(Object.fromEntries(taughtSections(CI))).toEqual({
      'ci-configured': 'add-the-workflow',
      'actions-pinned': 'pin-your-actions',
      'readme-present': undefined,
    });
  });

  it('counts a <CheckList> mention, and a link before any heading is the whole guide', () => {
    const guide = source('x/y', '[early](/checks/ci-configured/)\n\n## Later\n\n<CheckList checks={["actions-pinned"]} />\n', [
      'ci-configured',
      'actions-pinned',
    ]);
    expect(Object.fromEntries(taughtSections(guide))).toEqual({ 'ci-configured': undefined, 'actions-pinned': 'later' });
  });
});
