import { getCollection, getEntry } from 'astro:content';
import type { CatalogEntity, EntityDocs, RepoSnapshot } from '../collectors/snapshot.ts';
import { docsHomeHref } from './lib/paths.ts';

/** Every entity's rendered repository docs, with a lookup of the entities and repositories they belong to. */
export async function loadDocs(): Promise<{ docs: EntityDocs[]; entityOf(ref: string): CatalogEntity | undefined; repoOf(name: string): RepoSnapshot | undefined }> {
  const [docs, entities, repos] = await Promise.all([getCollection('docs'), getCollection('entities'), getCollection('repos')]);
  const byRef = new Map(entities.map((entry) => [entry.data.ref, entry.data]));
  const byName = new Map(repos.map((entry) => [entry.data.name, entry.data]));
  return { docs: docs.map((entry) => entry.data), entityOf: (ref) => byRef.get(ref), repoOf: (name) => byName.get(name) };
}

/** Link to the docs home of the entity `ref`, when its repository docs were rendered. */
export async function entityDocsHref(ref: string): Promise<string | undefined> {
  // A filtered collection, not getEntry: most entities have no docs, and getEntry warns for each.
  if ((await getCollection('docs', (entry) => entry.id === ref)).length === 0) return undefined;
  const entity = await getEntry('entities', ref);
  return entity ? docsHomeHref(entity.data) : undefined;
}
