import { actionsPinned } from '../../../collectors/checks/builtin/actions-pinned.ts';
import { dependencyUpdates } from '../../../collectors/checks/builtin/dependency-updates.ts';
import { noCommittedBinaries } from '../../../collectors/checks/builtin/no-committed-binaries.ts';
import { noEnvFiles } from '../../../collectors/checks/builtin/no-env-files.ts';
import { noPrivateKeys } from '../../../collectors/checks/builtin/no-private-keys.ts';
import { noPullRequestTargetCheckout } from '../../../collectors/checks/builtin/no-pull-request-target-checkout.ts';
import { noRegistryTokens } from '../../../collectors/checks/builtin/no-registry-tokens.ts';
import { noScriptInjection } from '../../../collectors/checks/builtin/no-script-injection.ts';
import { sastConfigured } from '../../../collectors/checks/builtin/sast-configured.ts';
import { securityPolicy } from '../../../collectors/checks/builtin/security-policy.ts';
import { workflowPermissions } from '../../../collectors/checks/builtin/workflow-permissions.ts';
import { parseUses, type Workflow } from '../../../collectors/facts/workflows.ts';
import type { Manifest } from '../../../collectors/facts/manifests.ts';
import type { SecretFinding } from '../../../collectors/facts/secrets.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

const SHA = 'a81bbbf8298c0fa03ea29cdc473d45769f953675';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function workflow(partial: Partial<Workflow> = {}): Workflow {
  return { path: '.github/workflows/ci.yml', triggers: ['push'], jobs: [], uses: [], runExpressions: [], checkoutRefs: [], ...partial };
}

function use(line: number, uses: string, job = 'build'): Workflow['uses'][number] {
  return { job, uses, ...parseUses(uses), line };
}

const workflows = (...items: Workflow[]) => ({ facts: repoFacts({ workflows: items }) });
const secrets = (...items: SecretFinding[]) => ({ facts: repoFacts({ secrets: items }) });
const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };

describeCheck(securityPolicy, [
  {
    name: 'a policy with contacts',
    input: {
      facts: repoFacts({ securityPolicy: { path: 'SECURITY.md', contacts: [{ kind: 'email', value: 'security@acme.dev', line: 3 }] } }),
    },
    outcome: 'pass',
    evidence: [{ path: 'SECURITY.md', line: 3, note: 'email: security@acme.dev' }],
  },
  {
    name: 'a policy without contacts',
    input: { facts: repoFacts({ securityPolicy: { path: 'SECURITY.md', contacts: [] } }) },
    outcome: 'fail',
    message: /names no way to report/,
    evidence: [{ path: 'SECURITY.md' }],
  },
  { name: 'no policy', input: { facts: repoFacts() }, outcome: 'fail', message: /No security policy/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'fact missing', input: { facts: {} }, outcome: 'error' },
]);

const DEPENDABOT = '.github/dependabot.yml';
/** A repository with these manifests and a dependabot.yml updating these ecosystems. */
function dependabotFor(
  manifests: Array<[string, Manifest['ecosystem']]>,
  ecosystems: Array<string | [string, ...string[]]>,
  error?: string,
) {
  return {
    facts: withFiles([DEPENDABOT, ...manifests.map(([path]) => path)], {
      manifests: manifests.map(([path, ecosystem]) => ({ path, ecosystem, dependencies: ['dep'] })),
      dependabot: {
        path: DEPENDABOT,
        updates: ecosystems.map((entry, index) => {
          const [ecosystem, ...directories] = typeof entry === 'string' ? [entry, '/'] : entry;
          return { ecosystem, line: 3 + 4 * index, directories };
        }),
        ...(error ? { error } : {}),
      },
    }),
  };
}

