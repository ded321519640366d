import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../site/lib/catalog.ts';
import { problemsByRepository, problemsSummary } from '../../../site/lib/problems.ts';
import { formatShare, repositoryView } from '../../../site/lib/repository.ts';
import { countNoun, formatTimestamp } from '../../../site/lib/text.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const catalog = createCatalog(snapshotFixture);
const repo = (name: string) => catalog.repos.get(name)!;

describe('problems by repository', () => {
  it('groups by repository name, the portal content last, errors first', () => {
    const groups = problemsByRepository(catalog);
    expect(groups.map((group) => [group.repo, group.errors, group.warnings])).toEqual([
      ['billing-scripts', 0, 1],
      ['checkout-web', 0, 1],
      ['hostile', 1, 0],
      ['payments-service', 1, 0],
      [undefined, 0, 1],
    ]);
    expect(groups[3]?.problems[0]).toEqual({
      severity: 'error',
      message: 'spec.lifecycle "prod" is not one of the lifecycles this portal knows.',
      location: 'catalog-info.yaml:12',
      entity: { ref: 'component:default/payments-service', kind: 'component', text: 'Payments Service', href: '/catalog/default/component/payments-service/' },
    });
    expect(groups[0]?.problems[0]).toEqual({ severity: 'warning', message: 'Could not parse package.json: Unexpected token.', location: 'package.json' });
    expect(problemsSummary(groups)).toBe('2 errors and 3 warnings in 4 repositories and the portal content');
  });

  it('orders errors before warnings within a repository', () => {
    const mixed = createCatalog({
      ...snapshotFixture,
      problems: [
        { severity: 'warning', repo: 'r', message: 'first warning' },
        { severity: 'error', repo: 'r', message: 'an error' },
        { severity: 'warning', repo: 'r', message: 'second warning' },
      ],
    });
    const [group] = problemsByRepository(mixed);
    expect(group?.problems.map((problem) => problem.message)).toEqual(['an error', 'first warning', 'second warning']);
    expect(problemsSummary(problemsByRepository(mixed))).toBe('1 error and 2 warnings in 1 repository');
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
    expect(repositoryView(repo('checkout-web')).files.map((file) => file.presence)).toEqual(['present', 'absent', 'absent', 'absent', 'absent']);
    expect(repositoryView(repo('billing-scripts')).files.map((file) => file.presence)).toEqual(['absent', 'unknown', 'present', 'unknown', 'unknown']);
  });

  it.each([
    [1, '100%'],
    [0.456, '46%'],
    [0.004, '<1%'],
    [0, '0%'],
  ])('formats share %d as %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});

describe('text', () => {
  it('counts nouns and formats timestamps the same everywhere', () => {
    expect([countNoun(0, 'entity', 'entities'), countNoun(1, 'entity', 'entities'), countNoun(2, 'error')]).toEqual(['0 entities', '1 entity', '2 errors']);
    expect(formatTimestamp('2026-11-20T03:00:00.000Z')).toBe('2026-11-20 03:00 UTC');
  });
});
