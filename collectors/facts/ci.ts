import { z } from 'zod';
import { describeRefusal, reportedByFiles } from '../repo/reader.ts';
import { defineRetriever } from './retriever.ts';

/**
 * Folders whose CI-looking files are samples for readers, not this repository's own pipelines
 * (`examples/`, `jenkinsfile-examples/`, `testdata/`, `fixtures/`, `docs/` …).
 */
const NOT_OWN = /(^|\/)([^/]*[-_.])?(examples?|samples?|fixtures?|testdata|test-data|templates?|skeleton|docs?)\//i;

/**
 * CI systems and the files that configure them, as each system looks them up. Only Jenkins and Azure
 * Pipelines read pipeline files from anywhere in a repository (a job names the path), so only
 * they are matched below the root, and never in sample folders.
 */
const CI_SYSTEMS: Array<{ system: string; file: RegExp; anywhere?: boolean }> = [
  { system: 'github-actions', file: /^\.github\/workflows\/[^/]+\.ya?ml$/ },
  { system: 'gitlab-ci', file: /^\.gitlab-ci\.ya?ml$/ },
  { system: 'jenkins', file: /(^|\/)(jenkinsfile([._-][^/]*)?|[^/]+\.jenkinsfile)$(?<!\.(md|txt|rst|adoc|html))/i, anywhere: true },
  { system: 'circleci', file: /^\.circleci\/config\.ya?ml$/ },
  {
    system: 'azure-pipelines',
    file: /(^|\/)azure-pipelines([._-][^/]*)?\.ya?ml$|^\.azure-pipelines\/.+\.ya?ml$|^\.azdo\/pipelines\/.+\.ya?ml$|^\.pipelines\/.+\.ya?ml$/i,
    anywhere: true,
  },
  { system: 'travis', file: /^\.travis\.ya?ml$/ },
  { system: 'drone', file: /^\.drone\.(ya?ml|star|jsonnet)$/ },
  { system: 'buildkite', file: /^(\.buildkite\/[^/]*pipeline[^/]*\.(ya?ml|json|sh)|\.buildkite\/[^/]+\.ya?ml|buildkite\.ya?ml)$/ },
  { system: 'bitbucket-pipelines', file: /^bitbucket-pipelines\.ya?ml$/ },
  { system: 'tekton', file: /^\.tekton\/.+\.ya?ml$/ },
  { system: 'woodpecker', file: /^(\.woodpecker\.ya?ml|\.woodpecker\/[^/]+\.ya?ml)$/ },
  { system: 'appveyor', file: /^\.?appveyor\.ya?ml$/ },
  { system: 'cirrus', file: /^\.cirrus\.(ya?ml|star)$/ },
  { system: 'semaphore', file: /^\.semaphore\/[^/]+\.ya?ml$/ },
];

/** Groovy files in a `jenkins` folder are pipelines only when they read like one (`pipeline {`, `node {`). */
const JENKINS_GROOVY = /(^|\/)\.?jenkins\/(.+\/)?[^/]+\.groovy$/i;
const PIPELINE_SCRIPT = /^[ \t]*(pipeline\s*\{|node\s*(\(|\{)|stage\s*\()/m;

export type CiSystem = { system: string; files: string[] };

export const ci = defineRetriever({
  id: 'ci',
  version: 3,
  description:
    'CI systems configured in the repository (GitHub Actions, GitLab, Jenkins, CircleCI, Azure Pipelines, Travis, Drone, Buildkite, Bitbucket, Tekton, Woodpecker, AppVeyor, Cirrus, Semaphore), with their configuration files.',
  schema: z.array(z.object({ system: z.string(), files: z.array(z.string()) })),
  async collect({ repo, problem }) {
    // A configuration file the reader refuses (a symlink out of the repository, a FIFO) configures
    // nothing Cairn can vouch for: it is reported and not counted.
    const refused = new Set<string>();
    const configured = ciSystemsOf(repo.files());
    for (const path of configured.flatMap((entry) => entry.files)) {
      const status = await repo.inspect(path);
      if (status.ok) continue;
      refused.add(path);
      if (!reportedByFiles(status))
        problem({ severity: 'error', file: path, message: `${describeRefusal(path, status)} It is not counted as CI configuration.` });
    }
    const found = configured
      .map(({ system, files }) => ({ system, files: files.filter((path) => !refused.has(path)) }))
      .filter(({ files }) => files.length > 0);
    const scripts: string[] = [];
    for (const path of repo
      .files()
      .filter((file) => JENKINS_GROOVY.test(file) && !NOT_OWN.test(file))
      .slice(0, 50)) {
      const text = await repo.readText(path, { maxBytes: 256 * 1024 });
      if (text !== undefined && PIPELINE_SCRIPT.test(text)) scripts.push(path);
    }
    return scripts.length > 0 ? withFiles(found, 'jenkins', scripts) : found;
  },
});

/** CI systems configured by these tracked files, each with its files, in the order of CI_SYSTEMS. */
export function ciSystemsOf(files: readonly string[]): CiSystem[] {
  return CI_SYSTEMS.map(({ system, file, anywhere }) => ({
    system,
    files: files.filter((path) => file.test(path) && (!anywhere || !NOT_OWN.test(path))),
  })).filter(({ files: matched }) => matched.length > 0);
}

function withFiles(found: CiSystem[], system: string, files: string[]): CiSystem[] {
  const existing = found.find((entry) => entry.system === system);
  if (existing) return found.map((entry) => (entry === existing ? { system, files: [...existing.files, ...files].sort() } : entry));
  const order = CI_SYSTEMS.map((entry) => entry.system);
  return [...found, { system, files }].sort((a, b) => order.indexOf(a.system) - order.indexOf(b.system));
}
