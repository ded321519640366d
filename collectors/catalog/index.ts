import type { Entity } from '@backstage/catalog-model';
import type { Problem } from '../contract/problems.ts';
import type { RepoSnapshot } from '../contract/snapshot.ts';
import { windowsSafeSegment } from '../support/output-names.ts';
import { FIELDS_POINTED_AT, type CatalogEntity, type EntitySource } from './schema.ts';
import { sourceLinks } from '../support/source-links.ts';
import { inferComponent, isPlaceholderOwner } from './infer.ts';
import { inferOwners, ownerNamespaceHint } from './owners.ts';
import { codeRepositories } from './code-repo.ts';
import { entityReferences, type EntityReference } from './references.ts';
import { compare, relationsBySource, relationsOf } from './relations.ts';
import { KNOWN_KINDS, rejectedField, validateEntity } from './validate.ts';

/** A scanned repository, as the catalog needs it. */
export type CatalogRepo = Pick<RepoSnapshot, 'name' | 'webUrl' | 'forge' | 'facts'> & {
  /** The commit the facts were read at, so source links do not drift. */
  headCommit?: string;
};

/**
 * A document that lives in no repository: a YAML document of the portal's own `content/teams/*.yaml`,
 * or an entity read from the forge (a GitHub team, with `url` its page).
 */
export interface ContentDocument {
  file: string;
  line: number;
  url?: string;
  data: unknown;
  /** The line of each field, by JSON pointer, for a document read from YAML. */
  fields?: Readonly<Record<string, number>>;
}

export interface CatalogInput {
  repos: readonly CatalogRepo[];
  content: readonly ContentDocument[];
  /**
   * Groups and Users read from the forge (a GitHub source's teams). They give way, silently, to a
   * hand-written entity with the same ref (and to an earlier forge entity: a person who is a member
   * in two organisations is one User), and win over anything Cairn infers.
   */
  forge?: readonly ContentDocument[];
  /**
   * Refs of entities catalogued elsewhere (`cairn check --catalog`: the portal's catalog), which
   * references may name without being dangling.
   */
  knownRefs?: ReadonlySet<string>;
}

export interface Catalog {
  /** Valid entities, sorted by ref, each with its relations (both directions) and source. */
  entities: CatalogEntity[];
  problems: Problem[];
}

/** The `source.file` of inferred entities: the repository root, as they come from no descriptor. */
export const INFERRED_FILE = '.';

/** One document on its way into the catalog. */
interface Candidate {
  data: unknown;
  source: EntitySource;
  /** The line of each field of its YAML document, by JSON pointer, when it was read from one. */
  fields?: Readonly<Record<string, number>>;
  inferred: boolean;
  /** Dropped without a problem when an earlier candidate has its ref (forge and CODEOWNERS owners). */
  givesWay?: boolean;
}

/** A candidate Backstage accepts. */
interface Accepted {
  ref: string;
  entity: Entity;
  references: EntityReference[];
  source: EntitySource;
  /** The line of each field of its document, by JSON pointer, so a problem with a field is reported there. */
  fields?: Readonly<Record<string, number>>;
  inferred: boolean;
}

/**
 * The catalog stage: descriptors and facts in, Backstage entities with relations out. Every
 * document is validated as Backstage's catalog would (catalog-model's policies and kind
 * validators), refs are resolved with Backstage's defaults, and repositories without descriptors
 * (or whose descriptors all fail to load) get an inferred Component. Declarations are ranked content first, then repositories by name,
 * file and line: the first of two with the same ref wins. Below them come the forge's Groups and
 * Users, then inferred Components, then a Group or User for every owner CODEOWNERS names (see
 * owners.ts); these give way silently to a declared entity. Bad input becomes problems, never an
 * exception; the result depends only on the input.
 *
 * Async only because catalog-model's policies and validators are.
 */
