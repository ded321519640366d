import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkReport, existingFiles } from '../../scripts/cli/check.ts';
import { formatCodeClimate } from '../../scripts/cli/report/codeclimate.ts';
import { formatJson } from '../../scripts/cli/report/json.ts';
import { checkCommentMarker, formatMarkdown } from '../../scripts/cli/report/markdown.ts';
import type { CheckReport } from '../../scripts/cli/report/model.ts';
import { formatSarif } from '../../scripts/cli/report/sarif.ts';
import { formatTerminal } from '../../scripts/cli/report/terminal.ts';
import { githubSarifViolations } from '../helpers/github-sarif-rules.ts';
import { TRUTH } from './truth.ts';

/**
 * `cairn check`'s five outputs on every real-world repository, with Cairn's default standards (what
 * a repository gets before its portal exists): the verdict first, a Markdown comment GitHub accepts,
 * SARIF that passes GitHub's upload rules and points only at files that are there, and a Code
 * Quality report GitLab reads.
 */

const dir = inject('realWorldDir');

interface Outputs {
  report: CheckReport;
  terminal: string;
  markdown: string;
  json: string;
  sarif: string;
  codeclimate: string;
}

const outputs = new Map<string, Outputs>();

beforeAll(async () => {
  const limit = pLimit(2);
  await Promise.all(
    TRUTH.map(({ name }) =>
      limit(async () => {
        const repoDir = join(dir, name);
        const { report } = await checkReport({}, repoDir, { cwd: repoDir, env: process.env });
        const exists = await existingFiles(repoDir, report);
        outputs.set(name, {
          report,
          terminal: formatTerminal(report, { color: false }),
          markdown: formatMarkdown(report),
          json: formatJson(report),
          sarif: formatSarif(report, { version: '0.0.0-test', exists }),
          codeclimate: formatCodeClimate(report, { exists }),
        });
      }),
    ),
  );
});

/** Whether `path` is a regular file of the repository's tree (never through `..`). */
async function isFileOf(name: string, path: string): Promise<boolean> {
  if (path.split('/').includes('..')) return false;
  return (await lstat(join(dir, name, decodeURI(path))).catch(() => undefined))?.isFile() ?? false;
}

describe.each(TRUTH.map((truth) => truth.name))('cairn check on %s', (name) => {
  const seen = () => outputs.get(name)!;

  it('terminal: the verdict, then the standards it was judged with', () => {
    const [verdict, judged] = seen().terminal.split('\n');
    expect(verdict).toMatch(/(Catalog|Security|Service maturity): /);
    expect(verdict).not.toMatch(/^Judged/);
    expect(judged).toMatch(/^Judged with Cairn's default standards/);
  });

  it('markdown: the comment marker, the verdict, under 60,000 characters', () => {
    const { markdown, report } = seen();
    expect(markdown.startsWith(`${checkCommentMarker(report.repo.name)}\n**Cairn scorecards for`)).toBe(true);
    expect(markdown.length).toBeLessThan(60_000);
  });

  it('json: the verdict first, then the results', () => {
    const json = JSON.parse(seen().json) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 2)).toEqual(['verdict', 'repository']);
    expect(json.results).toEqual(seen().report.results);
  });

  it('sarif: passes GitHub upload rules, and every location is a file of the repository', async () => {
    const log = JSON.parse(seen().sarif) as Log;
    expect(githubSarifViolations(log)).toEqual([]);
    const [run] = log.runs;
    const uris = (run!.results ?? []).flatMap((result) =>
      (result.locations ?? []).map((location) => location.physicalLocation?.artifactLocation?.uri ?? ''),
    );
    // A finding with no file to point at is a run-level notification: nothing is silent.
    const notifications = run!.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect((run!.results ?? []).length + notifications.length).toBeGreaterThan(0);
    for (const uri of new Set(uris)) expect(await isFileOf(name, uri), uri).toBe(true);
  });

  it('codeclimate: every issue complete, with its own fingerprint, at a file of the repository', async () => {
    const issues = JSON.parse(seen().codeclimate) as Array<{
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }>;
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    for (const issue of issues) {
      expect(issue.description).not.toContain('\n');
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      if (issue.location.path !== '.') expect(await isFileOf(name, issue.location.path), issue.location.path).toBe(true);
    }
  });
});

/**
 * Verdicts read by hand against the repositories' files, each one Cairn once got wrong: the
 * repository, the check, and what its result must say.
 */
