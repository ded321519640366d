import { describe, expect, it } from 'vitest';
import {
  descriptorsGiveNothing,
  inferComponent,
  inferDescription,
  inferLinks,
  onlyLocations,
  inferType,
  ownerFromCodeowners,
  toEntityName,
  toTag,
  UNKNOWN_OWNER,
} from '../../../collectors/catalog/infer.ts';
import { validateEntity } from '../../../collectors/catalog/validate.ts';
import type { Facts } from '../../../collectors/facts/index.ts';

const readme = (summary?: string): NonNullable<Facts['readme']> => ({
  path: 'README.md',
  ...(summary ? { summary } : {}),
  headings: [],
  words: 10,
});
type Manifest = NonNullable<Facts['manifests']>[number];
const manifest = (path: string, description?: string, more: Partial<Manifest> = {}): Manifest => ({
  ecosystem: 'npm',
  path,
  ...(description ? { description } : {}),
  dependencies: [],
  ...more,
});
const codeowners = (...catchAll: string[]): NonNullable<Facts['codeowners']> => ({
  path: '.github/CODEOWNERS',
  rules: [{ pattern: '*', owners: catchAll, line: 1 }],
  ...(catchAll.length ? { catchAll } : {}),
});
type Dockerfile = NonNullable<Facts['dockerfiles']>[number];
const dockerfile = (path: string, more: Partial<Dockerfile> = {}): Dockerfile => ({ path, from: [], users: [], adds: [], ...more });
const exposing = (path: string, ...ports: string[]) => dockerfile(path, { exposes: [{ ports, line: 3 }] });
const running = (path: string, command: string, instruction: 'cmd' | 'entrypoint' = 'cmd') =>
  dockerfile(path, { [instruction]: { command, line: 4 } });
const language = (name: string): NonNullable<Facts['languages']>[number] => ({ name, bytes: 100, share: 1 });

describe('toEntityName', () => {
  it.each([
    ['payments', 'payments'],
    ['Payments-API', 'payments-api'],
    ['my repo (old)', 'my-repo-old'],
    ['.github', 'github'],
    ['__init__', 'init'],
    ['café-service', 'caf-service'],
    ['a'.repeat(70), 'a'.repeat(63)],
    [`${'a'.repeat(62)}-b`, 'a'.repeat(62)],
    ['---', 'unnamed'],
  ])('%s → %s', (input, expected) => {
    expect(toEntityName(input)).toBe(expected);
  });
});

describe('toTag', () => {
  it.each([
    ['TypeScript', 'typescript'],
    ['C++', 'c++'],
    ['C#', 'c#'],
    ['Vim Script', 'vim-script'],
    ['Objective-C', 'objective-c'],
    ['Jupyter Notebook', 'jupyter-notebook'],
    ["Ren'Py", 'ren-py'],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(toTag(input)).toBe(expected);
  });
});

describe('ownerFromCodeowners', () => {
  it.each([
    { owners: ['@acme/data'], expected: 'group:default/data' },
    { owners: ['@alice'], expected: 'user:default/alice' },
    { owners: ['@Acme/Platform-Team'], expected: 'group:default/platform-team' },
    { owners: ['alice@example.com'], expected: undefined },
    { owners: ['alice@example.com', '@acme/data'], expected: 'group:default/data' },
    { owners: ['@acme/a/b'], expected: 'group:default/a-b' },
    { owners: [], expected: undefined },
  ])('$owners → $expected', ({ owners, expected }) => {
    expect(ownerFromCodeowners(owners)).toBe(expected);
  });
});

