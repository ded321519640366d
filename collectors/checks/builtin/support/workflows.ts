/** Why workflow checks do not apply to a repository without GitHub Actions workflows. */
export const NO_WORKFLOWS = 'No GitHub Actions workflows in .github/workflows/.';
