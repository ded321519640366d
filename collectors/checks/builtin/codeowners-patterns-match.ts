import { z } from 'zod';
import { untrustedGlobMatcher } from '../../support/untrusted-glob.ts';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { codeownersGlobs } from './support/codeowners.ts';
import { baseName, dirOf, selfAndAncestors } from './support/paths.ts';

/** The tracked files, indexed for literal CODEOWNERS patterns. */
interface FileIndex {
  files: readonly string[];
  paths: Set<string>;
  /** Every folder that holds a tracked file, at any depth. */
  dirs: Set<string>;
  /** Last segments of files and folders. */
  fileNames: Set<string>;
  dirNames: Set<string>;
}

function indexFiles(files: readonly string[]): FileIndex {
  const dirs = new Set<string>();
  for (const path of files) for (const dir of selfAndAncestors(dirOf(path))) if (dir) dirs.add(dir);
  return {
    files,
    paths: new Set(files),
    dirs,
    fileNames: new Set(files.map(baseName)),
    dirNames: new Set([...dirs].map(baseName)),
  };
}

/**
 * Whether a CODEOWNERS pattern (gitignore-style, as GitHub reads it) matches any tracked file: a
 * leading or inner `/` anchors it at the root, a trailing `/` means a folder, a folder matches what
 * is inside it, and `dir/*` matches only the folder's direct files.
 */
function patternMatchesAny(pattern: string, index: FileIndex): boolean {
  const directoryOnly = pattern.endsWith('/');
  const body = pattern.replace(/^\//, '').replace(/\/+$/, '');
  if (!body) return index.files.length > 0;
  const anchored = pattern.startsWith('/') || body.includes('/');
  if (!/[*?[\]]/.test(body)) {
    if (anchored) return index.dirs.has(body) || (!directoryOnly && index.paths.has(body));
    return index.dirNames.has(body) || (!directoryOnly && index.fileNames.has(body));
  }
  const matches = untrustedGlobMatcher(codeownersGlobs(pattern));
  return index.files.some((path) => matches(path));
}

export const codeownersPatternsMatch = defineCheck({
  id: 'codeowners-patterns-match',
  title: 'CODEOWNERS rules match files',
  category: 'ownership',
  description: 'Every CODEOWNERS pattern matches at least one tracked file.',
  why: 'A pattern that matches nothing is left over from a move or a rename: the code it meant to assign now falls to another rule (or to nobody), and the file no longer says who owns what.',
  fix: "Update each pattern the evidence points at to the folder's new path, or delete the line. `git log --follow` on the old path shows where the code went.",
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['codeowners', 'files'],
  run(context) {
    const { codeowners, files } = context.facts;
    if (!codeowners || codeowners.rules.length === 0) return notApplicable('No CODEOWNERS rules to check.');
    const index = indexFiles(files);
    const stale: Evidence[] = codeowners.rules
      // A GitLab exclusion (`!path`) takes files from the rules above it: matching none is no fault.
      .filter((rule) => !(codeowners.gitlab && rule.pattern.startsWith('!')) && !patternMatchesAny(rule.pattern, index))
      .map((rule) => ({ path: codeowners.path, line: rule.line, note: `${rule.pattern} matches no tracked file` }));
    if (stale.length > 0)
      return fail(
        `${count(stale.length, 'pattern')} in ${codeowners.path} match${stale.length === 1 ? 'es' : ''} no tracked file.`,
        capped(stale),
      );
    return pass(`Every pattern of ${codeowners.path} matches tracked files (${count(codeowners.rules.length, 'pattern')}).`, [
      { path: codeowners.path },
    ]);
  },
});
