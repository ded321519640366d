import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { closestMatches } from '../../../collectors/scorecards/suggest.ts';
import { linkToRef, relatedLink, relatedLinks, type EntityLink } from '../../../site/lib/catalog.ts';
import { entityPageView } from '../../../site/lib/entity-page.ts';
import { completeEntityRef, entityDisplayName } from '../../../site/lib/entity-ref.ts';
import { specString } from '../../../site/lib/entity.ts';
import { docsPagePath, entityPath } from '../../../site/lib/paths.ts';
import { formatScore, levelRef } from '../../../site/lib/standards.ts';
import { compareTodo, teamStanding, todoItem, type TodoItem } from '../../../site/lib/team-standing.ts';
import { clip, firstOf, MAX_LOCATION, MAX_NESTED, page, type PageArguments } from './bounds.ts';
import { portalLink, viewLink, type McpPortal } from './portal.ts';

/** The URI of an entity's resource: `cairn://entities/<namespace>/<kind>/<name>`. */
export function entityUri(entity: CatalogEntity): string {
  return `cairn://entities/${[entity.metadata.namespace, entity.kind, entity.metadata.name].map((part) => encodeURIComponent(part.toLowerCase())).join('/')}`;
}

/**
 * The entity an assistant names: a full ref (`component:default/storefront`), a ref as people write
 * it (`component:storefront`), or a name or title (`storefront`). A name several entities share is
 * settled by `prefer` (by default the one of `defaultKind`, as in Backstage's refs; say, those with
 * scorecard results), else the answer asks for a ref.
 */
export function resolveEntity(
  portal: McpPortal,
  text: string,
  prefer?: (entity: CatalogEntity) => boolean,
  defaultKind = 'component',
): CatalogEntity {
  const { catalog } = portal;
  const wanted = text.trim();
  const byRef =
    catalog.byRef.get(wanted.toLowerCase()) ??
    (wanted.includes(':') ? catalog.byRef.get(completeEntityRef(wanted, defaultKind)) : undefined);
  if (byRef) return byRef;
  const lower = wanted.toLowerCase();
  const [namespace, name] = lower.includes('/') ? lower.split('/', 2) : [undefined, lower];
  // A title is matched whole: one with a slash ("Payments / Checkout") names no namespace.
  const named = catalog.entities.filter(
    (entity) =>
      (entity.metadata.name.toLowerCase() === name && (namespace === undefined || entity.metadata.namespace.toLowerCase() === namespace)) ||
      entityDisplayName(entity).toLowerCase() === lower,
  );
  const preferred = named.filter(prefer ?? ((entity) => entity.kind.toLowerCase() === defaultKind));
  const candidates = preferred.length > 0 ? preferred : named;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1)
    throw new Error(
      `"${text}" names ${candidates.length} entities: ${candidates
        .slice(0, MAX_NESTED)
        .map((entity) => entity.ref)
        .join(', ')}${candidates.length > MAX_NESTED ? ` and ${candidates.length - MAX_NESTED} more` : ''}; pass one of these refs.`,
    );
  const close = closestMatches(
    name ?? lower,
    catalog.entities.map((entity) => entity.metadata.name),
  );
  throw new Error(
    `No entity "${text}" in the catalog${close.length ? `; did you mean ${close.map((candidate) => `"${candidate}"`).join(', ')}?` : '; search_catalog finds entities by text.'}`,
  );
}

/** An entity link of a view, for an answer: its ref, its name and its page. */
function linkAnswer(portal: McpPortal, link: EntityLink): { ref: string; name: string; url?: string } {
  const url = viewLink(portal, link.href);
  return { ref: link.ref, name: link.text, ...(url ? { url } : {}) };
}

/** Links of a relation, the first few, and how many more there are. */
function linksAnswer(portal: McpPortal, links: readonly EntityLink[]): { entities: ReturnType<typeof linkAnswer>[]; omitted?: number } {
  const { items, omitted } = firstOf(links, MAX_NESTED * 2);
  return { entities: items.map((link) => linkAnswer(portal, link)), ...(omitted ? { omitted } : {}) };
}

