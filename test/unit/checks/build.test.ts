import { ciConfigured } from '../../../collectors/checks/builtin/ci-configured.ts';
import { ciOnPullRequest } from '../../../collectors/checks/builtin/ci-on-pull-request.ts';
import { lockfileCommitted } from '../../../collectors/checks/builtin/lockfile-committed.ts';
import { runtimePinned } from '../../../collectors/checks/builtin/runtime-pinned.ts';
import { testsPresent } from '../../../collectors/checks/builtin/tests-present.ts';
import type { Manifest } from '../../../collectors/facts/manifests.ts';
import type { Workflow } from '../../../collectors/facts/workflows.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

function manifest(path: string, ecosystem: Manifest['ecosystem'], partial: Partial<Manifest> = {}): Manifest {
  return { ecosystem, path, dependencies: ['dep'], ...partial };
}

/** Files plus the manifests among them. */
function project(files: string[], manifests: Manifest[]) {
  return { facts: withFiles([...files, ...manifests.map((item) => item.path)], { manifests }) };
}

function workflow(path: string, triggers: string[]): Workflow {
  return { path, triggers, jobs: [], uses: [], runExpressions: [], checkoutRefs: [] };
}

const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };
const languages = (...names: string[]) => names.map((name) => ({ name, bytes: 100, share: 1 / names.length }));

