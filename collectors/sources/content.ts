import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../config/config-error.ts';
import { contentPaths } from '../config/content-paths.ts';
import { parseYamlDocuments } from '../yaml/documents.ts';

/** A YAML document from the portal's own content folder. */
export interface ContentDocument {
  file: string;
  line: number;
  data: unknown;
  /** The line of each field, by JSON pointer (`YamlDocument.fields`), when read from YAML. */
  fields?: Record<string, number>;
}

/**
 * Reads the Backstage entities that live in no repository: `teams/*.yaml` in the content folder
 * (Groups and Users, usually). Paths in the result are as `contentPaths` shows them, e.g.
 * `content/teams/payments.yaml`. A file that is not valid YAML is a ConfigError naming it and
 * the line: the teams are the portal's configuration (`readPortalTeams` validates the entities).
 */
export async function readContentEntities(contentDir: string): Promise<{ documents: ContentDocument[] }> {
  const paths = (await glob(['teams/**/*.yaml', 'teams/**/*.yml'], { cwd: contentDir })).sort();
  const documents: ContentDocument[] = [];
  const { shown } = contentPaths(contentDir);
  for (const path of paths) {
    const file = shown(path);
    const parsed = parseYamlDocuments(await readFile(join(contentDir, path), 'utf8'));
    const [error] = parsed.errors;
    if (error) throw new ConfigError(`${file}${error.line ? `:${error.line}` : ''}: invalid YAML: ${error.message}`);
    documents.push(...parsed.documents.map((document) => ({ file, ...document })));
  }
  return { documents };
}
