import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server; `url` is the site's root, base path included (`http://127.0.0.1:PORT/portal/`). */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `root` under `base` on 127.0.0.1 and a free port, as GitHub Pages would:
 * `dir/` serves `dir/index.html`, anything outside the base or the folder is a 404.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const target = path.startsWith(prefix) ? await servedFile(rootDir, decodeURIComponent(path.slice(prefix.length))) : undefined;
    if (!target) {
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.txt']! }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' });
    response.end(await readFile(target));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((closed, failed) => {
        server.close((error) => (error ? failed(error) : closed()));
        server.closeAllConnections();
      }),
  };
}

/** The file to send for a site path: the file itself or a folder's index.html, never anything outside `rootDir`. */
async function servedFile(rootDir: string, sitePath: string): Promise<string | undefined> {
  const file = resolve(rootDir, `.${sep}${sitePath}`);
  if (file !== rootDir && !file.startsWith(rootDir + sep)) return undefined;
  const stats = await stat(file).catch(() => undefined);
  if (stats?.isDirectory()) return servedFile(rootDir, join(sitePath, 'index.html'));
  return stats?.isFile() ? file : undefined;
}
