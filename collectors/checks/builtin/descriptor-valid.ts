import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { descriptorsGiveNothing, onlyLocations } from '../../catalog/infer.ts';
import { count, declaringRepo, listOf } from './support/facts.ts';

/** The shape every entity document has before Backstage looks closer: apiVersion, kind, metadata.name. */
function looksLikeEntity(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const { apiVersion, kind, metadata } = data as Record<string, unknown>;
  const name = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).name : undefined;
  return typeof apiVersion === 'string' && typeof kind === 'string' && typeof name === 'string';
}

export const descriptorValid = defineCheck({
  id: 'descriptor-valid',
  title: 'Declared in a valid catalog descriptor',
  category: 'ownership',
  description:
    "The entity is declared in the repository's catalog-info.yaml (not inferred by Cairn), and every file and document of the repository's descriptors parses, with apiVersion, kind and metadata.name. Documents Backstage rejects for other reasons (a bad name, an unknown kind) are on the repository's problems list.",
  why: [
    'An inferred entity is a guess from the repository: its owner, lifecycle and system are unknown, so it cannot be routed to a team or counted against a system.',
    'A declared entity is what the team says it is, in the same format Backstage reads, so the catalog stays right when people move teams.',
  ].join(' '),
  fix: [
    'Add `catalog-info.yaml` at the repository root:',
    '',
    '```yaml',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: payments',
    '  description: Takes card payments for the web shop.',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:payments-team',
    '  system: checkout',
    '```',
    '',
    'If the file exists, open the repository page: its problems list names each YAML error or rejected document with file and line.',
    "If it holds only a `kind: Location`, declare the entity in one of the Location's targets (or in place of the Location): a Location points at descriptors and describes nothing itself.",
  ].join('\n'),
  effort: 'low',
  severity: 'error',
  options: z.object({}),
  precheck({ entity }) {
    if (!entity.source.repo)
      return notApplicable(`${entity.ref} is declared in the portal's content (${entity.source.file}), not in a repository descriptor.`);
    return undefined;
  },
  needs: ['descriptors'],
  run(context) {
    const { entity } = context;
    const { descriptors } = context.facts;
    if (entity.inferred) {
      if (descriptors.files.length === 0 && descriptors.unread?.length)
        return fail(
          `${entity.ref} is inferred by Cairn: the descriptors of repository ${entity.source.repo} are not read (the repository's problems say how to read them), so its owner, lifecycle and system are guesses.`,
          descriptors.unread.map((file) => ({ path: file, note: 'not read' })),
        );
      if (descriptors.files.length === 0)
        return fail(
          `${entity.ref} is inferred by Cairn: repository ${entity.source.repo} has no catalog-info.yaml, so its owner, lifecycle and system are guesses.`,
        );
      const locations = onlyLocations(descriptors);
      if (locations)
        return fail(
          `${entity.ref} is inferred by Cairn: in repository ${entity.source.repo}, ${descriptorsGiveNothing(descriptors)} (the repository's problems name any that is missing), so its owner, lifecycle and system are guesses. Declare the repository's entity in one of them, or in place of the Location.`,
          locations.map((location) => ({ path: location.file, line: location.line, note: `Location: ${location.targets.join(', ')}` })),
        );
      return fail(
        `${entity.ref} is inferred by Cairn: no entity of repository ${entity.source.repo} could be read from ${listOf(descriptors.files)} (the repository's problems name each error), so its owner, lifecycle and system are guesses.`,
        descriptors.files.map((file) => ({ path: file, note: 'no entity was read from this file' })),
      );
    }
    const declared: Evidence = { path: entity.source.file, ...declaringRepo(entity), line: entity.source.line };
    // A file that yields no document is empty or failed to parse as a whole; a document that is not
    // valid YAML, or without apiVersion, kind and metadata.name, is not loaded or is rejected by
    // Backstage. Other rejections (a bad name, an unknown kind) are only on the problems list, which
    // checks do not see.
    const withDocuments = new Set(descriptors.documents.map((document) => document.file));
    const empty = descriptors.files.filter((file) => !withDocuments.has(file));
    const malformed = descriptors.documents.filter((document) => !looksLikeEntity(document.data));
    const broken: Evidence[] = [
      ...empty.map((file) => ({ path: file, note: 'no entity could be read from this file (empty, or invalid YAML)' })),
      ...(descriptors.invalid ?? [])
        .filter((document) => !empty.includes(document.file))
        .map((document) => ({
          path: document.file,
          ...(document.line ? { line: document.line } : {}),
          note: 'a document that is not valid YAML',
        })),
      ...malformed.map((document) => ({
        path: document.file,
        line: document.line,
        note: 'document without apiVersion, kind and metadata.name',
      })),
    ];
    if (broken.length > 0) {
      const where = listOf([...new Set(broken.map((item) => item.path))]);
      return fail(
        `${entity.ref} is declared in ${entity.source.file}, but descriptors of this repository do not load: ${broken.length} problem${broken.length === 1 ? '' : 's'} in ${where}.`,
        [declared, ...broken],
      );
    }
    return pass(
      `${entity.ref} is declared in ${entity.source.file} line ${entity.source.line}, and every descriptor file of the repository parses (${count(descriptors.files.length, 'file')}), each document with apiVersion, kind and metadata.name; documents Backstage rejects for other reasons are on the repository's problems list.`,
      [declared],
    );
  },
});