describeCheck(dependencyUpdates, [
  {
    name: 'Dependabot updating every package manager used',
    input: dependabotFor(
      [
        ['package.json', 'npm'],
        ['api/go.mod', 'go'],
      ],
      ['npm', ['gomod', '/api'], 'github-actions'],
    ),
    outcome: 'pass',
    message: 'Dependabot updates npm, gomod and github-actions (.github/dependabot.yml).',
    evidence: [
      { path: DEPENDABOT, line: 3, note: 'package-ecosystem: npm' },
      { path: DEPENDABOT, line: 7, note: 'package-ecosystem: gomod' },
      { path: DEPENDABOT, line: 11, note: 'package-ecosystem: github-actions' },
    ],
  },
  {
    name: "Dependabot updating the actions but not the Python dependencies (requests')",
    input: dependabotFor([['pyproject.toml', 'python']], ['github-actions', 'pre-commit']),
    outcome: 'fail',
    message: '.github/dependabot.yml updates github-actions and pre-commit, but not pip (/), which the repository uses.',
    evidence: [
      { path: DEPENDABOT, line: 3, note: 'package-ecosystem: github-actions' },
      { path: DEPENDABOT, line: 7, note: 'package-ecosystem: pre-commit' },
      { path: DEPENDABOT, note: 'missing package-ecosystem: pip, directory: /' },
    ],
  },
  { name: "uv's entry covers Python", input: dependabotFor([['pyproject.toml', 'python']], ['uv']), outcome: 'pass' },
  { name: 'no manifests: any entry will do', input: dependabotFor([], ['docker']), outcome: 'pass' },
  {
    // json: the crate at the root, a fuzz crate beside it; the only entry reads /fuzz.
    name: 'an entry for another folder does not update the root',
    input: dependabotFor(
      [
        ['Cargo.toml', 'cargo'],
        ['fuzz/Cargo.toml', 'cargo'],
      ],
      [['cargo', '/fuzz']],
    ),
    outcome: 'fail',
    message:
      '.github/dependabot.yml updates cargo, but not cargo (/), which the repository uses: an entry reads only the folders its directory or directories name.',
  },
  {
    name: 'the root updates a workspace inside it',
    input: dependabotFor(
      [
        ['Cargo.toml', 'cargo'],
        ['fuzz/Cargo.toml', 'cargo'],
      ],
      [['cargo', '/']],
    ),
    outcome: 'pass',
  },
  {
    // gs-accessing-data-jpa: four separate Gradle builds side by side.
    name: 'separate builds side by side each need a folder, a glob will do',
    input: dependabotFor(
      [
        ['initial/build.gradle', 'gradle'],
        ['complete/build.gradle', 'gradle'],
        ['complete-kotlin/build.gradle.kts', 'gradle'],
      ],
      [['gradle', '/initial', '/complete']],
    ),
    outcome: 'fail',
    message: /but not gradle \(\/complete-kotlin\)/,
  },
  {
    name: 'directories globs',
    input: dependabotFor(
      [
        ['initial/build.gradle', 'gradle'],
        ['complete-kotlin/build.gradle.kts', 'gradle'],
      ],
      [['gradle', '/initial', '/complete*']],
    ),
    outcome: 'pass',
  },
  {
    name: 'every folder: /**',
    input: dependabotFor(
      [
        ['web/package.json', 'npm'],
        ['package.json', 'npm'],
      ],
      [['npm', '/**']],
    ),
    outcome: 'pass',
  },
  {
    name: 'a vendored manifest is not the repository’s',
    input: dependabotFor([['vendor/x/package.json', 'npm']], ['gomod']),
    outcome: 'pass',
  },
  {
    name: 'a dependabot.yml GitHub cannot read',
    input: dependabotFor([], [], 'no `updates` list'),
    outcome: 'fail',
    message: '.github/dependabot.yml is not a Dependabot configuration GitHub can read: no `updates` list.',
  },
  { name: 'Renovate in .github', input: { facts: withFiles(['.github/renovate.json5']) }, outcome: 'pass', message: /Renovate/ },
  { name: '.renovaterc', input: { facts: withFiles(['.renovaterc']) }, outcome: 'pass' },
  {
    // Renovate for the packages, Dependabot for the actions: a common pair.
    name: 'Renovate beside a Dependabot file that updates only the actions',
    input: (() => {
      const both = dependabotFor([['package.json', 'npm']], ['github-actions']);
      return { facts: { ...both.facts, files: [...(both.facts.files ?? []), 'renovate.json'] } };
    })(),
    outcome: 'pass',
    message: 'Renovate is configured in renovate.json, and Dependabot in .github/dependabot.yml.',
    evidence: [{ path: 'renovate.json' }, { path: DEPENDABOT }],
  },
  {
    name: 'a dependabot file in the wrong place',
    input: { facts: withFiles(['dependabot.yml', 'go.mod'], { manifests: [{ path: 'go.mod', ecosystem: 'go', dependencies: ['dep'] }] }) },
    outcome: 'fail',
  },
  {
    // pipeline-examples: Jenkinsfiles and Groovy, no package manager.
    name: 'nothing to update',
    input: { facts: withFiles(['Jenkinsfile', 'README.md']) },
    outcome: 'notApplicable',
    message:
      'No package manager manifest (package.json, go.mod, Cargo.toml, pom.xml, pyproject.toml …), Dockerfile or GitHub Actions workflow: nothing for a bot to update.',
  },
  {
    // examples: two workflows, no manifest; Dependabot would still update the actions.
    name: 'only workflows: their actions are for a bot to update',
    input: { facts: withFiles(['.github/workflows/ci.yml', 'README.md']) },
    outcome: 'fail',
    message:
      'No dependency update bot: expected .github/dependabot.yml, or a Renovate config file (renovate.json, .renovaterc, .github/renovate.json).',
  },
  {
    // lighthouse-audit-service: Dependabot Preview's file, which GitHub stopped reading in 2021.
    name: 'the retired .dependabot/config.yml is named',
    input: {
      facts: withFiles(['.dependabot/config.yml', 'package.json'], {
        manifests: [{ path: 'package.json', ecosystem: 'npm', dependencies: ['dep'] }],
      }),
    },
    outcome: 'fail',
    message:
      'No dependency update bot: expected .github/dependabot.yml with an entry for npm (/), or a Renovate config file (renovate.json, .renovaterc, .github/renovate.json). .dependabot/config.yml is the retired Dependabot Preview format, which GitHub no longer reads.',
  },
  {
    name: 'nothing, in a repository with package managers: the entries it needs are named',
    input: {
      facts: withFiles(['pom.xml', 'build.gradle', 'web/package.json'], {
        manifests: [
          { path: 'pom.xml', ecosystem: 'maven', dependencies: ['dep'] },
          { path: 'build.gradle', ecosystem: 'gradle', dependencies: ['dep'] },
          { path: 'web/package.json', ecosystem: 'npm', dependencies: ['dep'] },
        ],
      }),
    },
    outcome: 'fail',
    message:
      'No dependency update bot: expected .github/dependabot.yml with an entry for npm (/web), maven (/) and gradle (/), or a Renovate config file (renovate.json, .renovaterc, .github/renovate.json).',
  },
]);

