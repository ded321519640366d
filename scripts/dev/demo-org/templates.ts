/**
 * Building blocks of the demo organisation's files: licenses, READMEs, Backstage descriptors,
 * package manifests with lockfiles, CI pipelines and Dockerfiles. Each returns file text, so the
 * spec reads as a list of repositories rather than as pages of file contents.
 */
import { createHash } from 'node:crypto';
import spdxFull from 'spdx-license-list/full.js';
import { stringify } from 'yaml';

// ─── Licenses ────────────────────────────────────────────────────────────────

/** The MIT license as GitHub's license picker writes it. */
export function mitLicense(year: number, holder = 'Acme Corp.'): string {
  return `${spdxText('MIT').replace('<year> <copyright holders>', `${year} ${holder}`)}\n`;
}

/** The full Apache License 2.0, unmodified, as most repositories commit it. */
export const APACHE_LICENSE = `${spdxText('Apache-2.0')}\n`;

/** An in-house license no SPDX id matches: the "unrecognised license" case. */
export const PROPRIETARY_LICENSE = `Copyright (c) 2024-2026 Acme Corp. All rights reserved.

This software and its documentation are proprietary to Acme Corp. and are provided to Acme
employees and contractors for internal use only. Copying, modification or distribution outside
Acme requires the prior written consent of Acme Legal (legal@acme.example).
`;

function spdxText(id: 'MIT' | 'Apache-2.0'): string {
  const entry = (spdxFull as Record<string, { licenseText: string } | undefined>)[id];
  if (!entry) throw new Error(`spdx-license-list has no ${id}`);
  return entry.licenseText.trimEnd();
}

// ─── Markdown ────────────────────────────────────────────────────────────────

/**
 * A README: title, optional badges, the first paragraph (what Cairn shows as the summary), then
 * `## <section>` blocks in order.
 */
export function readme(title: string, paragraph: string, sections: Record<string, string> = {}, badges: string[] = []): string {
  const parts = [`# ${title}`];
  if (badges.length) parts.push(badges.join(' '));
  parts.push(paragraph.trim());
  for (const [heading, body] of Object.entries(sections)) parts.push(`## ${heading}\n\n${body.trim()}`);
  return `${parts.join('\n\n')}\n`;
}

/** Installation / Usage / Contributing sections for a repository of the given toolchain. */
export function standardSections(toolchain: Toolchain, usage: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Installation: INSTALL[toolchain], Usage: usage, ...extra, Contributing: CONTRIBUTING };
}

export type Toolchain = 'node' | 'go' | 'python' | 'rust' | 'maven' | 'gradle' | 'terraform';

const INSTALL: Record<Toolchain, string> = {
  node: 'Requires the Node.js version in `.nvmrc`.\n\n```sh\nnvm use\nnpm ci\n```',
  go: 'Requires Go (see the `go` directive in `go.mod`).\n\n```sh\ngo mod download\nmake build\n```',
  python: 'Requires Python 3.12 or newer.\n\n```sh\npython -m venv .venv\nsource .venv/bin/activate\npip install -e ".[dev]"\n```',
  rust: 'Requires a stable Rust toolchain (see `rust-version` in `Cargo.toml`).\n\n```sh\ncargo build --release\n```',
  maven: 'Requires JDK 21.\n\n```sh\n./mvnw -B verify\n```',
  gradle: 'Requires JDK 8.\n\n```sh\n./gradlew build\n```',
  terraform: 'Requires Terraform 1.9 and read access to the `acme-infra` AWS account.\n\n```sh\nterraform init\n```',
};

const CONTRIBUTING = `Open a pull request against \`main\`. Every change needs a green CI run and one review from
the owning team (see CODEOWNERS). Keep commits small and describe *why* in the message.`;

/** A Keep-a-Changelog file, newest release first. */
export function changelog(releases: Array<{ version: string; date: string; changes: string[] }>): string {
  const body = releases.map(
    ({ version, date, changes }) => `## [${version}] - ${date}\n\n${changes.map((change) => `- ${change}`).join('\n')}`,
  );
  return `# Changelog\n\nAll notable changes to this project are documented in this file.\n\n${body.join('\n\n')}\n`;
}