describe('verdicts true to the files', () => {
  it.each<{ repo: string; entity?: string; check: string; outcome: string; message: RegExp; evidence?: string[]; notes?: string[] }>([
    {
      // test.yml runs golangci-lint's action; .golangci.yml enables gosec.
      repo: 'cobra',
      check: 'sast-configured',
      outcome: 'pass',
      message: /runs golangci\/golangci-lint-action, and \.golangci\.yml enables gosec/,
      evidence: ['.github/workflows/test.yml', '.golangci.yml'],
    },
    {
      // Its one workflow: `permissions: id-token: write, contents: read`, for Azure's keyless login.
      repo: 'todo-nodejs-mongo',
      check: 'workflow-permissions',
      outcome: 'pass',
      message: /^Every workflow sets read-only top-level permissions/,
    },
    {
      // requires-python is in the root pyproject.toml; examples/*/pyproject.toml are examples.
      repo: 'click',
      check: 'runtime-pinned',
      outcome: 'pass',
      message: /python/,
      evidence: ['pyproject.toml'],
    },
    {
      // SECURITY.md gives an address and the advisories; its links to a Go blog post and GitHub's 2FA help are advice.
      repo: 'cobra',
      check: 'security-policy',
      outcome: 'pass',
      message: /^(?!.*(go\.dev|two-factor)).*cobra-security@googlegroups\.com/,
    },
    {
      // .github/dependabot.yml updates github-actions and pre-commit; pyproject.toml and setup.py are pip's.
      repo: 'requests',
      check: 'dependency-updates',
      outcome: 'fail',
      message: /updates github-actions and pre-commit, but not pip/,
    },
    {
      // No catalog-info.yaml; pyproject.toml's [project.urls] names five pages, two of them the repository.
      repo: 'typer',
      check: 'links-set',
      outcome: 'pass',
      message: /^Links: Homepage, Documentation, Issues, Changelog\.$/,
    },
    {
      // Neither descriptor nor a page in package.json (only `repository`).
      repo: 'chalk',
      check: 'links-set',
      outcome: 'fail',
      message: /^metadata\.links is not set\.$/,
    },
    {
      // spring-petclinic's pom.xml and build.gradle: both build tools need Dependabot entries.
      repo: 'spring-petclinic',
      check: 'dependency-updates',
      outcome: 'fail',
      message: /expected \.github\/dependabot\.yml with an entry for maven \(\/\) and gradle \(\/\), or a Renovate/,
    },
    {
      // pom.xml:19 sets <java.version>17</java.version>, which Spring Boot's parent reads; build.gradle sets a toolchain.
      repo: 'spring-petclinic',
      check: 'runtime-pinned',
      outcome: 'pass',
      message: /^Runtime versions are declared for gradle and maven\.$/,
      notes: ['gradle: a Java toolchain 17', 'maven: java.version 17'],
    },
    {
      // .github/workflows/azure-dev.yml runs on push; .azdo/pipelines/azure-dev.yml has no pr: section, so Azure builds pull requests.
      repo: 'todo-nodejs-mongo',
      check: 'ci-on-pull-request',
      outcome: 'notApplicable',
      message: /azure-pipelines \(\.azdo\/pipelines\/azure-dev\.yml\) may/,
    },
    {
      // catalog-info.yaml's second document starts at line 17; its owner is at line 25.
      repo: 'demo',
      entity: 'api:default/demo-graphql',
      check: 'owner-known-group',
      outcome: 'fail',
      message: /group:backstage\/maintainers is not in the catalog/,
      evidence: ['catalog-info.yaml:25'],
    },
  ])('$repo: $check $outcome', ({ repo, entity, check, outcome, message, evidence, notes }) => {
    const result = outputs
      .get(repo)!
      .report.results.filter((scorecard) => !entity || scorecard.entityRef === entity)
      .flatMap((scorecard) => scorecard.checks)
      .find((candidate) => candidate.checkId === check);
    expect(result?.outcome, result?.message).toBe(outcome);
    expect(result!.message).toMatch(message);
    if (notes) expect(result!.evidence.map((item) => item.note)).toEqual(notes);
    // A path, or a path and its line.
    if (evidence)
      expect(result!.evidence.map((item, index) => (evidence[index]?.includes(':') ? `${item.path}:${item.line}` : item.path))).toEqual(
        evidence,
      );
  });
});
