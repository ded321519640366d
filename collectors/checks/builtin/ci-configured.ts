import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { listOf } from './support/facts.ts';

export const ciConfigured = defineCheck({
  id: 'ci-configured',
  title: 'CI configured',
  category: 'build',
  description: 'The repository configures a CI system (GitHub Actions, GitLab CI, Jenkins, CircleCI, Azure Pipelines, Buildkite …).',
  why: 'Without CI, nothing checks that the main branch builds and its tests pass: breakage is found by the next person to touch the code, or in production.',
  fix: [
    'Add a workflow that builds and tests every pull request, e.g. `.github/workflows/ci.yml`:',
    '',
    '```yaml',
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
    '      - run: make test',
    '```',
  ].join('\n'),
  effort: 'medium',
  severity: 'warning',
  options: z.object({}),
  needs: ['ci'],
  run(context) {
    const { ci } = context.facts;
    if (ci.length === 0)
      return fail(
        'No CI configuration found (.github/workflows/, .gitlab-ci.yml, Jenkinsfile, .circleci/config.yml, azure-pipelines.yml …).',
      );
    return pass(
      `CI is configured: ${listOf(ci.map((system) => system.system))}.`,
      ci.flatMap((system) => system.files.map((path) => ({ path, note: system.system }))).slice(0, 20),
    );
  },
});
