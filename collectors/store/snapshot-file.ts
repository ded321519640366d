import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { SNAPSHOT_SCHEMA_VERSION, snapshotSchema, type Snapshot } from '../contract/snapshot.ts';
import { removeUnfinishedWrites, writeFileAtomically } from './atomic-write.ts';

/**
 * Writes the snapshot to a temporary file beside `path` and renames it into place, so a run killed
 * halfway leaves the previous snapshot intact. Its readers validate it (`readSnapshot`, the site):
 * validating Cairn's own output here as well took a tenth of a warm run, and a copy of it in memory.
 */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  // Not indented: at a thousand repositories indenting made the file two thirds larger (22 MB against
  // 13), and slower to write and to read for every command after.
  await writeFileAtomically(path, `${JSON.stringify(snapshot)}\n`);
  // What earlier runs killed while writing it left beside it.
  await removeUnfinishedWrites(dirname(path), basename(path));
}

/** Reads and validates a snapshot; a file from another schema version or a broken one throws a clear error. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  return parseSnapshot(path, await readFile(path, 'utf8'));
}

/** A snapshot's text (read from `path`, named in errors) validated as readSnapshot does. */
export function parseSnapshot(path: string, text: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(path, (error as Error).message);
  }
  const { schemaVersion: version, kind } = (typeof json === 'object' && json !== null ? json : {}) as {
    schemaVersion?: unknown;
    kind?: unknown;
  };
  if (kind === 'cairn-partial-snapshot')
    throw new SnapshotError(path, 'a partial snapshot of one shard', 'Merge the shards into a snapshot first (cairn merge).');
  if (version === undefined) throw new SnapshotError(path, 'not a Cairn snapshot (it has no schemaVersion)');
  if (version !== SNAPSHOT_SCHEMA_VERSION)
    throw new SnapshotError(
      path,
      `snapshot schema version ${String(version)}, this Cairn reads version ${SNAPSHOT_SCHEMA_VERSION}`,
      'Collect again.',
    );
  const result = snapshotSchema.safeParse(json);
  if (!result.success) throw new SnapshotError(path, 'not a valid Cairn snapshot', z.prettifyError(result.error));
  return result.data;
}

/** A snapshot file that cannot be read as one: `reason` says why in a phrase, `detail` what to do or where. */
export class SnapshotError extends Error {
  readonly path: string;
  readonly reason: string;
  /** Where in the file, or what to do (`→ at entities[3].metadata.name`, "Collect again."). */
  readonly detail: string | undefined;

  constructor(path: string, reason: string, detail?: string) {
    super(`${path}: ${reason}${detail ? (detail.includes('\n') ? `:\n${detail}` : `. ${detail}`) : '.'}`);
    this.name = 'SnapshotError';
    this.path = path;
    this.reason = reason;
    this.detail = detail;
  }
}
