/**
 * What the files of the real-world repositories say, checked by hand (see README.md beside this
 * file for the rules each column follows). Cairn's output is held against this table; the table is
 * never adjusted to Cairn's output. `'unknown'` means the files do not tell, and Cairn must not guess.
 */

/** One cell: the value the files give, and how that was checked. */
export interface Cell<T> {
  expected: T;
  how: string;
}

export type ComponentType = 'service' | 'library' | 'website' | 'template' | 'documentation' | 'other';
export type DependencyBot = 'dependabot' | 'renovate' | 'none';
/** `unknown-kind`: a well-formed entity of a kind a standard Backstage installation does not recognise. */
export type Verdict = 'valid' | 'invalid' | 'unknown-kind';

export interface DescriptorEntity {
  file: string;
  kind: string;
  name: string;
  verdict: Verdict;
}

export interface RepoTruth {
  /** Archive and folder name, as in MANIFEST.tsv. */
  name: string;
  /** The head commit the table was checked against (MANIFEST.tsv); another commit means checking again. */
  commit: string;
  /** The owner's entity ref, or `unknown`. */
  owner: Cell<string>;
  /** Whitespace is compared collapsed; everything else exactly. */
  description: Cell<string>;
  type: Cell<ComponentType>;
  lifecycle: Cell<string>;
  /** The first language as GitHub's Linguist counts it, and its share in percent (±5 points). */
  language: Cell<{ name: string; share: number }>;
  /** SPDX expression, or `unknown`. `A OR B` equals `B OR A`. */
  license: Cell<string>;
  defaultBranch: Cell<string>;
  ci: Cell<string[]>;
  manifests: Cell<string[]>;
  dependencyBot: Cell<DependencyBot>;
  /** The root mkdocs config and the folder of documentation pages (docs/, or a documentation website's beside the code), where there are. */
  docs: Cell<{ mkdocs?: string; folder?: string }>;
  codeownersTeams: Cell<string[]>;
  descriptors: Cell<DescriptorEntity[]>;
}

const NO_OWNER = 'no catalog-info.yaml, no CODEOWNERS';
const NO_LIFECYCLE = 'nothing in the files states a lifecycle';
const NO_DESCRIPTORS = 'no file with a backstage.io apiVersion';
const NO_TEAMS = 'no CODEOWNERS';
const NO_BOT = 'no .github/dependabot.yml, no Renovate config file, no renovate key in package.json';
const NO_DOCS = 'no mkdocs.yml, no docs/ folder';
const GHA = 'only .github/workflows/*.yml';

const unknownOwner = (how = NO_OWNER): Cell<string> => ({ expected: 'unknown', how });
const unknownLifecycle: Cell<string> = { expected: 'unknown', how: NO_LIFECYCLE };
const noDescriptors: Cell<DescriptorEntity[]> = { expected: [], how: NO_DESCRIPTORS };
const noTeams: Cell<string[]> = { expected: [], how: NO_TEAMS };
const noBot: Cell<DependencyBot> = { expected: 'none', how: NO_BOT };
const noDocs: Cell<{ mkdocs?: string; folder?: string }> = { expected: {}, how: NO_DOCS };
const githubActions: Cell<string[]> = { expected: ['github-actions'], how: GHA };
const branch = (name: string): Cell<string> => ({ expected: name, how: 'MANIFEST.tsv default_branch' });

