import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../../site/lib/catalog.ts';
import { messageShape, problemsOverview, repositoryPages, splitMessage } from '../../../site/lib/problems.ts';
import type { Problem } from '../../../site/lib/catalog.ts';
import { formatShare, repositoryView } from '../../../site/lib/repository.ts';
import { countNoun, formatTimestamp } from '../../../site/lib/text.ts';
import { HOSTILE, snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = indexCatalog(snapshotFixture);
const repo = (name: string) => catalog.repos.get(name)!;

const withProblems = (problems: Problem[]) => indexCatalog({ ...snapshotFixture, problems });
const noOwner = (repo: string): Problem => ({
  severity: 'warning',
  repo,
  entityRef: `component:default/${repo}`,
  message: `No owner is known for ${repo}: it has no catalog-info.yaml and no CODEOWNERS catch-all rule (\`* @org/team\`) naming a team or user. Add either to give it an owner.`,
});

describe('problems overview', () => {
  it('lists the fixture’s problems, errors first, each its own kind, with the summary line', () => {
    const overview = problemsOverview(catalog);
    expect(overview.summary).toBe('2 errors and 3 warnings in 4 repositories and the portal content');
    expect(overview.errors.map((kind) => kind.headline)).toEqual([
      `Bad value ${HOSTILE.description}`,
      'spec.lifecycle "prod" is not one of the lifecycles this portal knows.',
    ]);
    expect(overview.errors[1]?.problems).toEqual([
      {
        severity: 'error',
        message: 'spec.lifecycle "prod" is not one of the lifecycles this portal knows.',
        location: 'catalog-info.yaml:12',
        repo: 'payments-service',
        repoHref: '/catalog/default/component/payments-service/',
        entity: {
          ref: 'component:default/payments-service',
          kind: 'component',
          text: 'Payments Service',
          href: '/catalog/default/component/payments-service/',
        },
      },
    ]);
    expect(overview.warnings.map((kind) => kind.headline)).toEqual([
      'Could not parse package.json: Unexpected token.',
      'dependsOn component:default/legacy-ledger is not in the catalog.',
      'User carol has no e-mail domain this portal knows.',
    ]);
  });

  it('folds problems that differ only by the repository or entity they name into one kind, with its fix', () => {
    const overview = problemsOverview(
      withProblems([
        noOwner('express'),
        noOwner('json'),
        { severity: 'error', repo: 'gin', message: 'Could not read the repository at /x: EACCES' },
        noOwner('backstage-demo'),
      ]),
    );
    expect(overview.errors.map((kind) => kind.headline)).toEqual(['Could not read the repository at /x: EACCES']);
    const [owners] = overview.warnings;
    expect(owners).toMatchObject({
      headline: '3 repositories have no owner',
      explanation:
        'No owner is known for this repository: it has no catalog-info.yaml and no CODEOWNERS catch-all rule (`* @org/team`) naming a team or user.',
      fix: 'Add either to give it an owner.',
    });
    expect(owners?.problems.map((problem) => [problem.repo, problem.entity?.ref])).toEqual([
      ['express', 'component:default/express'],
      ['json', 'component:default/json'],
      ['backstage-demo', 'component:default/backstage-demo'],
    ]);
    expect(overview.summary).toBe('1 error and 3 warnings in 4 repositories');
  });

  it('folds messages that differ only by a count into one kind, with N where they differ and each problem its own number', () => {
    const shallow = (repo: string, commits: number): Problem => ({
      severity: 'warning',
      repo,
      message: `This is a shallow clone with only its newest ${commits} commits: older tags are not seen. Fetch the whole history: in GitHub Actions, actions/checkout with fetch-depth: 0.`,
    });
    const overview = problemsOverview(
      withProblems([shallow('gin', 106), shallow('json', 300), shallow('click', 300), shallow('typer', 3.5 as never)]),
    );
    expect(overview.warnings.map((kind) => [kind.headline, kind.fix, kind.problems.length])).toEqual([
      [
        '3 repositories: This is a shallow clone with only its newest N commits: older tags are not seen.',
        'Fetch the whole history: in GitHub Actions, actions/checkout with fetch-depth: 0.',
        3,
      ],
      [
        'This is a shallow clone with only its newest 3.5 commits: older tags are not seen.',
        'Fetch the whole history: in GitHub Actions, actions/checkout with fetch-depth: 0.',
        1,
      ],
    ]);
    expect(overview.warnings[0]!.counted).toBe(true);
    expect(overview.warnings[0]!.problems.map((problem) => [problem.repo, problem.counts])).toEqual([
      ['gin', '106'],
      ['json', '300'],
      ['click', '300'],
    ]);
  });

  it('gives a number a message repeats once in its N column', () => {
    const owner = (n: number): Problem => ({
      severity: 'warning',
      repo: `app${n}x`,
      message: `Refers to group:default/team-${n} in spec.owner (written "team-${n}"), which is not in the catalog.`,
    });
    const [kind] = problemsOverview(withProblems([owner(1), owner(2)])).warnings;
    expect(kind!.headline).toBe(
      '2 repositories: Refers to group:default/team-N in spec.owner (written "team-N"), which is not in the catalog.',
    );
    expect(kind!.problems.map((problem) => problem.counts)).toEqual(['1', '2']);
  });

  it('heads a repeated kind without a headline of its own by its count and first sentence, largest kinds first', () => {
    const dangling = (entity: string): Problem => ({
      severity: 'warning',
      repo: 'demo',
      entityRef: `component:default/${entity}`,
      message: `component:default/${entity} refers to group:backstage/maintainers in spec.owner, which is not in the catalog. Expected an entity with that ref. Write the ref with its kind.`,
    });
    const guideOwner = (file: string): Problem => ({
      severity: 'warning',
      file,
      message: 'Guide owner "group:platform" is not a Group in the catalog.',
    });
    const overview = problemsOverview(
      withProblems([
        dangling('demo'),
        guideOwner('guides/a.mdx'),
        guideOwner('guides/b.mdx'),
        guideOwner('guides/c.mdx'),
        dangling('backstage-demo'),
      ]),
    );
    expect(overview.warnings.map((kind) => [kind.headline, kind.explanation, kind.fix, kind.problems.length])).toEqual([
      ['3 files: Guide owner "group:platform" is not a Group in the catalog.', undefined, undefined, 3],
      [
        '2 entities: This entity refers to group:backstage/maintainers in spec.owner, which is not in the catalog.',
        'Expected an entity with that ref.',
        'Write the ref with its kind.',
        2,
      ],
    ]);
  });

  it('links a repository to the page its problems are shown on: its Component’s, else its first entity’s', () => {
    expect(Object.fromEntries(repositoryPages(catalog))).toEqual({
      'payments-service': '/catalog/default/component/payments-service/',
      'checkout-web': '/catalog/default/component/checkout-web/',
      'billing-scripts': '/catalog/default/component/billing-scripts/',
      hostile: '/catalog/default/component/hostile/',
    });
    const apiOnly = indexCatalog({
      ...snapshotFixture,
      entities: snapshotFixture.entities.filter((entity) => entity.kind !== 'Component'),
    });
    expect(repositoryPages(apiOnly).get('payments-service')).toBe('/catalog/default/api/payments-api/');
  });

  it.each([
    // A name inside a longer word or path is not the repository.
    [
      { repo: 'demo', message: 'component:default/backstage-demo has no demo.yaml; demo is broken.' },
      'component:default/backstage-demo has no demo.yaml; this repository is broken.',
      'repository',
    ],
    [{ repo: 'json', message: 'Could not parse package.json in json.' }, 'Could not parse package.json in this repository.', 'repository'],
    [
      { entityRef: 'component:default/a', repo: 'a', message: 'component:default/a is in a.' },
      'this entity is in this repository.',
      'entity',
    ],
    [{ file: 'catalog-info.yaml', message: 'YAML error in catalog-info.yaml: bad.' }, 'YAML error in this file: bad.', 'file'],
    [{ message: 'Nothing named here.' }, 'Nothing named here.', undefined],
  ])('shapes %j', (problem, template, subject) => {
    expect(messageShape(problem)).toEqual({ template, ...(subject ? { subject } : {}) });
  });

  it.each([
    ['One sentence.', { headline: 'One sentence.' }],
    [
      'Wrong. Add a file. It matters, e.g. `x`. Use y.',
      { headline: 'Wrong.', explanation: 'It matters, e.g. `x`.', fix: 'Add a file. Use y.' },
    ],
    ['Add this first. Then more.', { headline: 'Add this first.', explanation: 'Then more.' }],
    ['spec.lifecycle "prod" is unknown.', { headline: 'spec.lifecycle "prod" is unknown.' }],
  ])('splits %j', (message, parts) => {
    expect(splitMessage(message)).toEqual(parts);
  });
});

describe('repository facts', () => {
  it('shows head, branch, languages and the files standards look for', () => {
    expect(repositoryView(repo('payments-service'))).toEqual({
      name: 'payments-service',
      href: 'https://git.example.com/acme/payments-service',
      commit: { hash: '0123456', date: '2026-11-19' },
      branch: 'main',
      languages: [
        { name: 'Go', share: '90%' },
        { name: 'Shell', share: '10%' },
        { name: 'Makefile', share: '<1%' },
      ],
      files: [
        { label: 'README', presence: 'present', detail: 'README.md' },
        { label: 'LICENSE', presence: 'present', detail: 'MIT' },
        { label: 'CODEOWNERS', presence: 'present', detail: '.github/CODEOWNERS' },
        { label: 'CI', presence: 'present', detail: 'github-actions' },
        { label: 'Dockerfile', presence: 'present', detail: 'Dockerfile' },
      ],
    });
  });

  it('tells a missing file from a fact that could not be collected', () => {
    expect(repositoryView(repo('checkout-web')).files.map((file) => file.presence)).toEqual([
      'present',
      'absent',
      'absent',
      'absent',
      'absent',
    ]);
    expect(repositoryView(repo('billing-scripts')).files.map((file) => file.presence)).toEqual([
      'absent',
      'unknown',
      'present',
      'unknown',
      'unknown',
    ]);
  });

  it.each([
    [1, 900, '100%'],
    [0.456, 456, '46%'],
    [0.004, 4, '<1%'],
    [0, 165, '<1%'],
    [0, 0, '0%'],
  ])('formats share %d of %d bytes as %s', (share, bytes, text) => {
    expect(formatShare(share, bytes)).toBe(text);
  });
});

describe('text', () => {
  it('counts nouns and formats timestamps the same everywhere', () => {
    expect([countNoun(0, 'entity', 'entities'), countNoun(1, 'entity', 'entities'), countNoun(2, 'error')]).toEqual([
      '0 entities',
      '1 entity',
      '2 errors',
    ]);
    expect(formatTimestamp('2026-11-20T03:00:00.000Z')).toBe('2026-11-20 03:00 UTC');
  });
});
