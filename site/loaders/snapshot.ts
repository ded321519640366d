import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'zod';
import { plainData } from '../../collectors/contract/helpers.ts';
import { snapshotSchema, type RepoSnapshot, type Snapshot } from '../../collectors/contract/snapshot.ts';

/** The snapshot file to render: `CAIRN_SNAPSHOT` (set by the CLI), else `.cache/snapshot.json` under the project root. */
function snapshotPath(root: URL): string {
  return resolve(fileURLToPath(root), process.env.CAIRN_SNAPSHOT || '.cache/snapshot.json');
}

/** Parsed snapshots by file, so the collections share one read and one validation per version of the file. */
const parsed = new Map<string, { modified: number; snapshot: Promise<Snapshot> }>();

/**
 * Reads and validates a snapshot. Any failure (missing file, bad JSON, schema mismatch) throws an
 * error that names the file and, for a mismatch, every invalid field — and so fails the build.
 */
async function readSnapshot(file: string): Promise<Snapshot> {
  const modified = await stat(file).then(
    (stats) => stats.mtimeMs,
    () => {
      throw new Error(`No snapshot at ${file}. Collect the catalog first, or point CAIRN_SNAPSHOT at a snapshot file.`);
    },
  );
  const cached = parsed.get(file);
  if (cached?.modified === modified) return cached.snapshot;
  const snapshot = readFile(file, 'utf8').then((text) => validateSnapshot(file, text));
  parsed.set(file, { modified, snapshot });
  return snapshot;
}

function validateSnapshot(file: string, text: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The snapshot ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = snapshotSchema.safeParse(json);
  if (!result.success) throw new Error(`The snapshot ${file} does not match Cairn's snapshot schema:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** One entry of a collection, picked from the snapshot. */
export interface SnapshotEntry {
  id: string;
  data: Record<string, unknown>;
}

/**
 * A content-layer loader that fills a collection with the entries `select` picks from the snapshot.
 * The snapshot was validated as a whole; each entry is stored as plain data (`plainData`: no
 * control characters, no `__proto__` keys, which would stop Astro's data store), whatever Cairn
 * version wrote the file. In dev, a change to the file reloads the collection.
 */
export function snapshotLoader(select: (snapshot: Snapshot) => SnapshotEntry[]): Loader {
  return {
    name: 'cairn-snapshot',
    async load({ store, config, generateDigest, watcher, logger }) {
      const file = snapshotPath(config.root);
      const fill = async () => {
        const entries = select(await readSnapshot(file));
        store.clear();
        for (const entry of entries) {
          const data = plainData(entry.data);
          store.set({ id: entry.id, data, digest: generateDigest(data) });
        }
      };
      await fill();
      watcher?.add(file);
      watcher?.on('change', (changed) => {
        if (changed === file) fill().catch((error: unknown) => logger.error((error as Error).message));
      });
    },
  };
}

/**
 * A repository as the site stores it: its descriptor documents without their parsed YAML. The
 * pages read entities, never raw descriptors, and a raw document is whatever its author wrote.
 */
export function siteRepo(repo: RepoSnapshot): RepoSnapshot {
  const { descriptors } = repo.facts;
  if (!descriptors) return repo;
  return {
    ...repo,
    facts: {
      ...repo.facts,
      descriptors: {
        files: descriptors.files,
        documents: descriptors.documents.map(({ file, line }) => ({ file, line, data: undefined })),
      },
    },
  };
}
