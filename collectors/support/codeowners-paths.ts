/**
 * Where the forges look for CODEOWNERS: GitHub in `.github/`, the root and `docs/`, in that order
 * of precedence; GitLab in the root, `docs/` and `.gitlab/`.
 */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

/**
 * The CODEOWNERS patterns that match every file. Not `/*`: like `docs/*`, it matches the files of
 * its folder only, not those nested deeper (GitHub's and GitLab's documentation).
 */
export const CATCH_ALL_PATTERNS: ReadonlySet<string> = new Set(['*', '**', '/**']);

/**
 * A GitLab CODEOWNERS file's rules by section, in the order the sections first appear: rules before
 * the first header are a section too, and headers that differ only in letter case are one, as
 * GitLab reads them.
 */
export function codeownersSections<Rule extends { section?: string }>(rules: readonly Rule[]): Rule[][] {
  return [...Map.groupBy(rules, (rule) => rule.section?.toLowerCase() ?? '').values()];
}
