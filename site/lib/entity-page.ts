import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { compareText, relatedLink, relatedLinks, type IndexedCatalog, type EntityLink } from './catalog.ts';
import { entityDisplayName } from './entity-ref.ts';
import { specString } from './entity.ts';
import { repoOf } from './standards.ts';
import { GROUP_RELATION_TYPES, groupView, type GroupView } from './group.ts';
import { safeHref, safeWebHref } from './links.ts';
import { partsOf, type PartsSection } from './parts.ts';
import { problemsOfEntity, type ProblemView } from './problems.ts';
import { compareRelationTypes, relationLabel } from './relations.ts';
import { repositoryView, type RepositoryView } from './repository.ts';

/** The targets of one relation type, under its human label. */
export interface RelationGroup {
  type: string;
  label: string;
  links: EntityLink[];
}

/** A link from an entity's `metadata.links`: `href` is absent when its URL is not safe to follow. */
export interface ExternalLink {
  text: string;
  href?: string;
}

/** Everything an entity page shows, shaped from the catalog. */
export interface EntityPageView {
  ref: string;
  kind: string;
  namespace: string;
  displayName: string;
  description?: string;
  type?: string;
  lifecycle?: string;
  inferred: boolean;
  /** For a Group or User that exists because CODEOWNERS files name it: as what, and in which repositories. */
  fromCodeowners?: { handles: string; repositories: string };
  owner?: EntityLink;
  system?: EntityLink;
  domain?: EntityLink;
  tags: string[];
  links: ExternalLink[];
  /** Annotation keys and values, sorted by key. Values are untrusted text. */
  annotations: Array<[string, string]>;
  /** Relations not already shown in a section of their own (group, parts). */
  relations: RelationGroup[];
  /** Where it is declared: file and line, or none for an inferred entity (`href` is then the repository's tree). */
  source: { repo?: string; location?: string; href?: string };
  repository?: RepositoryView;
  problems: ProblemView[];
  group?: GroupView;
  parts: PartsSection[];
}

/** Shapes the page of one entity. */
export function entityPageView(catalog: IndexedCatalog, entity: CatalogEntity): EntityPageView {
  const { metadata, source } = entity;
  const isGroup = entity.kind.toLowerCase() === 'group';
  const parts = partsOf(catalog, entity);
  const sectionTypes = [...(isGroup ? GROUP_RELATION_TYPES : []), ...(parts.length > 0 ? ['hasPart'] : [])];
  const owner = relatedLink(catalog, entity, 'ownedBy');
  const system = relatedLink(catalog, entity, 'partOf', 'system');
  const domain = relatedLink(catalog, entity, 'partOf', 'domain') ?? domainOfSystem(catalog, system);
  const type = specString(entity, 'type');
  const lifecycle = specString(entity, 'lifecycle');
  const sourceHref = safeWebHref(source.url);
  const repo = repoOf(catalog, entity);
  return {
    ref: entity.ref,
    kind: entity.kind,
    namespace: metadata.namespace,
    displayName: entityDisplayName(entity),
    ...(metadata.description ? { description: metadata.description } : {}),
    ...(type ? { type } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    inferred: entity.inferred,
    ...codeownersOrigin(entity),
    ...(owner ? { owner } : {}),
    ...(system ? { system } : {}),
    ...(domain ? { domain } : {}),
    tags: metadata.tags ?? [],
    links: (metadata.links ?? []).map((link) => {
      const href = safeHref(link.url);
      return { text: link.title ?? link.url, ...(href ? { href } : {}) };
    }),
    annotations: Object.entries(metadata.annotations ?? {}).sort(([a], [b]) => compareText(a, b)),
    relations: relationGroups(catalog, entity, sectionTypes),
    source: {
      ...(source.repo ? { repo: source.repo } : {}),
      ...(entity.inferred ? {} : { location: `${source.file}:${source.line}` }),
      ...(sourceHref ? { href: sourceHref } : {}),
    },
    ...(repo ? { repository: repositoryView(repo) } : {}),
    problems: problemsOfEntity(catalog, entity),
    ...(isGroup ? { group: groupView(catalog, entity) } : {}),
    parts,
  };
}

/** Where an owner inferred from CODEOWNERS was named (annotations the catalog stage sets on it). */
function codeownersOrigin(entity: CatalogEntity): Pick<EntityPageView, 'fromCodeowners'> {
  const annotations = entity.metadata.annotations ?? {};
  if (!entity.inferred || annotations['cairn.dev/inferred-from'] !== 'CODEOWNERS') return {};
  return {
    fromCodeowners: {
      handles: annotations['cairn.dev/codeowners-handles'] ?? '',
      repositories: annotations['cairn.dev/codeowners-repositories'] ?? '',
    },
  };
}

/** An entity's relations grouped by type, in display order, leaving out the `omit` types. */
function relationGroups(catalog: IndexedCatalog, entity: CatalogEntity, omit: readonly string[]): RelationGroup[] {
  const types = [...new Set(entity.relations.map((relation) => relation.type))];
  return types
    .filter((type) => !omit.includes(type))
    .sort(compareRelationTypes)
    .map((type) => ({ type, label: relationLabel(type), links: relatedLinks(catalog, entity, type) }));
}

function domainOfSystem(catalog: IndexedCatalog, system: EntityLink | undefined): EntityLink | undefined {
  const systemEntity = system && catalog.byRef.get(system.ref);
  return systemEntity && relatedLink(catalog, systemEntity, 'partOf', 'domain');
}
