import { z } from 'zod';
import { globMatcher } from '../../support/globs.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { count } from './support/facts.ts';
import { VENDORED } from './support/paths.ts';

/** Test files by each ecosystem's convention. */
const TEST_FILES = [
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/__tests__/**',
  '**/*_test.go',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  '**/src/test/**',
  '**/src/*Test/**',
  '**/*{Test,Tests,Spec}.{java,kt,scala,cs,php,swift}',
  '**/*_spec.rb',
  '**/*_test.{rb,exs,dart}',
  '**/*.Tests/**',
];

const isTestFile = globMatcher(TEST_FILES);

/**
 * Every convention above, and every test folder below, names "test" or "spec" in some case: a path
 * that names neither is no test file, and is not matched against them all (most of a repository's
 * paths, and most of this check's time).
 */
const MAY_BE_TEST = /test|spec/i;

/** Source files inside a `test/`, `tests/` or `spec/` folder. */
const TEST_FOLDER =
  /(^|\/)(test|tests|spec|specs|testing)\/.*\.(js|jsx|ts|tsx|mjs|cjs|py|go|rs|java|kt|kts|scala|rb|php|cs|fs|swift|c|cc|cpp|h|hpp|ex|exs|erl|clj|sh|bats|lua|dart|r)$/i;

/** Languages with nothing to unit-test on their own: markup, styles, build and infrastructure files. */
const NOT_TESTED = new Set([
  'HTML',
  'CSS',
  'SCSS',
  'Sass',
  'Less',
  'Stylus',
  'Dockerfile',
  'Makefile',
  'CMake',
  'HCL',
  'Jinja',
  'Smarty',
  'Mustache',
  'Handlebars',
  'Roff',
  'TeX',
  'Nix',
  'Batchfile',
  'PowerShell',
  'Shell',
]);

export const testsPresent = defineCheck({
  id: 'tests-present',
  title: 'Tests present',
  category: 'build',
  description:
    "The repository has test files by its languages' conventions (`*.test.ts`, `*_test.go`, `test_*.py`, `src/test/`, `tests/` …).",
  why: 'Tests are what lets another engineer change the code with confidence, and what CI runs to catch regressions. A repository without any makes every change a gamble and every upgrade a manual check.',
  fix: [
    "Add a first test next to the code it covers, by your language's convention, and run it in CI:",
    '',
    '- TypeScript/JavaScript: `src/price.test.ts` (vitest, node:test, jest)',
    '- Go: `price_test.go`',
    '- Python: `tests/test_price.py` (pytest)',
    '- Java/Kotlin: `src/test/java/…/PriceTest.java`',
  ].join('\n'),
  effort: 'high',
  severity: 'warning',
  options: z.object({}),
  needs: ['files', 'languages'],
  run(context) {
    const { files, languages } = context.facts;
    const named: string[] = [];
    const inTestFolders: string[] = [];
    for (const path of files) {
      if (!MAY_BE_TEST.test(path) || VENDORED.test(path)) continue;
      if (isTestFile(path)) named.push(path);
      else if (TEST_FOLDER.test(path)) inTestFolders.push(path);
    }
    // Files named as tests first: they make better evidence than helpers inside a test folder.
    const tests = [...named, ...inTestFolders];
    if (tests.length > 0)
      return pass(
        `${count(tests.length, 'test file')}, e.g. ${tests.slice(0, 3).join(', ')}.`,
        tests.slice(0, 5).map((path) => ({ path })),
      );
    const code = languages.filter((language) => !NOT_TESTED.has(language.name));
    if (code.length === 0)
      return notApplicable('No source code in a language that is unit-tested (only markup, configuration or scripts).');
    // Rust keeps unit tests inside the source files (#[cfg(test)]), which are not read.
    if (code.some((language) => language.name === 'Rust'))
      return notApplicable(
        'No separate test files; Rust unit tests live inside the source files (#[cfg(test)]), which this check does not read.',
      );
    return fail(
      `No test files for ${code
        .map((language) => language.name)
        .slice(0, 3)
        .join(', ')} code: expected e.g. *.test.ts, *_test.go, test_*.py, src/test/ or a tests/ folder.`,
    );
  },
});
