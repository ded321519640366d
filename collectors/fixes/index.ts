import { codeownersFix } from './codeowners.ts';
import { dependabotFix } from './dependabot.ts';
import { descriptorFix } from './descriptor.ts';
import { failingChecks, trackedAs, type FixDefinition, type SuggestInput } from './fix.ts';
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
 * A fix whose checks fail but that writes nothing: its file is tracked (`existing`, as tracked),
 * tracked under a letter case the check does not read (`misnamed`, and the name it reads), or the
 * repository gives too little.
 */
export interface UnwrittenFile {
  path: string;
  checkIds: string[];
  existing?: string;
  misnamed?: { tracked: string; read: string; readBy: string };
}

/**
 * For each fix whose checks fail (effective outcome, so an expired exemption counts): the file Cairn
 * would write to make them pass, or, when a file is already tracked at its path or one of its
 * `alsoAt` paths, or the repository gives too little to write it, why not. Pure and deterministic:
 * the same input gives the same plan, in registry order.
 */
export function planFiles(input: SuggestInput): { files: SuggestedFile[]; unwritten: UnwrittenFile[] } {
  const failing = failingChecks(input.results);
  const files: SuggestedFile[] = [];
  const unwritten: UnwrittenFile[] = [];
  for (const fix of fixes) {
    const checkIds = fix.checkIds.filter((id) => failing.has(id));
    if (checkIds.length === 0) continue;
    const places = [fix.path, ...(fix.alsoAt ?? [])];
    const exact = places.find((path) => input.files.includes(path));
    // A case-insensitive disk cannot hold a second file beside one that differs only in case.
    const folded = places.flatMap((path) => {
      const tracked = trackedAs(input.files, path);
      return tracked === undefined ? [] : [{ tracked, read: path, readBy: fix.readBy }];
    })[0];
    const existing = exact ?? (fix.anyCase ? folded?.tracked : undefined);
    const misnamed = existing === undefined ? folded : undefined;
    const file = existing === undefined && misnamed === undefined ? fix.suggest({ ...input, failing }) : undefined;
    if (file) files.push({ path: fix.path, checkIds, ...file });
    else unwritten.push({ path: fix.path, checkIds, ...(existing !== undefined ? { existing } : {}), ...(misnamed ? { misnamed } : {}) });
  }
  return { files, unwritten };
}

/** The files Cairn would write to make the repository's failing checks pass (`planFiles`). */
export function suggestedFiles(input: SuggestInput): SuggestedFile[] {
  return planFiles(input).files;
}
