import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import { specString } from './entity.ts';
import { safeWebHref } from './links.ts';

/**
 * Characters of a definition an API page shows: an OpenAPI document of a large API is megabytes,
 * and a page stays a page; `catalog.json` has the whole of it.
 */
export const API_DEFINITION_SHOWN = 100_000;

/** How the API types Backstage knows are written. */
const API_TYPE_NAMES: Record<string, string> = { openapi: 'OpenAPI', asyncapi: 'AsyncAPI', graphql: 'GraphQL', grpc: 'gRPC', trpc: 'tRPC' };

/** What an API page shows of `spec.definition`, as Backstage's Definition tab does: the text, or the address Cairn does not fetch. */
export type ApiDefinitionView =
  { url: string; href?: string } | { type?: string; text: string; lines: number; characters: number; shownCharacters?: number };

export function apiDefinitionView(entity: CatalogEntity): ApiDefinitionView | undefined {
  if (entity.kind !== 'API') return undefined;
  const definition = specString(entity, 'definition');
  if (!definition?.trim()) return undefined;
  const written = specString(entity, 'type');
  const type = written && (API_TYPE_NAMES[written.toLowerCase()] ?? written);
  if (/^https?:\/\/\S+$/.test(definition.trim())) {
    const url = definition.trim();
    const href = safeWebHref(url);
    return { url, ...(href ? { href } : {}) };
  }
  // Not between the two halves of a character outside the BMP (an emoji): that would show as �.
  const end = /[\uD800-\uDBFF]/.test(definition.charAt(API_DEFINITION_SHOWN - 1)) ? API_DEFINITION_SHOWN - 1 : API_DEFINITION_SHOWN;
  const shown = definition.length > API_DEFINITION_SHOWN ? definition.slice(0, end) : definition;
  return {
    ...(type ? { type } : {}),
    text: shown,
    lines: definition.split('\n').length,
    characters: definition.length,
    ...(shown.length < definition.length ? { shownCharacters: shown.length } : {}),
  };
}