describe('inferComponent', () => {
  it.each<{
    name: string;
    facts: Facts;
    description?: string;
    type: string;
    reason: string;
    owner: string;
    tags?: string[];
    problems: number;
  }>([
    {
      name: 'bare repository',
      facts: {},
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
      owner: UNKNOWN_OWNER,
      problems: 1,
    },
    {
      name: 'service with a README, a manifest and a team',
      facts: {
        readme: readme('Takes payments.'),
        dockerfiles: [exposing('Dockerfile', '8080')],
        manifests: [manifest('package.json', 'Payment API')],
        codeowners: codeowners('@acme/payments'),
        languages: [language('Go'), language('Shell')],
      },
      description: 'Payment API',
      type: 'service',
      reason: 'Dockerfile with EXPOSE 8080',
      owner: 'group:default/payments',
      tags: ['go'],
      problems: 0,
    },
    {
      name: 'library: description from the root manifest before a nested one',
      facts: {
        readme: readme(),
        manifests: [
          manifest('examples/demo/package.json', 'the demo'),
          manifest('package.json', 'the library', { artifact: 'library', artifactSignal: 'exports' }),
        ],
        codeowners: codeowners('@alice'),
      },
      description: 'the library',
      type: 'library',
      reason: 'package.json builds a library (exports)',
      owner: 'user:default/alice',
      problems: 0,
    },
    {
      name: 'email-only CODEOWNERS: no owner known',
      facts: { codeowners: codeowners('alice@example.com'), languages: [language('C++')] },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
      owner: UNKNOWN_OWNER,
      tags: ['c++'],
      problems: 1,
    },
  ])('$name', async ({ facts, description, type, reason, owner, tags, problems }) => {
    const inferred = inferComponent({ name: 'Payments Service', facts });
    expect(inferred.data).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments-service',
        ...(description ? { description } : {}),
        ...(tags ? { tags } : {}),
        annotations: { 'cairn.dev/inferred': 'true', 'cairn.dev/inferred-type-reason': reason },
      },
      spec: { type, lifecycle: 'unknown', owner },
    });
    expect(inferred.problems).toHaveLength(problems);
    // Inferred entities must pass the same validation as declared ones.
    expect(await validateEntity(inferred.data)).toMatchObject({ ok: true });
  });

  it('points the no-owner problem at the CODEOWNERS file when there is one', () => {
    expect(inferComponent({ name: 'x', facts: { codeowners: codeowners('ops@example.com') } }).problems).toEqual([
      { severity: 'warning', file: '.github/CODEOWNERS', message: expect.stringContaining('No owner is known for x') },
    ]);
  });
});

