import { busFactor } from '../../../collectors/checks/builtin/bus-factor.ts';
import { recentCommit } from '../../../collectors/checks/builtin/recent-commit.ts';
import { recentRelease } from '../../../collectors/checks/builtin/recent-release.ts';
import { describeCheck, entity, repoFacts } from '../../helpers/check-context.ts';

// NOW is 2026-06-01T00:00:00Z.
const activity = (lastCommitDate: string | undefined, commits = 10, authors = 2) => ({
  facts: repoFacts({ activity: { since: '2026-03-03T00:00:00.000Z', commits, authors, ...(lastCommitDate ? { lastCommitDate } : {}) } }),
});
const releases = (...tags: Array<[string, string]>) => repoFacts({ releases: tags.map(([name, date]) => ({ name, date })) });
const library = entity({ spec: { type: 'library', lifecycle: 'production', owner: 'group:default/payments-team' } });
const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };
const deprecated = {
  entity: entity({ spec: { type: 'service', lifecycle: 'deprecated', owner: 'group:default/payments-team' } }),
  ...activity('2024-01-01T00:00:00Z', 0, 0),
};

describeCheck(recentCommit, [
  { name: 'hours ago', input: activity('2026-05-31T10:00:00Z'), outcome: 'pass', message: /less than a day old \(2026-05-31\)/ },
  { name: 'yesterday', input: activity('2026-05-30T23:00:00Z'), outcome: 'pass', message: /1 day ago/ },
  { name: 'exactly 90 days', input: activity('2026-03-03T00:00:00Z'), outcome: 'pass', message: /90 days ago \(2026-03-03\)/ },
  {
    name: '91 days',
    input: activity('2026-03-02T00:00:00Z'),
    outcome: 'fail',
    message: /91 days ago \(2026-03-02\); expected one within 90 days/,
  },
  { name: 'days option', input: { ...activity('2026-05-01T00:00:00Z'), options: { days: 14 } }, outcome: 'fail' },
  { name: 'a commit dated in the future (clock skew)', input: activity('2026-06-03T00:00:00Z'), outcome: 'pass' },
  { name: 'no commits', input: activity(undefined, 0, 0), outcome: 'fail', message: /no commits/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'activity fact missing', input: { facts: {} }, outcome: 'error' },
  { name: 'a deprecated entity is expected to go quiet', input: deprecated, outcome: 'notApplicable', message: /deprecated/ },
]);

describeCheck(busFactor, [
  {
    name: 'two authors',
    input: activity('2026-05-30T00:00:00Z', 14, 2),
    outcome: 'pass',
    message: /2 authors made the 14 commits since 2026-03-03/,
  },
  {
    name: 'one author',
    input: activity('2026-05-30T00:00:00Z', 30, 1),
    outcome: 'fail',
    message: /1 author made the 30 commits since 2026-03-03; expected at least 2/,
  },
  { name: 'minAuthors option', input: { ...activity('2026-05-30T00:00:00Z', 30, 2), options: { minAuthors: 3 } }, outcome: 'fail' },
  {
    // click: recent-commit (180 days) passed while this said nobody was working on it.
    name: 'no commits in the window: no authors to count, recent-commit judges',
    input: activity('2025-01-01T00:00:00Z', 0, 0),
    outcome: 'notApplicable',
    message: 'No commits since 2026-03-03, so no authors to count (recent-commit judges how recent the last one is).',
  },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'a deprecated entity', input: deprecated, outcome: 'notApplicable' },
]);

describeCheck(recentRelease, [
  {
    name: 'a recent tag',
    input: { entity: library, facts: releases(['v1.4.0', '2026-05-01T00:00:00Z'], ['v1.3.0', '2025-01-01T00:00:00Z']) },
    outcome: 'pass',
    message: /v1\.4\.0, is 31 days old/,
  },
  {
    name: 'an old tag',
    input: { entity: library, facts: releases(['v1.0.0', '2025-06-01T00:00:00Z']) },
    outcome: 'fail',
    message: /v1\.0\.0, is 365 days old/,
  },
  { name: 'no tags', input: { entity: library, facts: releases() }, outcome: 'fail', message: /No release tag/ },
  { name: 'services release too', input: { facts: releases(['v2', '2026-05-30T00:00:00Z']) }, outcome: 'pass' },
  {
    name: 'a website does not release',
    input: { entity: entity({ spec: { type: 'website', lifecycle: 'production', owner: 'x' } }), facts: releases() },
    outcome: 'notApplicable',
    message: /type website/,
  },
  {
    name: 'types option',
    input: {
      entity: entity({ spec: { type: 'website', lifecycle: 'production', owner: 'x' } }),
      facts: releases(),
      options: { types: ['website'] },
    },
    outcome: 'fail',
  },
  {
    name: 'not a Component',
    input: { entity: entity({ kind: 'API', spec: { type: 'openapi' } }) },
    outcome: 'notApplicable',
    message: /this is an API/,
  },
  { name: 'no repository', input: { entity: entity({ repo: null }), facts: null }, outcome: 'notApplicable' },
  { name: 'releases fact missing', input: { entity: library, facts: {} }, outcome: 'error' },
]);
