import { z } from 'zod';
import { describeRefusal, reportedByFiles } from '../repo/reader.ts';
import { defineRetriever } from './retriever.ts';
import { CATCH_ALL_PATTERNS, CODEOWNERS_PATHS, codeownersSections } from '../support/codeowners-paths.ts';

/**
 * Largest CODEOWNERS read. GitHub does not load a CODEOWNERS file over 3 MB, so nobody owns
 * anything through a larger one: Cairn reports it instead of reading owners GitHub ignores.
 */
export const MAX_CODEOWNERS_BYTES = 3 * 1000 * 1000;

export const codeownersSchema = z
  .object({
    path: z.string(),
    rules: z.array(
      z.object({
        pattern: z.string(),
        owners: z.array(z.string()),
        line: z.number().int().positive(),
        /** The GitLab section the rule is in (`[Docs]`), as its header spells it; none before the first. */
        section: z.string().optional(),
      }),
    ),
    /**
     * Owners of the last catch-all rule (`*`), which applies to every file no later rule claims; in
     * GitLab's dialect, the last catch-all's owners of each section, as GitLab asks every section.
     */
    catchAll: z.array(z.string()).optional(),
    /** GitLab's dialect: the file is in `.gitlab/`, or has sections (`[Backend] @owners`). */
    gitlab: z.literal(true).optional(),
  })
  .nullable();

export const codeowners = defineRetriever({
  id: 'codeowners',
  version: 6,
  description:
    "The CODEOWNERS file: its rules with line numbers and GitLab sections (a section's default owners given to its rules that name none) and its catch-all owners.",
  schema: codeownersSchema,
  async collect({ repo, problem }) {
    const path = CODEOWNERS_PATHS.find((candidate) => repo.has(candidate));
    if (!path) return null;
    const read = await repo.read(path, { maxBytes: MAX_CODEOWNERS_BYTES });
    if (!read.ok) {
      const githubToo = read.reason === 'too-large' ? ' GitHub ignores a CODEOWNERS file over 3 MB too, so it assigns no owners.' : '';
      if (!reportedByFiles(read))
        problem({ severity: 'error', file: path, message: `${describeRefusal(path, read)}${githubToo} No owners are read from it.` });
      return null;
    }
    const parsed = parseCodeownersWithLines(read.text);
    return { path, ...parsed, ...(path.startsWith('.gitlab/') ? { gitlab: true as const } : {}) };
  },
});

/** A GitLab section header: `[Name]`, `^[Optional]`, `[Name][2]` approvals, then the section's default owners. */
const SECTION = /^\^?\[([^\]]+)\](?:\[\d+\])?(?:\s+(.*))?$/;

type ParsedCodeowners = Omit<NonNullable<z.infer<typeof codeownersSchema>>, 'path'>;
type CodeownersRule = ParsedCodeowners['rules'][number];

/**
 * Parses CODEOWNERS line by line, so each rule keeps the line that evidence points at. A pattern
 * may escape a space (`docs\ site/`) or a `#` (`\#notes.md`). In a GitLab section, a rule naming
 * no owner has the section's default owners, as GitLab reads it.
 */
export function parseCodeownersWithLines(text: string): ParsedCodeowners {
  let section: { name: string; owners: string[] } | undefined;
  const rules: CodeownersRule[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    // A rule is a pattern and its owners, before any `#` comment.
    const content = line.split(/(?<!\\)#/)[0]!.trim();
    const header = SECTION.exec(content);
    if (header) {
      section = { name: header[1]!.trim(), owners: header[2]?.split(/\s+/).filter(Boolean) ?? [] };
      continue;
    }
    const [pattern, ...owners] = content.split(/(?<!\\)\s+/);
    if (!pattern) continue;
    rules.push({
      pattern: pattern.replaceAll('\\ ', ' ').replaceAll('\\#', '#'),
      owners: owners.length > 0 ? owners : (section?.owners ?? []),
      line: index + 1,
      ...(section ? { section: section.name } : {}),
    });
  }
  const catchAll = section ? sectionsCatchAll(rules) : rules.findLast((rule) => CATCH_ALL_PATTERNS.has(rule.pattern))?.owners;
  return { rules, ...(catchAll && catchAll.length > 0 ? { catchAll } : {}), ...(section ? { gitlab: true as const } : {}) };
}

/** GitLab asks every section for a file's owners: those of each section's last catch-all, in the order the sections first appear. */
function sectionsCatchAll(rules: readonly CodeownersRule[]): string[] {
  const owners = codeownersSections(rules).flatMap(
    (inSection) => inSection.findLast((rule) => CATCH_ALL_PATTERNS.has(rule.pattern))?.owners ?? [],
  );
  return [...new Set(owners)];
}
