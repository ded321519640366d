import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Facts } from '../../../collectors/facts/index.ts';
import type { Manifest } from '../../../collectors/facts/manifests.ts';
import { packageEcosystems } from '../../../collectors/checks/builtin/support/package-ecosystems.ts';
import { dependabotFix } from '../../../collectors/fixes/dependabot.ts';
import { repoFacts } from '../../helpers/check-context.ts';

/** One Dependabot entry per ecosystem found, in the folders its manifests (or their lockfile) are. */

const manifest = (ecosystem: Manifest['ecosystem'], path: string): Manifest => ({ ecosystem, path, dependencies: [] });

function facts(files: string[], overrides: Partial<Facts> = {}): Facts {
  return repoFacts({ files, ...overrides });
}

describe('dependabot fix', () => {
  it.each([
    [
      'npm at the root',
      facts(['package.json', 'package-lock.json'], { manifests: [manifest('npm', 'package.json')] }),
      [{ ecosystem: 'npm', dirs: [''] }],
    ],
    [
      'an npm workspace: members share the root lockfile',
      facts(['package.json', 'yarn.lock', 'packages/a/package.json', 'packages/b/package.json'], {
        manifests: [
          manifest('npm', 'package.json'),
          manifest('npm', 'packages/a/package.json'),
          manifest('npm', 'packages/b/package.json'),
        ],
      }),
      [{ ecosystem: 'npm', dirs: [''] }],
    ],
    [
      'npm packages with lockfiles of their own',
      facts(['web/package.json', 'web/package-lock.json', 'api/package.json', 'api/pnpm-lock.yaml'], {
        manifests: [manifest('npm', 'web/package.json'), manifest('npm', 'api/package.json')],
      }),
      [{ ecosystem: 'npm', dirs: ['api', 'web'] }],
    ],
    ['Bun', facts(['package.json', 'bun.lock'], { manifests: [manifest('npm', 'package.json')] }), [{ ecosystem: 'bun', dirs: [''] }]],
    [
      'pip',
      facts(['requirements.txt', 'docs/requirements.txt'], {
        manifests: [manifest('python', 'requirements.txt'), manifest('python', 'docs/requirements.txt')],
      }),
      [{ ecosystem: 'pip', dirs: ['', 'docs'] }],
    ],
    ['uv', facts(['pyproject.toml', 'uv.lock'], { manifests: [manifest('python', 'pyproject.toml')] }), [{ ecosystem: 'uv', dirs: [''] }]],
    [
      'Go modules',
      facts(['go.mod', 'tools/go.mod'], { manifests: [manifest('go', 'go.mod'), manifest('go', 'tools/go.mod')] }),
      [{ ecosystem: 'gomod', dirs: ['', 'tools'] }],
    ],
    [
      'a Cargo workspace',
      facts(['Cargo.toml', 'Cargo.lock', 'crates/a/Cargo.toml'], {
        manifests: [manifest('cargo', 'Cargo.toml'), manifest('cargo', 'crates/a/Cargo.toml')],
      }),
      [{ ecosystem: 'cargo', dirs: [''] }],
    ],
    [
      'a multi-module Maven build',
      facts(['pom.xml', 'core/pom.xml'], { manifests: [manifest('maven', 'pom.xml'), manifest('maven', 'core/pom.xml')] }),
      [{ ecosystem: 'maven', dirs: [''] }],
    ],
    [
      'a Gradle build with settings at the root',
      facts(['settings.gradle.kts', 'app/build.gradle.kts'], { manifests: [manifest('gradle', 'app/build.gradle.kts')] }),
      [{ ecosystem: 'gradle', dirs: [''] }],
    ],
    [
      'Bundler, Composer and NuGet',
      facts(['Gemfile', 'web/composer.json', 'src/App/App.csproj', 'App.sln']),
      [
        { ecosystem: 'bundler', dirs: [''] },
        { ecosystem: 'composer', dirs: ['web'] },
        { ecosystem: 'nuget', dirs: [''] },
      ],
    ],
    [
      'Dockerfiles and workflows',
      facts(['Dockerfile', 'worker/Dockerfile'], {
        dockerfiles: [{ path: 'Dockerfile' }, { path: 'worker/Dockerfile' }] as never,
        workflows: [{ path: '.github/workflows/ci.yml' }] as never,
      }),
      [
        { ecosystem: 'docker', dirs: ['', 'worker'] },
        { ecosystem: 'github-actions', dirs: [''] },
      ],
    ],
    [
      'vendored code and test fixtures',
      facts(['vendor/x/go.mod', 'test/fixtures/app/package.json', 'node_modules/a/package.json'], {
        manifests: [manifest('go', 'vendor/x/go.mod'), manifest('npm', 'test/fixtures/app/package.json')],
      }),
      [],
    ],
    ['nothing to update', facts(['README.md']), []],
  ])('%s', (_, repoFacts, expected) => {
    const { manifests = [], dockerfiles = [], workflows = [], files = [] } = repoFacts;
    expect(packageEcosystems({ manifests, dockerfiles, workflows, files })).toEqual(expected);
  });

  it('writes a weekly entry each, one folder as directory and several as directories', () => {
    const repo = facts(['go.mod', 'web/package.json', 'web/package-lock.json', 'admin/package.json', 'admin/package-lock.json'], {
      manifests: [manifest('go', 'go.mod'), manifest('npm', 'web/package.json'), manifest('npm', 'admin/package.json')],
    });
    const written = dependabotFix.suggest({
      entities: [],
      results: [],
      facts: repo,
      files: repo.files!,
      failing: new Map(),
      knownRefs: new Set(),
    })!;
    expect(parse(written.text)).toEqual({
      version: 2,
      updates: [
        { 'package-ecosystem': 'npm', directories: ['/admin', '/web'], schedule: { interval: 'weekly' } },
        { 'package-ecosystem': 'gomod', directory: '/', schedule: { interval: 'weekly' } },
      ],
    });
    expect(written.text.startsWith('# Dependabot opens pull requests')).toBe(true);
    expect(written.summary).toBe('Weekly Dependabot updates for npm (/admin, /web), gomod (/).');
  });

  it('nothing to write when there is nothing to update', () => {
    expect(
      dependabotFix.suggest({
        entities: [],
        results: [],
        facts: facts(['README.md']),
        files: ['README.md'],
        failing: new Map(),
        knownRefs: new Set(),
      }),
    ).toBeUndefined();
  });
});
