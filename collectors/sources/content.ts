import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { parseYamlDocuments } from '../yaml/documents.ts';
import type { Problem } from '../contract/problems.ts';

/** A YAML document from the portal's own content folder. */
export interface ContentDocument {
  file: string;
  line: number;
  data: unknown;
}

/**
 * Reads the Backstage entities that live in no repository: `teams/*.yaml` in the content folder
 * (Groups and Users, usually). Paths in the result are relative to the content folder's parent,
 * e.g. `content/teams/payments.yaml`.
 */
export async function readContentEntities(contentDir: string): Promise<{ documents: ContentDocument[]; problems: Problem[] }> {
  const paths = (await glob(['teams/**/*.yaml', 'teams/**/*.yml'], { cwd: contentDir })).sort();
  const documents: ContentDocument[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const file = relative(join(contentDir, '..'), join(contentDir, path));
    const parsed = parseYamlDocuments(await readFile(join(contentDir, path), 'utf8'));
    documents.push(...parsed.documents.map((document) => ({ file, ...document })));
    problems.push(
      ...parsed.errors.map((error) => ({
        severity: 'error' as const,
        file,
        ...(error.line ? { line: error.line } : {}),
        message: `Invalid YAML: ${error.message}`,
      })),
    );
  }
  return { documents, problems };
}
