import { z } from 'zod';
import { globMatcher } from '../../support/globs.ts';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { count } from './support/facts.ts';
import { SOURCE_FILE, VENDORED } from './support/paths.ts';

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
  '**/*{Test,Tests,Spec}.{java,kt,groovy,scala,cs,php,swift}',
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

/** Folders of tests: `test/`, `tests/`, `spec/` … */
const TEST_FOLDER = /(^|\/)(test|tests|spec|specs|testing)\//i;

/**
 * The repository's folders of documentation and examples: tests there test the examples, weak
 * evidence of the project's own. Top-level only: `com/example/` is a Java package.
 */
const EXAMPLES = /^(docs?|docs_src|documentation|examples?|samples?|demos?)\//i;

/** A test runner's configuration (`tests/playwright.config.ts`, `test/jest.config.js`): in a test folder, but no test. */
const RUNNER_CONFIG = /(^|\/)[^/]+\.config\.(js|ts|mjs|cjs|mts|cts)$/;

/** Test-folder files that set tests up rather than test: package markers, pytest's shared fixtures. */
const SETUP = /(^|\/)(__init__\.py|conftest\.py)$/;

/**
 * How good an example of the repository's tests a file is, best first: a source file named as a
 * test, then one whose own name says test or spec (mkdocs' `tests/build_tests.py`), then any other
 * (a helper of a test folder, a JMeter plan under `src/test/`); set-up files and anything under the
 * docs or examples last.
 */
function exampleRank(path: string, named: boolean): number {
  if (EXAMPLES.test(path) || SETUP.test(path)) return 3;
  if (!SOURCE_FILE.test(path)) return 2;
  if (named) return 0;
  return MAY_BE_TEST.test(path.slice(path.lastIndexOf('/') + 1)) ? 1 : 2;
}

/** Languages with nothing to unit-test on their own: markup, styles, templates (a Helm chart's), build and infrastructure files. */
const NOT_TESTED = new Set([
  'Go Template',
  'EJS',
  'Haml',
  'Liquid',
  'Nunjucks',
  'Pug',
  'Twig',
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
    const tests: Array<{ path: string; rank: number }> = [];
    for (const path of files) {
      if (!MAY_BE_TEST.test(path) || VENDORED.test(path)) continue;
      const named = isTestFile(path);
      if (named || (TEST_FOLDER.test(path) && SOURCE_FILE.test(path) && !RUNNER_CONFIG.test(path)))
        tests.push({ path, rank: exampleRank(path, named) });
    }
    if (tests.length > 0) {
      // The best examples first, in path order within each rank (a stable sort).
      const examples = tests.sort((a, b) => a.rank - b.rank).map((test) => test.path);
      return pass(
        `${count(tests.length, 'test file')}, e.g. ${examples.slice(0, 3).join(', ')}.`,
        examples.slice(0, 5).map((path) => ({ path })),
      );
    }
    const code = languages.filter((language) => !NOT_TESTED.has(language.name));
    if (code.length === 0)
      return notApplicable('No source code in a language that is unit-tested (only markup, templates, configuration or scripts).');
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
