import { getCollection } from 'astro:content';
import type { CatalogEntity, EntityDocs, RepoSnapshot } from '../collectors/contract/snapshot.ts';

/** Every entity's rendered repository docs, with a lookup of the entities and repositories they belong to. */
export async function loadDocs(): Promise<{
  docs: EntityDocs[];
  entityOf(ref: string): CatalogEntity | undefined;
  repoOf(name: string): RepoSnapshot | undefined;
}> {
  const [docs, entities, repos] = await Promise.all([getCollection('docs'), getCollection('entities'), getCollection('repos')]);
  const byRef = new Map(entities.map((entry) => [entry.data.ref, entry.data]));
  const byName = new Map(repos.map((entry) => [entry.data.name, entry.data]));
  return { docs: docs.map((entry) => entry.data), entityOf: (ref) => byRef.get(ref), repoOf: (name) => byName.get(name) };
}

/** The refs of the entities whose repository docs were rendered, looked up once for every entity page. */
export async function documentedEntityRefs(): Promise<Set<string>> {
  return new Set((await getCollection('docs')).map((entry) => entry.id));
}