describeCheck(actionsPinned, [
  {
    name: 'SHAs, local actions and docker digests',
    input: workflows(
      workflow({
        uses: [
          use(5, `actions/checkout@${SHA}`),
          use(6, './.github/actions/setup'),
          use(7, `docker://alpine@${DIGEST}`),
          use(8, `acme/shared/.github/workflows/x.yml@${SHA}`),
        ],
      }),
    ),
    outcome: 'pass',
    message: /\(3 references in 1 workflow\)/,
  },
  {
    name: 'tags, branches, short SHAs and docker tags',
    input: workflows(
      workflow({ uses: [use(5, 'actions/checkout@v4'), use(6, `actions/setup-node@${SHA}`)] }),
      workflow({
        path: '.github/workflows/release.yml',
        uses: [use(9, 'acme/deploy@main'), use(10, 'acme/x@a81bbbf'), use(11, 'docker://node:20'), use(12, 'acme/no-ref')],
      }),
    ),
    outcome: 'fail',
    message: /5 action references of 6 are not pinned/,
    evidence: [
      { path: '.github/workflows/ci.yml', line: 5, note: 'actions/checkout@v4' },
      { path: '.github/workflows/release.yml', line: 9, note: 'acme/deploy@main' },
      { path: '.github/workflows/release.yml', line: 10, note: 'acme/x@a81bbbf' },
      { path: '.github/workflows/release.yml', line: 11, note: 'docker://node:20' },
      { path: '.github/workflows/release.yml', line: 12, note: 'acme/no-ref' },
    ],
  },
  {
    name: 'trusted owners may use tags',
    input: { ...workflows(workflow({ uses: [use(5, 'Acme/deploy@v2')] })), options: { trustedOwners: ['acme'] } },
    outcome: 'pass',
  },
  { name: 'only local actions', input: workflows(workflow({ uses: [use(5, './x')] })), outcome: 'pass', message: /Only local actions/ },
  { name: 'no workflows', input: workflows(), outcome: 'notApplicable' },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'workflows fact missing', input: { facts: {} }, outcome: 'error', message: /"workflows" fact/ },
]);