/** A SECURITY.md pointing at the security team. */
export function securityPolicy(product: string): string {
  return `# Security policy

## Reporting a vulnerability

Please do not open a public issue. Email security@acme.example with a description of the issue
in ${product}, the steps to reproduce it and the impact you expect. We answer within two working
days and keep you informed until it is fixed.

## Supported versions

Only the latest release of ${product} receives security fixes.
`;
}

/** A CODEOWNERS file from `pattern → owners` rules, with a header comment. */
export function codeowners(rules: Array<[string, string]>): string {
  return `# Reviews are requested from these owners automatically.\n${rules.map(([pattern, owners]) => `${pattern} ${owners}`).join('\n')}\n`;
}

// ─── Backstage descriptors ───────────────────────────────────────────────────

/** A Backstage entity as written in a descriptor file. */
export interface Entity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: string;
  metadata: Record<string, unknown>;
  spec?: Record<string, unknown>;
}

interface Metadata {
  name: string;
  title?: string;
  description?: string;
  tags?: string[];
  links?: Array<{ url: string; title: string; icon?: string }>;
  annotations?: Record<string, string>;
}

/** A descriptor entity; empty optional fields are left out so the YAML looks hand-written. */
export function entity(kind: string, metadata: Metadata, spec?: Record<string, unknown>): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata: compact({ ...metadata }), ...(spec ? { spec: compact(spec) } : {}) };
}

/** The annotations a GitHub-hosted Acme component carries. */
export function githubAnnotations(
  repo: string,
  options: { techdocs?: boolean; extra?: Record<string, string> } = {},
): Record<string, string> {
  return {
    'github.com/project-slug': `acme/${repo}`,
    ...(options.techdocs ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
    ...options.extra,
  };
}

/** One descriptor file holding one or more entities (`---` between documents). */
export function descriptor(...entities: Entity[]): string {
  return entities.map((value) => stringify(value, { lineWidth: 0 })).join('---\n');
}

/** A `kind: Location` descriptor listing relative target files. */
export function location(name: string, description: string, targets: string[]): string {
  return descriptor(entity('Location', { name, description }, { targets }));
}

/** Drops `undefined` fields; empty arrays stay, since Backstage requires some (`spec.children: []`). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

// ─── Manifests and lockfiles ─────────────────────────────────────────────────

/** Dependency name → version range, e.g. `{ express: '^4.21.1' }`. */
export type Dependencies = Record<string, string>;

/** A package.json, and the matching package-lock.json (lockfile v3). */
export function npmPackage(pkg: {
  name: string;
  version: string;
  description?: string;
  private?: boolean;
  license?: string;
  type?: 'module';
  workspaces?: string[];
  scripts?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Dependencies;
  devDependencies?: Dependencies;
}): { 'package.json': string; 'package-lock.json': string } {
  const manifest = json(compact({ ...pkg }));
  const entries: Array<[string, Record<string, unknown>]> = [];
  for (const [dev, deps] of [
    [false, pkg.dependencies ?? {}],
    [true, pkg.devDependencies ?? {}],
  ] as const) {
    for (const [name, range] of Object.entries(deps)) {
      const version = exact(range);
      const file = `${name.split('/').at(-1)}-${version}.tgz`;
      entries.push([
        `node_modules/${name}`,
        {
          version,
          resolved: `https://registry.npmjs.org/${name}/-/${file}`,
          integrity: `sha512-${digest('sha512', `${name}@${version}`, 'base64')}`,
          ...(dev ? { dev: true } : {}),
          license: 'MIT',
        },
      ]);
    }
  }
  entries.sort(([a], [b]) => a.localeCompare(b));
  const root = compact({
    name: pkg.name,
    version: pkg.version,
    license: pkg.license,
    workspaces: pkg.workspaces,
    dependencies: pkg.dependencies,
    devDependencies: pkg.devDependencies,
    engines: pkg.engines,
  });
  const lock = {
    name: pkg.name,
    version: pkg.version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': root, ...Object.fromEntries(entries) },
  };
  return { 'package.json': manifest, 'package-lock.json': json(lock) };
}

/** A go.mod and its go.sum (module and go.mod hashes for every requirement). */
export function goModule(module: string, go: string, requires: Dependencies): { 'go.mod': string; 'go.sum': string } {
  const lines = Object.entries(requires).map(([path, version]) => `\t${path} ${version}`);
  const mod = `module ${module}\n\ngo ${go}\n${lines.length ? `\nrequire (\n${lines.join('\n')}\n)\n` : ''}`;
  const sum = Object.entries(requires)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([path, version]) => [
      `${path} ${version} h1:${digest('sha256', `${path}@${version}`, 'base64')}`,
      `${path} ${version}/go.mod h1:${digest('sha256', `${path}@${version}/go.mod`, 'base64')}`,
    ]);
  return { 'go.mod': mod, 'go.sum': `${sum.join('\n')}\n` };
}

