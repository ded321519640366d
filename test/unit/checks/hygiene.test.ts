import { gitignorePresent } from '../../../collectors/checks/builtin/gitignore-present.ts';
import { licenseAllowed } from '../../../collectors/checks/builtin/license-allowed.ts';
import { licensePresent } from '../../../collectors/checks/builtin/license-present.ts';
import { noCommittedDependencies } from '../../../collectors/checks/builtin/no-committed-dependencies.ts';
import { noLargeFiles } from '../../../collectors/checks/builtin/no-large-files.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

const MiB = 1024 * 1024;
const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };
type License = NonNullable<Facts['license']>;
const licenseFacts = (license: Partial<License>) => repoFacts({ license: { expressionFrom: [], files: [], sources: [], ...license } });
const file = (path: string, spdxId?: string, extra: Partial<License['files'][number]> = {}) => ({
  path,
  ...(spdxId ? { spdxId } : {}),
  ...extra,
});
const declared = (path: string, text: string, expression?: string): License['sources'][number] => ({
  path,
  kind: 'manifest',
  line: 3,
  declared: text,
  ...(expression ? { expression } : {}),
});

describeCheck(licensePresent, [
  {
    name: 'recognised',
    input: { facts: licenseFacts({ expression: 'MIT', expressionFrom: ['LICENSE'], files: [file('LICENSE', 'MIT')] }) },
    outcome: 'pass',
    message: /LICENSE gives the license MIT/,
    evidence: [{ path: 'LICENSE', note: 'MIT' }],
  },
  {
    name: 'dual license: every file named with what it says',
    input: {
      facts: licenseFacts({
        expression: 'Unlicense OR MIT',
        files: [file('COPYING', undefined, { pointer: true }), file('LICENSE-MIT', 'MIT'), file('UNLICENSE', 'Unlicense')],
        sources: [declared('Cargo.toml', 'Unlicense/MIT', 'Unlicense OR MIT')],
      }),
    },
    outcome: 'pass',
    message: 'COPYING, LICENSE-MIT and UNLICENSE give the license Unlicense OR MIT.',
    evidence: [
      { path: 'COPYING', note: 'points to the license files' },
      { path: 'LICENSE-MIT', note: 'MIT' },
      { path: 'UNLICENSE', note: 'Unlicense' },
      { path: 'Cargo.toml', line: 3, note: 'license: Unlicense/MIT' },
    ],
  },
  {
    name: 'a scoped file says what it covers',
    input: {
      facts: licenseFacts({
        expression: 'Apache-2.0',
        files: [file('LICENSE.txt', 'Apache-2.0'), file('LICENSE.writing.txt', 'CC-BY-ND-3.0', { scope: 'writing' })],
      }),
    },
    outcome: 'pass',
    evidence: [
      { path: 'LICENSE.txt', note: 'Apache-2.0' },
      { path: 'LICENSE.writing.txt', note: 'CC-BY-ND-3.0, for writing only' },
    ],
  },
  {
    name: 'unrecognised text',
    input: { facts: licenseFacts({ files: [file('COPYING')] }) },
    outcome: 'pass',
    message: /matches no common license/,
  },
  {
    name: 'only a manifest declares one',
    input: { facts: licenseFacts({ expression: 'MIT', sources: [declared('package.json', 'MIT', 'MIT')] }) },
    outcome: 'fail',
    message: /package\.json declares MIT, but the license text is not in the repository/,
    evidence: [{ path: 'package.json', line: 3, note: 'license: MIT' }],
  },
  { name: 'none', input: { facts: repoFacts() }, outcome: 'fail' },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(licenseAllowed, [
  {
    name: 'MIT file',
    input: { facts: licenseFacts({ expression: 'MIT', expressionFrom: ['LICENSE'], files: [file('LICENSE', 'MIT')] }) },
    outcome: 'pass',
    evidence: [{ path: 'LICENSE', note: 'MIT' }],
  },
  {
    name: 'GPL file',
    input: { facts: licenseFacts({ expression: 'GPL-3.0-only', expressionFrom: ['LICENSE'], files: [file('LICENSE', 'GPL-3.0-only')] }) },
    outcome: 'fail',
    evidence: [{ path: 'LICENSE', note: 'GPL-3.0-only' }],
  },
  {
    name: 'custom allow list, any case',
    input: { facts: licenseFacts({ expression: 'GPL-3.0-only' }), options: { allow: ['gpl-3.0-only'] } },
    outcome: 'pass',
  },
  {
    name: 'dual license passes when one side is allowed; evidence names the texts and the statement',
    input: {
      facts: licenseFacts({
        expression: 'MIT OR Apache-2.0',
        expressionFrom: ['LICENSE-APACHE', 'LICENSE-MIT', 'Cargo.toml'],
        files: [file('LICENSE-APACHE', 'Apache-2.0'), file('LICENSE-MIT', 'MIT')],
        sources: [declared('Cargo.toml', 'MIT OR Apache-2.0', 'MIT OR Apache-2.0')],
      }),
      options: { allow: ['MIT'] },
    },
    outcome: 'pass',
    message: 'The license is MIT OR Apache-2.0, which the allowed licenses satisfy.',
    evidence: [
      { path: 'LICENSE-APACHE', note: 'Apache-2.0' },
      { path: 'LICENSE-MIT', note: 'MIT' },
      { path: 'Cargo.toml', line: 3, note: 'license: MIT OR Apache-2.0' },
    ],
  },
  {
    name: "a text for the writing does not fail the code's license",
    input: {
      facts: licenseFacts({
        expression: 'Apache-2.0 AND CC-BY-ND-3.0',
        expressionFrom: ['LICENSE.txt', 'LICENSE.writing.txt'],
        files: [file('LICENSE.txt', 'Apache-2.0'), file('LICENSE.writing.txt', 'CC-BY-ND-3.0', { scope: 'writing' })],
      }),
    },
    outcome: 'pass',
    message:
      "The code's license is allowed; LICENSE.writing.txt licenses the writing under CC-BY-ND-3.0, which is not on the allowed list but covers no code (the whole: Apache-2.0 AND CC-BY-ND-3.0).",
  },
  {
    name: 'a text for the writing does not excuse the same license on the code',
    input: {
      facts: licenseFacts({
        expression: 'GPL-3.0-only',
        expressionFrom: ['LICENSE', 'LICENSE.docs'],
        files: [file('LICENSE', 'GPL-3.0-only'), file('LICENSE.docs', 'GPL-3.0-only', { scope: 'docs' })],
      }),
    },
    outcome: 'fail',
  },
  { name: 'OR expression with one allowed', input: { facts: licenseFacts({ expression: 'GPL-2.0-only OR MIT' }) }, outcome: 'pass' },
  {
    name: 'AND expression needs both',
    input: { facts: licenseFacts({ expression: 'MIT AND GPL-2.0-only' }) },
    outcome: 'fail',
    message: /no choice of allowed licenses satisfies/,
  },
  { name: 'nested: (A OR B) AND C', input: { facts: licenseFacts({ expression: '(GPL-3.0-only OR MIT) AND ISC' }) }, outcome: 'pass' },
  {
    name: 'WITH exception and + suffix',
    input: { facts: licenseFacts({ expression: 'Apache-2.0 WITH LLVM-exception OR BSD-3-Clause+' }) },
    outcome: 'pass',
  },
  {
    name: 'an exception may be allowed as written',
    input: {
      facts: licenseFacts({ expression: 'GPL-2.0-only WITH Classpath-exception-2.0' }),
      options: { allow: ['GPL-2.0-only WITH Classpath-exception-2.0'] },
    },
    outcome: 'pass',
  },
  {
    name: 'unrecognised file, manifest declares an allowed license',
    input: {
      facts: licenseFacts({
        expression: 'Apache-2.0',
        expressionFrom: ['package.json'],
        files: [file('LICENSE')],
        sources: [declared('package.json', 'Apache-2.0', 'Apache-2.0')],
      }),
    },
    outcome: 'pass',
    evidence: [{ path: 'package.json', line: 3, note: 'license: Apache-2.0' }],
  },
  {
    name: 'UNLICENSED (proprietary) is not on the default list',
    input: { facts: licenseFacts({ sources: [declared('package.json', 'UNLICENSED')] }) },
    outcome: 'fail',
    message: /package\.json declares UNLICENSED, which is not on the allowed list/,
  },
  {
    name: 'UNLICENSED passes when listed as written',
    input: { facts: licenseFacts({ sources: [declared('package.json', 'UNLICENSED')] }), options: { allow: ['UNLICENSED'] } },
    outcome: 'pass',
  },
  {
    name: 'unrecognised file and no manifest license',
    input: { facts: licenseFacts({ files: [file('LICENSE.txt')] }) },
    outcome: 'fail',
    evidence: [{ path: 'LICENSE.txt' }],
  },
  { name: 'no license at all', input: { facts: repoFacts() }, outcome: 'notApplicable', message: /license-present/ },
]);

describeCheck(gitignorePresent, [
  { name: 'present', input: { facts: withFiles(['.gitignore']) }, outcome: 'pass', evidence: [{ path: '.gitignore' }] },
  { name: 'only nested', input: { facts: withFiles(['web/.gitignore']) }, outcome: 'fail' },
  { name: 'empty repository', input: { facts: withFiles([]) }, outcome: 'fail' },
]);

describeCheck(noLargeFiles, [
  {
    name: 'small files',
    input: { facts: repoFacts({ largeFiles: [{ path: 'a.png', bytes: 2 * MiB }] }) },
    outcome: 'pass',
    message: /the largest is a\.png \(2\.0 MiB\)/,
  },
  {
    name: 'over the default 5 MiB',
    input: {
      facts: repoFacts({
        largeFiles: [
          { path: 'data/dump.sql', bytes: 40 * MiB },
          { path: 'model.bin', bytes: 6 * MiB },
          { path: 'a.png', bytes: MiB },
        ],
      }),
    },
    outcome: 'fail',
    message: /^2 files are larger than 5\.0 MiB, the largest data\/dump\.sql \(40\.0 MiB\)/,
    evidence: [
      { path: 'data/dump.sql', note: '40.0 MiB' },
      { path: 'model.bin', note: '6.0 MiB' },
    ],
  },
  {
    name: 'maxBytes option',
    input: { facts: repoFacts({ largeFiles: [{ path: 'a.png', bytes: 2048 }] }), options: { maxBytes: 1024 } },
    outcome: 'fail',
    message: /larger than 1 KiB/,
  },
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
    input: {
      facts: withFiles([
        'node_modules/a/index.js',
        'node_modules/a/node_modules/b/index.js',
        'web/node_modules/c.js',
        'tools/venv/pyvenv.cfg',
        'tools/venv/lib/x.py',
        'src/a.ts',
      ]),
    },
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
