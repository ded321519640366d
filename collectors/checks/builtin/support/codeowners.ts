import { untrustedGlobMatcher } from '../../../support/untrusted-glob.ts';

/**
 * The globs of a CODEOWNERS pattern (gitignore-style, as GitHub reads it): a leading or inner `/`
 * anchors it at the root, a trailing `/` means a folder, a folder matches what is inside it, and
 * `dir/*` matches only the folder's direct files.
 */
export function codeownersGlobs(pattern: string): string[] {
  const directoryOnly = pattern.endsWith('/');
  const body = pattern.replace(/^\//, '').replace(/\/+$/, '');
  if (!body) return ['**'];
  const anchored = pattern.startsWith('/') || body.includes('/');
  const glob = anchored ? body : `**/${body}`;
  return directoryOnly ? [`${glob}/**`] : body.endsWith('/*') ? [glob] : [glob, `${glob}/**`];
}

/** The rule that decides who reviews `path`: the last whose pattern matches it, as GitHub reads CODEOWNERS. */
export function ruleFor<Rule extends { pattern: string }>(rules: readonly Rule[], path: string): Rule | undefined {
  return rules.findLast((rule) => untrustedGlobMatcher(codeownersGlobs(rule.pattern))(path));
}
