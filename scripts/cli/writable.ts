import { constants } from 'node:fs';
import { access, mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { firstLine } from '../../collectors/support/errors.ts';

/**
 * Bad usage, before any work is done, unless Cairn can write `path` as a file or a folder: if it
 * exists, it is of that kind and can be written to; otherwise the nearest folder on the way that
 * exists can be written in, and nothing on the way is a file. `given` is how the user gave it
 * (`--snapshot data/snapshot.json`).
 */
export async function assertWritable(path: string, given: string, kind: 'file' | 'folder'): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found) {
    if (kind === 'folder' && !found.isDirectory()) throw new ConfigError(`${given} is a file; expected a folder.`);
    if (kind === 'file' && found.isDirectory()) throw new ConfigError(`${given} is a folder; expected a file name.`);
    // A regular file is replaced through its folder; a device such as /dev/null is written in place.
    const written = kind === 'file' && found.isFile() ? dirname(path) : path;
    if (!(await canWrite(written))) throw new ConfigError(`${given}: ${written} cannot be written to (permission denied).`);
    return;
  }
  for (let child = path, parent = dirname(path); parent !== child; child = parent, parent = dirname(parent)) {
    const ancestor = await stat(parent).catch(() => undefined);
    if (!ancestor) continue;
    if (!ancestor.isDirectory()) throw new ConfigError(`${given}: ${parent} is a file, not a folder, so nothing can be written below it.`);
    if (!(await canWrite(parent))) throw new ConfigError(`${given}: ${parent} cannot be written to (permission denied).`);
    await assertCanCreate(child, given);
    return;
  }
}

/**
 * Creates the folder `path` and removes it again, so that a file system that refuses new folders
 * (`/proc`) says so now: Node's recursive `mkdir` would retry such a folder forever.
 */
async function assertCanCreate(path: string, given: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return;
    throw new ConfigError(`${given}: ${path} cannot be created (${code ?? firstLine(error)}).`);
  }
  await rmdir(path);
}

async function canWrite(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}