/** A PEP 621 pyproject.toml built with setuptools. */
export function pyproject(project: {
  name: string;
  version: string;
  description: string;
  requiresPython: string;
  dependencies: string[];
  dev?: string[];
  license?: string;
}): string {
  const list = (items: string[]) => (items.length ? `[\n${items.map((item) => `    "${item}",`).join('\n')}\n]` : '[]');
  return `[build-system]
requires = ["setuptools>=69", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "${project.name}"
version = "${project.version}"
description = "${project.description}"
readme = "README.md"
requires-python = "${project.requiresPython}"
${project.license ? `license = { text = "${project.license}" }\n` : ''}dependencies = ${list(project.dependencies)}

[project.optional-dependencies]
dev = ${list(project.dev ?? [])}

[tool.ruff]
line-length = 100
target-version = "py312"

[tool.pytest.ini_options]
testpaths = ["tests"]
`;
}

/** A Cargo.toml and its Cargo.lock (lockfile version 4, with checksums). */
export function cargoCrate(crate: {
  name: string;
  version: string;
  description: string;
  rustVersion: string;
  license: string;
  dependencies: Dependencies;
  devDependencies?: Dependencies;
}): { 'Cargo.toml': string; 'Cargo.lock': string } {
  const table = (deps: Dependencies) =>
    Object.entries(deps)
      .map(([name, version]) => (version.startsWith('{') ? `${name} = ${version}` : `${name} = "${version}"`))
      .join('\n');
  const toml = `[package]
name = "${crate.name}"
version = "${crate.version}"
edition = "2021"
rust-version = "${crate.rustVersion}"
description = "${crate.description}"
license = "${crate.license}"
publish = false

[dependencies]
${table(crate.dependencies)}

[dev-dependencies]
${table(crate.devDependencies ?? {})}
`;
  const versionOf = (spec: string) => spec.match(/version\s*=\s*"([^"]+)"/)?.[1] ?? spec;
  const deps = Object.entries({ ...crate.dependencies, ...crate.devDependencies }).map(
    ([name, spec]) => [name, exact(versionOf(spec))] as const,
  );
  deps.sort(([a], [b]) => a.localeCompare(b));
  const packages = [
    `[[package]]\nname = "${crate.name}"\nversion = "${crate.version}"\ndependencies = [\n${deps.map(([name]) => ` "${name}",`).join('\n')}\n]`,
    ...deps.map(
      ([name, version]) =>
        `[[package]]\nname = "${name}"\nversion = "${version}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${digest('sha256', `${name}-${version}`, 'hex')}"`,
    ),
  ].sort((a, b) => a.split('\n')[1]!.localeCompare(b.split('\n')[1]!));
  const lock = `# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n${packages.join('\n\n')}\n`;
  return { 'Cargo.toml': toml, 'Cargo.lock': lock };
}

