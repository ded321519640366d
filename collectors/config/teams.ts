import { KNOWN_KINDS, rejectedField, validateEntity } from '../catalog/validate.ts';
import { didYouMean } from '../scorecards/suggest.ts';
import { readContentEntities, type ContentDocument } from '../sources/content.ts';
import { ConfigError } from './config-error.ts';

/**
 * The portal's own entities (`teams/*.yaml` of its content folder), each one Backstage accepts.
 * They are its configuration, as its scorecards are: a document Backstage rejects is a ConfigError
 * naming the file, the line and the field, where the catalog would otherwise drop the team and fail
 * its entities' owner checks. A kind Backstage does not know (a plugin's) is left to the catalog,
 * which warns of it, unless it is a misspelling of one Backstage knows.
 */
export async function readPortalTeams(contentDir: string | undefined): Promise<ContentDocument[]> {
  if (!contentDir) return [];
  const { documents } = await readContentEntities(contentDir);
  for (const document of documents) {
    const validation = await validateEntity(document.data);
    if (validation.ok) continue;
    if (validation.unknownKind) {
      // A plugin's kind is the catalog's to warn of; one a letter or two from Backstage's own is a typo, and the team would vanish.
      const kind = (document.data as { kind?: unknown }).kind;
      if (typeof kind !== 'string') continue;
      // Close in spelling and in length: `AiResource` is a plugin's kind, not a misspelt `Resource`.
      const meant = didYouMean(
        kind,
        KNOWN_KINDS.filter((known) => Math.abs(known.length - kind.length) <= 1),
      );
      if (!meant) continue;
      throw new ConfigError(
        `${document.file}:${document.fields?.['/kind'] ?? document.line}: kind: "${kind}" is not a kind Backstage knows${meant} Expected ${KNOWN_KINDS.join(', ')}, or a kind a Backstage plugin adds.`,
      );
    }
    const { line, field } = rejectedField(validation.reason, document.fields) ?? { line: document.line, field: undefined };
    throw new ConfigError(
      `${document.file}:${line}: ${field ? `${field}: ` : ''}${validation.ref ?? 'this document'} is not a valid entity; Backstage rejects it: ${validation.reason.replace(/\.$/, '')}. Expected a Group or User as Backstage's descriptor format describes it (https://backstage.io/docs/features/software-catalog/descriptor-format).`,
    );
  }
  return documents;
}