export async function buildCatalog(input: CatalogInput): Promise<Catalog> {
  const problems: Problem[] = [];
  const accepted = new Map<string, Accepted>();

  const repos = sortedRepos(input.repos);
  const declared = [...contentCandidates(input.content), ...repos.flatMap(repoCandidates)];
  // Repositories that declare a valid entity, kept or not (a duplicate of an earlier declaration is
  // still declared). A Location only points at descriptors: one whose targets give nothing leaves its
  // repository with no entity of its own.
  const declaredIn = new Set<string | undefined>();
  for (const candidate of declared) {
    const entity = await admit(candidate, accepted, problems);
    if (entity && entity.kind !== 'Location') declaredIn.add(candidate.source.repo);
  }
  for (const candidate of contentCandidates(input.forge ?? [])) await admit({ ...candidate, givesWay: true }, accepted, problems);
  // An entity declared elsewhere that names a repository as its code's stands for that repository too.
  const code = codeRepositories(
    [...accepted.values()].map(({ ref, entity, source, inferred }) => ({
      ref,
      metadata: entity.metadata as CatalogEntity['metadata'],
      source,
      inferred,
    })),
    repos,
  );
  for (const [ref, repo] of code.codeRepos) if (accepted.get(ref)?.entity.kind !== 'Location') declaredIn.add(repo);
  problems.push(...code.problems);

  // Inferred entities come last, so a declared entity always wins over a guess with the same ref.
  // A repository whose descriptors gave no entity (it has none, or only broken ones) gets one, so it
  // stays in the catalog and its page says what to fix; an unreadable repository has nothing to infer from.
  for (const repo of repos) {
    if (!repo.facts.descriptors || declaredIn.has(repo.name)) continue;
    try {
      const inferred = inferComponent(repo);
      problems.push(...inferred.problems.map((problem) => ({ ...problem, repo: repo.name })));
      await admit({ data: inferred.data, source: inferredSource(repo), inferred: true }, accepted, problems);
    } catch (error) {
      problems.push({
        severity: 'error',
        repo: repo.name,
        message: `Cairn could not infer a Component for ${repo.name}: ${messageOf(error)}`,
      });
    }
  }
  // Owners come from every repository's CODEOWNERS, so they belong to none: their source is no file.
  for (const data of inferOwners(repos)) {
    await admit({ data, source: { file: INFERRED_FILE, line: 1 }, inferred: true, givesWay: true }, accepted, problems);
  }

  const relations = relationsBySource([...accepted.values()].flatMap((entry) => relationsOf(entry.ref, entry.references)));
  problems.push(...danglingReferences(accepted, input.knownRefs ?? new Set()), ...reservedNames(accepted));

  const entities = [...accepted.values()]
    .sort((a, b) => compare(a.ref, b.ref))
    .map(({ ref, entity, source, inferred }): CatalogEntity => ({
      ref,
      apiVersion: entity.apiVersion,
      kind: entity.kind,
      metadata: entity.metadata as CatalogEntity['metadata'],
      ...(entity.spec ? { spec: entity.spec as Record<string, unknown> } : {}),
      relations: relations.get(ref) ?? [],
      source,
      inferred,
    }));
  return {
    entities: entities.map((entity) => {
      const codeRepo = code.codeRepos.get(entity.ref);
      return codeRepo === undefined ? entity : { ...entity, codeRepo };
    }),
    problems,
  };
}

/**
 * Entities whose name or namespace Windows reserves (`con`, `aux`, `nul` …): their pages are
 * published under another folder (`con_`), so the site can be checked out on any disk, and the
 * entity's URL differs from Backstage's; said, so the team can rename it.
 */
function reservedNames(accepted: ReadonlyMap<string, Accepted>): Problem[] {
  return [...accepted.values()].flatMap(({ ref, entity, source }) => {
    const { name } = entity.metadata;
    const namespace = entity.metadata.namespace ?? 'default';
    const renamed = [namespace, name].filter((segment) => windowsSafeSegment(segment) !== segment);
    if (renamed.length === 0) return [];
    const [first] = renamed;
    return [
      {
        ...locationOf(source),
        severity: 'warning',
        entityRef: ref,
        message: `${ref}: ${first} is a name Windows reserves, so the entity's pages are published under ${windowsSafeSegment(first!)}/ instead (Backstage's URL would have ${first}/). Rename it to keep one URL everywhere.`,
      },
    ];
  });
}

/**
 * Validates a candidate, resolves its references and ranks it against an earlier one with the same
 * ref. The entity when it is valid (kept, or given way to an earlier declaration); else undefined.
 */
async function admit(candidate: Candidate, accepted: Map<string, Accepted>, problems: Problem[]): Promise<Entity | undefined> {
  const where = locationOf(candidate.source);
  try {
    const validation = await validateEntity(candidate.data);
    if (!validation.ok) {
      // At the field Backstage names, when the document's lines are known: where the fix goes.
      const field = where.line === undefined ? undefined : rejectedField(validation.reason, candidate.fields);
      problems.push({ ...where, ...(field ? { line: field.line } : {}), ...rejection(validation, candidate.data) });
      return undefined;
    }
    const { entity, ref } = validation;
    const { references, errors } = entityReferences(entity);
    if (errors.length > 0) {
      // Backstage's BuiltinKindsEntityProcessor throws on such a ref, which fails the whole entity.
      const details = errors.map((error) => `spec.${error.field}: ${stripPeriod(error.message)}`).join('; ');
      problems.push({
        ...where,
        severity: 'error',
        message: `${ref} is not in the catalog: Backstage rejects it because a reference cannot be resolved (${details}). Write the ref with its kind, e.g. \`component:name\`.`,
      });
      return undefined;
    }
    const earlier = accepted.get(ref);
    if (earlier) {
      if (!candidate.givesWay) reportDuplicate(ref, earlier, candidate, problems);
      return entity;
    }
    // An inferred entity's placeholder owner means "no owner": it relates it to no group (one named
    // `unknown` must not claim every ownerless repository) and is not a reference to report.
    const related = references.filter((reference) => !isPlaceholderOwner(candidate, reference.targetRef));
    accepted.set(ref, {
      ref,
      entity,
      references: related,
      source: withFieldLines(candidate),
      ...(candidate.fields ? { fields: candidate.fields } : {}),
      inferred: candidate.inferred,
    });
    return entity;
  } catch (error) {
    problems.push({ ...where, severity: 'error', message: `Cairn could not process this entity: ${messageOf(error)}` });
    return undefined;
  }
}

