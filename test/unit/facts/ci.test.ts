import { describe, expect, it } from 'vitest';
import { ci, ciSystemsOf } from '../../../collectors/facts/ci.ts';
import { files as filesFact } from '../../../collectors/facts/files.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { openRepo } from '../../../collectors/repo/open.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';
import { files, makeRepos } from '../../helpers/repos.ts';

describe('ciSystemsOf', () => {
  it.each<{ name: string; files: string[]; expected: Array<[string, string[]]> }>([
    {
      name: 'GitHub Actions, .yml and .yaml',
      files: ['.github/workflows/ci.yml', '.github/workflows/release.yaml', '.github/dependabot.yml'],
      expected: [['github-actions', ['.github/workflows/ci.yml', '.github/workflows/release.yaml']]],
    },
    { name: 'workflows in sub-folders are not run by GitHub', files: ['.github/workflows/shared/steps.yml'], expected: [] },
    { name: 'GitLab', files: ['.gitlab-ci.yml'], expected: [['gitlab-ci', ['.gitlab-ci.yml']]] },
    {
      name: 'Jenkinsfile and its variants, at any depth',
      files: [
        'Jenkinsfile',
        'Jenkinsfile_nightly',
        'Jenkinsfile.release',
        'ci/deploy.jenkinsfile',
        'services/api/JenkinsFile',
        'docs/Jenkinsfile.md',
      ],
      expected: [
        ['jenkins', ['Jenkinsfile', 'Jenkinsfile.release', 'Jenkinsfile_nightly', 'ci/deploy.jenkinsfile', 'services/api/JenkinsFile']],
      ],
    },
    {
      name: 'Jenkinsfiles in sample folders are not the repository’s CI',
      files: ['pipeline-examples/build/Jenkinsfile', 'examples/Jenkinsfile', 'test/fixtures/Jenkinsfile'],
      expected: [],
    },
    { name: 'CircleCI', files: ['.circleci/config.yml', '.circleci/README.md'], expected: [['circleci', ['.circleci/config.yml']]] },
    {
      name: 'Azure Pipelines in every usual place',
      files: [
        'azure-pipelines.yml',
        'azure-pipelines-release.yaml',
        '.azure-pipelines/jobs/build.yml',
        '.azdo/pipelines/azure-dev.yml',
        'infra/main.bicep',
      ],
      expected: [
        [
          'azure-pipelines',
          ['.azdo/pipelines/azure-dev.yml', '.azure-pipelines/jobs/build.yml', 'azure-pipelines-release.yaml', 'azure-pipelines.yml'],
        ],
      ],
    },
    {
      name: 'an Azure Developer CLI project is not CI; its workflows are',
      files: ['azure.yaml', '.github/workflows/azure-dev.yml'],
      expected: [['github-actions', ['.github/workflows/azure-dev.yml']]],
    },
    { name: 'Travis', files: ['.travis.yml'], expected: [['travis', ['.travis.yml']]] },
    { name: 'Drone', files: ['.drone.yml'], expected: [['drone', ['.drone.yml']]] },
    {
      name: 'Buildkite',
      files: ['.buildkite/pipeline.yml', '.buildkite/hooks/pre-command'],
      expected: [['buildkite', ['.buildkite/pipeline.yml']]],
    },
    { name: 'Bitbucket', files: ['bitbucket-pipelines.yml'], expected: [['bitbucket-pipelines', ['bitbucket-pipelines.yml']]] },
    { name: 'Tekton', files: ['.tekton/push.yaml'], expected: [['tekton', ['.tekton/push.yaml']]] },
    {
      name: 'Woodpecker, one file or a folder',
      files: ['.woodpecker.yml', '.woodpecker/test.yaml'],
      expected: [['woodpecker', ['.woodpecker.yml', '.woodpecker/test.yaml']]],
    },
    { name: 'AppVeyor', files: ['appveyor.yml', '.appveyor.yml'], expected: [['appveyor', ['.appveyor.yml', 'appveyor.yml']]] },
    { name: 'Cirrus', files: ['.cirrus.yml'], expected: [['cirrus', ['.cirrus.yml']]] },
    { name: 'Semaphore', files: ['.semaphore/semaphore.yml'], expected: [['semaphore', ['.semaphore/semaphore.yml']]] },
    { name: 'a nested .travis.yml is not read by Travis', files: ['vendor/lib/.travis.yml'], expected: [] },
    { name: 'nothing', files: ['README.md'], expected: [] },
  ])('$name', ({ files, expected }) => {
    expect(ciSystemsOf(files.sort()).map(({ system, files: found }) => [system, found])).toEqual(expected);
  });
});

describe('the ci retriever', () => {
  it('counts Groovy files in a jenkins folder only when they read as pipelines', async () => {
    const context = memoryContext({
      '.github/workflows/ci.yml': 'on: push\n',
      'jenkins/release.groovy': "pipeline {\n  agent any\n  stages { stage('Build') { steps { sh 'make' } } }\n}\n",
      'jenkins/lib/helpers.groovy': 'def greet() { println "hi" }\n',
      'examples/jenkins/demo.groovy': 'pipeline {\n}\n',
      Jenkinsfile: 'node {\n}\n',
    });
    expect(await ci.collect(context)).toEqual([
      { system: 'github-actions', files: ['.github/workflows/ci.yml'] },
      { system: 'jenkins', files: ['Jenkinsfile', 'jenkins/release.groovy'] },
    ]);
  });
});

describe('the ci retriever on real repositories', () => {
  it('does not count a CI file that is a symlink leaving the repository, and leaves saying so to the files fact', async () => {
    await using fixture = await makeRepos({
      repo: files({
        '.github/workflows/ci.yml': { symlink: '../../../../../../etc/passwd' },
        '.gitlab-ci.yml': 'test:\n  script: make test\n',
        '.travis.yml': { symlink: '/etc/hostname' },
      }),
    });
    const problems: Problem[] = [];
    const repo = await openRepo(fixture.dirs.repo, { name: 'repo', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
    const fact = await ci.collect({
      repo,
      settings: { contentGlobs: [] },
      problem: (problem) => problems.push({ ...problem, repo: 'repo' }),
    });
    expect(fact).toEqual([{ system: 'gitlab-ci', files: ['.gitlab-ci.yml'] }]);
    expect(problems).toEqual([]);
    const named: Problem[] = [];
    await filesFact.collect({ repo, settings: { contentGlobs: [] }, problem: (problem) => named.push({ ...problem, repo: 'repo' }) });
    expect(named.map(({ file, severity }) => ({ file, severity }))).toEqual([
      { file: '.github/workflows/ci.yml', severity: 'warning' },
      { file: '.travis.yml', severity: 'warning' },
    ]);
  });

  it('configures nothing when the only CI file is such a symlink', async () => {
    await using fixture = await makeRepos({
      repo: files({ '.github/workflows/ci.yml': { symlink: '/etc/passwd' }, 'README.md': '# Repo\n' }),
    });
    const repo = await openRepo(fixture.dirs.repo, { name: 'repo', now: new Date('2026-06-01T00:00:00Z'), windowDays: 90 });
    expect(await ci.collect({ repo, settings: { contentGlobs: [] }, problem: () => undefined })).toEqual([]);
  });
});
