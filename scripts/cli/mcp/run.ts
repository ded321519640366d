import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import type { McpPortal } from './portal.ts';
import { cairnServer } from './server.ts';
import type { SnapshotSource } from './snapshot-portal.ts';

export interface McpValues extends SnapshotSource {
  portal?: string | undefined;
}

/** The portal the options name: a published one (`--portal`), else a snapshot on disk. */
export async function loadPortal(values: McpValues): Promise<McpPortal> {
  if (values.portal === undefined) return (await import('./snapshot-portal.ts')).snapshotPortal(values);
  const extra = (['snapshot', 'config', 'site'] as const).filter((name) => values[name] !== undefined);
  if (extra.length > 0)
    throw new ConfigError(
      `cairn mcp: --portal serves a published portal as it is; --${extra.join(' and --')} ${extra.length === 1 ? 'does' : 'do'} not apply.`,
    );
  return (await import('./published-portal.ts')).publishedPortal(values.portal);
}

/**
 * `cairn mcp`: loads the portal (a bad option or file exits 2 before anything is served), then
 * answers over stdin and stdout until the client closes stdin. Standard output carries the
 * protocol only; the one line about what is served goes to standard error.
 */
export async function runMcp(values: McpValues): Promise<number> {
  const portal = await loadPortal(values);
  const server = cairnServer(portal);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  await server.connect(transport);
  process.stderr.write(`Cairn MCP server: ${portal.title}, ${portal.catalog.entities.length} entities, from ${portal.origin}, on stdio.\n`);
  const end = () => void server.close();
  process.stdin.once('end', end);
  process.stdin.once('close', end);
  await closed;
  return 0;
}