/** A candidate's source with the lines of the fields checks point at, those its document has. */
function withFieldLines({ source, fields }: Candidate): EntitySource {
  const lines = FIELDS_POINTED_AT.flatMap((pointer) => (fields?.[pointer] ? [[pointer, fields[pointer]] as const] : []));
  return lines.length === 0 ? source : { ...source, fields: Object.fromEntries(lines) };
}

/** The problem for a document Backstage rejects, quoting Backstage's reason and saying what was expected. */
function rejection(
  validation: { ref?: string; reason: string; unknownKind?: boolean },
  data: unknown,
): Pick<Problem, 'severity' | 'message'> {
  const subject = validation.ref ?? 'This document';
  if (isMcpServerApi(data))
    // Valid in an app with catalog-model's AI model layer, which takes `spec.remotes` for a definition.
    return {
      severity: 'warning',
      message: `${subject} is not in the catalog: Backstage's standard API kind rejects it (${stripPeriod(validation.reason)}). An app with the AI model catalog module (@backstage/plugin-catalog-backend-module-ai-model) takes an mcp-server API with spec.remotes instead; Cairn catalogs the standard kinds.`,
    };
  if (validation.unknownKind) {
    // A kind Backstage's model does not have may come from a plugin (AiResource …), valid where that
    // plugin runs: Cairn cannot catalog it, but the repository is not wrong, so it is a warning and
    // does not fail --strict. A known kind in the wrong case or with an unknown apiVersion is a mistake.
    const kind = validation.ref?.split(':')[0];
    const mistaken = KNOWN_KINDS.some((known) => known.toLowerCase() === kind);
    return {
      severity: mistaken ? 'error' : 'warning',
      message: `${subject} is not in the catalog: ${stripPeriod(validation.reason)}. Cairn catalogs kind ${KNOWN_KINDS.filter((kind) => kind !== 'Template').join(', ')} with apiVersion backstage.io/v1alpha1 or backstage.io/v1beta1, or a Template with apiVersion scaffolder.backstage.io/v1beta3.`,
    };
  }
  return {
    severity: 'error',
    message: `${subject} is not valid and is not in the catalog; Backstage rejects it: ${stripPeriod(validation.reason)}.`,
  };
}

/** An API of type `mcp-server`: the AI model layer's kind of API, alpha in catalog-model. */
function isMcpServerApi(data: unknown): boolean {
  const { kind, spec } = (typeof data === 'object' && data !== null ? data : {}) as { kind?: unknown; spec?: { type?: unknown } };
  return kind === 'API' && typeof spec === 'object' && spec !== null && spec.type === 'mcp-server';
}

function reportDuplicate(ref: string, earlier: Accepted, later: Candidate, problems: Problem[]): void {
  if (later.inferred) {
    problems.push({
      ...locationOf(later.source),
      severity: 'warning',
      entityRef: ref,
      message: `Cairn would infer ${ref} for this repository, but ${describe(earlier.source)} already declares it. Add a catalog-info.yaml with its own name.`,
    });
    return;
  }
  problems.push({
    ...locationOf(later.source),
    severity: 'error',
    entityRef: ref,
    message: `${ref} is declared twice: this declaration is ignored because ${describe(earlier.source)} declares it first. Entity refs must be unique; rename or remove one.`,
  });
  problems.push({
    ...locationOf(earlier.source),
    severity: 'warning',
    entityRef: ref,
    message: `${ref} is also declared at ${describe(later.source)}, which is ignored; this declaration wins. Entity refs must be unique; rename or remove one.`,
  });
}

/** The kinds a reference field may name, as Backstage's relation fields allow them; a field not here may name any. */
const REFERENCE_KINDS: Readonly<Record<string, readonly string[]>> = {
  owner: ['group', 'user'],
  system: ['system'],
  domain: ['domain'],
  providesApis: ['api'],
  consumesApis: ['api'],
  subcomponentOf: ['component'],
  subdomainOf: ['domain'],
  parent: ['group'],
  children: ['group'],
  members: ['user'],
  memberOf: ['group'],
};

