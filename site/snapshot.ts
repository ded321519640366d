import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { plainData } from '../collectors/contract/helpers.ts';
import { snapshotSchema, type RepoSnapshot, type Snapshot } from '../collectors/contract/snapshot.ts';

/**
 * The snapshot as the site reads it: straight from the file, validated once, cleaned once. It is
 * not put in Astro's content collections: the data store would copy every entry, serialise the whole
 * store and load it back as one JavaScript module, which for ten thousand entities took most of a
 * build's time and memory.
 */

/** The snapshot file to render: `CAIRN_SNAPSHOT` (set by the CLI), else `.cache/snapshot.json` in the working folder. */
export function snapshotPath(): string {
  return resolve(process.env.CAIRN_SNAPSHOT || '.cache/snapshot.json');
}

/** Snapshots by file, so every page shares one read and one validation per version of the file. */
const parsed = new Map<string, { modified: number; snapshot: Promise<Snapshot> }>();

/**
 * The snapshot in `file`, validated and made plain (`plainData`: no control characters, no
 * `__proto__` keys), whatever Cairn version wrote it; read again only when the file changes (in
 * `cairn dev`). Any failure (missing file, bad JSON, schema mismatch) throws an error that names the
 * file and, for a mismatch, every invalid field — and so fails the build.
 */
export async function readSiteSnapshot(file: string): Promise<Snapshot> {
  const modified = await stat(file).then(
    (stats) => stats.mtimeMs,
    () => {
      throw new Error(`No snapshot at ${file}. Collect the catalog first, or point CAIRN_SNAPSHOT at a snapshot file.`);
    },
  );
  const cached = parsed.get(file);
  if (cached?.modified === modified) return cached.snapshot;
  const snapshot = readFile(file, 'utf8').then((text) => {
    const valid = validateSnapshot(file, text);
    return plainData({ ...valid, repos: valid.repos.map(siteRepo) });
  });
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

/**
 * A repository as the site keeps it: its descriptor documents without their parsed YAML, but for
 * each one's kind and a Location's targets (what an inferred entity's page says of them). The
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
        documents: descriptors.documents.map(({ file, line, data }) => ({ file, line, data: kindAndTargets(data) })),
        ...(descriptors.unread ? { unread: descriptors.unread } : {}),
      },
    },
  };
}

function kindAndTargets(data: unknown): { kind: string; spec?: { target?: unknown; targets?: unknown } } | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { kind, spec } = data as { kind?: unknown; spec?: { target?: unknown; targets?: unknown } };
  if (typeof kind !== 'string') return undefined;
  return kind === 'Location' && spec && typeof spec === 'object'
    ? { kind, spec: { target: spec.target, targets: spec.targets } }
    : { kind };
}
