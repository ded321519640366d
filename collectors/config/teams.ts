import { readFile } from 'node:fs/promises';
import { LineCounter, parseAllDocuments } from 'yaml';
import { validateEntity } from '../catalog/validate.ts';
import { readContentEntities, type ContentDocument } from '../sources/content.ts';
import { formatPath } from '../yaml/config.ts';
import { lineAtPath } from '../yaml/lines.ts';
import { ConfigError } from './config-error.ts';
import { contentPaths } from './content-paths.ts';

/**
 * The portal's own entities (`teams/*.yaml` of its content folder), each one Backstage accepts.
 * They are its configuration, as its scorecards are: a document Backstage rejects is a ConfigError
 * naming the file, the line and the field, where the catalog would otherwise drop the team and fail
 * its entities' owner checks. A kind Backstage does not know (a plugin's) is left to the catalog,
 * which warns of it.
 */
export async function readPortalTeams(contentDir: string | undefined): Promise<ContentDocument[]> {
  if (!contentDir) return [];
  const { documents } = await readContentEntities(contentDir);
  for (const document of documents) {
    const validation = await validateEntity(document.data);
    if (validation.ok || validation.unknownKind) continue;
    const text = await readFile(contentPaths(contentDir).absolute(document.file), 'utf8');
    const { line, field } = rejectedField(text, document.line, validation.reason) ?? { line: document.line, field: undefined };
    throw new ConfigError(
      `${document.file}:${line}: ${field ? `${field}: ` : ''}${validation.ref ?? 'this document'} is not a valid entity; Backstage rejects it: ${validation.reason.replace(/\.$/, '')}. Expected a Group or User as Backstage's descriptor format describes it (https://backstage.io/docs/features/software-catalog/descriptor-format).`,
    );
  }
  return documents;
}

/**
 * The line and dotted name of the field a Backstage rejection names by its JSON pointer
 * (`/spec/members/1 must be string`), in the document of `text` whose content starts on
 * `documentLine`; undefined when it names none.
 */
function rejectedField(text: string, documentLine: number, reason: string): { line: number; field: string } | undefined {
  const pointer = /^(\/\S*)/.exec(reason)?.[1];
  if (!pointer) return undefined;
  const path = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const lineCounter = new LineCounter();
  const document = [...parseAllDocuments(text, { lineCounter })].find(
    (candidate) => lineCounter.linePos(candidate.contents?.range?.[0] ?? candidate.range[0]).line === documentLine,
  );
  const line = document ? lineAtPath(document, lineCounter, path) : undefined;
  if (line === undefined) return undefined;
  return { line, field: formatPath(path) };
}
