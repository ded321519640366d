/** Why workflow checks do not apply to a repository without GitHub Actions workflows. */
export const NO_WORKFLOWS = 'No GitHub Actions workflows in .github/workflows/.';

/** Refs that name the untrusted head of a pull request (or the run that built it). */
export const UNTRUSTED_REF =
  /github\.event\.pull_request\.head\.|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|refs\/pull\/|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.workflow_run\.pull_requests/i;
