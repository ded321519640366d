import { codeownersSections } from '../../../support/codeowners-paths.ts';
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

/** Whether a CODEOWNERS pattern matches `path`. */
function matches(pattern: string, path: string): boolean {
  return untrustedGlobMatcher(codeownersGlobs(pattern))(path);
}

/**
 * The rules that decide who reviews `path`. As GitHub reads CODEOWNERS: the last rule matching it.
 * As GitLab reads its own dialect: the last in each section (`codeownersSections`), none from a
 * section whose `!` exclusion matches the path, wherever the exclusion is.
 */
export function rulesFor<Rule extends { pattern: string; section?: string }>(
  codeowners: { rules: readonly Rule[]; gitlab?: true },
  path: string,
): Rule[] {
  if (!codeowners.gitlab) {
    const last = codeowners.rules.findLast((rule) => matches(rule.pattern, path));
    return last ? [last] : [];
  }
  return codeownersSections(codeowners.rules).flatMap((inSection) => {
    const matching = inSection.filter((rule) => matches(rule.pattern.replace(/^!/, ''), path));
    if (matching.some((rule) => rule.pattern.startsWith('!'))) return [];
    return matching.slice(-1);
  });
}