/** A Maven pom.xml for a Spring Boot service. */
export function pom(project: { artifactId: string; version: string; name: string; description: string; dependencies: string[] }): string {
  const deps = project.dependencies
    .map((coordinate) => {
      const [groupId, artifactId, scope] = coordinate.split(':');
      return `    <dependency>\n      <groupId>${groupId}</groupId>\n      <artifactId>${artifactId}</artifactId>${scope ? `\n      <scope>${scope}</scope>` : ''}\n    </dependency>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.5</version>
    <relativePath/>
  </parent>

  <groupId>com.acme</groupId>
  <artifactId>${project.artifactId}</artifactId>
  <version>${project.version}</version>
  <name>${project.name}</name>
  <description>${project.description}</description>

  <properties>
    <java.version>21</java.version>
  </properties>

  <dependencies>
${deps}
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

// ─── CI and containers ───────────────────────────────────────────────────────

/** How a workflow refers to third-party actions: full commit SHA (pinned), a tag, or a branch. */
export type Pinning = 'sha' | 'tag' | 'branch';

const ACTIONS: Record<string, { sha: string; tag: string; version: string }> = {
  'actions/checkout': { sha: '11bd71901bbe5b1630ceea73d27597364c9af683', tag: 'v4', version: 'v4.2.2' },
  'actions/setup-node': { sha: '39370e3970a6d050c480ffad4ff0ed4d3fdee5af', tag: 'v4', version: 'v4.1.0' },
  'actions/setup-go': { sha: '3041bf56c941b39c61721a86cd11f3bb1338122a', tag: 'v5', version: 'v5.2.0' },
  'actions/setup-python': { sha: '0b93645e9fea7318ecaed2b359559ac225c90a2b', tag: 'v5', version: 'v5.3.0' },
  'actions/setup-java': { sha: '8df1039502a15bceb9433410b1a100fbe190c53b', tag: 'v4', version: 'v4.5.0' },
  'hashicorp/setup-terraform': { sha: 'b9cd54a3c349d3f38e8881555d616ced269862dd', tag: 'v3', version: 'v3.1.2' },
  'golangci/golangci-lint-action': { sha: '971e284b6050e8a5849b72094c50ab08da042db8', tag: 'v6', version: 'v6.1.1' },
  'docker/build-push-action': { sha: '48aba3b46d1b1fec4febb7c5d0c644b249a11355', tag: 'v6', version: 'v6.10.0' },
  'Swatinem/rust-cache': { sha: '82a92a6e8fbeee089604da2575dc567ae9ddeaab', tag: 'v2', version: 'v2.7.5' },
};

/** `uses:` value for an action under the given pinning style. */
function uses(action: string, pinning: Pinning): string {
  const ref = ACTIONS[action];
  if (!ref) throw new Error(`Unknown action ${action}`);
  if (pinning === 'sha') return `${action}@${ref.sha} # ${ref.version}`;
  return `${action}@${pinning === 'tag' ? ref.tag : 'main'}`;
}

const BUILD_STEPS: Record<Toolchain, (pin: Pinning) => string[]> = {
  node: (pin) => [
    `- uses: ${uses('actions/setup-node', pin)}\n  with:\n    node-version-file: .nvmrc\n    cache: npm`,
    '- run: npm ci',
    '- run: npm run lint',
    '- run: npm test',
    '- run: npm run build',
  ],
  go: (pin) => [
    `- uses: ${uses('actions/setup-go', pin)}\n  with:\n    go-version-file: go.mod`,
    `- uses: ${uses('golangci/golangci-lint-action', pin)}\n  with:\n    version: v1.62`,
    '- run: go test -race -coverprofile=coverage.out ./...',
  ],
  python: (pin) => [
    `- uses: ${uses('actions/setup-python', pin)}\n  with:\n    python-version: "3.12"\n    cache: pip`,
    '- run: pip install -e ".[dev]"',
    '- run: ruff check .',
    '- run: pytest --maxfail=1',
  ],
  rust: (pin) => [
    // dtolnay/rust-toolchain is pinned by its branch name on purpose: the branch *is* the toolchain.
    '- uses: dtolnay/rust-toolchain@stable\n  with:\n    components: clippy, rustfmt',
    `- uses: ${uses('Swatinem/rust-cache', pin)}`,
    '- run: cargo fmt --check',
    '- run: cargo clippy --all-targets -- -D warnings',
    '- run: cargo test --locked',
  ],
  maven: (pin) => [
    `- uses: ${uses('actions/setup-java', pin)}\n  with:\n    distribution: temurin\n    java-version: "21"\n    cache: maven`,
    '- run: ./mvnw -B verify',
  ],
  gradle: (pin) => [
    `- uses: ${uses('actions/setup-java', pin)}\n  with:\n    distribution: temurin\n    java-version: "8"`,
    '- run: ./gradlew build',
  ],
  terraform: (pin) => [
    `- uses: ${uses('hashicorp/setup-terraform', pin)}\n  with:\n    terraform_version: 1.9.8`,
    '- run: terraform fmt -check -recursive',
    '- run: terraform init -backend=false',
    '- run: terraform validate',
  ],
};

/** A GitHub Actions CI workflow running the toolchain's lint/test/build steps. */
export function githubWorkflow(
  toolchain: Toolchain,
  pinning: Pinning,
  options: { name?: string; docker?: string; permissions?: boolean } = {},
): string {
  const steps = [`- uses: ${uses('actions/checkout', pinning)}`, ...BUILD_STEPS[toolchain](pinning)];
  if (options.docker) {
    steps.push(
      `- uses: ${uses('docker/build-push-action', pinning)}\n  with:\n    context: .\n    push: \${{ github.ref == 'refs/heads/main' }}\n    tags: ghcr.io/acme/${options.docker}:\${{ github.sha }}`,
    );
  }
  const indent = (text: string) => text.replace(/^/gm, '      ');
  return `name: ${options.name ?? 'CI'}

on:
  push:
    branches: [main]
  pull_request:
${options.permissions ? '\npermissions:\n  contents: read\n' : ''}
jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 20
    steps:
${steps.map(indent).join('\n')}
`;
}

/** A fake but well-formed image digest, stable for a given image reference. */
export function imageDigest(image: string): string {
  return `sha256:${digest('sha256', image, 'hex')}`;
}

/** Renovate configuration extending Acme's shared preset. */
export function renovateConfig(extra: Record<string, unknown> = {}): string {
  return json({
    $schema: 'https://docs.renovatebot.com/renovate-schema.json',
    extends: ['config:recommended', 'helpers:pinGitHubActionDigests', 'local>acme/renovate-config'],
    schedule: ['before 6am on monday'],
    ...extra,
  });
}

/** Dependabot configuration for the given ecosystems, weekly. */
export function dependabotConfig(ecosystems: string[]): string {
  const updates = ecosystems.map(
    (ecosystem) =>
      `  - package-ecosystem: ${ecosystem}\n    directory: /\n    schedule:\n      interval: weekly\n    open-pull-requests-limit: 5`,
  );
  return `version: 2\nupdates:\n${updates.join('\n')}\n`;
}

/** A .gitignore for the toolchain. */
export function gitignore(toolchain: Toolchain): string {
  const common = ['.DS_Store', '.idea/', '.vscode/', '*.log', '.env', '.env.*'];
  const specific: Record<Toolchain, string[]> = {
    node: ['node_modules/', 'dist/', 'coverage/', '.astro/'],
    go: ['/bin/', 'coverage.out', '*.test'],
    python: ['__pycache__/', '*.py[cod]', '.venv/', '.pytest_cache/', '.ruff_cache/', 'dist/', '*.egg-info/'],
    rust: ['/target/'],
    maven: ['target/', '!.mvn/wrapper/maven-wrapper.jar'],
    gradle: ['.gradle/', 'build/', 'out/'],
    terraform: ['.terraform/', '*.tfstate', '*.tfstate.*', 'crash.log', '*.tfvars', '!example.tfvars'],
  };
  return `${[...specific[toolchain], ...common].join('\n')}\n`;
}

// ─── Small helpers ───────────────────────────────────────────────────────────

/** Pretty JSON with a final newline, as npm and editors write it. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `^4.21.1` → `4.21.1`. */
function exact(range: string): string {
  return range.replace(/^[\^~>=<\s]+/, '');
}

/** A stable digest of a label, for lockfile integrity fields and image digests. */
function digest(algorithm: 'sha256' | 'sha512', label: string, encoding: 'hex' | 'base64'): string {
  return createHash(algorithm).update(`acme-demo:${label}`).digest(encoding);
}

/** Text encoded as ISO-8859-1, for the "legacy file that is not UTF-8" case. */
export function latin1(text: string): Uint8Array {
  for (const char of text) if (char.charCodeAt(0) > 0xff) throw new Error(`${JSON.stringify(char)} has no Latin-1 encoding`);
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** A 16×16 PNG of a small cairn (three stacked stones), as committed bytes. */
export const LOGO_PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAOUlEQVR42mP4TyJgGCAN5o6BEESUBrhqrHqoYQNpfkBzD6Y9DARVo+mhzAYa+wGPB5C1UaCBVp4GAOT0YueO/csUAAAAAElFTkSuQmCC',
    'base64',
  ),
);
