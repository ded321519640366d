import { parseEntityRef } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { INFERRED_FILE } from '../catalog/index.ts';
import { INFERRED_TYPE_REASON_ANNOTATION, ownerFromCodeowners, UNKNOWN_OWNER } from '../catalog/infer.ts';
import type { Facts } from '../facts/index.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import { RELATION, relationTarget } from '../catalog/relations.ts';
import { commentText, defineFix, githubSlug } from './fix.ts';
import { compareCodeUnits } from '../support/order.ts';

/** Where Backstage documents the format, for whoever edits the file next. */
const FORMAT_URL = 'https://backstage.io/docs/features/software-catalog/descriptor-format';

/**
 * `catalog-info.yaml` for an entity Cairn inferred: the descriptor Backstage reads, holding what Cairn
 * guessed (name, description, tags, type, owner from CODEOWNERS), so the team commits what it
 * confirms and the catalog stops guessing. Cairn's own annotations (`cairn.dev/…`) stay out: they
 * describe the guess, and a declared entity is none. A header comment says where each value came
 * from and what Cairn could not tell (the lifecycle, which stays `unknown`).
 */
export const descriptorFix = defineFix({
  id: 'descriptor',
  path: 'catalog-info.yaml',
  readBy: 'Backstage',
  checkIds: ['descriptor-valid'],
  suggest({ entities, failing, facts, files }) {
    const failed = failing.get('descriptor-valid');
    const entity = entities.find(
      (candidate) =>
        candidate.inferred && candidate.source.file === INFERRED_FILE && candidate.source.repo !== undefined && failed?.has(candidate.ref),
    );
    if (!entity) return undefined;
    const owner = ownerOf(entity);
    const handle = owner.known ? codeownersHandle(facts, owner.ref) : undefined;
    const body = stringify(descriptorData(entity, owner.written, files), { lineWidth: 0 });
    const notes = [
      owner.known
        ? `spec.owner: ${owner.written}, from the CODEOWNERS catch-all rule${handle ? ` (${commentText(handle)})` : ''}.`
        : 'spec.owner: unknown. No CODEOWNERS catch-all rule names a team: put the owning Group here (e.g. payments-team).',
      `spec.type: ${commentText(String(entity.spec?.type ?? 'other'))}${typeReason(entity)}.`,
      'spec.lifecycle: unknown. No file says: set experimental, production or deprecated.',
      entity.metadata.description
        ? `metadata.description: ${descriptionOrigin(entity.metadata.description, facts)}; say in a sentence what this is.`
        : 'metadata.description: none found; say in a sentence what this is.',
      entity.metadata.links?.length
        ? 'spec.system, metadata.links: add the System it belongs to, if any; the links are the web pages its package manifest names: add its dashboard or runbook, if it has them.'
        : 'spec.system, metadata.links: add the System it belongs to, and its dashboard or runbook, if it has them.',
    ];
    const header = [
      '# Written by Cairn from what it found in this repository: the catalog entity it inferred, as',
      "# Backstage's descriptor. Check each value before you commit it:",
      ...notes.map((note) => `#   - ${note}`),
      `# Format: ${FORMAT_URL}`,
    ];
    return {
      summary: `The descriptor of ${entity.ref} as Cairn inferred it (owner ${owner.known ? `${owner.written} from CODEOWNERS` : 'unknown'}, type ${String(entity.spec?.type ?? 'other')}); set its lifecycle and check the rest.`,
      text: `${header.join('\n')}\n${body}`,
    };
  },
});

/** The entity as a descriptor: Backstage's fields, in Backstage's order, without Cairn's. */
function descriptorData(entity: CatalogEntity, owner: string, files: readonly string[]): Record<string, unknown> {
  const { name, namespace, title, description, tags, links } = entity.metadata;
  const annotations = descriptorAnnotations(entity, files);
  const spec = { ...entity.spec, owner };
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      name,
      ...(namespace && namespace !== 'default' ? { namespace } : {}),
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
      ...(tags && tags.length > 0 ? { tags } : {}),
      ...(links && links.length > 0 ? { links } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec,
  };
}

/**
 * Annotations a team's descriptor carries: the entity's own, less Cairn's (`cairn.dev/…`); the
 * GitHub repository when known (Backstage's GitHub plugins read it); TechDocs' source when an
 * `mkdocs.yml` sits at the root.
 */
function descriptorAnnotations(entity: CatalogEntity, files: readonly string[]): Record<string, string> {
  const own = Object.entries(entity.metadata.annotations ?? {}).filter(([key]) => !key.startsWith('cairn.dev/'));
  const slug = githubSlug(entity);
  const mkdocs = files.some((file) => file === 'mkdocs.yml' || file === 'mkdocs.yaml');
  return Object.fromEntries(
    [
      ...own,
      ...(slug ? [['github.com/project-slug', slug] as const] : []),
      ...(mkdocs ? [['backstage.io/techdocs-ref', 'dir:.'] as const] : []),
    ].sort(([a], [b]) => compareCodeUnits(a, b)),
  );
}

/**
 * The owner as the descriptor writes it, in Backstage's short form: a Group of the default
 * namespace by name (`payments-team`), anything else with its kind (`user:jdoe`). An inferred
 * entity without one has `group:default/unknown`, written `unknown`.
 */
function ownerOf(entity: CatalogEntity): { ref: string; written: string; known: boolean } {
  const ref = relationTarget(entity, RELATION.ownedBy) ?? String(entity.spec?.owner ?? UNKNOWN_OWNER);
  const { kind, namespace, name } = parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace });
  const short = namespace === 'default' ? name : `${namespace}/${name}`;
  return {
    ref: `${kind}:${namespace}/${name}`.toLowerCase(),
    written: kind.toLowerCase() === 'group' ? short : `${kind.toLowerCase()}:${short}`,
    known: ref.toLowerCase() !== UNKNOWN_OWNER,
  };
}

/** The CODEOWNERS handle the owner was inferred from (`@acme/payments-team`), as written there. */
function codeownersHandle(facts: Facts, ref: string): string | undefined {
  return facts.codeowners?.catchAll?.find((owner) => ownerFromCodeowners([owner]) === ref);
}

/** Why the inferred type, from Cairn's own annotation: ` — src/Dockerfile with EXPOSE 8080`. */
function typeReason(entity: CatalogEntity): string {
  const reason = entity.metadata.annotations?.[INFERRED_TYPE_REASON_ANNOTATION];
  return reason ? ` — ${commentText(reason)}` : '';
}

/** Where an inferred description came from: a manifest's description field, or the README. */
function descriptionOrigin(description: string, facts: Facts): string {
  const same = (text: string | undefined) => text !== undefined && text.trim() === description.trim();
  const manifest = facts.manifests?.find((candidate) => same(candidate.description));
  if (manifest) return `from ${commentText(manifest.path)}`;
  if (facts.readme && same(facts.readme.summary)) return `from the first paragraph of ${commentText(facts.readme.path)}`;
  return 'from the repository';
}
