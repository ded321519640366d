/**
 * How the real-world suite reads Cairn's output: one small accessor per column of the truth table.
 * Everything that knows the shape of a fact or an entity is here, so a change of fact shape is a
 * change of this file only. Accessors report what Cairn says; they never fill a gap themselves.
 */
import { runCheck } from '../../collectors/checks/run.ts';
import { KNOWN_KINDS } from '../../collectors/catalog/validate.ts';
import { UNKNOWN_OWNER } from '../../collectors/catalog/infer.ts';
import { dependencyUpdates } from '../../collectors/checks/builtin/dependency-updates.ts';
import { DESCRIPTOR_FILES } from '../../collectors/facts/descriptors.ts';
import type { Facts } from '../../collectors/facts/index.ts';
import type { CatalogEntity, RepoSnapshot, Snapshot } from '../../collectors/contract/snapshot.ts';
import type { DependencyBot, DescriptorEntity, Verdict } from './truth.ts';

/** One repository as Cairn saw it: every fact (published or not) and the catalog entities from it. */
export interface Observation {
  name: string;
  facts: Facts;
  /** Entities whose source is this repository. */
  entities: CatalogEntity[];
  now: Date;
}

/** Pairs each collected repository with its entities from the assembled snapshot. */
export function observations(repos: RepoSnapshot[], snapshot: Snapshot): Map<string, Observation> {
  const now = new Date(snapshot.generatedAt);
  return new Map(
    repos.map((repo) => [
      repo.name,
      { name: repo.name, facts: repo.facts, entities: snapshot.entities.filter((entity) => entity.source.repo === repo.name), now },
    ]),
  );
}

/** The Component that speaks for the repository: the inferred one, or the first from its root descriptor. */
export function mainEntity(observation: Observation): CatalogEntity | undefined {
  const root = new Set<string>(DESCRIPTOR_FILES);
  return observation.entities.find((entity) => entity.kind === 'Component' && (entity.inferred || root.has(entity.source.file)));
}

/** The owner's ref from the `ownedBy` relation; Cairn's placeholder for "nobody known" reads as `unknown`. */
export function owner(observation: Observation): string | undefined {
  const entity = mainEntity(observation);
  if (!entity) return undefined;
  const ref = entity.relations.find((relation) => relation.type === 'ownedBy')?.targetRef;
  return ref === undefined || ref === UNKNOWN_OWNER ? 'unknown' : ref;
}

export function description(observation: Observation): string | undefined {
  return mainEntity(observation)?.metadata.description;
}

export function type(observation: Observation): string | undefined {
  return specString(mainEntity(observation), 'type');
}

export function lifecycle(observation: Observation): string | undefined {
  return specString(mainEntity(observation), 'lifecycle');
}

/** The first language and its share in percent. */
export function language(observation: Observation): { name: string; share: number } | undefined {
  const first = observation.facts.languages?.[0];
  return first && { name: first.name, share: Math.round(first.share * 1000) / 10 };
}

/** The license as an SPDX expression (an `expression` field when the fact has one, else its single id), or `unknown`. */
export function license(observation: Observation): string {
  const fact = observation.facts.license as (Record<string, unknown> & { spdxId?: string }) | null | undefined;
  if (!fact) return 'unknown';
  const expression = typeof fact.expression === 'string' ? fact.expression : fact.spdxId;
  return expression ?? 'unknown';
}

/** The default branch (a `defaultBranch` field when the fact has one, else the checked-out branch). */
export function defaultBranch(observation: Observation): string | undefined {
  const head = observation.facts.head as (Record<string, unknown> & { branch?: string }) | null | undefined;
  if (!head) return undefined;
  return typeof head.defaultBranch === 'string' ? head.defaultBranch : head.branch;
}

export function ci(observation: Observation): string[] {
  return sortedUnique((observation.facts.ci ?? []).map((entry) => entry.system));
}

export function manifests(observation: Observation): string[] {
  return sortedUnique((observation.facts.manifests ?? []).map((manifest) => manifest.path));
}

/** What Cairn's dependency-updates check recognises, named by the file it found. */
export function dependencyBot(observation: Observation): DependencyBot | undefined {
  const entity = mainEntity(observation);
  if (!entity) return undefined;
  const result = runCheck(dependencyUpdates, {
    entity,
    facts: observation.facts,
    catalog: new Map(observation.entities.map((each) => [each.ref, each])),
    options: {},
    now: observation.now,
  });
  // The bot configured, whether or not it covers every ecosystem (which the check also judges).
  const path = result.evidence[0]?.path ?? '';
  if (path.startsWith('.github/dependabot')) return 'dependabot';
  if (path.includes('renovate')) return 'renovate';
  // No bot: a failure, or nothing to update.
  return result.outcome === 'fail' || result.outcome === 'notApplicable' ? 'none' : undefined;
}

/** The root mkdocs config and the root docs folder Cairn found. */
export function docs(observation: Observation): { mkdocs?: string; folder?: string } {
  const fact = observation.facts.docs;
  return { ...(fact?.mkdocs ? { mkdocs: fact.mkdocs.path } : {}), ...(fact?.dir ? { folder: fact.dir } : {}) };
}

/** `@org/team` owners anywhere in CODEOWNERS. */
export function codeownersTeams(observation: Observation): string[] {
  const owners = (observation.facts.codeowners?.rules ?? []).flatMap((rule) => rule.owners);
  return sortedUnique(owners.filter((each) => /^@[^/\s]+\/[^/\s]+$/.test(each)));
}

/**
 * Every descriptor document Cairn read, with its verdict: `valid` when the catalog holds an entity
 * from that document, else `invalid` for a kind Cairn knows and `unknown-kind` for one it does not.
 */
export function descriptors(observation: Observation): DescriptorEntity[] {
  const known = new Set<string>(KNOWN_KINDS);
  const accepted = new Set(
    observation.entities.filter((entity) => !entity.inferred).map((entity) => `${entity.source.file}:${entity.source.line}`),
  );
  const documents = observation.facts.descriptors?.documents ?? [];
  return documents
    .map((document) => {
      const data = (document.data ?? {}) as { kind?: unknown; metadata?: { name?: unknown } };
      const kind = typeof data.kind === 'string' ? data.kind : '';
      const name = typeof data.metadata?.name === 'string' ? data.metadata.name : '';
      const verdict: Verdict = accepted.has(`${document.file}:${document.line}`) ? 'valid' : known.has(kind) ? 'invalid' : 'unknown-kind';
      return { file: document.file, kind, name, verdict };
    })
    .sort(compareDescriptors);
}

/** Descriptor rows in a stable order, so expected and observed lists compare as sets. */
export function compareDescriptors(a: DescriptorEntity, b: DescriptorEntity): number {
  return a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);
}

/** Collapses runs of whitespace, so a description's line breaks and double spaces do not count. */
export function normalizeText(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ').trim();
}

/**
 * An SPDX expression with the operands of a flat `OR` (or flat `AND`) sorted, since their order
 * carries no meaning; anything with parentheses or mixed operators is compared as written.
 */
export function normalizeSpdx(expression: string): string {
  const trimmed = expression.trim();
  if (trimmed.includes('(')) return trimmed;
  for (const operator of [' OR ', ' AND ']) {
    const parts = trimmed.split(operator);
    if (parts.length > 1 && parts.every((part) => !/ (OR|AND) /.test(part)))
      return parts
        .map((part) => part.trim())
        .sort()
        .join(operator);
  }
  return trimmed;
}

function specString(entity: CatalogEntity | undefined, field: string): string | undefined {
  const value = (entity?.spec as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
