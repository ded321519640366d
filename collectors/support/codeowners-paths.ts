/**
 * Where the forges look for CODEOWNERS: GitHub in `.github/`, the root and `docs/`, in that order
 * of precedence; GitLab in the root, `docs/` and `.gitlab/`.
 */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];