describeCheck(workflowPermissions, [
  {
    name: 'contents: read, {} and read-all',
    input: workflows(
      workflow({ permissions: { value: { contents: 'read' }, line: 3 } }),
      workflow({ path: '.github/workflows/b.yml', permissions: { value: {}, line: 4 } }),
      workflow({ path: '.github/workflows/c.yml', permissions: { value: 'read-all', line: 2 } }),
      workflow({ path: '.github/workflows/deploy.yml', permissions: { value: { 'id-token': 'write', contents: 'read' }, line: 5 } }),
    ),
    outcome: 'pass',
    evidence: [
      { path: '.github/workflows/ci.yml', line: 3, note: 'permissions: contents: read' },
      { path: '.github/workflows/b.yml', line: 4, note: 'permissions: {}' },
      { path: '.github/workflows/c.yml', line: 2, note: 'permissions: read-all' },
      { path: '.github/workflows/deploy.yml', line: 5, note: 'permissions: id-token: write, contents: read' },
    ],
  },
  {
    name: 'missing, write-all and a write scope',
    input: workflows(
      workflow(),
      workflow({ path: '.github/workflows/b.yml', permissions: { value: 'write-all', line: 4 } }),
      workflow({ path: '.github/workflows/c.yml', permissions: { value: { contents: 'read', packages: 'write' }, line: 6 } }),
      workflow({ path: '.github/workflows/d.yml', permissions: { value: { 'id-token': 'none' }, line: 2 } }),
      workflow({ path: '.github/workflows/e.yml', permissions: { value: { 'id-token': 'write', pages: 'write' }, line: 2 } }),
    ),
    outcome: 'fail',
    message: /4 workflows of 5 do not/,
    evidence: [
      { path: '.github/workflows/ci.yml', note: 'no top-level permissions: jobs get the repository default token' },
      { path: '.github/workflows/b.yml', line: 4, note: 'permissions: write-all is not read-only' },
      { path: '.github/workflows/c.yml', line: 6, note: 'permissions: contents: read, packages: write is not read-only' },
      { path: '.github/workflows/e.yml', line: 2, note: 'permissions: id-token: write, pages: write is not read-only' },
    ],
  },
  {
    name: 'job-level writes are fine with a read-only default',
    input: workflows(
      workflow({
        permissions: { value: {}, line: 2 },
        jobs: [{ id: 'release', line: 5, permissions: { value: { contents: 'write' }, line: 6 } }],
      }),
    ),
    outcome: 'pass',
  },
]);

describeCheck(noPullRequestTargetCheckout, [
  {
    name: 'pull_request_target checking out the head',
    input: workflows(
      workflow({
        triggers: ['pull_request_target'],
        checkoutRefs: [{ job: 'test', ref: '${{ github.event.pull_request.head.sha }}', line: 14 }],
      }),
    ),
    outcome: 'fail',
    evidence: [{ path: '.github/workflows/ci.yml', line: 14, note: 'checks out ${{ github.event.pull_request.head.sha }} (job test)' }],
  },
  {
    name: 'workflow_run checking out head_branch',
    input: workflows(
      workflow({ triggers: ['workflow_run'], checkoutRefs: [{ job: 'x', ref: '${{ github.event.workflow_run.head_branch }}', line: 9 }] }),
    ),
    outcome: 'fail',
  },
  {
    name: 'head_ref',
    input: workflows(workflow({ triggers: ['pull_request_target'], checkoutRefs: [{ job: 'x', ref: '${{ github.head_ref }}', line: 9 }] })),
    outcome: 'fail',
  },
  {
    name: 'refs/pull merge ref',
    input: workflows(
      workflow({
        triggers: ['pull_request_target'],
        checkoutRefs: [{ job: 'x', ref: 'refs/pull/${{ github.event.number }}/merge', line: 9 }],
      }),
    ),
    outcome: 'fail',
  },
  {
    name: 'pull_request_target checking out the base',
    input: workflows(
      workflow({
        triggers: ['pull_request_target'],
        checkoutRefs: [{ job: 'x', ref: '${{ github.event.pull_request.base.sha }}', line: 9 }],
      }),
    ),
    outcome: 'pass',
    evidence: [{ path: '.github/workflows/ci.yml' }],
  },
  {
    name: 'head checkout in a plain pull_request workflow is safe',
    input: workflows(
      workflow({ triggers: ['pull_request'], checkoutRefs: [{ job: 'x', ref: '${{ github.event.pull_request.head.sha }}', line: 9 }] }),
    ),
    outcome: 'pass',
    message: /No workflow is triggered by pull_request_target or workflow_run \(1 workflow read\)/,
  },
]);

