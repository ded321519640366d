import picomatch from 'picomatch';
import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { EXCLUSION_LABELS, pathExclusion, skeletonFolders } from '../../facts/paths/project.ts';
import { capped, count } from './support/facts.ts';

/**
 * Compiled code and packages (OpenSSF Scorecard's Binary-Artifacts list, plus archives): executables,
 * libraries, bytecode, wheels, jars, installers and compressed bundles.
 */
const BINARY =
  /\.(exe|dll|so(\.\d+)*|dylib|a|o|lib|bin|elf|class|jar|war|ear|pyc|pyo|whl|egg|dex|apk|aab|ipa|msi|deb|rpm|crx|wasm|nupkg|gem|zip|7z|rar|tar|tgz|gz|bz2|xz|tar\.gz|tar\.bz2|tar\.xz)$/i;

export const noCommittedBinaries = defineCheck({
  id: 'no-committed-binaries',
  title: 'No committed binaries',
  category: 'security',
  description:
    'No compiled binaries, bytecode, packages or archives are committed (.exe, .dll, .so, .jar, .class, .pyc, .whl, .zip, .tar.gz …).',
  why: [
    'A binary in the repository cannot be reviewed: nobody can tell what it does or whether it matches its source, so it is an easy place to hide malicious code (OpenSSF Scorecard, Binary-Artifacts).',
    'Binaries also bloat every clone forever, even after they are deleted.',
  ].join(' '),
  fix: [
    'Build binaries in CI from source, and fetch third-party ones from a package registry with a pinned version and checksum. Then remove them and ignore their patterns:',
    '',
    '```sh',
    'git rm --cached lib/tool.jar',
    'echo "*.jar" >> .gitignore',
    '```',
    '',
    'The Gradle and Maven wrapper jars are allowed by default, and binaries in test fixtures and template skeletons are listed as ignored (`includeFixtures: true` judges them too); the `allow` option takes more globs.',
  ].join('\n'),
  effort: 'medium',
  severity: 'warning',
  options: z.object({
    allow: z
      .array(z.string().min(1))
      .default(['**/gradle/wrapper/gradle-wrapper.jar', '**/.mvn/wrapper/maven-wrapper.jar'])
      .describe('Globs of binaries that are allowed (matched against the path from the repository root).'),
    includeFixtures: z
      .boolean()
      .default(false)
      .describe(
        'Judge binaries in test fixtures (testdata/, fixtures/, tests/ …) and template skeletons too; by default they are left out, and listed as ignored.',
      ),
  }),
  needs: ['files'],
  run(context) {
    const { files } = context.facts;
    const allowed = context.options.allow.length > 0 ? picomatch(context.options.allow, { dot: true }) : () => false;
    const skeletons = skeletonFolders(files);
    const candidates = files
      .filter((path) => BINARY.test(path) && !allowed(path))
      .map((path) => ({ path, excluded: context.options.includeFixtures ? undefined : pathExclusion(path, skeletons) }));
    const binaries = candidates.filter((candidate) => !candidate.excluded).map((candidate) => candidate.path);
    const ignored = candidates.filter((candidate) => candidate.excluded);
    const ignoredEvidence = ignored.map(({ path, excluded }) => ({
      path,
      note: `ignored: ${EXCLUSION_LABELS[excluded!.reason]}, ${excluded!.detail}`,
    }));
    const ignoredNote = ignored.length > 0 ? ` (${count(ignored.length, 'file')} in test fixtures or template skeletons ignored)` : '';
    if (binaries.length === 0)
      return pass(`No compiled binaries, packages or archives are committed${ignoredNote}.`, capped(ignoredEvidence));
    return fail(
      `${count(binaries.length, 'binary file')} ${binaries.length === 1 ? 'is' : 'are'} committed, e.g. ${binaries.slice(0, 3).join(', ')}${ignoredNote}.`,
      capped([...binaries.map((path) => ({ path })), ...ignoredEvidence]),
    );
  },
});
