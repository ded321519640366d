import { z } from 'zod';
import { globMatcher } from '../../support/globs.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { count, listOf } from './support/facts.ts';
import { SOURCE_FILE, VENDORED } from './support/paths.ts';
import type { SecurityLinter } from '../../facts/security-linters.ts';

/** The actions that run each linter `securityLinters` reads. */
const LINTER_ACTIONS: Record<SecurityLinter['tool'], string[]> = {
  'golangci-lint': ['golangci/golangci-lint-action'],
  ruff: ['astral-sh/ruff-action', 'chartboost/ruff-action', 'jpetrucciani/ruff-check'],
};

export const sastConfigured = defineCheck({
  id: 'sast-configured',
  title: 'Static analysis in CI',
  category: 'security',
  description:
    "A GitHub Actions workflow runs a static application security testing tool (CodeQL, Semgrep, Snyk Code, SonarQube/SonarCloud, gosec …), or a linter's action whose configuration enables its security rules (golangci-lint with gosec, ruff with flake8-bandit's S rules). Code with no CI at all fails; CI on another system is not judged, as its steps are not read.",
  why: 'Static analysis finds injection, unsafe deserialisation and secrets in code before they ship, on every pull request, without anyone remembering to run it (OpenSSF Scorecard, SAST).',
  fix: [
    'Add a CodeQL workflow (`.github/workflows/codeql.yml`):',
    '',
    '```yaml',
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    'permissions:',
    '  contents: read',
    '  security-events: write',
    'jobs:',
    '  analyze:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
    '      - uses: github/codeql-action/init@<full commit SHA> # v3 (pin it: actions-pinned)',
    '        with:',
    "          languages: javascript-typescript # the repository's: python, java-kotlin, go, ruby, csharp, c-cpp, swift, rust …",
    '      - uses: github/codeql-action/analyze@<full commit SHA> # v3',
    '```',
    '',
    'CodeQL "default setup" (enabled in the repository settings, without a workflow file) is invisible to Cairn: record it as an exemption. A workflow linter such as zizmor checks the workflows, not the code: it does not count.',
  ].join('\n'),
  effort: 'medium',
  severity: 'warning',
  options: z.object({
    actions: z
      .array(z.string().min(1))
      .default([
        'github/codeql-action/*',
        'semgrep/*',
        'returntocorp/semgrep-action',
        'snyk/actions/*',
        'sonarsource/*',
        'securego/gosec',
        'pycqa/bandit-action',
      ])
      .describe('Globs of action names (`owner/repo[/path]`, lowercase) that count as static analysis.'),
  }),
  // The file list, not the languages fact, says whether there is code: `cairn check` then reads no file sizes for it.
  needs: ['workflows', 'securityLinters', 'ci', 'files'],
  run(context) {
    const { workflows, securityLinters, ci, files } = context.facts;
    if (workflows.length === 0) {
      // Another CI may well run static analysis, in steps Cairn does not read; no CI at all runs none.
      if (ci.length > 0)
        return notApplicable(
          `CI runs on ${listOf(ci.map((system) => system.system))}; only GitHub Actions workflows are read for static analysis steps.`,
        );
      const sources = files.filter((path) => SOURCE_FILE.test(path) && !VENDORED.test(path));
      // A file of the application itself, rather than a test, names the code best.
      const code = sources.find((path) => !/test|spec/i.test(path)) ?? sources[0];
      if (code === undefined) return notApplicable('No CI, and no source code to analyse (only markup, templates or configuration).');
      return fail(`No static analysis: the repository has no CI configuration to run it on its code (${code} …).`, [{ path: code }]);
    }
    const isSast = globMatcher(
      context.options.actions.map((glob) => glob.toLowerCase()),
      false,
    );
    for (const workflow of workflows) {
      const use = workflow.uses.find((candidate) => candidate.kind === 'action' && isSast(candidate.action.toLowerCase()));
      if (use) return pass(`${workflow.path} runs ${use.action}.`, [{ path: workflow.path, line: use.line, note: use.uses }]);
    }
    // A linter's action counts when its configuration turns its security rules on (gosec in golangci-lint).
    for (const linter of securityLinters) {
      for (const workflow of workflows) {
        const use = workflow.uses.find(
          (candidate) => candidate.kind === 'action' && LINTER_ACTIONS[linter.tool].includes(candidate.action.toLowerCase()),
        );
        if (use)
          return pass(
            `${workflow.path} runs ${use.action}, and ${linter.path} enables ${linter.rules === 'S' ? "flake8-bandit's S rules" : linter.rules}.`,
            [
              { path: workflow.path, line: use.line, note: use.uses },
              { path: linter.path, ...(linter.line ? { line: linter.line } : {}), note: `${linter.tool}: ${linter.rules}` },
            ],
          );
      }
    }
    return fail(
      `No static analysis action (CodeQL, Semgrep, Snyk, SonarQube …) in ${count(workflows.length, 'workflow')}; CodeQL default setup, if enabled in the repository settings, is not visible here.`,
    );
  },
});
