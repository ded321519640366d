import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import type { Manifest } from '../../facts/manifests.ts';
import { listOf } from './support/facts.ts';
import { AUXILIARY, dirOf, findUp, VENDORED } from './support/paths.ts';

/** Version files that pin each ecosystem's runtime, looked up from a manifest's folder to the root. */
const PIN_FILES: Record<Manifest['ecosystem'], string[]> = {
  npm: ['.nvmrc', '.node-version', '.tool-versions', '.mise.toml', 'mise.toml'],
  go: ['.go-version', '.tool-versions'],
  python: ['.python-version', '.tool-versions', 'runtime.txt', '.mise.toml', 'mise.toml'],
  cargo: ['rust-toolchain.toml', 'rust-toolchain'],
  maven: ['.java-version', '.sdkmanrc', '.tool-versions'],
  gradle: ['.java-version', '.sdkmanrc', '.tool-versions'],
  ruby: ['.ruby-version', '.tool-versions', '.mise.toml', 'mise.toml'],
};

/** Where the manifest itself declares the runtime, for the messages. */
const MANIFEST_FIELD: Record<Manifest['ecosystem'], string> = {
  npm: 'engines.node',
  go: 'the go directive',
  python: 'requires-python',
  cargo: 'rust-version',
  maven: 'maven.compiler.release (or java.version)',
  gradle: 'a Java toolchain',
  ruby: 'required_ruby_version',
};

export const runtimePinned = defineCheck({
  id: 'runtime-pinned',
  title: 'Runtime version declared',
  category: 'build',
  description:
    'Each ecosystem in the repository declares its runtime version: .nvmrc/.node-version/engines.node, the go directive, .python-version/requires-python, rust-toolchain/rust-version, the Java release or toolchain.',
  why: 'Code that works on one Node, Python or Java version can break on the next. Declaring the version makes laptops, CI and production run the same one, and makes the upgrade a visible, reviewed change.',
  fix: [
    'Declare the version where your tools read it:',
    '',
    '- Node: `.nvmrc` containing `22`, or `"engines": { "node": ">=22 <23" }` in package.json',
    '- Python: `.python-version` containing `3.12`, or `requires-python = ">=3.12"` in pyproject.toml',
    '- Rust: `rust-toolchain.toml` with `[toolchain] channel = "1.85"`, or `rust-version` in Cargo.toml',
    '- Java: `<maven.compiler.release>21</maven.compiler.release>`, or `java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }`',
    '- Go: the `go 1.24` line of go.mod',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['manifests', 'files'],
  run(context) {
    const files = new Set(context.facts.files);
    const manifests = context.facts.manifests.filter((manifest) => !VENDORED.test(manifest.path));
    if (manifests.length === 0) return notApplicable('No package manifest, so no runtime to declare.');
    const ecosystems = [...new Set(manifests.map((manifest) => manifest.ecosystem))];
    const pinned: Evidence[] = [];
    const unpinned: Evidence[] = [];
    const unpinnedEcosystems: string[] = [];
    for (const ecosystem of ecosystems) {
      // The ecosystem's top manifests speak for it: an example's package.json nested below the root one
      // does not, nor a test harness's above the application's (tests/package.json beside src/api/).
      const all = manifests.filter((manifest) => manifest.ecosystem === ecosystem);
      const project = all.filter((manifest) => !AUXILIARY.test(manifest.path));
      const own = shallowest(project.length > 0 ? project : all);
      const declared = own.find((manifest) => manifest.runtime);
      if (declared) {
        pinned.push({
          path: declared.path,
          note: `${ecosystem}: ${declared.runtimeField ?? MANIFEST_FIELD[ecosystem]} ${declared.runtime}`,
        });
        continue;
      }
      const file = own.map((manifest) => findUp(files, dirOf(manifest.path), PIN_FILES[ecosystem])).find(Boolean);
      if (file) pinned.push({ path: file, note: `${ecosystem}: ${file}` });
      else {
        unpinnedEcosystems.push(ecosystem);
        unpinned.push({
          path: own[0]!.path,
          note: `${ecosystem}: no ${MANIFEST_FIELD[ecosystem]} and no ${PIN_FILES[ecosystem].join(' / ')}`,
        });
      }
    }
    if (unpinned.length > 0) return fail(`No runtime version declared for ${listOf(unpinnedEcosystems)}.`, [...unpinned, ...pinned]);
    return pass(`Runtime versions are declared for ${listOf(ecosystems)}.`, pinned);
  },
});

/** The manifests nearest the root: the root's own, else those of the highest folders that have one. */
function shallowest(manifests: readonly Manifest[]): Manifest[] {
  const depth = (manifest: Manifest) => manifest.path.split('/').length;
  const least = Math.min(...manifests.map(depth));
  return manifests.filter((manifest) => depth(manifest) === least);
}
