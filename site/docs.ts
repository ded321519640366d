import type { CatalogEntity, EntityDocs, RepoSnapshot } from '../collectors/contract/snapshot.ts';
import { getCatalog, getDocs } from './collections.ts';

/** Every entity's rendered repository docs, with a lookup of the entities and repositories they belong to. */
export async function loadDocs(): Promise<{
  docs: EntityDocs[];
  entityOf(ref: string): CatalogEntity | undefined;
  repoOf(name: string): RepoSnapshot | undefined;
}> {
  const [docs, catalog] = await Promise.all([getDocs(), getCatalog()]);
  return { docs, entityOf: (ref) => catalog.byRef.get(ref), repoOf: (name) => catalog.repos.get(name) };
}

const documented = new WeakMap<readonly EntityDocs[], ReadonlySet<string>>();

/** The refs of the entities whose repository docs were rendered, gathered once and asked by every entity page. */
export async function documentedEntityRefs(): Promise<ReadonlySet<string>> {
  const docs = await getDocs();
  if (!documented.has(docs)) documented.set(docs, new Set(docs.map((entry) => entry.entityRef)));
  return documented.get(docs)!;
}