export const TRUTH: RepoTruth[] = [
  {
    name: 'spring-petclinic',
    commit: 'edf4db28affcc4741c79850a3d95bc3f177b5ff9',
    owner: unknownOwner(),
    description: {
      expected:
        'Spring Petclinic is a Spring Boot application built using Maven or Gradle. Java 17 or later is required for the build, and the application can run with Java 17 or newer.',
      how: 'no description in pom.xml or build.gradle; README title line is badges, the first paragraph under a heading is a pointer to slides ("See the presentation here:" + link) and a Note quote, so the first prose is under "Run Petclinic locally"',
    },
    type: {
      expected: 'service',
      how: 'k8s/petclinic.yml holds a Deployment and a Service; .devcontainer/Dockerfile is a dev container, not deployable',
    },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Java', share: 81.4 },
      how: 'Java 121,240 / HTML 19,150 / SCSS 7,939 / Dockerfile 643 bytes; petclinic.css ends with a sourceMappingURL (generated), gradlew/mvnw vendored, *.sql are SQL (data)',
    },
    license: { expected: 'Apache-2.0', how: 'LICENSE.txt is the Apache 2.0 text; pom.xml names the same' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: '.github/workflows/{maven-build,gradle-build,deploy-and-test-cluster}.yml; no other CI file' },
    manifests: { expected: ['build.gradle', 'pom.xml'], how: 'git ls-files; settings.gradle declares no dependencies' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'gs-accessing-data-jpa',
    commit: '2ea2115950e1b45721bf91a5475429da0bb79634',
    owner: unknownOwner(),
    description: {
      expected:
        'This guide walks you through the process of building an application that uses Spring Data JPA to store and retrieve data in a relational database.',
      how: 'no manifest description; README.adoc opens with :toc:/:icons: … attribute lines, then this paragraph',
    },
    type: {
      expected: 'documentation',
      how: 'a Spring guide: README.adoc is the tutorial (its writing has its own LICENSE.writing.txt), initial/ and complete/ are the code it walks through; no Dockerfile, chart, manifest or Procfile',
    },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Java', share: 50.5 },
      how: 'Java 4,888 / Kotlin 4,473 (*.kt) / Shell 315 (test/run.sh) bytes; *.gradle and *.gradle.kts are data, gradlew/mvnw vendored',
    },
    license: {
      expected: 'Apache-2.0 AND CC-BY-ND-3.0',
      how: 'LICENSE.txt is Apache 2.0 for the code; LICENSE.writing.txt puts the writing under creativecommons.org/licenses/by-nd/3.0: two parts, both apply',
    },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: {
      expected: [
        'complete-kotlin/build.gradle.kts',
        'complete/build.gradle',
        'complete/pom.xml',
        'initial-kotlin/build.gradle.kts',
        'initial/build.gradle',
        'initial/pom.xml',
      ],
      how: 'git ls-files; settings.gradle(.kts) declare no dependencies',
    },
    dependencyBot: { expected: 'dependabot', how: '.github/dependabot.yml' },
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'cobra',
    commit: 'adbc8813901bba65827259daa8e22ff94ec1f30e',
    owner: unknownOwner(),
    description: {
      expected: 'Cobra is a library for creating powerful modern CLI applications.',
      how: 'go.mod has no description; README opens with a logo in HTML, then this paragraph',
    },
    type: { expected: 'library', how: 'a Go module imported by CLIs (package cobra at the root, no main); no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Go', share: 99.8 }, how: 'Go 468,120 / Makefile 941 bytes' },
    license: { expected: 'Apache-2.0', how: 'LICENSE.txt is the Apache 2.0 text' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: { expected: ['go.mod'], how: 'git ls-files' },
    dependencyBot: { expected: 'dependabot', how: '.github/dependabot.yml' },
    docs: {
      expected: { folder: 'site/content' },
      how: "site/content/ holds a Hugo site's 13 Markdown pages; doc/ is Go code (the man/markdown generator package); no mkdocs.yml",
    },
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'json',
    commit: '827a315bf2198558f0325b07bcc1e2cd973aba2f',
    owner: unknownOwner(),
    description: { expected: 'A JSON serialization file format', how: 'Cargo.toml [package] description' },
    type: { expected: 'library', how: 'a crate (serde_json) with no binary, Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Rust', share: 100 },
      how: 'every counted file is *.rs; src/lexical/large_powers*.rs start with `const`, which Linguist classifies as Rust, not RenderScript',
    },
    license: { expected: 'MIT OR Apache-2.0', how: 'Cargo.toml license field; LICENSE-MIT + LICENSE-APACHE' },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: '.github/workflows/ci.yml only' },
    manifests: { expected: ['Cargo.toml', 'fuzz/Cargo.toml', 'tests/crate/Cargo.toml'], how: 'git ls-files' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'byteorder',
    commit: '18f32ca3a41c9823138e782752bc439e99ef7ec8',
    owner: unknownOwner(),
    description: {
      expected: 'Library for reading/writing numbers in big-endian and little-endian.',
      how: 'Cargo.toml [package] description',
    },
    type: { expected: 'library', how: 'a crate with no binary, Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Rust', share: 100 }, how: 'only *.rs files are counted' },
    license: {
      expected: 'Unlicense OR MIT',
      how: 'Cargo.toml license field; COPYING says dual-licensed, either applies; UNLICENSE + LICENSE-MIT',
    },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: '.github/workflows/ci.yml only' },
    manifests: { expected: ['Cargo.toml'], how: 'git ls-files' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'click',
    commit: '2c8cd3ac958a7eb316d67f2d316c27086c4c0369',
    owner: unknownOwner(),
    description: { expected: 'Composable command line interface toolkit', how: 'root pyproject.toml [project] description' },
    type: { expected: 'library', how: 'a Python package on PyPI; no Dockerfile, Procfile or deployment' },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Python', share: 100 },
      how: 'Python 910,705 / Shell 165 bytes; docs/ and examples/ are documentation to Linguist',
    },
    license: { expected: 'BSD-3-Clause', how: 'LICENSE.txt has the three BSD clauses; pyproject.toml says BSD-3-Clause' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: {
      expected: [
        'examples/aliases/pyproject.toml',
        'examples/colors/pyproject.toml',
        'examples/completion/pyproject.toml',
        'examples/complex/pyproject.toml',
        'examples/imagepipe/pyproject.toml',
        'examples/inout/pyproject.toml',
        'examples/naval/pyproject.toml',
        'examples/repo/pyproject.toml',
        'examples/termui/pyproject.toml',
        'examples/validation/pyproject.toml',
        'pyproject.toml',
      ],
      how: 'git ls-files: the root package and ten example packages',
    },
    dependencyBot: { expected: 'none', how: NO_BOT },
    docs: { expected: { folder: 'docs' }, how: 'docs/ holds the Sphinx sources (Markdown); no mkdocs.yml' },
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'chalk',
    commit: '678e5505458d0cf40134e205aed4454e0eeac45c',
    owner: unknownOwner(),
    description: { expected: 'Terminal string styling done right', how: 'package.json description (the README quotes it under a logo)' },
    type: { expected: 'library', how: 'an npm package with exports, no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'JavaScript', share: 73.1 },
      how: 'JavaScript 16,851 / TypeScript 6,211 (index.test-d.ts) bytes; *.d.ts and source/vendor/ are vendored, examples/ is documentation',
    },
    license: { expected: 'MIT', how: '`license` file is the MIT text; package.json says MIT' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: '.github/workflows/main.yml only' },
    manifests: { expected: ['package.json'], how: 'git ls-files' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'lighthouse-audit-service',
    commit: '208a1cdb9a092dbbe876029aef51921e2d63fa40',
    owner: unknownOwner(),
    description: { expected: 'Run, store, and view Lighthouse audits on all of your websites', how: 'package.json description' },
    type: { expected: 'service', how: 'root Dockerfile ends with CMD ["dumb-init", "node", "cjs/run.js"]' },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'TypeScript', share: 94.9 },
      how: 'TypeScript 93,098 / JavaScript 3,418 / Dockerfile 1,382 / Shell 176 bytes',
    },
    license: { expected: 'Apache-2.0', how: 'LICENSE is the Apache 2.0 text; package.json says Apache-2.0' },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: { expected: ['package.json'], how: 'git ls-files' },
    dependencyBot: {
      expected: 'none',
      how: 'only .dependabot/config.yml (version 1), the Dependabot Preview location GitHub stopped reading in 2021; no .github/dependabot.yml',
    },
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: { expected: [], how: 'no catalog-info.yaml or other Backstage file, although its README mentions Backstage' },
  },
  {
    name: 'examples',
    commit: '4888ba8fb8180dd0c36d1e84c1fcafc6efd81532',
    owner: unknownOwner(),
    description: {
      expected: "Ahoy world! I'm a Helm repository for example charts.",
      how: 'no root manifest (charts/hello-world/Chart.yaml describes the chart); README first paragraph',
    },
    type: {
      expected: 'other',
      how: 'a Helm chart repository: one example chart deploying the stock nginx image, no application of its own; a chart is needed for a service but does not make one',
    },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Go Template', share: 100 },
      how: 'templates/_helpers.tpl is the only counted file (Go Template by heuristic); *.yaml are data',
    },
    license: { expected: 'Apache-2.0', how: 'LICENSE is the Apache 2.0 text' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: '.github/workflows/{lint-test,release}.yaml' },
    manifests: { expected: [], how: 'no package manifest; Chart.yaml is a Helm chart, not a dependency manifest' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'typer',
    commit: '9a7b2e83f6b62c750d6026b0de9ebf2026a8b8fa',
    owner: unknownOwner(),
    description: {
      expected: 'Typer, build great CLIs. Easy to code. Based on Python type hints.',
      how: 'pyproject.toml [project] description',
    },
    type: {
      expected: 'library',
      how: 'a Python package on PyPI; the only Dockerfile is scripts/docker/Dockerfile, a shell-testing image whose compose file runs `sleep infinity`',
    },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Python', share: 99.8 },
      how: 'Python 1,009,757 / Shell 1,278 / Dockerfile 895 bytes; docs/ is documentation',
    },
    license: { expected: 'MIT', how: 'LICENSE is the MIT text; pyproject.toml says MIT' },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: { expected: ['pyproject.toml'], how: 'git ls-files' },
    dependencyBot: { expected: 'dependabot', how: '.github/dependabot.yml' },
    docs: {
      expected: { mkdocs: 'mkdocs.yml', folder: 'docs' },
      how: 'mkdocs.yml (INHERIT: mkdocs.env.yml) with the default docs_dir docs/',
    },
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'pipeline-examples',
    commit: 'fb9575a8182b51614f5f0df912b46b37d95fbb8d',
    owner: unknownOwner(),
    description: {
      expected: 'This repository is a home for snippets, tips and tricks and examples of scripting for the Jenkins Pipeline plugin.',
      how: 'no manifest; README first paragraph under "# Introduction"',
    },
    type: { expected: 'other', how: 'a collection of pipeline snippets and examples; nothing to deploy or publish' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Groovy', share: 100 }, how: '*.groovy and Jenkinsfile (Groovy) are the only counted files' },
    license: { expected: 'MIT', how: 'LICENSE.txt is the MIT text' },
    defaultBranch: branch('master'),
    ci: {
      expected: [],
      how: "no root Jenkinsfile and no workflow: the Jenkinsfiles under jenkinsfile-examples/ and global-library-examples/ are examples, not this repository's CI",
    },
    manifests: { expected: [], how: 'git ls-files: none' },
    dependencyBot: noBot,
    docs: { expected: { folder: 'docs' }, how: 'docs/BEST_PRACTICES.md; no mkdocs.yml' },
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'tutorial',
    commit: '77b72c91832ac392ebedf1c8797dc5dd44981014',
    owner: unknownOwner(),
    description: {
      expected: 'A simple package json for Renovate tutorial use only',
      how: 'package.json description (the manifest comes first, even when it describes itself)',
    },
    type: {
      expected: 'documentation',
      how: 'a hands-on tutorial in README.md; Dockerfile has only FROM and ENV (sample content for Renovate to update), no EXPOSE/CMD/ENTRYPOINT',
    },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Dockerfile', share: 100 }, how: 'Dockerfile (46 bytes) is the only counted file; package.json is data' },
    license: {
      expected: 'MIT',
      how: 'LICENSE is the MIT text; package.json says Apache-2.0, but it is a sample file "for Renovate tutorial use only"',
    },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: '.github/workflows/ci.yml only' },
    manifests: { expected: ['package.json'], how: 'git ls-files' },
    dependencyBot: {
      expected: 'none',
      how: 'no renovate.json: the tutorial has the reader install the Renovate app, which onboards with a PR',
    },
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'core.js',
    commit: '266c620b488d534034979f2600933e74a0174453',
    owner: unknownOwner(),
    description: { expected: "Extendable client for GitHub's REST & GraphQL APIs", how: 'package.json description (the README quotes it)' },
    type: { expected: 'library', how: 'the @octokit/core npm package; no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'TypeScript', share: 96.7 }, how: 'TypeScript 55,910 / JavaScript 1,915 bytes' },
    license: { expected: 'MIT', how: 'LICENSE is the MIT text; package.json says MIT' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: { expected: ['package.json'], how: 'git ls-files' },
    dependencyBot: { expected: 'renovate', how: '.github/renovate.json' },
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'todo-nodejs-mongo',
    commit: 'e14d0915b53924b83392f0b7c025c95b891ae682',
    owner: unknownOwner(),
    description: {
      expected:
        'A blueprint for getting a React web app with a Node.js API and a MongoDB database running on Azure. The blueprint includes sample application code (a ToDo web app) which can be removed and replaced with your own application code. Add your own source code and leverage the Infrastructure as Code assets (written in Bicep) to get up and running quickly.',
      how: 'no root manifest (src/api/package.json describes the API only); README opens with front matter, an HTML comment, the title and two badges, then this paragraph',
    },
    type: {
      expected: 'service',
      how: 'azure.yaml lists services deployed to App Service, infra/*.bicep, src/api/Dockerfile CMD and src/web/Dockerfile EXPOSE 80; `metadata.template` in azure.yaml names the azd template it came from, which apps made from it keep, so it does not make a template',
    },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'TypeScript', share: 85.6 },
      how: 'TypeScript 96,242 / Bicep 13,104 / HTML 1,129 / CSS 917 / JavaScript 574 bytes',
    },
    license: { expected: 'MIT', how: 'LICENSE is the MIT text' },
    defaultBranch: branch('main'),
    ci: {
      expected: ['azure-pipelines', 'github-actions'],
      how: '.github/workflows/azure-dev.yml and .azdo/pipelines/azure-dev.yml (trigger/pool/steps: an Azure Pipelines definition)',
    },
    manifests: { expected: ['src/api/package.json', 'src/web/package.json', 'tests/package.json'], how: 'git ls-files' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'circleci-demo-python-django',
    commit: '2bbf84b270e6de0888ea7f551a749b938f6194ba',
    owner: unknownOwner(),
    description: {
      expected: 'This is an example application showcasing how to build test and deploy a Django app on CircleCI 2.0.',
      how: 'no manifest description (Pipfile, requirements.txt); README title, a badge, then this paragraph',
    },
    type: { expected: 'service', how: 'Procfile `web: gunicorn locallibrary.wsgi`' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Python', share: 83.6 }, how: 'Python 59,449 / HTML 11,550 / CSS 78 / Procfile 45 bytes' },
    license: { expected: 'CC0-1.0', how: 'LICENSE is the CC0 1.0 Universal text' },
    defaultBranch: branch('master'),
    ci: { expected: ['circleci'], how: '.circleci/config.yml; no workflows' },
    manifests: { expected: ['Pipfile', 'requirements.txt'], how: 'git ls-files: pipenv Pipfile and pip requirements' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'express',
    commit: 'a3714473feb3d2908add734d340e7755fd85e0a3',
    owner: unknownOwner(),
    description: { expected: 'Fast, unopinionated, minimalist web framework', how: 'package.json description' },
    type: { expected: 'library', how: 'the express npm package; no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'JavaScript', share: 100 }, how: 'only JavaScript is counted; examples/ is documentation' },
    license: { expected: 'MIT', how: 'LICENSE is the MIT text; package.json says MIT' },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: { expected: ['package.json'], how: 'git ls-files' },
    dependencyBot: { expected: 'dependabot', how: '.github/dependabot.yml' },
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'gin',
    commit: 'dcaa4296d111981ffb31ac3eba90bb63e1eb5ab9',
    owner: unknownOwner(),
    description: {
      expected:
        'Gin is a high-performance HTTP web framework written in Go. It provides a Martini-like API but with significantly better performance—up to 40 times faster—thanks to httprouter. Gin is designed for building REST APIs, web applications, and microservices where speed and developer productivity are essential.',
      how: 'go.mod has no description; README: title, logo, badges, a "Gin 1.12.0 is now available!" news section, a rule, then this paragraph',
    },
    type: { expected: 'library', how: 'a Go module imported by web apps; no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Go', share: 99.6 }, how: 'Go 682,119 / Makefile 3,010 bytes' },
    license: { expected: 'MIT', how: 'LICENSE is the MIT text' },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: { expected: ['go.mod'], how: 'git ls-files' },
    dependencyBot: { expected: 'dependabot', how: '.github/dependabot.yml' },
    docs: { expected: { folder: 'docs' }, how: 'docs/doc.md; no mkdocs.yml' },
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'getting-started-app',
    commit: 'f2d13b8483f33e7dc6255014cbfd4b528d60bc22',
    owner: unknownOwner(),
    description: {
      expected:
        'This repository is a sample application for users following the getting started guide at https://docs.docker.com/get-started/.',
      how: 'package.json has no description; README first paragraph',
    },
    type: {
      expected: 'other',
      how: 'a sample app for a tutorial: no Dockerfile (the reader writes it), Procfile or deployment, so not a service; not a publishable package (main: index.js does not exist)',
    },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'JavaScript', share: 92.8 },
      how: 'JavaScript 18,005 / HTML 858 / CSS 534 bytes; *.min.js and react-bootstrap.js are vendored',
    },
    license: { expected: 'MIT', how: 'no LICENSE file; package.json license field says MIT' },
    defaultBranch: branch('main'),
    ci: { expected: [], how: 'no CI file of any kind' },
    manifests: { expected: ['package.json'], how: 'git ls-files' },
    dependencyBot: noBot,
    docs: noDocs,
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'demo',
    commit: 'ece9e44788caed0139092d61b0cc5a1256411586',
    owner: {
      expected: 'group:backstage/maintainers',
      how: 'catalog-info.yaml spec.owner `backstage/maintainers` (namespace backstage, kind Group by default); CODEOWNERS catch-all gives way to the descriptor',
    },
    description: {
      expected: 'An example deployment of a Backstage application.',
      how: 'catalog-info.yaml metadata.description of Component backstage-demo',
    },
    type: { expected: 'website', how: 'catalog-info.yaml spec.type' },
    lifecycle: { expected: 'experimental', how: 'catalog-info.yaml spec.lifecycle' },
    language: {
      expected: { name: 'TypeScript', share: 74.0 },
      how: 'TypeScript (incl. TSX) 59,397 / HTML 7,842 / JavaScript 5,637 / Dockerfile 5,167 / CSS 2,255 bytes; .yarn/releases and .yarn/plugins vendored, docs/ is documentation',
    },
    license: { expected: 'Apache-2.0', how: 'LICENSE is the Apache 2.0 text' },
    defaultBranch: branch('master'),
    ci: {
      expected: ['github-actions'],
      how: ".github/workflows/*.yml; demo-template/template/skeleton/.github/workflows/pages.yml is template content, not this repository's CI",
    },
    manifests: {
      expected: [
        'package.json',
        'packages/app/package.json',
        'packages/backend/package.json',
        'plugins/catalog-backend-module-example-processor/package.json',
        'plugins/notifications-tester-backend/package.json',
      ],
      how: 'git ls-files: the yarn workspace root and its four packages',
    },
    dependencyBot: { expected: 'renovate', how: 'renovate.json' },
    docs: { expected: { mkdocs: 'mkdocs.yml', folder: 'docs' }, how: 'mkdocs.yml (techdocs-core) with docs/' },
    codeownersTeams: {
      expected: ['@backstage/operations-maintainers'],
      how: '.github/CODEOWNERS `* @backstage/operations-maintainers @MihaiTabara` (the second is a user)',
    },
    descriptors: {
      expected: [
        { file: 'catalog-info.yaml', kind: 'Component', name: 'backstage-demo', verdict: 'valid' },
        { file: 'catalog-info.yaml', kind: 'API', name: 'demo-graphql', verdict: 'valid' },
        { file: 'demo-template/template/template.yaml', kind: 'Template', name: 'demo-template', verdict: 'valid' },
        ...[
          'mui-to-bui-migration',
          'app-frontend-system-migration',
          'plugin-new-frontend-system-support',
          'plugin-full-frontend-system-migration',
          'plugin-analytics-instrumentation',
          'onboard-to-openapi-server',
        ].map((name): DescriptorEntity => ({ file: 'examples/ai-resources.yaml', kind: 'AiResource', name, verdict: 'unknown-kind' })),
        { file: 'examples/mcp-server-api.yaml', kind: 'API', name: 'github-mcp-server', verdict: 'invalid' },
      ],
      how: "the four files with a backstage.io apiVersion, all registered by app-config.yaml catalog.locations (urls into this repository); checked with @backstage/catalog-model and the scaffolder v1beta3 schema: demo-graphql's $text definition resolves to a string; AiResource comes from the ai-model backend module, not a standard installation; github-mcp-server lacks the required spec.definition",
    },
  },
  {
    name: 'mkdocs',
    commit: '2862536793b3c67d9d83c33e0dd6d50a791928f8',
    owner: unknownOwner(),
    description: { expected: 'Project documentation with Markdown.', how: 'pyproject.toml [project] description' },
    type: { expected: 'library', how: 'a Python package (the mkdocs tool) on PyPI; no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: {
      expected: { name: 'Python', share: 83.1 },
      how: 'Python 707,374 / JavaScript 108,231 / HTML 36,080 bytes; .gitattributes marks lunr-language and theme js/css linguist-vendored',
    },
    license: { expected: 'BSD-2-Clause', how: 'LICENSE has the two BSD clauses; pyproject.toml says BSD-2-Clause' },
    defaultBranch: branch('master'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: {
      expected: ['pyproject.toml'],
      how: 'git ls-files; setup.py only exits with "no longer supported", requirements/*.txt are not named requirements.txt',
    },
    dependencyBot: noBot,
    docs: {
      expected: { mkdocs: 'mkdocs.yml', folder: 'docs' },
      how: 'root mkdocs.yml with docs/; the mkdocs.yml files under mkdocs/tests/ are test fixtures',
    },
    codeownersTeams: noTeams,
    descriptors: noDescriptors,
  },
  {
    name: 'requests',
    commit: '1f6589ec3a1ee910f9a65cc3ceac60b26677bc0e',
    owner: unknownOwner('.github/CODEOWNERS has no catch-all (`*`) rule: it names owners for five paths only; no catalog-info.yaml'),
    description: { expected: 'Python HTTP for Humans.', how: 'pyproject.toml [project] description' },
    type: { expected: 'library', how: 'a Python package on PyPI; no Dockerfile or deployment' },
    lifecycle: unknownLifecycle,
    language: { expected: { name: 'Python', share: 99.4 }, how: 'Python 390,104 / Makefile 2,527 bytes; docs/ is documentation' },
    license: { expected: 'Apache-2.0', how: 'LICENSE is the Apache 2.0 text; pyproject.toml license = {text = "Apache-2.0"}' },
    defaultBranch: branch('main'),
    ci: { expected: ['github-actions'], how: GHA },
    manifests: {
      expected: ['docs/requirements.txt', 'pyproject.toml', 'setup.py'],
      how: 'git ls-files; requirements-dev.txt is not named requirements.txt; setup.py calls setup()',
    },
    dependencyBot: { expected: 'dependabot', how: '.github/dependabot.yml' },
    docs: { expected: { folder: 'docs' }, how: 'docs/ holds the Sphinx sources (reStructuredText); no mkdocs.yml' },
    codeownersTeams: { expected: [], how: '.github/CODEOWNERS names users only (@nateprewitt @sigmavirus24), no team' },
    descriptors: noDescriptors,
  },
];
