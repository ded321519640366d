import { z } from 'zod';
import { entitySchema } from '../../collectors/contract/snapshot.ts';

/** A published portal's `catalog.json` (site/lib/exports.ts): its entities as the snapshot has them, but for field lines. */
export const catalogFileSchema = z.object({ generatedAt: z.string(), entities: z.array(entitySchema) });

/** Whether parsed JSON is shaped as a published catalog.json rather than a snapshot: entities, and no schemaVersion. */
export function isCatalogExport(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'entities' in json && !('schemaVersion' in json);
}
