/** Where GitHub looks for CODEOWNERS, in its order of precedence (GitLab reads the same places). */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