/**
 * References to entities that are not in the catalog. Backstage keeps such relations (the target
 * may be registered later), and so does Cairn; the warning tells the author, and names an entity
 * of another kind the field allows, with the same name, when there is one.
 */
function danglingReferences(accepted: ReadonlyMap<string, Accepted>, known: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  // Refs by namespace and name, whatever their kind: `owner: jdoe` is group:default/jdoe, and the user:default/jdoe meant.
  const byName = Map.groupBy([...accepted.keys(), ...known], (ref) => ref.slice(ref.indexOf(':') + 1));
  for (const entry of accepted.values()) {
    const reported = new Set<string>();
    for (const reference of entry.references) {
      if (accepted.has(reference.targetRef) || known.has(reference.targetRef)) continue;
      const key = `${reference.field}\0${reference.targetRef}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const location = locationOf(entry.source);
      const line = entry.fields?.[`/spec/${reference.field}`];
      const allowed = REFERENCE_KINDS[reference.field];
      const [other] = (byName.get(reference.targetRef.slice(reference.targetRef.indexOf(':') + 1)) ?? [])
        .filter((ref) => !allowed || allowed.includes(ref.slice(0, ref.indexOf(':'))))
        .sort(compare);
      const otherKind = other
        ? ` ${other} is: write \`${other.slice(0, other.indexOf(':'))}:${reference.value.replace(/^[^:]*:/, '')}\` if that is the one meant.`
        : '';
      problems.push({
        ...location,
        ...(location.line !== undefined && line !== undefined ? { line } : {}),
        severity: 'warning',
        entityRef: entry.ref,
        message: `${entry.ref} refers to ${reference.targetRef} in spec.${reference.field} (written ${JSON.stringify(reference.value)}), which is not in the catalog. Expected an entity with that ref in some repository or in the portal's teams/ folder.${otherKind}${reference.field === 'owner' ? ownerNamespaceHint(reference.value) : ''}`,
      });
    }
  }
  return problems;
}

function contentCandidates(content: readonly ContentDocument[]): Candidate[] {
  return [...content]
    .sort((a, b) => compare(a.file, b.file) || a.line - b.line)
    .map((document) => ({
      data: document.data,
      source: { file: document.file, line: document.line, ...(document.url ? { url: document.url } : {}) },
      ...(document.fields ? { fields: document.fields } : {}),
      inferred: false,
    }));
}

function repoCandidates(repo: CatalogRepo): Candidate[] {
  return [...(repo.facts.descriptors?.documents ?? [])]
    .sort((a, b) => compare(a.file, b.file) || a.line - b.line)
    .map((document) => ({
      data: document.data,
      source: repoSource(repo, document.file, document.line),
      ...(document.fields ? { fields: document.fields } : {}),
      inferred: false,
    }));
}

function sortedRepos(repos: readonly CatalogRepo[]): CatalogRepo[] {
  return [...repos].sort((a, b) => compare(a.name, b.name));
}

/** Where a declaration lives, with a link pinned to the scanned commit when the web UI is known. */
function repoSource(repo: CatalogRepo, file: string, line: number): EntitySource {
  const url = repo.headCommit ? sourceLinks(repo.webUrl, repo.forge)?.file(repo.headCommit, file, line) : undefined;
  return { repo: repo.name, file, line, ...(url ? { url } : {}) };
}

/** An inferred entity has no file: its source is the repository itself (`.`), linked at the scanned commit. */
function inferredSource(repo: CatalogRepo): EntitySource {
  const links = sourceLinks(repo.webUrl, repo.forge);
  const url = links && repo.headCommit ? links.folder(repo.headCommit) : links?.repository;
  return { repo: repo.name, file: INFERRED_FILE, line: 1, ...(url ? { url } : {}) };
}

/** The problem fields locating a source; an inferred entity has no file to point at, only its repository. */
function locationOf(source: EntitySource): Pick<Problem, 'repo' | 'file' | 'line'> {
  const repo = source.repo ? { repo: source.repo } : {};
  return source.file === INFERRED_FILE ? repo : { ...repo, file: source.file, line: source.line };
}

/** `repository payments, catalog-info.yaml line 3`, or `content/teams/a.yaml line 3`. */
function describe(source: EntitySource): string {
  const file = source.file === INFERRED_FILE ? 'its repository root (inferred)' : `${source.file} line ${source.line}`;
  return source.repo ? `repository ${source.repo}, ${file}` : file;
}

function stripPeriod(text: string): string {
  return text.replace(/\.\s*$/, '');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