describeCheck(noScriptInjection, [
  {
    name: 'titles, bodies, commit messages and head_ref in scripts',
    input: workflows(
      workflow({
        runExpressions: [
          { job: 'greet', in: 'run', expression: 'github.event.issue.title', line: 12 },
          { job: 'greet', in: 'run', expression: 'github.event.comment.body', line: 13 },
          { job: 'greet', in: 'github-script', expression: 'github.head_ref', line: 20 },
          { job: 'greet', in: 'run', expression: 'github.event.commits[0].message', line: 21 },
          { job: 'greet', in: 'run', expression: 'github.event.pull_request.head.ref', line: 22 },
          { job: 'greet', in: 'run', expression: 'github.event.pages.*.page_name', line: 23 },
        ],
      }),
    ),
    outcome: 'fail',
    message: /in 6 places/,
  },
  {
    name: 'evidence names the expression and where it is',
    input: workflows(workflow({ runExpressions: [{ job: 'greet', in: 'run', expression: 'github.event.pull_request.body', line: 12 }] })),
    outcome: 'fail',
    evidence: [{ path: '.github/workflows/ci.yml', line: 12, note: '${{ github.event.pull_request.body }} in a run: script (job greet)' }],
  },
  {
    name: 'trusted expressions',
    input: workflows(
      workflow({
        runExpressions: [
          { job: 'a', in: 'run', expression: 'github.sha', line: 3 },
          { job: 'a', in: 'run', expression: 'secrets.TOKEN', line: 4 },
          { job: 'a', in: 'run', expression: 'github.event.pull_request.number', line: 5 },
          { job: 'a', in: 'run', expression: 'github.event.pull_request.head.sha', line: 6 },
          { job: 'a', in: 'run', expression: 'matrix.node', line: 7 },
        ],
      }),
    ),
    outcome: 'pass',
  },
]);

