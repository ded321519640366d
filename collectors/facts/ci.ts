import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** CI systems recognised by their configuration files. */
const CI_SYSTEMS: Array<{ system: string; patterns: string[] }> = [
  { system: 'github-actions', patterns: ['.github/workflows/*.yml', '.github/workflows/*.yaml'] },
  { system: 'gitlab-ci', patterns: ['.gitlab-ci.yml'] },
  { system: 'jenkins', patterns: ['Jenkinsfile', '**/Jenkinsfile'] },
  { system: 'circleci', patterns: ['.circleci/config.yml'] },
  { system: 'azure-pipelines', patterns: ['azure-pipelines.yml', '.azure-pipelines/*.yml'] },
  { system: 'buildkite', patterns: ['.buildkite/pipeline.yml', '.buildkite/*.yml'] },
  { system: 'bitbucket-pipelines', patterns: ['bitbucket-pipelines.yml'] },
  { system: 'travis', patterns: ['.travis.yml'] },
  { system: 'drone', patterns: ['.drone.yml'] },
  { system: 'tekton', patterns: ['.tekton/*.yaml', '.tekton/*.yml'] },
];

export const ci = defineRetriever({
  id: 'ci',
  version: 1,
  description: 'CI systems configured in the repository, with their configuration files.',
  schema: z.array(z.object({ system: z.string(), files: z.array(z.string()) })),
  async collect({ repo }) {
    return CI_SYSTEMS.map(({ system, patterns }) => ({ system, files: repo.glob(patterns) })).filter(({ files }) => files.length > 0);
  },
});
