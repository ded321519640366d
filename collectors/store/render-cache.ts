import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderCache } from '../docs/index.ts';
import type { RenderedSite } from '../docs/render-site.ts';
import { writeFileAtomically } from './atomic-write.ts';

/**
 * Docs sites rendered by earlier runs, one JSON file per site in `dir`, found by a hash of
 * everything the rendering reads (the stage computes it) salted with the renderer's own version
 * (`salt`: a hash of its rendering code), so a nightly run renders only docs that
 * changed. `prune` removes the entries this run did not use, which keeps the folder the size of
 * one run's docs. An entry that cannot be read is rendered again: the cache only ever saves work.
 */
export class FileRenderCache implements RenderCache {
  readonly #dir: string;
  readonly #salt: string;
  readonly #used = new Set<string>();

  constructor(dir: string, salt: string) {
    this.#dir = dir;
    this.#salt = salt;
  }

  async get(key: string): Promise<RenderedSite | undefined> {
    const name = this.#name(key);
    try {
      const site = JSON.parse(await readFile(join(this.#dir, name), 'utf8')) as RenderedSite;
      if ([site.pages, site.nav, site.assets, site.problems, site.otherPaths].some((field) => !Array.isArray(field))) return undefined;
      this.#used.add(name);
      return site;
    } catch {
      return undefined;
    }
  }

  async set(key: string, site: RenderedSite): Promise<void> {
    const name = this.#name(key);
    this.#used.add(name);
    await writeFileAtomically(join(this.#dir, name), JSON.stringify(site));
  }

  /** Removes the entries this run did not use (renamed away or changed docs, older renderers). */
  async prune(): Promise<void> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((name) => name.endsWith('.json') && !this.#used.has(name)).map((name) => rm(join(this.#dir, name), { force: true })),
    );
  }

  #name(key: string): string {
    return `${createHash('sha256').update(this.#salt).update('\0').update(key).digest('hex')}.json`;
  }
}

/** The renderer's version: a hash of the rendering code (collectors/docs/), so that a new Cairn, or an edit in a checkout, renders again. */
export async function rendererVersion(): Promise<string> {
  const docsDir = rendererSources(import.meta.dirname);
  const hash = createHash('sha256');
  for (const name of (await readdir(docsDir).catch(() => [] as string[])).sort()) {
    if (/\.(ts|js)$/.test(name)) hash.update(name).update(await readFile(join(docsDir, name)));
  }
  return hash.digest('hex');
}

/**
 * The folder collectors/docs/ in or above `dir`: found from this module in the sources, and from
 * build/ when compiled (the package ships the collectors' sources, which the site renders with).
 */
function rendererSources(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const docs = join(at, 'collectors', 'docs');
    if (existsSync(join(docs, 'index.ts'))) return docs;
    if (dirname(at) === at) return join(dir, '..', 'docs');
  }
}
