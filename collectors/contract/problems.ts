import { z } from 'zod';

/**
 * Something Cairn could not collect, parse or resolve. Problems never stop a run: they are
 * published on the page of what they concern and on the problems page.
 */
export const problemSchema = z.object({
  /** `error`: data is missing or wrong because of it; `warning`: worth fixing, nothing lost. */
  severity: z.enum(['error', 'warning']),
  /** Repository name, when the problem comes from a scanned repository. */
  repo: z.string().optional(),
  /** Path of the file, relative to the repository root (or the content folder). */
  file: z.string().optional(),
  /** 1-based line in `file`, where known. */
  line: z.number().int().positive().optional(),
  /** The entity it concerns, as a lowercase entity ref (`component:default/payments`). */
  entityRef: z.string().optional(),
  /** What is wrong and what was expected, in one or two sentences. */
  message: z.string(),
});

export type Problem = z.infer<typeof problemSchema>;

/**
 * The problem with its fields in the schema's order. Retrievers write theirs in any order, and the
 * fact cache gives them back in another: a warm run's snapshot must be byte for byte a cold one's.
 */
export function inFieldOrder({ severity, repo, file, line, entityRef, message }: Problem): Problem {
  return {
    severity,
    ...(repo !== undefined ? { repo } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(entityRef !== undefined ? { entityRef } : {}),
    message,
  };
}