/** Where an entity stands on each scorecard, in a few words. */
function standings(portal: McpPortal, entity: CatalogEntity) {
  return (portal.standards.resultsByEntity.get(entity.ref) ?? []).map((result) => {
    const scorecard = portal.standards.scorecardsById.get(result.scorecard)!;
    return {
      scorecard: result.scorecard,
      level: levelRef(scorecard, result.level).title,
      score: formatScore(result.score),
      ...(result.next ? { next: { level: levelRef(scorecard, result.next.level).title, blockingChecks: result.next.checks.length } } : {}),
    };
  });
}

/** One entity in a list: enough to tell it apart and decide whether to look closer. */
export function entitySummary(portal: McpPortal, entity: CatalogEntity) {
  const owner = relatedLink(portal.catalog, entity, 'ownedBy');
  const system = relatedLink(portal.catalog, entity, 'partOf', 'system');
  const type = specString(entity, 'type');
  const lifecycle = specString(entity, 'lifecycle');
  const url = portalLink(portal, entityPath(entity));
  return {
    ref: entity.ref,
    kind: entity.kind,
    name: entity.metadata.name,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(entity.metadata.description ? { description: clip(entity.metadata.description, 300) } : {}),
    ...(type ? { type } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(owner ? { owner: owner.ref } : {}),
    ...(system ? { system: system.ref } : {}),
    ...(entity.metadata.tags?.length ? { tags: entity.metadata.tags.slice(0, MAX_NESTED) } : {}),
    scorecards: standings(portal, entity).map(({ scorecard, level }) => ({ scorecard, level })),
    ...(url ? { url } : {}),
    resource: entityUri(entity),
  };
}

export interface CatalogQuery extends PageArguments {
  text?: string | undefined;
  kind?: string | undefined;
  owner?: string | undefined;
  tag?: string | undefined;
  system?: string | undefined;
}

/**
 * The catalog's entities that match every filter given. With `text`, the best matches come first:
 * the name or title itself, then names that start with it, then any other field that holds it.
 */
export function searchCatalog(portal: McpPortal, query: CatalogQuery) {
  const { catalog } = portal;
  const kind = query.kind?.trim().toLowerCase();
  const tag = query.tag?.trim().toLowerCase();
  const owner = query.owner === undefined ? undefined : completeEntityRef(query.owner.trim(), 'group');
  const system = query.system === undefined ? undefined : completeEntityRef(query.system.trim(), 'system');
  const text = query.text?.trim().toLowerCase();
  const matches = catalog.entities
    .filter((entity) => kind === undefined || entity.kind.toLowerCase() === kind)
    .filter((entity) => tag === undefined || (entity.metadata.tags ?? []).some((candidate) => candidate.toLowerCase() === tag))
    .filter(
      (entity) => owner === undefined || entity.relations.some((relation) => relation.type === 'ownedBy' && relation.targetRef === owner),
    )
    .filter(
      (entity) => system === undefined || entity.relations.some((relation) => relation.type === 'partOf' && relation.targetRef === system),
    )
    .map((entity) => ({ entity, rank: text ? textRank(entity, text) : 0 }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => b.rank - a.rank);
  const { items, total, nextCursor } = page(matches, query, ({ entity }) => entitySummary(portal, entity));
  return { entities: items, total, ...(nextCursor ? { nextCursor } : {}) };
}

/** How well an entity matches search text: 3 its name or title, 2 a name starting with it, 1 a field holding it, -1 none. */
function textRank(entity: CatalogEntity, text: string): number {
  const name = entity.metadata.name.toLowerCase();
  const title = entity.metadata.title?.toLowerCase();
  if (name === text || title === text || entity.ref === text) return 3;
  if (name.startsWith(text) || title?.startsWith(text)) return 2;
  const fields = [name, title, entity.metadata.description, ...(entity.metadata.tags ?? []), specString(entity, 'type'), entity.ref];
  return fields.some((field) => field?.toLowerCase().includes(text)) ? 1 : -1;
}

/**
 * An entity as its page shows it (`entityPageView`): what it is, who owns it, what it belongs to
 * and relates to, its links, its repository, its problems, where it stands on each scorecard, and
 * links to its page and docs.
 */
export function entityAnswer(portal: McpPortal, entity: CatalogEntity) {
  const view = entityPageView(portal.catalog, entity);
  const link = (target: EntityLink | undefined) => (target ? linkAnswer(portal, target) : undefined);
  const owner = link(view.owner);
  const system = link(view.system);
  const domain = link(view.domain);
  const url = portalLink(portal, entityPath(entity));
  const docs = portal.documented.has(entity.ref) ? portalLink(portal, docsPagePath(entity, '')) : undefined;
  const annotations = firstOf(view.annotations, MAX_NESTED * 2);
  const problems = firstOf(view.problems);
  return {
    ref: view.ref,
    kind: view.kind,
    namespace: view.namespace,
    name: entity.metadata.name,
    title: view.displayName,
    ...(view.description ? { description: clip(view.description, 2_000) } : {}),
    ...(view.type ? { type: view.type } : {}),
    ...(view.lifecycle ? { lifecycle: view.lifecycle } : {}),
    inferred: view.inferred,
    ...(view.fromCodeowners ? { fromCodeowners: view.fromCodeowners } : {}),
    ...(owner ? { owner } : {}),
    ...(system ? { system } : {}),
    ...(domain ? { domain } : {}),
    tags: view.tags.slice(0, MAX_NESTED),
    links: firstOf(view.links).items.map((entry) => ({
      title: clip(entry.text, 200),
      ...(entry.href ? { url: entry.href } : { note: 'not an http(s) or mailto link: not linked' }),
    })),
    annotations: Object.fromEntries(annotations.items.map(([key, value]) => [key, clip(value, 300)])),
    ...(annotations.omitted ? { annotationsOmitted: annotations.omitted } : {}),
    relations: view.relations.map((group) => ({ type: group.type, label: group.label, ...linksAnswer(portal, group.links) })),
    ...(view.group
      ? {
          group: {
            ...(view.group.parent ? { parent: linkAnswer(portal, view.group.parent) } : {}),
            children: linksAnswer(portal, view.group.children),
            members: {
              ...linksAnswer(
                portal,
                view.group.members.map((member) => member.link),
              ),
            },
            owns: linksAnswer(
              portal,
              view.group.owned.map((owned) => owned.link),
            ),
          },
        }
      : {}),
    ...(view.parts.length > 0
      ? { parts: view.parts.map((section) => ({ heading: section.heading, ...linksAnswer(portal, section.links) })) }
      : {}),
    source: {
      ...(view.source.repo ? { repository: view.source.repo } : {}),
      ...(view.source.location ? { location: clip(view.source.location, MAX_LOCATION) } : {}),
      ...(view.source.href ? { url: view.source.href } : {}),
    },
    ...(view.repository
      ? {
          repository: {
            name: view.repository.name,
            ...(view.repository.href ? { url: view.repository.href } : {}),
            ...(view.repository.commit ? { commit: view.repository.commit } : {}),
            ...(view.repository.branch ? { branch: view.repository.branch } : {}),
            ...(view.repository.stale ? { stale: view.repository.stale } : {}),
            languages: view.repository.languages.slice(0, 5),
          },
        }
      : {}),
    problems: problems.items.map((problem) => ({
      severity: problem.severity,
      message: clip(problem.message),
      ...(problem.location ? { location: clip(problem.location, MAX_LOCATION) } : {}),
    })),
    ...(problems.omitted ? { problemsOmitted: problems.omitted } : {}),
    scorecards: standings(portal, entity),
    ...(url ? { url } : {}),
    ...(docs ? { docs } : {}),
    resource: entityUri(entity),
  };
}

/** A to-do item of the group page, for an answer. */
function todoAnswer(portal: McpPortal, item: TodoItem) {
  return {
    entity: linkAnswer(portal, item.entity),
    scorecard: item.scorecard.id,
    nextLevel: item.nextLevel.title,
    checks: item.checks.map((check) => ({
      id: check.id,
      title: check.title,
      ...(check.effort ? { effort: check.effort } : {}),
      ...(check.status ? { status: check.status } : {}),
      ...(check.message ? { message: clip(check.message, 300) } : {}),
    })),
  };
}

/**
 * What an owner (a Group, or a User) owns and its to-do list: each owned entity's way to its next
 * level, closest first, as the group's page lists it (`teamStanding`). The to-do list is paged.
 */
export function ownerServices(portal: McpPortal, ownerText: string, paging: PageArguments) {
  const { catalog, standards } = portal;
  const isOwner = (entity: CatalogEntity) => ['group', 'user'].includes(entity.kind.toLowerCase());
  let owner: CatalogEntity;
  try {
    owner = resolveEntity(portal, ownerText, isOwner, 'group');
  } catch (error) {
    // An owner entities name that the catalog does not define (`spec.owner: backstage/maintainers`):
    // what names it is still its.
    const ref = completeEntityRef(ownerText.trim(), 'group');
    const owned = catalog.entities.filter((entity) =>
      entity.relations.some((relation) => relation.type === 'ownedBy' && relation.targetRef === ref),
    );
    if (owned.length === 0) throw error;
    return undefinedOwnerServices(portal, ref, owned, paging);
  }
  if (!isOwner(owner)) throw new Error(`${owner.ref} is a ${owner.kind}; owners are Groups and Users.`);
  const owned = relatedLinks(catalog, owner, 'ownerOf');
  const standing = teamStanding(catalog, standards, owner);
  const todo = standing
    ? standing.todo
    : owned
        .flatMap((link) => (standards.resultsByEntity.get(link.ref) ?? []).flatMap((result) => todoItem(catalog, standards, result)))
        .sort(compareTodo);
  const { items, total, nextCursor } = page(todo, paging, (item) => todoAnswer(portal, item));
  const ownedList = firstOf(owned, 50);
  const url = portalLink(portal, entityPath(owner));
  return {
    owner: { ref: owner.ref, kind: owner.kind, name: entityDisplayName(owner), ...(url ? { url } : {}) },
    owns: ownedList.items.map((link) => {
      const entity = catalog.byRef.get(link.ref);
      return {
        ...linkAnswer(portal, link),
        kind: entity?.kind ?? link.kind,
        ...(entity ? { scorecards: standings(portal, entity).map(({ scorecard, level }) => ({ scorecard, level })) } : {}),
      };
    }),
    ...(ownedList.omitted ? { ownsOmitted: ownedList.omitted } : {}),
    todo: items,
    todoTotal: total,
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** What entities name `ref` as their owner, when no Group or User of the catalog is it. */
function undefinedOwnerServices(portal: McpPortal, ref: string, owned: readonly CatalogEntity[], paging: PageArguments) {
  const { catalog, standards } = portal;
  const todo = owned
    .flatMap((entity) => (standards.resultsByEntity.get(entity.ref) ?? []).flatMap((result) => todoItem(catalog, standards, result)))
    .sort(compareTodo);
  const { items, total, nextCursor } = page(todo, paging, (item) => todoAnswer(portal, item));
  const ownedList = firstOf(owned, 50);
  return {
    owner: { ref, defined: false, note: `${ref} is named as an owner, but the catalog defines no Group or User of that ref.` },
    owns: ownedList.items.map((entity) => ({
      ...linkAnswer(portal, linkToRef(catalog, entity.ref)),
      kind: entity.kind,
      scorecards: standings(portal, entity).map(({ scorecard, level }) => ({ scorecard, level })),
    })),
    ...(ownedList.omitted ? { ownsOmitted: ownedList.omitted } : {}),
    todo: items,
    todoTotal: total,
    ...(nextCursor ? { nextCursor } : {}),
  };
}
