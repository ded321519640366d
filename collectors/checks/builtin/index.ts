import type { CheckDefinition } from '../check.ts';
import { actionsPinned } from './actions-pinned.ts';
import { apiDefinition } from './api-definition.ts';
import { busFactor } from './bus-factor.ts';
import { changelogPresent } from './changelog-present.ts';
import { ciConfigured } from './ci-configured.ts';
import { ciOnPullRequest } from './ci-on-pull-request.ts';
import { codeownersCatchAll } from './codeowners-catch-all.ts';
import { codeownersNamesOwner } from './codeowners-names-owner.ts';
import { codeownersOwnersKnown } from './codeowners-owners-known.ts';
import { codeownersPatternsMatch } from './codeowners-patterns-match.ts';
import { codeownersPresent } from './codeowners-present.ts';
import { codeownersValidSyntax } from './codeowners-valid-syntax.ts';
import { contributingPresent } from './contributing-present.ts';
import { dependencyUpdates } from './dependency-updates.ts';
import { descriptionSet } from './description-set.ts';
import { descriptorValid } from './descriptor-valid.ts';
import { dockerfileDigestPinned } from './dockerfile-digest-pinned.ts';
import { dockerfileNoAddUrl } from './dockerfile-no-add-url.ts';
import { dockerfileNoLatest } from './dockerfile-no-latest.ts';
import { dockerfileNonRootUser } from './dockerfile-non-root-user.ts';
import { dockerignorePresent } from './dockerignore-present.ts';
import { docsPresent } from './docs-present.ts';
import { gitignorePresent } from './gitignore-present.ts';
import { licenseAllowed } from './license-allowed.ts';
import { licensePresent } from './license-present.ts';
import { lifecycleSet } from './lifecycle-set.ts';
import { linksSet } from './links-set.ts';
import { lockfileCommitted } from './lockfile-committed.ts';
import { noCommittedBinaries } from './no-committed-binaries.ts';
import { noCommittedDependencies } from './no-committed-dependencies.ts';
import { noEnvFiles } from './no-env-files.ts';
import { noLargeFiles } from './no-large-files.ts';
import { noPrivateKeys } from './no-private-keys.ts';
import { noPullRequestTargetCheckout } from './no-pull-request-target-checkout.ts';
import { noRegistryTokens } from './no-registry-tokens.ts';
import { noScriptInjection } from './no-script-injection.ts';
import { ownerKnownGroup } from './owner-known-group.ts';
import { readmePresent } from './readme-present.ts';
import { readmeSections } from './readme-sections.ts';
import { readmeTitle } from './readme-title.ts';
import { recentCommit } from './recent-commit.ts';
import { recentRelease } from './recent-release.ts';
import { runtimePinned } from './runtime-pinned.ts';
import { sastConfigured } from './sast-configured.ts';
import { securityPolicy } from './security-policy.ts';
import { systemSet } from './system-set.ts';
import { tagsSet } from './tags-set.ts';
import { testsPresent } from './tests-present.ts';
import { workflowPermissions } from './workflow-permissions.ts';

/**
 * Every built-in check, grouped by category. The one registry: a test checks that each file of this
 * folder is registered here exactly once and that ids are unique.
 */
export const builtinChecks: readonly CheckDefinition[] = [
  // docs
  changelogPresent,
  contributingPresent,
  docsPresent,
  readmePresent,
  readmeSections,
  readmeTitle,
  // ownership
  codeownersCatchAll,
  codeownersNamesOwner,
  codeownersOwnersKnown,
  codeownersPatternsMatch,
  codeownersPresent,
  codeownersValidSyntax,
  descriptorValid,
  ownerKnownGroup,
  // security
  actionsPinned,
  dependencyUpdates,
  noCommittedBinaries,
  noEnvFiles,
  noPrivateKeys,
  noPullRequestTargetCheckout,
  noRegistryTokens,
  noScriptInjection,
  sastConfigured,
  securityPolicy,
  workflowPermissions,
  // build
  ciConfigured,
  ciOnPullRequest,
  lockfileCommitted,
  runtimePinned,
  testsPresent,
  // containers
  dockerfileDigestPinned,
  dockerfileNoAddUrl,
  dockerfileNoLatest,
  dockerfileNonRootUser,
  dockerignorePresent,
  // hygiene
  gitignorePresent,
  licenseAllowed,
  licensePresent,
  noCommittedDependencies,
  noLargeFiles,
  // activity
  busFactor,
  recentCommit,
  recentRelease,
  // catalog
  apiDefinition,
  descriptionSet,
  lifecycleSet,
  linksSet,
  systemSet,
  tagsSet,
];
