import { cp, mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Write-then-rename, the one way Cairn writes output files: a run killed half-way leaves the
 * previous file whole, never a truncated one. A device or a pipe (`--output /dev/stdout`) is written
 * in place, as renaming onto it would replace it with a file; a symlink's file is replaced, and the
 * link kept.
 */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) return writeFile(path, content);
  const target = existing ? await realpath(path) : path;
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The temporary file of a write above (`<file>.<pid>.<ms>.tmp`): the process that writes it. */
const TEMPORARY_WRITER = /\.(\d+)\.\d+\.tmp$/;

/**
 * Removes from `dir` the temporary files of writes that a killed run never finished, of any file or
 * of the file `named`: those of processes no longer running (a run sharing the folder, still
 * writing, is left alone).
 */
export async function removeUnfinishedWrites(dir: string, named?: string): Promise<void> {
  await removeLeftovers(dir, (name) =>
    named !== undefined && !name.startsWith(`${named}.`) ? undefined : Number(TEMPORARY_WRITER.exec(name)?.[1]) || undefined,
  );
}

/**
 * Removes the entries of `dir` (files or folders) that `makerOf` says a process made, when that
 * process no longer runs: what killed runs left. An entry of a run still going is left to it.
 */
export async function removeLeftovers(dir: string, makerOf: (name: string) => number | undefined): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = makerOf(name);
    if (pid && !isRunning(pid)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** The file a temporary path stands for: `<file>` of `<file>.<pid>.<ms>.tmp` or of `<folder>.incoming-<pid>`. */
export function intendedPath(path: string): string {
  return path.replace(TEMPORARY_WRITER, '').replace(/\.incoming-\d+$/, '');
}

/** Whether a process is alive (another run sharing a folder is left alone). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts the folder `from` where `to` is, removing the old `to` only once the new one is in place: `to`
 * is missing for the moment between two renames at most. A run killed in that moment leaves
 * `<to>.outgoing-<pid>` (the previous folder) and `<to>.incoming-<pid>` beside it, for the next run
 * to put back. A `from` on another file system is copied first.
 */
export async function replaceDirectory(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const incoming = `${to}.incoming-${process.pid}`;
  const outgoing = `${to}.outgoing-${process.pid}`;
  try {
    await rename(from, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, incoming, { recursive: true });
  }
  await rename(to, outgoing).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(incoming, to);
  await rm(outgoing, { recursive: true, force: true });
}