describeCheck(noPrivateKeys, [
  {
    name: 'keys, key files and keystores',
    input: secrets(
      { path: 'deploy/id_rsa', kind: 'private-key' },
      { path: 'tls/server.key', line: 2, kind: 'private-key' },
      { path: 'a.jks', kind: 'keystore' },
      { path: 'k.key', kind: 'key-file' },
      { path: '.env', kind: 'env-file' },
    ),
    outcome: 'fail',
    message: /4 files look like a private key/,
    evidence: [
      { path: 'deploy/id_rsa', note: 'private key' },
      { path: 'tls/server.key', line: 2, note: 'private key' },
      { path: 'a.jks', note: 'keystore' },
      { path: 'k.key', note: 'binary key file (possibly a DER private key)' },
    ],
  },
  {
    name: 'allowed test fixtures',
    input: { ...secrets({ path: 'testdata/server.key', line: 1, kind: 'private-key' }), options: { allow: ['testdata/**'] } },
    outcome: 'pass',
  },
  {
    name: 'test fixtures are listed as ignored, not judged',
    input: secrets(
      { path: 'testdata/key.pem', line: 1, kind: 'private-key', ignored: { reason: 'test-fixture', detail: 'under testdata/' } },
      { path: 'deploy/key.pem', line: 1, kind: 'private-key' },
    ),
    outcome: 'fail',
    message: '1 file looks like a private key or keystore: deploy/key.pem (1 file ignored: test fixture).',
    evidence: [
      { path: 'deploy/key.pem', line: 1, note: 'private key' },
      { path: 'testdata/key.pem', line: 1, note: 'ignored: test fixture, under testdata/' },
    ],
  },
  {
    name: 'only fixtures and skeletons: pass, with each exclusion as evidence',
    input: secrets(
      { path: 'tests/certs/server.key', line: 1, kind: 'private-key', ignored: { reason: 'test-fixture', detail: 'under tests/' } },
      {
        path: 'tpl/skeleton/k.pem',
        line: 1,
        kind: 'private-key',
        ignored: { reason: 'template-skeleton', detail: 'in the skeleton of tpl/template.yaml' },
      },
    ),
    outcome: 'pass',
    message: 'No committed private keys or keystores among the files named like them (2 files ignored: test fixture, template skeleton).',
    evidence: [
      { path: 'tests/certs/server.key', line: 1, note: 'ignored: test fixture, under tests/' },
      { path: 'tpl/skeleton/k.pem', line: 1, note: 'ignored: template skeleton, in the skeleton of tpl/template.yaml' },
    ],
  },
  {
    name: 'includeFixtures judges them too',
    input: {
      ...secrets({
        path: 'testdata/key.pem',
        line: 1,
        kind: 'private-key',
        ignored: { reason: 'test-fixture', detail: 'under testdata/' },
      }),
      options: { includeFixtures: true },
    },
    outcome: 'fail',
    evidence: [{ path: 'testdata/key.pem', line: 1, note: 'private key' }],
  },
  { name: 'only a .env', input: secrets({ path: '.env', kind: 'env-file' }), outcome: 'pass' },
  { name: 'nothing', input: secrets(), outcome: 'pass', message: /No committed private keys/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'secrets fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(noEnvFiles, [
  {
    name: 'a .env file',
    input: secrets({ path: 'app/.env.production', kind: 'env-file' }),
    outcome: 'fail',
    evidence: [{ path: 'app/.env.production', note: 'dotenv file' }],
  },
  { name: 'allowed', input: { ...secrets({ path: 'e2e/.env', kind: 'env-file' }), options: { allow: ['e2e/.env'] } }, outcome: 'pass' },
  {
    name: 'placeholder values are never a committed secret, even with includeFixtures',
    input: {
      ...secrets({
        path: '.env',
        kind: 'env-file',
        ignored: { reason: 'placeholder-values', detail: 'no credential with a real value (3 settings)' },
      }),
      options: { includeFixtures: true },
    },
    outcome: 'pass',
    message: 'No committed .env files (1 file ignored: placeholder values).',
    evidence: [{ path: '.env', note: 'ignored: placeholder values, no credential with a real value (3 settings)' }],
  },

  { name: 'none', input: secrets({ path: 'x.pem', line: 1, kind: 'private-key' }), outcome: 'pass' },
]);

describeCheck(noRegistryTokens, [
  {
    name: 'a literal npm token',
    input: secrets({ path: '.npmrc', line: 2, kind: 'registry-token' }),
    outcome: 'fail',
    evidence: [{ path: '.npmrc', line: 2, note: 'literal registry credential' }],
  },
  { name: 'none', input: secrets(), outcome: 'pass' },
]);

describeCheck(noCommittedBinaries, [
  {
    name: 'binaries and archives',
    input: {
      facts: withFiles([
        'lib/tool.jar',
        'bin/app.exe',
        'native/libx.so.1',
        'app/__pycache__/m.cpython-312.pyc',
        'dist/pkg.tar.gz',
        'src/main.ts',
      ]),
    },
    outcome: 'fail',
    message: /5 binary files are committed/,
  },
  {
    name: 'wrapper jars are allowed by default',
    input: { facts: withFiles(['gradle/wrapper/gradle-wrapper.jar', 'sub/.mvn/wrapper/maven-wrapper.jar']) },
    outcome: 'pass',
  },
  {
    name: 'allow option replaces the defaults',
    input: { facts: withFiles(['gradle/wrapper/gradle-wrapper.jar', 'fixtures/a.zip']), options: { allow: ['fixtures/**'] } },
    outcome: 'fail',
    evidence: [{ path: 'gradle/wrapper/gradle-wrapper.jar' }],
  },
  {
    name: 'binaries in test fixtures and template skeletons are listed as ignored',
    input: {
      facts: withFiles([
        'testdata/archive.zip',
        'src/test/resources/app.jar',
        'templates/svc/template.yaml',
        'templates/svc/skeleton/tool.exe',
        '{{cookiecutter.name}}/lib.so',
        'lib/tool.jar',
      ]),
    },
    outcome: 'fail',
    message: '1 binary file is committed, e.g. lib/tool.jar (4 files in test fixtures or template skeletons ignored).',
    evidence: [
      { path: 'lib/tool.jar' },
      { path: 'src/test/resources/app.jar', note: 'ignored: test fixture, under src/test/' },
      { path: 'templates/svc/skeleton/tool.exe', note: 'ignored: template skeleton, in the skeleton of templates/svc/template.yaml' },
      { path: 'testdata/archive.zip', note: 'ignored: test fixture, under testdata/' },
      { path: '{{cookiecutter.name}}/lib.so', note: 'ignored: template skeleton, in the cookiecutter template {{cookiecutter.name}}/' },
    ],
  },
  {
    name: 'includeFixtures judges fixtures too',
    input: { facts: withFiles(['testdata/archive.zip']), options: { includeFixtures: true } },
    outcome: 'fail',
    evidence: [{ path: 'testdata/archive.zip' }],
  },
  {
    name: "a skeleton/ folder without a template.yaml beside it is the project's own",
    input: { facts: withFiles(['skeleton/tool.exe']) },
    outcome: 'fail',
  },
  {
    name: 'source only; look-alike names',
    input: { facts: withFiles(['src/main.ts', 'docs/also.md', 'lib/solib.ts', 'objects/a.obj']) },
    outcome: 'pass',
  },
  { name: 'empty repository', input: { facts: withFiles([]) }, outcome: 'pass' },
]);

describeCheck(sastConfigured, [
  {
    name: 'CodeQL',
    input: workflows(
      workflow({
        path: '.github/workflows/codeql.yml',
        uses: [use(3, `actions/checkout@${SHA}`), use(4, 'github/codeql-action/analyze@v3')],
      }),
    ),
    outcome: 'pass',
    evidence: [{ path: '.github/workflows/codeql.yml', line: 4, note: 'github/codeql-action/analyze@v3' }],
  },
  { name: 'Semgrep, any case', input: workflows(workflow({ uses: [use(4, 'Semgrep/semgrep-action@v1')] })), outcome: 'pass' },
  {
    name: 'custom action list',
    input: { ...workflows(workflow({ uses: [use(4, 'acme/scan@v1')] })), options: { actions: ['acme/scan'] } },
    outcome: 'pass',
  },
  { name: 'no analysis', input: workflows(workflow({ uses: [use(3, 'actions/checkout@v4')] })), outcome: 'fail', message: /default setup/ },
  {
    name: "golangci-lint's action with gosec enabled",
    input: {
      facts: repoFacts({
        workflows: [workflow({ path: '.github/workflows/test.yml', uses: [use(50, 'golangci/golangci-lint-action@v8.0.0')] })],
        securityLinters: [{ tool: 'golangci-lint', path: '.golangci.yml', rules: 'gosec', line: 38 }],
      }),
    },
    outcome: 'pass',
    message: '.github/workflows/test.yml runs golangci/golangci-lint-action, and .golangci.yml enables gosec.',
    evidence: [
      { path: '.github/workflows/test.yml', line: 50, note: 'golangci/golangci-lint-action@v8.0.0' },
      { path: '.golangci.yml', line: 38, note: 'golangci-lint: gosec' },
    ],
  },
  {
    name: 'gosec enabled but golangci-lint not run in a workflow',
    input: {
      facts: repoFacts({
        workflows: [workflow({ uses: [use(3, 'actions/checkout@v4')] })],
        securityLinters: [{ tool: 'golangci-lint', path: '.golangci.yml', rules: 'gosec' }],
      }),
    },
    outcome: 'fail',
  },
  {
    name: "ruff's action without the S rules",
    input: workflows(workflow({ uses: [use(3, 'astral-sh/ruff-action@v3')] })),
    outcome: 'fail',
  },
  {
    // getting-started-app: a JavaScript app with no CI at all runs no analysis either.
    name: 'no CI at all',
    input: { facts: withFiles(['README.md', 'src/index.js', 'package.json']) },
    outcome: 'fail',
    message: 'No static analysis: the repository has no CI configuration to run it on its code (src/index.js …).',
    evidence: [{ path: 'src/index.js' }],
  },
  {
    name: 'another CI, whose steps are not read',
    input: { facts: withFiles(['app.py'], { ci: [{ system: 'circleci', files: ['.circleci/config.yml'] }] }) },
    outcome: 'notApplicable',
    message: 'CI runs on circleci; only GitHub Actions workflows are read for static analysis steps.',
  },
  {
    name: 'no CI and no source code (a vendored script is not the repository’s)',
    input: { facts: withFiles(['index.html', 'style.css', 'vendor/lib/x.js']) },
    outcome: 'notApplicable',
  },
]);