describe('inferType', () => {
  const library = (path: string, artifactSignal: string, more: Partial<Manifest> = {}) =>
    manifest(path, undefined, { artifact: 'library', artifactSignal, ...more });
  const application = (path: string, artifactSignal: string, more: Partial<Manifest> = {}) =>
    manifest(path, undefined, { artifact: 'application', artifactSignal, ...more });
  it.each<{ name: string; facts: Facts; type: string; reason: string }>([
    // template
    {
      name: 'Cookiecutter',
      facts: {
        files: ['cookiecutter.json', '{{cookiecutter.name}}/Dockerfile'],
        dockerfiles: [exposing('{{cookiecutter.name}}/Dockerfile', '80')],
      },
      type: 'template',
      reason: 'cookiecutter.json: a Cookiecutter template',
    },
    {
      name: 'Copier',
      facts: { files: ['copier.yml', 'template/README.md.jinja'] },
      type: 'template',
      reason: 'copier.yml: a Copier template',
    },
    {
      name: 'Backstage template with a skeleton',
      facts: { files: ['node-api/template.yaml', 'node-api/skeleton/package.json'] },
      type: 'template',
      reason: 'node-api/template.yaml with a skeleton: a Backstage software template',
    },
    // service
    {
      name: 'root Dockerfile with EXPOSE',
      facts: { files: ['Dockerfile'], dockerfiles: [exposing('Dockerfile', '8080', '9090/tcp')] },
      type: 'service',
      reason: 'Dockerfile with EXPOSE 8080 9090/tcp',
    },
    {
      name: 'app-level Dockerfile in src/',
      facts: { dockerfiles: [exposing('src/web/Dockerfile', '80')] },
      type: 'service',
      reason: 'src/web/Dockerfile with EXPOSE 80',
    },
    {
      name: 'Dockerfile running node behind an init',
      facts: { dockerfiles: [running('Dockerfile', 'dumb-init node dist/run.js')] },
      type: 'service',
      reason: 'Dockerfile runs a server (dumb-init node dist/run.js)',
    },
    {
      name: 'Dockerfile running gunicorn through sh -c',
      facts: { dockerfiles: [running('Dockerfile', 'sh -c "gunicorn app:wsgi --bind 0.0.0.0:$PORT"')] },
      type: 'service',
      reason: 'Dockerfile runs a server (sh -c "gunicorn app:wsgi --bind 0.0.0.0:$PORT")',
    },
    {
      name: 'Dockerfile running npm start',
      facts: { dockerfiles: [running('api/Dockerfile', 'npm run start')] },
      type: 'service',
      reason: 'api/Dockerfile runs a server (npm run start)',
    },
    {
      name: 'Dockerfile running java -jar',
      facts: { dockerfiles: [running('Dockerfile', 'java -XX:+UseZGC -jar /app.jar', 'entrypoint')] },
      type: 'service',
      reason: 'Dockerfile runs a server (java -XX:+UseZGC -jar /app.jar)',
    },
    {
      name: 'a CLI image is not a server',
      facts: {
        dockerfiles: [running('Dockerfile', '/usr/local/bin/linter', 'entrypoint')],
        manifests: [application('go.mod', 'package main')],
      },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'a Dockerfile with neither EXPOSE nor CMD deploys nothing',
      facts: { dockerfiles: [dockerfile('Dockerfile')], languages: [language('Dockerfile')], readme: readme('A tutorial.') },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'development, CI, docs, test and tooling Dockerfiles do not make a service',
      facts: {
        dockerfiles: [
          exposing('.devcontainer/Dockerfile', '3000'),
          exposing('.github/actions/lint/Dockerfile', '1'),
          exposing('docs/Dockerfile', '8000'),
          running('scripts/docker/Dockerfile', 'node x.js'),
          exposing('tests/e2e/Dockerfile', '80'),
          exposing('Dockerfile.dev', '3000'),
          exposing('examples/app/Dockerfile', '80'),
        ],
        manifests: [library('pyproject.toml', '[build-system] hatchling.build')],
      },
      type: 'library',
      reason: 'pyproject.toml builds a library ([build-system] hatchling.build)',
    },
    {
      name: 'Spring Boot web application',
      facts: {
        manifests: [
          application('pom.xml', 'spring-boot-maven-plugin', {
            ecosystem: 'maven',
            framework: 'spring-boot',
            dependencies: ['org.springframework.boot:spring-boot-starter-data-jpa', 'org.springframework.boot:spring-boot-starter-web'],
          }),
        ],
      },
      type: 'service',
      reason: 'Spring Boot web application (pom.xml: spring-boot-starter-web)',
    },
    {
      name: 'Spring Boot without a web starter is not a service',
      facts: {
        manifests: [
          application('pom.xml', 'spring-boot-maven-plugin', {
            ecosystem: 'maven',
            framework: 'spring-boot',
            dependencies: ['org.springframework.boot:spring-boot-starter-data-jpa'],
          }),
        ],
        languages: [language('Java')],
      },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'Procfile',
      facts: { files: ['Procfile', 'manage.py'], manifests: [manifest('requirements.txt')] },
      type: 'service',
      reason: 'Procfile declares the processes to run',
    },
    {
      name: 'Azure Developer CLI app',
      facts: { files: ['azure.yaml', 'infra/main.bicep'] },
      type: 'service',
      reason: 'azure.yaml defines an Azure Developer CLI application',
    },
    { name: 'fly.toml', facts: { files: ['fly.toml'] }, type: 'service', reason: 'fly.toml defines a Fly.io application' },
    {
      name: 'own Helm chart beside the code',
      facts: { files: ['chart/Chart.yaml', 'chart/values.yaml', 'go.mod'], manifests: [library('go.mod', 'package api')] },
      type: 'service',
      reason: 'Helm chart chart/Chart.yaml',
    },
    {
      name: 'Kubernetes manifests',
      facts: { files: ['k8s/app.yml', 'k8s/db.yml', 'pom.xml'], manifests: [library('pom.xml', 'jar packaging', { ecosystem: 'maven' })] },
      type: 'service',
      reason: 'Kubernetes manifests in k8s/',
    },
    {
      name: 'a kustomization',
      facts: { files: ['deploy/overlays/prod/kustomization.yaml'] },
      type: 'service',
      reason: 'Kubernetes manifests in deploy/overlays/prod/',
    },
    {
      name: 'Kubernetes examples are not a deployment',
      facts: { files: ['examples/k8s/app.yml'], manifests: [library('package.json', 'exports')] },
      type: 'library',
      reason: 'package.json builds a library (exports)',
    },
    // library
    {
      name: 'Rust library crate',
      facts: { manifests: [library('Cargo.toml', 'src/lib.rs', { ecosystem: 'cargo' }), manifest('fuzz/Cargo.toml')] },
      type: 'library',
      reason: 'Cargo.toml builds a library (src/lib.rs)',
    },
    {
      name: 'Go module whose root package is not main',
      facts: { manifests: [library('go.mod', 'package router', { ecosystem: 'go' })] },
      type: 'library',
      reason: 'go.mod builds a library (package router)',
    },
    {
      name: 'Go command',
      facts: { manifests: [application('go.mod', 'package main', { ecosystem: 'go' })], languages: [language('Go')] },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'private package.json is not published',
      facts: { manifests: [manifest('package.json', undefined, { private: true })], languages: [language('TypeScript')] },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'a workspace of published packages',
      facts: {
        manifests: [
          manifest('package.json', undefined, { private: true }),
          library('packages/core/package.json', 'exports'),
          manifest('examples/app/package.json', undefined, { artifact: 'application' }),
        ],
      },
      type: 'library',
      reason: 'packages/core/package.json builds a library (exports)',
    },
    {
      name: 'Spring Boot apps beside a jar are not a library',
      facts: {
        manifests: [
          application('app/pom.xml', 'spring-boot-maven-plugin', { ecosystem: 'maven' }),
          library('common/pom.xml', 'jar packaging', { ecosystem: 'maven' }),
        ],
        languages: [language('Java')],
      },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'a chart repository has no application of its own',
      facts: { files: ['charts/db/Chart.yaml', 'charts/web/Chart.yaml', 'ct.yaml'] },
      type: 'other',
      reason: 'a Helm chart repository (charts/db, charts/web) without an application of its own',
    },
    {
      name: 'a library with its own MkDocs site stays a library',
      facts: {
        files: ['mkdocs.yml', 'pyproject.toml'],
        manifests: [library('pyproject.toml', '[build-system] pdm.backend', { ecosystem: 'python' })],
      },
      type: 'library',
      reason: 'pyproject.toml builds a library ([build-system] pdm.backend)',
    },
    // website
    {
      name: 'MkDocs only',
      facts: { files: ['mkdocs.yml', 'docs/index.md'], languages: [] },
      type: 'website',
      reason: 'mkdocs.yml builds a static site (MkDocs)',
    },
    {
      name: 'Docusaurus in a private package',
      facts: { files: ['docusaurus.config.ts', 'package.json'], manifests: [manifest('package.json', undefined, { private: true })] },
      type: 'website',
      reason: 'docusaurus.config.ts builds a static site (Docusaurus)',
    },
    // documentation
    {
      name: 'no source code and a long README',
      facts: {
        files: ['README.md', 'Dockerfile'],
        languages: [language('Dockerfile')],
        readme: { path: 'README.md', headings: [], words: 1800 },
      },
      type: 'documentation',
      reason: 'no source code; the README (1800 words) is the content',
    },
    {
      name: 'no source code and a docs folder',
      facts: { files: ['README.md', 'docs/guide.md'], languages: [], readme: readme('Guides.') },
      type: 'documentation',
      reason: 'no source code; the docs folder is the content',
    },
    {
      name: 'a guide: a long README, no build at the root, code in sub-projects',
      facts: {
        files: ['README.adoc', 'complete/pom.xml', 'initial/pom.xml'],
        manifests: [
          application('complete/pom.xml', 'spring-boot-maven-plugin'),
          application('initial/pom.xml', 'spring-boot-maven-plugin'),
        ],
        languages: [language('Java')],
        readme: { path: 'README.adoc', headings: [], words: 900 },
      },
      type: 'documentation',
      reason: 'the README (900 words) is the content; the code sits in sub-projects (complete, initial) and the root has no build',
    },
    {
      name: 'a short README over sub-projects is not a guide',
      facts: {
        files: ['README.md', 'a/pom.xml'],
        manifests: [application('a/pom.xml', 'war packaging')],
        languages: [language('Java')],
        readme: readme('Snippets.'),
      },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'a long README beside a root build is not a guide',
      facts: {
        files: ['README.md', 'pom.xml', 'app/pom.xml'],
        manifests: [manifest('pom.xml', undefined, { ecosystem: 'maven' }), application('app/pom.xml', 'war packaging')],
        languages: [language('Java')],
        readme: { path: 'README.md', headings: [], words: 3000 },
      },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
    {
      name: 'source code is not documentation',
      facts: { files: ['README.md', 'docs/guide.md', 'Jenkinsfile'], languages: [language('Groovy')], readme: readme('Snippets.') },
      type: 'other',
      reason: 'no deployable, published package, site generator, template or documentation signal',
    },
  ])('$name → $type', ({ facts, type, reason }) => {
    expect(inferType(facts)).toEqual({ type, reason });
  });
});

describe('inferDescription', () => {
  it.each<{ name: string; facts: Facts; expected: string | undefined }>([
    {
      name: 'the root manifest first',
      facts: { readme: readme('From the README.'), manifests: [manifest('package.json', 'From the manifest')] },
      expected: 'From the manifest',
    },
    {
      name: 'the README when no root manifest has one',
      facts: { readme: readme('From the README.'), manifests: [manifest('package.json'), manifest('api/package.json', 'The API')] },
      expected: 'From the README.',
    },
    {
      name: 'a generator default is no description',
      facts: { readme: readme('A petshop.'), manifests: [manifest('pom.xml', 'Demo project for Spring Boot')] },
      expected: 'A petshop.',
    },
    {
      name: 'the one nested package when nothing else says',
      facts: { manifests: [manifest('api/package.json', 'The API'), manifest('tests/package.json', 'Test harness')] },
      expected: 'The API',
    },
    {
      name: 'several nested packages: no guess',
      facts: { manifests: [manifest('api/package.json', 'The API'), manifest('web/package.json', 'The web app')] },
      expected: undefined,
    },
    {
      name: 'the manifest comes first even in a tutorial',
      facts: { readme: readme('A hands-on tutorial.'), manifests: [manifest('package.json', 'A package.json for the exercises')] },
      expected: 'A package.json for the exercises',
    },
    { name: 'nothing', facts: {}, expected: undefined },
  ])('$name', ({ facts, expected }) => {
    expect(inferDescription(facts)).toBe(expected);
  });
});

describe('inferLinks', () => {
  const home = (url: string, title = 'Homepage') => ({ links: [{ title, url }] });
  it.each<{ name: string; facts: Facts; expected: unknown }>([
    {
      name: "the root manifests', each URL once",
      facts: {
        manifests: [
          manifest('package.json', undefined, {
            links: [
              { title: 'Homepage', url: 'https://a.dev' },
              { title: 'Issues', url: 'https://a.dev/issues' },
            ],
          }),
          manifest('pyproject.toml', undefined, home('https://a.dev', 'Documentation')),
          manifest('api/package.json', undefined, home('https://api.a.dev')),
        ],
      },
      expected: [
        { url: 'https://a.dev', title: 'Homepage' },
        { url: 'https://a.dev/issues', title: 'Issues' },
      ],
    },
    {
      name: 'the one nested package outside samples and tests, when the root names none',
      facts: {
        manifests: [
          manifest('package.json'),
          manifest('api/package.json', undefined, home('https://api.a.dev')),
          manifest('examples/x/package.json', undefined, home('https://x.dev')),
        ],
      },
      expected: [{ url: 'https://api.a.dev', title: 'Homepage' }],
    },
    {
      name: 'several nested packages: no guess',
      facts: {
        manifests: [
          manifest('api/package.json', undefined, home('https://api.a.dev')),
          manifest('web/package.json', undefined, home('https://web.a.dev')),
        ],
      },
      expected: [],
    },
    { name: 'nothing', facts: {}, expected: [] },
  ])('$name', ({ facts, expected }) => {
    expect(inferLinks(facts)).toEqual(expected);
  });

  it("gives an inferred entity its links, which Backstage's validation accepts", async () => {
    const { data } = inferComponent({
      name: 'typer',
      facts: { manifests: [manifest('pyproject.toml', 'CLIs', home('https://typer.tiangolo.com', 'Documentation'))] },
    });
    expect((data.metadata as Record<string, unknown>).links).toEqual([{ url: 'https://typer.tiangolo.com', title: 'Documentation' }]);
    expect(await validateEntity(data)).toMatchObject({ ok: true });
  });
});

describe('descriptors that only point elsewhere', () => {
  const location = (spec: Record<string, unknown>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'l' },
    spec,
  });
  const component = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'c' }, spec: {} };
  const descriptors = (...data: unknown[]) => ({
    files: ['catalog-info.yaml'],
    documents: data.map((entry, index) => ({ file: 'catalog-info.yaml', line: 1 + index * 10, data: entry })),
  });

  it.each([
    ['no descriptors', undefined, undefined, 'catalog-info.yaml gives no entity'],
    ['a file without documents', descriptors(), undefined, 'catalog-info.yaml gives no entity'],
    [
      'a Component beside a Location',
      descriptors(location({ target: './a.yaml' }), component),
      undefined,
      'catalog-info.yaml gives no entity',
    ],
    [
      'a Location, its target and targets',
      descriptors(location({ target: './a.yaml', targets: ['./b/*.yaml', 42] })),
      [{ file: 'catalog-info.yaml', line: 1, targets: ['./a.yaml', './b/*.yaml'] }],
      'catalog-info.yaml holds only a Location, whose targets (./a.yaml, ./b/*.yaml) give no entity',
    ],
    [
      'two Locations, one without targets, beside a document that is no entity',
      descriptors(location({}), 'just text', location({ targets: ['./a.yaml'] })),
      [
        { file: 'catalog-info.yaml', line: 1, targets: [] },
        { file: 'catalog-info.yaml', line: 21, targets: ['./a.yaml'] },
      ],
      'catalog-info.yaml holds only Locations, whose targets (./a.yaml) give no entity',
    ],
  ])('%s', (_name, given, locations, phrase) => {
    expect(onlyLocations(given)).toEqual(locations);
    expect(descriptorsGiveNothing(given)).toBe(phrase);
  });
});