describeCheck(ciConfigured, [
  {
    name: 'GitHub Actions',
    input: { facts: repoFacts({ ci: [{ system: 'github-actions', files: ['.github/workflows/ci.yml'] }] }) },
    outcome: 'pass',
    evidence: [{ path: '.github/workflows/ci.yml', note: 'github-actions' }],
  },
  { name: 'none', input: { facts: repoFacts() }, outcome: 'fail', message: /No CI configuration/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'ci fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(ciOnPullRequest, [
  {
    // todo-nodejs-mongo: a deploy workflow on push, and an Azure pipeline that builds pull requests by default.
    name: 'no workflow on pull requests beside another CI system: no verdict',
    input: {
      facts: repoFacts({
        workflows: [workflow('.github/workflows/azure-dev.yml', ['push', 'workflow_dispatch'])],
        ci: [
          { system: 'github-actions', files: ['.github/workflows/azure-dev.yml'] },
          { system: 'azure-pipelines', files: ['.azdo/pipelines/azure-dev.yml'] },
        ],
      }),
    },
    outcome: 'notApplicable',
    message:
      'No GitHub Actions workflow runs on pull requests, but azure-pipelines (.azdo/pipelines/azure-dev.yml) may: the triggers of other CI systems are not read.',
  },
  {
    name: 'one workflow on pull_request',
    input: {
      facts: repoFacts({
        workflows: [
          workflow('.github/workflows/ci.yml', ['pull_request', 'push']),
          workflow('.github/workflows/nightly.yml', ['schedule']),
        ],
      }),
    },
    outcome: 'pass',
    message: /1 workflow of 2 runs on pull requests/,
    evidence: [{ path: '.github/workflows/ci.yml' }],
  },
  {
    // typer's create-draft-release.yml: it runs once a pull request is closed, after any merge.
    name: 'a workflow limited to closed pull requests does not check the change',
    input: {
      facts: repoFacts({
        workflows: [{ ...workflow('.github/workflows/release.yml', ['pull_request']), pullRequestTypes: ['closed'] }],
      }),
    },
    outcome: 'fail',
    evidence: [{ path: '.github/workflows/release.yml', note: 'on: pull_request (pull_request types: closed)' }],
  },
  {
    name: 'types that include a push to the pull request',
    input: {
      facts: repoFacts({
        workflows: [{ ...workflow('.github/workflows/ci.yml', ['pull_request']), pullRequestTypes: ['synchronize', 'labeled'] }],
      }),
    },
    outcome: 'pass',
  },
  {
    name: 'merge queue',
    input: { facts: repoFacts({ workflows: [workflow('.github/workflows/ci.yml', ['merge_group'])] }) },
    outcome: 'pass',
  },
  {
    name: 'pull_request_target bots run the base branch, not the change',
    input: {
      facts: repoFacts({
        workflows: [workflow('.github/workflows/label.yml', ['pull_request_target']), workflow('.github/workflows/ci.yml', ['push'])],
      }),
    },
    outcome: 'fail',
  },
  {
    name: "pull_request_target checking out the pull request's head tests the change",
    input: {
      facts: repoFacts({
        workflows: [
          {
            ...workflow('.github/workflows/ci.yml', ['pull_request_target']),
            checkoutRefs: [{ job: 'test', ref: '${{ github.event.pull_request.head.sha }}', line: 12 }],
          },
        ],
      }),
    },
    outcome: 'pass',
  },
  {
    name: 'only push',
    input: { facts: repoFacts({ workflows: [workflow('.github/workflows/ci.yml', ['push'])] }) },
    outcome: 'fail',
    evidence: [{ path: '.github/workflows/ci.yml', note: 'on: push' }],
  },
  {
    name: 'other CI only',
    input: { facts: repoFacts({ ci: [{ system: 'gitlab-ci', files: ['.gitlab-ci.yml'] }] }) },
    outcome: 'notApplicable',
  },
]);

describeCheck(testsPresent, [
  {
    name: 'TypeScript tests',
    input: { facts: withFiles(['src/a.ts', 'src/a.test.ts'], { languages: languages('TypeScript') }) },
    outcome: 'pass',
    evidence: [{ path: 'src/a.test.ts' }],
  },
  { name: 'Go tests', input: { facts: withFiles(['main.go', 'pkg/x_test.go'], { languages: languages('Go') }) }, outcome: 'pass' },
  { name: 'pytest folder', input: { facts: withFiles(['app/m.py', 'tests/test_m.py']) }, outcome: 'pass' },
  {
    name: "a test runner's configuration is no test (todo-nodejs-mongo's tests/playwright.config.ts)",
    input: { facts: withFiles(['src/app.ts', 'tests/playwright.config.ts', 'tests/todo.spec.ts'], { languages: languages('TypeScript') }) },
    outcome: 'pass',
    message: '1 test file, e.g. tests/todo.spec.ts.',
  },
  {
    name: 'a test folder holding only its runner configuration',
    input: { facts: withFiles(['src/app.ts', 'test/jest.config.js'], { languages: languages('TypeScript') }) },
    outcome: 'fail',
  },
  { name: 'Maven layout', input: { facts: withFiles(['src/main/java/A.java', 'src/test/java/ATest.java']) }, outcome: 'pass' },
  { name: 'a spec folder', input: { facts: withFiles(['lib/a.rb', 'spec/a_spec.rb']) }, outcome: 'pass' },
  ...[
    'web/__tests__/app.js',
    'conftest.py',
    'src/integrationTest/kotlin/ApiCheck.kt',
    'core/src/main/scala/PriceSpec.scala',
    'Shop.Tests/CartFacts.cs',
    'lib/cart_test.exs',
    'Sources/CartTests.swift',
  ].map((path) => ({
    name: `a test file by convention: ${path}`,
    input: { facts: withFiles(['README.md', path]) },
    outcome: 'pass' as const,
  })),
  {
    name: 'examples: named tests first, then test-folder files named so, then helpers; set-up files, docs and examples last',
    input: {
      facts: withFiles(
        [
          'docs_src/testing/app01/test_main.py',
          'examples/hello/hello_test.go',
          'mkdocs/tests/__init__.py',
          'mkdocs/tests/base.py',
          'mkdocs/tests/build_tests.py',
          'src/test/java/com/example/shop/CartTests.java',
          'src/test/jmeter/plan.jmx',
          'tests/conftest.py',
          'tests/test_core.py',
        ],
        { languages: languages('Python') },
      ),
    },
    outcome: 'pass',
    message: '9 test files, e.g. src/test/java/com/example/shop/CartTests.java, tests/test_core.py, mkdocs/tests/build_tests.py.',
    evidence: [
      { path: 'src/test/java/com/example/shop/CartTests.java' },
      { path: 'tests/test_core.py' },
      { path: 'mkdocs/tests/build_tests.py' },
      { path: 'mkdocs/tests/base.py' },
      { path: 'src/test/jmeter/plan.jmx' },
    ],
  },
  {
    name: 'tests only in node_modules do not count',
    input: { facts: withFiles(['src/a.ts', 'node_modules/x/a.test.js'], { languages: languages('TypeScript') }) },
    outcome: 'fail',
    message: /No test files for TypeScript/,
  },
  {
    name: 'a test folder with only data does not count',
    input: { facts: withFiles(['main.go', 'test/fixture.json'], { languages: languages('Go') }) },
    outcome: 'fail',
  },
  {
    name: 'Rust without tests/: inline tests are not visible',
    input: { facts: withFiles(['src/lib.rs'], { languages: languages('Rust') }) },
    outcome: 'notApplicable',
    message: /#\[cfg\(test\)\]/,
  },
  {
    name: 'only markup and scripts',
    input: { facts: withFiles(['index.html', 'deploy.sh'], { languages: languages('HTML', 'Shell') }) },
    outcome: 'notApplicable',
  },
  {
    name: 'a Helm chart: templates, not code to unit-test',
    input: {
      facts: withFiles(['charts/hello/Chart.yaml', 'charts/hello/templates/_helpers.tpl'], { languages: languages('Go Template') }),
    },
    outcome: 'notApplicable',
    message: /only markup, templates, configuration or scripts/,
  },
  { name: 'empty repository', input: { facts: withFiles([]) }, outcome: 'notApplicable' },
  { name: 'languages fact missing', input: { facts: { files: ['a.ts'] } }, outcome: 'error' },
]);

describeCheck(lockfileCommitted, [
  {
    name: 'npm with package-lock',
    input: project(['package-lock.json'], [manifest('package.json', 'npm')]),
    outcome: 'pass',
    evidence: [{ path: 'package-lock.json' }],
  },
  {
    name: 'workspace packages use the root lockfile',
    input: project(['pnpm-lock.yaml'], [manifest('package.json', 'npm'), manifest('packages/a/package.json', 'npm')]),
    outcome: 'pass',
  },
  {
    name: 'a package without dependencies needs none',
    input: project([], [manifest('package.json', 'npm', { dependencies: [] })]),
    outcome: 'notApplicable',
  },
  {
    name: 'npm without a lockfile',
    input: project([], [manifest('package.json', 'npm')]),
    outcome: 'fail',
    evidence: [{ path: 'package.json', note: 'no package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock for it' }],
  },
  {
    name: 'npm whose .npmrc turns the lockfile off',
    input: project(['.npmrc'], [manifest('package.json', 'npm', { lockfileOff: { path: '.npmrc', line: 2 } })]),
    outcome: 'fail',
    message: "package.json has no committed lockfile. .npmrc turns npm's lockfile off (package-lock=false).",
    evidence: [{ path: '.npmrc', line: 2, note: 'package-lock=false: npm writes no lockfile for package.json' }],
  },
  { name: 'go.sum beside go.mod', input: project(['go.sum'], [manifest('go.mod', 'go')]), outcome: 'pass' },
  { name: 'go.sum in another folder does not count', input: project(['go.sum'], [manifest('svc/go.mod', 'go')]), outcome: 'fail' },
  { name: 'poetry.lock', input: project(['poetry.lock'], [manifest('pyproject.toml', 'python')]), outcome: 'pass' },
  {
    name: 'pinned requirements are a lock',
    input: project([], [manifest('requirements.txt', 'python', { pinned: true })]),
    outcome: 'pass',
    evidence: [{ path: 'requirements.txt' }],
  },
  {
    name: 'pyproject with pinned requirements beside it',
    input: project([], [manifest('pyproject.toml', 'python'), manifest('requirements.txt', 'python', { pinned: true })]),
    outcome: 'pass',
    evidence: [{ path: 'requirements.txt' }],
  },
  {
    name: 'unpinned requirements',
    input: project([], [manifest('requirements.txt', 'python', { pinned: false })]),
    outcome: 'fail',
    message: /requirements\.txt has no committed lockfile/,
  },
  {
    name: 'Pipfile without Pipfile.lock',
    input: project(['Pipfile'], []),
    outcome: 'fail',
    evidence: [{ path: 'Pipfile', note: 'no Pipfile.lock for it' }],
  },
  {
    name: 'Rust binary with Cargo.lock',
    input: project(['src/main.rs', 'Cargo.lock'], [manifest('Cargo.toml', 'cargo')]),
    outcome: 'pass',
  },
  { name: 'Rust binary without Cargo.lock', input: project(['src/bin/tool.rs'], [manifest('Cargo.toml', 'cargo')]), outcome: 'fail' },
  {
    name: 'Rust library needs none, and says so',
    input: project(['src/lib.rs'], [manifest('Cargo.toml', 'cargo')]),
    outcome: 'notApplicable',
    message: /^No Rust crate builds a binary from src\/main\.rs/,
  },
  {
    name: 'vendored manifests say nothing',
    input: project([], [manifest('node_modules/x/package.json', 'npm'), manifest('vendor/y/pom.xml', 'maven')]),
    outcome: 'notApplicable',
    message: /^No package manifest with dependencies/,
  },
  { name: 'Maven only', input: project([], [manifest('pom.xml', 'maven')]), outcome: 'notApplicable', message: /Maven or Gradle/ },
  {
    name: 'vendored manifests are ignored',
    input: project([], [manifest('node_modules/x/package.json', 'npm')]),
    outcome: 'notApplicable',
  },
  { name: 'no manifests', input: project([], []), outcome: 'notApplicable' },
  { name: 'manifests fact missing', input: { facts: { files: [] } }, outcome: 'error' },
]);

describeCheck(runtimePinned, [
  {
    name: 'engines.node',
    input: project([], [manifest('package.json', 'npm', { runtime: '>=22' })]),
    outcome: 'pass',
    evidence: [{ path: 'package.json', note: 'npm: engines.node >=22' }],
  },
  {
    name: '.nvmrc at the root for a nested package',
    input: project(['.nvmrc'], [manifest('web/package.json', 'npm')]),
    outcome: 'pass',
    evidence: [{ path: '.nvmrc', note: 'npm: .nvmrc' }],
  },
  {
    name: "an example's requires-python does not speak for the root's pyproject.toml",
    input: project([], [manifest('examples/aliases/pyproject.toml', 'python', { runtime: '>=3.8' }), manifest('pyproject.toml', 'python')]),
    outcome: 'fail',
    evidence: [
      {
        path: 'pyproject.toml',
        note: 'python: no requires-python and no .python-version / .tool-versions / runtime.txt / .mise.toml / mise.toml',
      },
    ],
  },
  {
    // todo-nodejs-mongo: tests/package.json is the Playwright harness; src/api and src/web are the application.
    name: "a test harness's manifest does not speak for the application's, though shallower",
    input: project(
      [],
      [
        manifest('tests/package.json', 'npm', { runtime: '>=18' }),
        manifest('src/api/package.json', 'npm'),
        manifest('src/web/package.json', 'npm'),
      ],
    ),
    outcome: 'fail',
    evidence: [
      {
        path: 'src/api/package.json',
        note: 'npm: no engines.node and no .nvmrc / .node-version / .tool-versions / .mise.toml / mise.toml',
      },
    ],
  },
  {
    name: "the root's requires-python, not an example's",
    input: project(
      [],
      [
        manifest('examples/aliases/pyproject.toml', 'python', { runtime: '>=3.8' }),
        manifest('pyproject.toml', 'python', { runtime: '>=3.10' }),
      ],
    ),
    outcome: 'pass',
    evidence: [{ path: 'pyproject.toml', note: 'python: requires-python >=3.10' }],
  },
  { name: 'go directive', input: project([], [manifest('go.mod', 'go', { runtime: '1.24' })]), outcome: 'pass' },
  { name: 'rust-toolchain.toml', input: project(['rust-toolchain.toml'], [manifest('Cargo.toml', 'cargo')]), outcome: 'pass' },
  { name: 'Java release', input: project([], [manifest('pom.xml', 'maven', { runtime: '21' })]), outcome: 'pass' },
  {
    name: 'Python pinned, npm not',
    input: project(['.python-version'], [manifest('pyproject.toml', 'python'), manifest('package.json', 'npm')]),
    outcome: 'fail',
    message: /No runtime version declared for npm\./,
    evidence: [
      { path: 'package.json', note: 'npm: no engines.node and no .nvmrc / .node-version / .tool-versions / .mise.toml / mise.toml' },
      { path: '.python-version', note: 'python: .python-version' },
    ],
  },
  { name: 'no manifests', input: project([], []), outcome: 'notApplicable' },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
]);
