import { codeownersFix } from './codeowners.ts';
import { dependabotFix } from './dependabot.ts';
import { descriptorFix } from './descriptor.ts';
import { failingChecks, hasFile, type FixDefinition, type SuggestInput } from './fix.ts';
import { securityPolicyFix } from './security-policy.ts';

export type { SuggestInput } from './fix.ts';

/**
 * A file Cairn would write for the repository, e.g. the `catalog-info.yaml` of an inferred entity.
 * The same shape as the check report's `Suggestion` (collectors do not import the command line).
 */
export interface SuggestedFile {
  /** Repository-relative path of the file to create. */
  path: string;
  /** The failing checks it is written for. */
  checkIds: string[];
  /** One sentence: what the file is, where its values come from, and what to fill in, if anything, before its checks pass. */
  summary: string;
  /** The file's content. */
  text: string;
}

/**
 * Every fix, in the order suggestions are listed. The one registry: a test checks that each file of
 * this folder is registered here exactly once, that ids are unique, and that no two write one path.
 */
export const fixes: readonly FixDefinition[] = [descriptorFix, codeownersFix, dependabotFix, securityPolicyFix];

/** The ids of the checks some fix answers, sorted. */
export function fixableCheckIds(): string[] {
  return [...new Set(fixes.flatMap((fix) => fix.checkIds))].sort();
}

/**
 * The files Cairn would write to make the repository's failing checks pass: for each fix whose
 * checks fail (effective outcome, so an expired exemption counts), its file, unless a file of that
 * path is already tracked. Pure and deterministic: the same input gives the same files, in registry order.
 */
export function suggestedFiles(input: SuggestInput): SuggestedFile[] {
  const failing = failingChecks(input.results);
  const suggestions: SuggestedFile[] = [];
  for (const fix of fixes) {
    const checkIds = fix.checkIds.filter((id) => failing.has(id));
    if (checkIds.length === 0 || hasFile(input.files, fix.path)) continue;
    const file = fix.suggest({ ...input, failing });
    if (file) suggestions.push({ path: fix.path, checkIds, ...file });
  }
  return suggestions;
}
