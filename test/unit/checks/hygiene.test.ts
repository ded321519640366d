import { gitignorePresent } from '../../../collectors/checks/builtin/gitignore-present.ts';
import { licenseAllowed } from '../../../collectors/checks/builtin/license-allowed.ts';
import { licensePresent } from '../../../collectors/checks/builtin/license-present.ts';
import { noCommittedDependencies } from '../../../collectors/checks/builtin/no-committed-dependencies.ts';
import { noLargeFiles } from '../../../collectors/checks/builtin/no-large-files.ts';
import type { Manifest } from '../../../collectors/facts/manifests.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

const MiB = 1024 * 1024;
const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };
const manifest = (path: string, license?: string): Manifest => ({ ecosystem: 'npm', path, dependencies: [], ...(license ? { license } : {}) });

describeCheck(licensePresent, [
  { name: 'recognised', input: { facts: repoFacts({ license: { path: 'LICENSE', spdxId: 'MIT' } }) }, outcome: 'pass', message: /MIT/, evidence: [{ path: 'LICENSE', note: 'MIT' }] },
  { name: 'unrecognised text', input: { facts: repoFacts({ license: { path: 'COPYING' } }) }, outcome: 'pass', message: /matches no common license/ },
  { name: 'none', input: { facts: repoFacts() }, outcome: 'fail' },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(licenseAllowed, [
  { name: 'MIT file', input: { facts: repoFacts({ license: { path: 'LICENSE', spdxId: 'MIT' } }) }, outcome: 'pass' },
  { name: 'GPL file', input: { facts: repoFacts({ license: { path: 'LICENSE', spdxId: 'GPL-3.0-only' } }) }, outcome: 'fail', evidence: [{ path: 'LICENSE', note: 'GPL-3.0-only' }] },
  { name: 'custom allow list, any case', input: { facts: repoFacts({ license: { path: 'LICENSE', spdxId: 'GPL-3.0-only' } }), options: { allow: ['gpl-3.0-only'] } }, outcome: 'pass' },
  { name: 'unrecognised file, manifest declares an allowed license', input: { facts: repoFacts({ license: { path: 'LICENSE' }, manifests: [manifest('package.json', 'Apache-2.0')] }) }, outcome: 'pass', message: /not a recognised license text, and package\.json declares Apache-2\.0/ },
  { name: 'OR expression with one allowed', input: { facts: repoFacts({ manifests: [manifest('package.json', '(GPL-2.0-only OR MIT)')] }) }, outcome: 'pass' },
  { name: 'AND expression needs both', input: { facts: repoFacts({ manifests: [manifest('package.json', 'MIT AND GPL-2.0-only')] }) }, outcome: 'fail' },
  { name: 'WITH exception and + suffix', input: { facts: repoFacts({ manifests: [manifest('package.json', 'Apache-2.0 WITH LLVM-exception OR BSD-3-Clause+')] }) }, outcome: 'pass' },
  { name: 'UNLICENSED (proprietary) is not on the default list', input: { facts: repoFacts({ manifests: [manifest('package.json', 'UNLICENSED')] }) }, outcome: 'fail' },
  { name: 'a malformed expression is one id', input: { facts: repoFacts({ manifests: [manifest('package.json', 'MIT OR')] }) }, outcome: 'fail' },
  { name: 'nested manifests do not speak for the repository', input: { facts: repoFacts({ manifests: [manifest('packages/a/package.json', 'MIT')] }) }, outcome: 'notApplicable' },
  { name: 'unrecognised file and no manifest license', input: { facts: repoFacts({ license: { path: 'LICENSE.txt' } }) }, outcome: 'fail', evidence: [{ path: 'LICENSE.txt' }] },
  { name: 'no license at all', input: { facts: repoFacts() }, outcome: 'notApplicable', message: /license-present/ },
]);

describeCheck(gitignorePresent, [
  { name: 'present', input: { facts: withFiles(['.gitignore']) }, outcome: 'pass', evidence: [{ path: '.gitignore' }] },
  { name: 'only nested', input: { facts: withFiles(['web/.gitignore']) }, outcome: 'fail' },
  { name: 'empty repository', input: { facts: withFiles([]) }, outcome: 'fail' },
]);

describeCheck(noLargeFiles, [
  { name: 'small files', input: { facts: repoFacts({ largeFiles: [{ path: 'a.png', bytes: 2 * MiB }] }) }, outcome: 'pass', message: /the largest is a\.png \(2\.0 MiB\)/ },
  {
    name: 'over the default 5 MiB',
    input: { facts: repoFacts({ largeFiles: [{ path: 'data/dump.sql', bytes: 40 * MiB }, { path: 'model.bin', bytes: 6 * MiB }, { path: 'a.png', bytes: MiB }] }) },
    outcome: 'fail',
    message: /^2 files are larger than 5\.0 MiB, the largest data\/dump\.sql \(40\.0 MiB\)/,
    evidence: [
      { path: 'data/dump.sql', note: '40.0 MiB' },
      { path: 'model.bin', note: '6.0 MiB' },
    ],
  },
  { name: 'maxBytes option', input: { facts: repoFacts({ largeFiles: [{ path: 'a.png', bytes: 2048 }] }), options: { maxBytes: 1024 } }, outcome: 'fail', message: /larger than 1 KiB/ },
  {
    name: 'all kept files too large: at least',
    input: { facts: repoFacts({ largeFiles: Array.from({ length: 20 }, (_, index) => ({ path: `f${index}`, bytes: 10 * MiB })) }) },
    outcome: 'fail',
    message: /^At least 20 files/,
  },
  { name: 'no files', input: { facts: repoFacts() }, outcome: 'pass', message: /tracks no files/ },
  { name: 'fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(noCommittedDependencies, [
  {
    name: 'node_modules and a virtualenv, outermost folders',
    input: { facts: withFiles(['node_modules/a/index.js', 'node_modules/a/node_modules/b/index.js', 'web/node_modules/c.js', 'tools/venv/pyvenv.cfg', 'tools/venv/lib/x.py', 'src/a.ts']) },
    outcome: 'fail',
    evidence: [
      { path: 'node_modules', note: '2 files' },
      { path: 'tools/venv', note: '2 files' },
      { path: 'web/node_modules', note: '1 file' },
    ],
  },
  { name: 'vendor/ is fine', input: { facts: withFiles(['vendor/github.com/x/y.go', 'src/node_modules_helper.ts']) }, outcome: 'pass' },
  { name: 'empty', input: { facts: withFiles([]) }, outcome: 'pass' },
]);
