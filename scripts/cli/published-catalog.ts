import { z } from 'zod';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { entitySchema } from '../../collectors/contract/snapshot.ts';

/** A published portal's `catalog.json` (site/lib/exports.ts): its entities as the snapshot has them, but for field lines. */
export const catalogFileSchema = z.object({ generatedAt: z.string(), entities: z.array(entitySchema) });

/** Whether parsed JSON is shaped as a published catalog.json rather than a snapshot: entities, and no schemaVersion. */
export function isCatalogExport(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'entities' in json && !('schemaVersion' in json);
}

/**
 * A portal's file at an http(s) URL the user gave (`--standards`, `--catalog`; never one a
 * repository names); what went wrong is the error's message, a phrase.
 */
export async function fetchPublished(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
    throw new Error(`could not fetch it (${(error as Error).message})`);
  });
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
  return response.text();
}

/**
 * Refuses a URL given with a user name or password (`flag` names the option): Cairn sends no
 * credentials, and no message may print them, so the URL is named without them.
 */
export function refuseCredentials(flag: string, location: string): void {
  if (!/^https?:\/\//i.test(location) || !URL.canParse(location)) return;
  const url = new URL(location);
  if (!url.username && !url.password) return;
  url.username = '';
  url.password = '';
  throw new ConfigError(
    `${flag} ${url.href.replace('//', '//…@')}: the URL carries a user name or password, which Cairn neither sends nor prints. Give it without them, or download the file and pass its path.`,
  );
}
