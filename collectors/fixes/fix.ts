import type { CatalogEntity } from '../catalog/schema.ts';
import type { Facts } from '../facts/index.ts';
import type { ScorecardResult } from '../scorecards/result.ts';
import { cleanText } from '../support/text.ts';

/** What the fixes read: one repository, as collected and judged. */
export interface SuggestInput {
  /** The repository's own entities, from the snapshot. */
  entities: readonly CatalogEntity[];
  /** Their scorecard results: only checks whose effective outcome is `fail` get a file. */
  results: readonly ScorecardResult[];
  /** The repository's facts, as collected. */
  facts: Facts;
  /** Its tracked files: a file among them (in any letter case) is never suggested. */
  files: readonly string[];
  /** Texts the portal gives for files it wants written its way. */
  templates?: { securityPolicy?: string };
  /** Refs of every entity the catalog knows (this repository's, the portal's teams, a published catalog's): a file names no other owner. */
  knownRefs: ReadonlySet<string>;
}

/** The failing checks, each with the refs of the entities it fails for. */
export type FailingChecks = ReadonlyMap<string, ReadonlySet<string>>;

/** What a fix reads: the repository, and which checks fail for which entities. */
export interface FixContext extends SuggestInput {
  failing: FailingChecks;
}

/**
 * One fix: the file it writes and the checks whose failure it answers. `suggest` runs only when one
 * of those checks fails and no file of that path (or of its `alsoAt` paths) is tracked; it returns the file's text and a
 * one-sentence summary, or nothing when the repository gives it too little to write.
 */
export interface FixDefinition {
  id: string;
  /** Repository-relative path of the file it writes. */
  path: string;
  /** Who reads the file there, and only under that name: `GitHub`, `Backstage`. */
  readBy: string;
  /** Other paths where the check reads the same file (`.github/dependabot.yaml`): one there is to be edited, not joined by a second. */
  alsoAt?: readonly string[];
  /**
   * Whether the file counts in any letter case (GitHub reads `security.md`); else only as written
   * (`CODEOWNERS`, `dependabot.yml`), and a file named otherwise is to be renamed.
   */
  anyCase?: boolean;
  /** The checks the file makes pass. */
  checkIds: readonly string[];
  suggest(context: FixContext): { summary: string; text: string } | undefined;
}

/** Keeps a fix's shape checked where it is written. */
export function defineFix(fix: FixDefinition): FixDefinition {
  return fix;
}

/** Checks whose effective outcome is `fail`, with the entities they fail for. */
export function failingChecks(results: readonly ScorecardResult[]): FailingChecks {
  const failing = new Map<string, Set<string>>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.effective !== 'fail') continue;
      const refs = failing.get(check.checkId) ?? new Set<string>();
      refs.add(result.entityRef);
      failing.set(check.checkId, refs);
    }
  }
  return failing;
}

/** `path` as it is among `files`, in any letter case (a case-insensitive disk could not hold both), or undefined. */
export function trackedAs(files: readonly string[], path: string): string | undefined {
  const wanted = path.toLowerCase();
  return files.find((file) => file.toLowerCase() === wanted);
}

/**
 * Repository text made fit for one comment line of a written file: no control characters, no line
 * break that would end the comment and start content of the file.
 */
export function commentText(text: string): string {
  // Started only where a run of spaces starts: from each space of a long run, the search was quadratic.
  return cleanText(text).replace(/(?<!\s)\s*\n\s*/g, ' ');
}

/** GitHub's `owner/repo` form: names of letters, digits, `-`, `_` and `.`. */
const GITHUB_SLUG = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/**
 * The entity's GitHub repository as `owner/repo`, when known: its `github.com/project-slug`
 * annotation, else the web URL Cairn knows for its repository (`https://github.com/owner/repo/…`).
 */
export function githubSlug(entity: CatalogEntity): string | undefined {
  const annotated = entity.metadata.annotations?.['github.com/project-slug'];
  if (annotated !== undefined) return GITHUB_SLUG.test(annotated) ? annotated : undefined;
  const fromUrl = entity.source.url?.match(/^https:\/\/github\.com\/([^/?#]+\/[^/?#]+?)(?:\.git)?(?:[/?#]|$)/)?.[1];
  return fromUrl && GITHUB_SLUG.test(fromUrl) ? fromUrl : undefined;
}
