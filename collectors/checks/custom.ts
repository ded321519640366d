import picomatch from 'picomatch';
import { z } from 'zod';
import { defineCheck, type CheckDefinition, type CheckMetadata, type FactId } from './check.ts';
import { checkDocumentPath } from './custom/document-path.ts';
import { checkFact } from './custom/fact.ts';
import { checkFileContains } from './custom/file-contains.ts';
import { checkFileExists } from './custom/file-exists.ts';
import { checkFileNotContains } from './custom/file-not-contains.ts';
import { parsePath, type CustomCheckFile, type CustomRule } from './custom/schema.ts';

export { customCheckFileSchema, customRuleSchema, parsePath, type CustomCheckFile, type CustomRule } from './custom/schema.ts';

/*
 * Custom checks: the platform team's own standards, written as YAML in `content/checks/` with the
 * same metadata as a built-in check and a declarative `rule`. A rule reads only facts: the list of
 * tracked paths (`files`), the text of the files the rules name (`contentFiles`, collected for
 * exactly the globs `contentGlobsFor` returns) and any other fact by path.
 */

/** Custom checks take no options: what they check is all in their file. */
const noOptions = z.strictObject({});

/** The metadata of a custom check, as the snapshot lists it. */
export function customCheckMetadata(file: CustomCheckFile): CheckMetadata {
  const { id, title, category, description, why, fix, effort, severity, guide } = file;
  return { id, title, category, description, why, fix, effort, severity, ...(guide ? { guide } : {}), source: 'custom', options: {} };
}

/** A custom check file as a CheckDefinition, evaluated purely over the repository's facts. */
export function toCheckDefinition(file: CustomCheckFile): CheckDefinition<typeof noOptions> {
  const { source: _, options: __, ...metadata } = customCheckMetadata(file);
  const ignored = file.ignore ? picomatch(file.ignore, { dot: true }) : () => false;
  const { rule } = file;
  return defineCheck({
    ...metadata,
    options: noOptions,
    needs: factsRead(rule),
    run({ facts }) {
      if (rule.type === 'fact') return checkFact(rule, facts);
      const { files = [], left = [] } = Object.groupBy(facts.files, (path) => (ignored(path) ? 'left' : 'files'));
      if (rule.type === 'file-exists') return checkFileExists(rule, files, left);
      const contents = facts.contentFiles;
      switch (rule.type) {
        case 'file-contains':
          return checkFileContains(rule, files, contents, left);
        case 'file-not-contains':
          return checkFileNotContains(rule, files, contents, left);
        case 'json-path':
        case 'yaml-path':
          return checkDocumentPath(rule, files, contents, left);
      }
    },
  });
}

/**
 * The facts a rule reads, so the check runner answers for an entity of no repository or a fact
 * that was not collected: a fact rule's own fact (the content loader rejects unknown ids), the
 * list of files, and for rules that read files their text. `run` reads no other fact.
 */
function factsRead(rule: CustomRule): FactId[] {
  if (rule.type === 'fact') return [String(parsePath(rule.fact)![0]) as FactId];
  if (rule.type === 'file-exists') return ['files'];
  return ['files', 'contentFiles'];
}

/**
 * The globs whose text the `contentFiles` fact must collect for these checks: every file a
 * content rule searches, and every file a JSON or YAML rule reads (escaped, since it is a path).
 */
export function contentGlobsFor(checks: readonly CustomCheckFile[]): string[] {
  const wanted = checks.flatMap(({ rule }) => {
    if (rule.type === 'file-contains' || rule.type === 'file-not-contains') return rule.files;
    if (rule.type === 'json-path' || rule.type === 'yaml-path') return [escapeGlob(rule.file)];
    return [];
  });
  return [...new Set(wanted)].sort();
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}
